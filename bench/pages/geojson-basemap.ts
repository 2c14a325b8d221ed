// The basemap as it was before it was pre-tiled, for the baseline only: the same layers and
// colours as the built-in style, but its countries and borders handed to MapLibre as world-size
// GeoJSON (Natural Earth 50m, converted from TopoJSON on the page) for its worker to cut into tiles.
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { loadCountryShapes } from '../../src/geo/countries.js';
import { BASEMAP_SOURCE_LAYERS } from '../../src/geo/basemap-tiles.js';
import { builtInBasemapStyle, COUNTRY_SOURCE_ID, type BasemapOptions } from '../../src/map/basemap.js';

export async function geojsonBasemapStyle(options: BasemapOptions): Promise<StyleSpecification> {
  const tiled = builtInBasemapStyle(options);
  const [countries, borders] = await loadCountryShapes('50m');
  const { [COUNTRY_SOURCE_ID]: _tiles, ...otherSources } = tiled.sources;
  const sourceOf: Record<string, string> = { [BASEMAP_SOURCE_LAYERS.countries]: 'geojson-countries', [BASEMAP_SOURCE_LAYERS.borders]: 'geojson-borders' };
  const layers = tiled.layers.map((layer) => {
    if (!('source-layer' in layer) || !layer['source-layer']) return layer;
    const { 'source-layer': sourceLayer, ...rest } = layer;
    return { ...rest, source: sourceOf[sourceLayer] } as LayerSpecification;
  });
  return {
    ...tiled,
    sources: {
      ...otherSources,
      // As the GeoJSON basemap had them: a little simplification, the code as the feature id.
      'geojson-countries': { type: 'geojson', data: countries, promoteId: 'iso3', tolerance: 0.3 },
      'geojson-borders': { type: 'geojson', data: borders, tolerance: 0.3 },
    },
    layers,
  };
}
