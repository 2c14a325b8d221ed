/**
 * What the element draws on the built-in basemap's country polygons:
 * - occupancy shading: countries filled by how full their prisons are (population as a percentage
 *   of capacity), in five classes. It is the basemap's own land fill, coloured through feature
 *   state, so it sits below coastlines, borders and labels (names stay legible) and costs no
 *   layer of its own;
 * - the outline of the country `focus-on` names: a line layer added to the style before the map
 *   is made, drawn only where feature state says so, sharing the coastline's tessellated lines.
 *
 * Both are driven by feature state (the polygons' `iso3` is their id): new data or a new focus
 * changes no filter and no layer, so MapLibre never has to cut the basemap's tiles again (a
 * reload requested while tiles were still loading also let the map report itself idle before it
 * was).
 *
 * Only types come from maplibre-gl, so this module does not pull MapLibre into a chunk.
 */
import type {
  LineLayerSpecification,
  Map as MaplibreMap,
  StyleSpecification,
} from 'maplibre-gl';
import type { CountryContext } from '../data/types.js';
import { BASEMAP_LAST_LAYER_ID, BASEMAP_LAYER_IDS, COUNTRY_SOURCE_ID, COUNTRY_SOURCE_LAYER, OCCUPANCY_COLOR_STATE } from './basemap.js';
import { PALETTES, type Theme } from '../encodings/palette.js';
import { occupancyColor } from '../encodings/scales.js';

/** The layer that shows occupancy: the basemap's land fill. */
export const COUNTRY_SHADING_LAYER_ID = BASEMAP_LAYER_IDS.land;
export const COUNTRY_HIGHLIGHT_LAYER_ID = 'prison-map-country-highlight';

/** Feature-state keys on the country polygons. */
const SHADE = OCCUPANCY_COLOR_STATE;
const HIGHLIGHT = 'highlight';

/** Each country with an occupancy figure and its class colour in `theme` (the first row of a code wins). */
export function countryShadingColors(countries: readonly CountryContext[], theme: Theme = 'light'): Map<string, string> {
  const color = occupancyColor(theme);
  const colors = new Map<string, string>();
  for (const country of countries) {
    const pct = country.occupancyPct;
    if (pct === undefined || !Number.isFinite(pct) || colors.has(country.iso3)) continue;
    colors.set(country.iso3, color(pct));
  }
  return colors;
}

/** The `focus-on` outline: drawn only for the polygons whose feature state says so. */
export function countryHighlightLayer(theme: Theme): LineLayerSpecification {
  return {
    id: COUNTRY_HIGHLIGHT_LAYER_ID,
    type: 'line',
    source: COUNTRY_SOURCE_ID,
    'source-layer': COUNTRY_SOURCE_LAYER,
    // The coastline's layout: MapLibre then tessellates both layers' lines once, in one bucket.
    layout: {'line-join': 'round'},
    paint: {
      'line-color': PALETTES[theme].highlight,
      'line-width': 2,
      'line-opacity': ['case', ['boolean', ['feature-state', HIGHLIGHT], false], 1, 0],
    },
  };
}

/**
 * The built-in basemap with the outline added (above the basemap, below the data), so that it is
 * cut with the basemap's tiles from the first frame.
 */
export function withCountryLayers(style: StyleSpecification, theme: Theme): StyleSpecification {
  const layers = [...style.layers];
  layers.splice(layers.findIndex((l) => l.id === BASEMAP_LAST_LAYER_ID) + 1, 0, countryHighlightLayer(theme));
  return { ...style, layers };
}

const shadedOn = new WeakMap<MaplibreMap, Set<string>>();

const polygon = (id: string) => ({ source: COUNTRY_SOURCE_ID, sourceLayer: COUNTRY_SOURCE_LAYER, id });

/**
 * Colours the countries with an occupancy figure for new data or a new theme, and clears the ones
 * no longer in the data. Does nothing on a style without the built-in country source (a custom
 * `basemap`).
 */
export function applyCountryShading(map: MaplibreMap, countries: readonly CountryContext[], theme: Theme): void {
  if (!map.getSource(COUNTRY_SOURCE_ID)) return;
  const colors = countryShadingColors(countries, theme);
  const before = shadedOn.get(map) ?? new Set<string>();
  for (const iso3 of before) if (!colors.has(iso3)) map.removeFeatureState(polygon(iso3), SHADE);
  for (const [iso3, color] of colors) map.setFeatureState(polygon(iso3), { [SHADE]: color });
  shadedOn.set(map, new Set(colors.keys()));
}

/** Outlines one country (or none) through feature state; `previous` is the one outlined before. */
export function outlineCountry(map: MaplibreMap, iso3: string | undefined, previous: string | undefined): void {
  if (!map.getSource(COUNTRY_SOURCE_ID)) return;
  if (previous && previous !== iso3) map.removeFeatureState(polygon(previous), HIGHLIGHT);
  if (iso3) map.setFeatureState(polygon(iso3), { [HIGHLIGHT]: true });
}

/** Recolours the outline for a theme (a constant paint value: no tile is cut again). */
export function applyCountryHighlightTheme(map: MaplibreMap, theme: Theme): void {
  if (map.getLayer(COUNTRY_HIGHLIGHT_LAYER_ID)) map.setPaintProperty(COUNTRY_HIGHLIGHT_LAYER_ID, 'line-color', PALETTES[theme].highlight);
}
