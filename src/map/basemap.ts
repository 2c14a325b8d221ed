/**
 * The built-in offline basemap: sea, land, coastlines, land borders and country labels from
 * Natural Earth, in a light and a dark theme, with English or Spanish labels.
 *
 * Countries and borders are vector tiles cut at build time (build/basemap-archive.ts) and read from
 * one PMTiles archive beside the element's chunks (basemap-source.ts): a view fetches the few
 * tiles it shows, 50m detail to zoom 3 and 10m from zoom 4. Labels are a small GeoJSON source
 * built from the country table. Nothing leaves the element's origin: no `glyphs` URL (MapLibre
 * draws labels with the reader's local sans-serif fonts) and no sprite.
 *
 * Layer order, bottom to top, and where the app's own layers go:
 *
 * | id                   | what                                  |
 * | -------------------- | ------------------------------------- |
 * | `basemap-background` | sea                                   |
 * | `basemap-land`       | country fills                         |
 * |                      | (coloured by occupancy through feature state, {@link OCCUPANCY_COLOR_STATE}) |
 * |                      | ← other fills over countries: `beforeId` = {@link BASEMAP_SHADING_BEFORE_ID} |
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
  LayerSpecification,
  Map as MaplibreMap,
  StyleSpecification,
} from 'maplibre-gl';
import type {Feature, FeatureCollection, Point} from 'geojson';
import { knownCountryName, type CountryLang } from '../geo/country-names.js';
import { countryAreaKm2, countryTableAnchors } from '../geo/country-table.js';
import { BASEMAP_SOURCE_LAYERS, BASEMAP_TILE_MAX_ZOOM } from '../geo/basemap-tiles.js';
import { BASEMAP_TILES_URL } from './basemap-source.js';

export type BasemapTheme = Theme;
export type BasemapLang = CountryLang;

/**
 * The vector source of the archive: country polygons (source layer {@link COUNTRY_SOURCE_LAYER},
 * features carry `iso3`, promoted to the feature id) and land borders (shared edges only).
 */
export const COUNTRY_SOURCE_ID = 'countries';
/** The source layer of country polygons in {@link COUNTRY_SOURCE_ID}: layers on countries name it. */
export const COUNTRY_SOURCE_LAYER = BASEMAP_SOURCE_LAYERS.countries;
/** GeoJSON source of label points (one per ISO code), with `iso3`, `name_en`, `name_es`, `area_km2`. */
export const COUNTRY_LABEL_SOURCE_ID = 'country-labels';

export const BASEMAP_LAYER_IDS = {
  background: 'basemap-background',
  land: 'basemap-land',
  coastline: 'basemap-coastline',
  borders: 'basemap-borders',
  labels: 'basemap-labels',
} as const;

/**
 * The feature-state key that colours a country's land by its prison occupancy (map/country-layer.ts);
 * a country without it is drawn in the land colour.
 */
export const OCCUPANCY_COLOR_STATE = 'occupancyColor';

/** The land fill: each country in its occupancy colour if it has one, else the theme's land colour. */
function landColor(land: string): ExpressionSpecification {
  return ['coalesce', ['feature-state', OCCUPANCY_COLOR_STATE], land];
}

/** Insert fills that shade or highlight countries before this layer: above land, below lines and labels. */
export const BASEMAP_SHADING_BEFORE_ID = BASEMAP_LAYER_IDS.coastline;
/** The topmost basemap layer. Facilities and transfers are added after it (on top). */
export const BASEMAP_LAST_LAYER_ID = BASEMAP_LAYER_IDS.labels;

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
      'source-layer': COUNTRY_SOURCE_LAYER,
      paint: {'fill-color': landColor(c.land), 'fill-antialias': true},
    },
    {
      id: BASEMAP_LAYER_IDS.coastline,
      type: 'line',
      source: COUNTRY_SOURCE_ID,
      'source-layer': COUNTRY_SOURCE_LAYER,
      layout: {'line-join': 'round'},
      paint: {
        'line-color': c.coastline,
        'line-width': ['interpolate', ['linear'], ['zoom'], 0, 0.4, 6, 1],
      },
    },
    {
      id: BASEMAP_LAYER_IDS.borders,
      type: 'line',
      source: COUNTRY_SOURCE_ID,
      'source-layer': BASEMAP_SOURCE_LAYERS.borders,
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

/** One point per country in the country table, named in both languages, with its area (label rank). */
function labelPoints(): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const [iso3, coordinates] of countryTableAnchors()) {
    const name_en = knownCountryName(iso3, 'en');
    if (!name_en) continue;
    features.push({
      type: 'Feature',
      geometry: {type: 'Point', coordinates},
      properties: {iso3, name_en, name_es: knownCountryName(iso3, 'es') ?? name_en, area_km2: countryAreaKm2(iso3)},
    });
  }
  return {type: 'FeatureCollection', features};
}

let labels: FeatureCollection<Point> | undefined;

export interface BasemapOptions {
  theme?: BasemapTheme;
  lang?: BasemapLang;
}

/**
 * The built-in basemap as a complete MapLibre style. Its tiles are `pmtiles://` URLs: the map
 * needs `registerBasemapProtocol` (basemap-source.ts) before it loads them.
 */
export function builtInBasemapStyle({theme = 'light', lang = 'en'}: BasemapOptions = {}): StyleSpecification {
  labels ??= labelPoints();
  return {
    version: 8,
    name: `prison-map built-in (${theme})`,
    sources: {
      [COUNTRY_SOURCE_ID]: {
        type: 'vector',
        tiles: [BASEMAP_TILES_URL],
        minzoom: 0,
        maxzoom: BASEMAP_TILE_MAX_ZOOM,
        promoteId: {[COUNTRY_SOURCE_LAYER]: 'iso3'},
      },
      [COUNTRY_LABEL_SOURCE_ID]: {type: 'geojson', data: labels},
    },
    layers: basemapLayers(theme, lang),
  };
}

/** Recolours the built-in basemap in place (no `setStyle`, so data layers and sources survive). */
export function applyBasemapTheme(map: MaplibreMap, theme: BasemapTheme): void {
  const c = PALETTES[theme].basemap;
  const paint: [string, keyof AllPaintProperties, string | ExpressionSpecification][] = [
    [BASEMAP_LAYER_IDS.background, 'background-color', c.sea],
    [BASEMAP_LAYER_IDS.land, 'fill-color', landColor(c.land)],
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
