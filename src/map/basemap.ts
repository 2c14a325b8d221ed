/**
 * The built-in offline basemap: sea, land, coastlines, land borders and country labels from
 * Natural Earth, in a light and a dark theme, with English or Spanish labels.
 *
 * Nothing leaves the page's origin: the country data comes from lazily imported chunks, there is
 * no `glyphs` URL (MapLibre draws labels with the reader's local sans-serif fonts) and no sprite.
 *
 * Layer order, bottom to top, and where the app's own layers go:
 *
 * | id                   | what                                  |
 * | -------------------- | ------------------------------------- |
 * | `basemap-background` | sea                                   |
 * | `basemap-land`       | country fills                         |
 * |                      | ← country shading (occupancy), focus highlight fills: `beforeId` = {@link BASEMAP_SHADING_BEFORE_ID} |
 * | `basemap-coastline`  | outline of every country polygon      |
 * | `basemap-borders`    | land borders between countries        |
 * | `basemap-labels`     | country names                         |
 * |                      | ← facilities, transfers: added on top (no `beforeId`) |
 *
 * Only types are imported from maplibre-gl, so this module does not pull MapLibre into a chunk.
 */
import { PALETTES, type Theme } from '../encodings/palette.js';
import type {
  AllPaintProperties,
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSource,
  GeoJSONSourceSpecification,
  LayerSpecification,
  Map as MaplibreMap,
  StyleSpecification,
} from 'maplibre-gl';
import type {Feature, FeatureCollection, Point} from 'geojson';
import {
  countryAnchors,
  countryAreas,
  loadCountryShapes,
  type CountryLang,
} from '../geo/countries.js';

export type BasemapTheme = Theme;
export type BasemapLang = CountryLang;

/** GeoJSON source of country polygons; features carry `iso3`, `name_en`, `name_es`; `promoteId` is `iso3`. */
export const COUNTRY_SOURCE_ID = 'countries';
/** GeoJSON source of land borders (shared edges only). */
export const BORDER_SOURCE_ID = 'country-borders';
/** GeoJSON source of label points (one per ISO code), with `iso3`, `name_en`, `name_es`, `area_km2`. */
export const COUNTRY_LABEL_SOURCE_ID = 'country-labels';

export const BASEMAP_LAYER_IDS = {
  background: 'basemap-background',
  land: 'basemap-land',
  coastline: 'basemap-coastline',
  borders: 'basemap-borders',
  labels: 'basemap-labels',
} as const;

/** Insert fills that shade or highlight countries before this layer: above land, below lines and labels. */
export const BASEMAP_SHADING_BEFORE_ID = BASEMAP_LAYER_IDS.coastline;
/** The topmost basemap layer. Facilities and transfers are added after it (on top). */
export const BASEMAP_LAST_LAYER_ID = BASEMAP_LAYER_IDS.labels;

/** Zoom from which the 10m (1:10 million) Natural Earth detail replaces 50m. */
export const DETAIL_ZOOM = 3.5;

/** The local fonts labels are drawn with (no glyph server); the first that exists wins. */
export const LABEL_FONTS = ['Helvetica Neue', 'Arial', 'Liberation Sans', 'Noto Sans', 'DejaVu Sans', 'sans-serif'];

/**
 * Smallest country (km²) labelled at each zoom, so the world view shows the large countries and
 * small ones appear as the reader zooms in. Zoom in filters is evaluated at integer zooms.
 */
const LABEL_MIN_AREA: ReadonlyArray<[zoom: number, km2: number]> = [[0, 1_500_000], [2, 250_000], [3, 60_000], [4, 8_000], [5, 0]];

/**
 * Which countries are named: by size at each zoom, as above, except the story's countries (the
 * data's), which are named at every zoom and placed before any other. MapLibre only accepts
 * `zoom` in a top-level step, so the story test is repeated in each step.
 */
export function countryLabelFilter(story: readonly string[] = []): FilterSpecification {
  const inStory: ExpressionSpecification = ['in', ['get', 'iso3'], ['literal', [...story]]];
  const step = (km2: number): ExpressionSpecification => (km2 === 0 ? ['literal', true] : ['any', inStory, ['>=', ['get', 'area_km2'], km2]]);
  const [[, first], ...rest] = LABEL_MIN_AREA;
  return ['step', ['zoom'], step(first), ...rest.flatMap(([zoom, km2]) => [zoom, step(km2)])] as FilterSpecification;
}

/** The story's countries first, then the largest. */
function countryLabelSortKey(story: readonly string[]): ExpressionSpecification {
  return ['case', ['in', ['get', 'iso3'], ['literal', [...story]]], -1e12, ['-', 0, ['get', 'area_km2']]];
}

/** The story's countries in the data's own label colours (palette `storyLabel`), others as the basemap's. */
function countryLabelColor(story: readonly string[], storyColor: string, otherColor: string): ExpressionSpecification | string {
  return story.length ? ['case', ['in', ['get', 'iso3'], ['literal', [...story]]], storyColor, otherColor] : otherColor;
}

/** Names the story's countries first (see {@link countryLabelFilter}), in the current theme. */
export function applyStoryCountries(map: MaplibreMap, story: readonly string[], theme: BasemapTheme): void {
  if (!map.getLayer(BASEMAP_LAYER_IDS.labels)) return;
  map.setFilter(BASEMAP_LAYER_IDS.labels, countryLabelFilter(story));
  map.setLayoutProperty(BASEMAP_LAYER_IDS.labels, 'symbol-sort-key', countryLabelSortKey(story));
  const palette = PALETTES[theme];
  map.setPaintProperty(BASEMAP_LAYER_IDS.labels, 'text-color', countryLabelColor(story, palette.storyLabel.text, palette.basemap.label));
  map.setPaintProperty(BASEMAP_LAYER_IDS.labels, 'text-halo-color', countryLabelColor(story, palette.storyLabel.halo, palette.basemap.labelHalo));
}

function labelTextField(lang: BasemapLang): ['get', string] {
  return ['get', lang === 'es' ? 'name_es' : 'name_en'];
}

function basemapLayers(theme: BasemapTheme, lang: BasemapLang): LayerSpecification[] {
  const c = PALETTES[theme].basemap;
  return [
    {id: BASEMAP_LAYER_IDS.background, type: 'background', paint: {'background-color': c.sea}},
    {
      id: BASEMAP_LAYER_IDS.land,
      type: 'fill',
      source: COUNTRY_SOURCE_ID,
      paint: {'fill-color': c.land, 'fill-antialias': true},
    },
    {
      id: BASEMAP_LAYER_IDS.coastline,
      type: 'line',
      source: COUNTRY_SOURCE_ID,
      layout: {'line-join': 'round'},
      paint: {
        'line-color': c.coastline,
        'line-width': ['interpolate', ['linear'], ['zoom'], 0, 0.4, 6, 1],
      },
    },
    {
      id: BASEMAP_LAYER_IDS.borders,
      type: 'line',
      source: BORDER_SOURCE_ID,
      layout: {'line-join': 'round', 'line-cap': 'round'},
      paint: {
        'line-color': c.border,
        'line-width': ['interpolate', ['linear'], ['zoom'], 0, 0.5, 6, 1.2],
      },
    },
    {
      id: BASEMAP_LAYER_IDS.labels,
      type: 'symbol',
      source: COUNTRY_LABEL_SOURCE_ID,
      filter: countryLabelFilter(),
      layout: {
        'text-field': labelTextField(lang),
        'text-font': LABEL_FONTS,
        'text-size': [
          'interpolate',
          ['linear'],
          ['zoom'],
          1,
          ['case', ['>=', ['get', 'area_km2'], 3_000_000], 12, 10],
          5,
          ['case', ['>=', ['get', 'area_km2'], 100_000], 15, 13],
        ],
        'text-max-width': 7,
        // A name may move off its anchor (a facility's label there wins) rather than disappear.
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.7,
        'text-letter-spacing': 0.03,
        'text-padding': 4,
        'symbol-sort-key': countryLabelSortKey([]),
      },
      paint: {
        'text-color': c.label,
        'text-halo-color': c.labelHalo,
        'text-halo-width': 1.4,
        'text-halo-blur': 0.4,
      },
    },
  ];
}

function labelPoints(
  anchors: Map<string, [number, number]>,
  areas: Map<string, number>,
  names: Map<string, {name_en: string; name_es: string}>,
): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const [iso3, coordinates] of anchors) {
    const name = names.get(iso3);
    if (!name) continue;
    features.push({
      type: 'Feature',
      geometry: {type: 'Point', coordinates},
      properties: {iso3, ...name, area_km2: Math.round(areas.get(iso3) ?? 0)},
    });
  }
  return {type: 'FeatureCollection', features};
}

export interface BasemapOptions {
  theme?: BasemapTheme;
  lang?: BasemapLang;
}

/**
 * The built-in basemap as a complete MapLibre style, with the 50m country data inlined (loaded
 * lazily on first call, then cached). Pair with {@link attachDetailLoader} for 10m detail.
 */
export async function builtInBasemapStyle({
  theme = 'light',
  lang = 'en',
}: BasemapOptions = {}): Promise<StyleSpecification> {
  const [countries, borders] = await loadCountryShapes('50m');
  const names = new Map<string, {name_en: string; name_es: string}>();
  for (const f of countries.features) {
    const {iso3, name_en, name_es} = f.properties;
    if (iso3 && !names.has(iso3)) names.set(iso3, {name_en, name_es});
  }
  const countrySource: GeoJSONSourceSpecification = {
    type: 'geojson',
    data: countries,
    promoteId: 'iso3',
    // Borders between countries are drawn by their own layer; a little simplification keeps the
    // tiles small without visible loss.
    tolerance: 0.3,
  };
  return {
    version: 8,
    name: `prison-map built-in (${theme})`,
    sources: {
      [COUNTRY_SOURCE_ID]: countrySource,
      [BORDER_SOURCE_ID]: {type: 'geojson', data: borders, tolerance: 0.3},
      [COUNTRY_LABEL_SOURCE_ID]: {
        type: 'geojson',
        data: labelPoints(countryAnchors(countries), countryAreas(countries), names),
      },
    },
    layers: basemapLayers(theme, lang),
  };
}

/** Recolours the built-in basemap in place (no `setStyle`, so data layers and sources survive). */
export function applyBasemapTheme(map: MaplibreMap, theme: BasemapTheme): void {
  const c = PALETTES[theme].basemap;
  const paint: [string, keyof AllPaintProperties, string][] = [
    [BASEMAP_LAYER_IDS.background, 'background-color', c.sea],
    [BASEMAP_LAYER_IDS.land, 'fill-color', c.land],
    [BASEMAP_LAYER_IDS.coastline, 'line-color', c.coastline],
    [BASEMAP_LAYER_IDS.borders, 'line-color', c.border],
    [BASEMAP_LAYER_IDS.labels, 'text-color', c.label],
    [BASEMAP_LAYER_IDS.labels, 'text-halo-color', c.labelHalo],
  ];
  for (const [layer, property, value] of paint) {
    if (map.getLayer(layer)) map.setPaintProperty(layer, property, value);
  }
}

/** Switches the country labels between English and Spanish in place. */
export function applyBasemapLanguage(map: MaplibreMap, lang: BasemapLang): void {
  if (map.getLayer(BASEMAP_LAYER_IDS.labels)) {
    map.setLayoutProperty(BASEMAP_LAYER_IDS.labels, 'text-field', labelTextField(lang));
  }
}

export interface DetailLoaderOptions {
  /** Zoom at which to switch to 10m; default {@link DETAIL_ZOOM}. */
  zoom?: number;
  /** Called once the 10m data has been handed to the map's sources. */
  onDetail?: () => void;
  /** Called if the 10m data cannot be loaded (the map keeps 50m; the next zoom tries again). */
  onError?: (error: unknown) => void;
}

/**
 * Replaces the 50m countries and borders with 10m ones (which hold small islands such as
 * Honduras's Swan Islands) the first time the map is zoomed to `zoom` or beyond, through
 * `GeoJSONSource.setData`, so the style is not re-created. The 10m data then stays: the source's
 * tiling simplifies it at low zooms. Does nothing on a map whose style lacks the built-in sources
 * (a custom `basemap`). Returns a function that detaches the loader.
 */
export function attachDetailLoader(map: MaplibreMap, options: DetailLoaderOptions = {}): () => void {
  const threshold = options.zoom ?? DETAIL_ZOOM;
  let state: 'coarse' | 'loading' | 'fine' = 'coarse';
  let detached = false;

  const detach = () => {
    detached = true;
    map.off('zoom', check);
    map.off('styledata', check);
  };

  function check() {
    if (detached || state !== 'coarse' || map.getZoom() < threshold) return;
    if (!map.getSource(COUNTRY_SOURCE_ID)) return;
    state = 'loading';
    loadCountryShapes('10m').then(
      ([countries, borders]) => {
        if (detached) return;
        const countrySource = map.getSource<GeoJSONSource>(COUNTRY_SOURCE_ID);
        const borderSource = map.getSource<GeoJSONSource>(BORDER_SOURCE_ID);
        if (!countrySource) {
          state = 'coarse';
          return;
        }
        countrySource.setData(countries);
        borderSource?.setData(borders);
        state = 'fine';
        detach();
        options.onDetail?.();
      },
      (error: unknown) => {
        state = 'coarse';
        options.onError?.(error);
      },
    );
  }

  map.on('zoom', check);
  // A map created with an initial zoom past the threshold has no sources until its style loads.
  map.on('styledata', check);
  check();
  return detach;
}
