/**
 * Occupancy shading: countries filled by how full their prisons are (population as a percentage
 * of capacity), in five classes, on the built-in basemap's country polygons. The fill sits above
 * the land and below coastlines, borders and labels, so names stay legible.
 *
 * Only types come from maplibre-gl, so this module does not pull MapLibre into a chunk.
 */
import type {
  ExpressionSpecification,
  FillLayerSpecification,
  FilterSpecification,
  Map as MaplibreMap,
} from 'maplibre-gl';
import type { CountryContext } from '../data/types.js';
import { BASEMAP_SHADING_BEFORE_ID, COUNTRY_SOURCE_ID } from './basemap.js';
import type { Theme } from '../encodings/palette.js';
import { occupancyColor } from '../encodings/scales.js';

export const COUNTRY_SHADING_LAYER_ID = 'country-shading';

const TRANSPARENT = 'rgba(0, 0, 0, 0)';

/**
 * `fill-color` for the shading layer: a `match` on the polygons' `iso3` giving each country with an
 * occupancy its class colour, and every other country no fill.
 */
export function countryShadingExpression(
  countries: readonly CountryContext[],
  theme: Theme = 'light',
): ExpressionSpecification | string {
  const color = occupancyColor(theme);
  const pairs: string[] = [];
  const seen = new Set<string>();
  for (const country of countries) {
    const pct = country.occupancyPct;
    if (pct === undefined || !Number.isFinite(pct) || seen.has(country.iso3)) continue;
    seen.add(country.iso3);
    pairs.push(country.iso3, color(pct));
  }
  // A `match` needs at least one label; with nothing to shade, the fill is a constant.
  if (pairs.length === 0) return TRANSPARENT;
  return ['match', ['get', 'iso3'], ...pairs, TRANSPARENT] as unknown as ExpressionSpecification;
}

/** Keeps the countries that have an occupancy figure. */
export function countryShadingFilter(countries: readonly CountryContext[]): FilterSpecification {
  const codes = countries.filter((c) => c.occupancyPct !== undefined && Number.isFinite(c.occupancyPct)).map((c) => c.iso3);
  return ['in', ['get', 'iso3'], ['literal', codes]] as FilterSpecification;
}

/** The shading fill layer on the built-in basemap's country source. Insert before {@link BASEMAP_SHADING_BEFORE_ID}. */
export function countryShadingLayer(
  theme: Theme = 'light',
  countries: readonly CountryContext[] = [],
): FillLayerSpecification {
  return {
    id: COUNTRY_SHADING_LAYER_ID,
    type: 'fill',
    source: COUNTRY_SOURCE_ID,
    // Only the shaded countries are tessellated for this layer, not the whole world again.
    filter: countryShadingFilter(countries),
    paint: {
      'fill-color': countryShadingExpression(countries, theme),
      'fill-antialias': false,
    },
  };
}

/**
 * Adds the shading layer, or updates its colours for new data or a new theme. Does nothing on a
 * style without the built-in country source (a custom `basemap`).
 */
export function applyCountryShading(map: MaplibreMap, countries: readonly CountryContext[], theme: Theme): void {
  if (!map.getSource(COUNTRY_SOURCE_ID)) return;
  if (map.getLayer(COUNTRY_SHADING_LAYER_ID)) {
    map.setFilter(COUNTRY_SHADING_LAYER_ID, countryShadingFilter(countries));
    map.setPaintProperty(COUNTRY_SHADING_LAYER_ID, 'fill-color', countryShadingExpression(countries, theme));
    return;
  }
  map.addLayer(
    countryShadingLayer(theme, countries),
    map.getLayer(BASEMAP_SHADING_BEFORE_ID) ? BASEMAP_SHADING_BEFORE_ID : undefined,
  );
}
