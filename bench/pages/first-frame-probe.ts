import type { Map as MapLibreMap } from 'maplibre-gl';

/** Resolves after the first rendered frame in which the layer shows at least one feature. */
export function whenFacilitiesRendered(map: MapLibreMap, layer: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (map.getLayer(layer) && map.queryRenderedFeatures({ layers: [layer] }).length > 0) {
        map.off('render', check);
        resolve();
      }
    };
    map.on('render', check);
  });
}
