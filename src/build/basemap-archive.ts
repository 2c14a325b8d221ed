/**
 * The built-in basemap, pre-tiled: Natural Earth countries and land borders cut into vector tiles
 * once, at build time, and written as one PMTiles archive. At run time MapLibre's worker decodes
 * the few small tiles a view needs instead of cutting a world-size GeoJSON itself (what took most
 * of a map's start-up), and a zoomed-in map fetches 10m detail only for the tiles it shows.
 *
 * - Zoom 0–3 tiles come from Natural Earth 50m, zoom 4–5 from 10m (the only set with small
 *   islands such as Honduras's Swan Islands); MapLibre overzooms zoom 5 beyond.
 * - Tiles are cut by @maplibre/geojson-vt, MapLibre's own GeoJSON tiler, and encoded by
 *   @maplibre/vt-pbf.
 * - Country polygons keep only `iso3` (labels come from the country table, not the tiles).
 *
 * Build time only (scripts/vite-plugin-basemap.mjs runs it under Node); the element never imports
 * it. Tests run it in the browser to check the archive against the data.
 */
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import { loadCountryShapes, type CountryDetail } from '../geo/countries.js';
import { writePmtiles, type ArchiveTile } from './pmtiles-writer.js';
import { BASEMAP_SOURCE_LAYERS, BASEMAP_TILE_MAX_ZOOM, BASEMAP_DETAIL_FROM_ZOOM } from '../geo/basemap-tiles.js';

/**
 * MVT's usual extent. The tolerance is 0.75 px of a 512 px tile (the GeoJSON source used 0.3 px):
 * no difference to see at zoom 1 to 4 (screenshots compared), and the one map of a page is ready
 * about 18% sooner (7 alternate runs: 2538 against 3093 ms median), as MapLibre's worker has
 * fewer vertices to triangulate. The deepest tiles are not simplified at all.
 */
const EXTENT = 4096;
const TOLERANCE = 6;
/** 8 px at 512 px tiles: enough for the widest basemap line to join across tile edges. */
const BUFFER = 64;

function tilerFor(data: FeatureCollection): GeoJSONVT {
  return new GeoJSONVT(data, { maxZoom: BASEMAP_TILE_MAX_ZOOM, indexMaxZoom: BASEMAP_TILE_MAX_ZOOM, extent: EXTENT, tolerance: TOLERANCE, buffer: BUFFER });
}

async function tilersFor(detail: CountryDetail): Promise<{ countries: GeoJSONVT; borders: GeoJSONVT }> {
  const [countries, borders] = await loadCountryShapes(detail);
  const slim: FeatureCollection = {
    type: 'FeatureCollection',
    features: countries.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { iso3: f.properties.iso3 } })),
  };
  return { countries: tilerFor(slim), borders: tilerFor({ type: 'FeatureCollection', features: [borders] }) };
}

/** Every non-empty tile from zoom 0 to {@link BASEMAP_TILE_MAX_ZOOM}, encoded as MVT. */
export async function basemapTiles(): Promise<ArchiveTile[]> {
  const coarse = await tilersFor('50m');
  const fine = await tilersFor('10m');
  const tiles: ArchiveTile[] = [];
  for (let z = 0; z <= BASEMAP_TILE_MAX_ZOOM; z++) {
    const tilers = z >= BASEMAP_DETAIL_FROM_ZOOM ? fine : coarse;
    for (let x = 0; x < 2 ** z; x++) {
      for (let y = 0; y < 2 ** z; y++) {
        const layers: Record<string, GeoJSONVTTile> = {};
        const countries = tilers.countries.getTile(z, x, y);
        const borders = tilers.borders.getTile(z, x, y);
        if (countries?.features.length) layers[BASEMAP_SOURCE_LAYERS.countries] = countries;
        if (borders?.features.length) layers[BASEMAP_SOURCE_LAYERS.borders] = borders;
        // Open sea: left out of the archive, which readers answer with an empty tile.
        if (Object.keys(layers).length === 0) continue;
        tiles.push({ z, x, y, data: fromGeojsonVt(layers, { version: 2, extent: EXTENT }) });
      }
    }
  }
  return tiles;
}

/** The whole archive. `gzip` compresses tiles and directories (zlib at build time). */
export async function buildBasemapArchive(gzip: (bytes: Uint8Array) => Promise<Uint8Array>): Promise<Uint8Array> {
  return writePmtiles(await basemapTiles(), {
    minZoom: 0,
    maxZoom: BASEMAP_TILE_MAX_ZOOM,
    bounds: [-180, -85.0511, 180, 85.0511],
    center: [0, 0, 0],
    metadata: {
      name: 'prison-map built-in basemap',
      attribution: 'Natural Earth',
      vector_layers: [
        { id: BASEMAP_SOURCE_LAYERS.countries, fields: { iso3: 'String' }, minzoom: 0, maxzoom: BASEMAP_TILE_MAX_ZOOM },
        { id: BASEMAP_SOURCE_LAYERS.borders, fields: {}, minzoom: 0, maxzoom: BASEMAP_TILE_MAX_ZOOM },
      ],
    },
    gzip,
  });
}
