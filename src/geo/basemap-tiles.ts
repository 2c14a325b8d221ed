/**
 * How the built-in basemap is tiled: shared by the build (build/basemap-archive.ts, which writes the
 * archive) and the style (map/basemap.ts, which reads it), so the two cannot disagree.
 */

/** Source layers of the archive's vector tiles. */
export const BASEMAP_SOURCE_LAYERS = {
  /** Country polygons with `iso3` (promoted to the feature id). */
  countries: 'countries',
  /** Land borders: edges two countries share, not coastlines. */
  borders: 'borders',
} as const;

/** Deepest tiles in the archive; MapLibre overzooms them beyond (10m data holds that detail). */
export const BASEMAP_TILE_MAX_ZOOM = 5;

/** Tiles from this zoom come from Natural Earth 10m (small islands), below it from 50m. */
export const BASEMAP_DETAIL_FROM_ZOOM = 4;
