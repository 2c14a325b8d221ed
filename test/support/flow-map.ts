/** A bare MapLibre map with a white background, and flow marks as the model makes them: for testing the flow layer alone. */
import { Map as MapLibreMap, setWorkerUrl, getWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Transfer } from '../../src/data/types.js';
import { flowColorSlot } from '../../src/encodings/flow-style.js';
import { arcBetween } from '../../src/geo/arcs.js';
import type { FlowMark } from '../../src/model/model.js';

if (!getWorkerUrl()) setWorkerUrl(workerUrl);

const maps: MapLibreMap[] = [];

/** A loaded 600×400 map, flat or on the globe (where the white background covers the sphere). */
export async function whiteMap(center: [number, number] = [0, 0], zoom = 2, projection: 'mercator' | 'globe' = 'mercator'): Promise<MapLibreMap> {
  const container = document.createElement('div');
  container.style.cssText = 'width:600px;height:400px';
  document.body.append(container);
  const map = new MapLibreMap({
    container, center, zoom, fadeDuration: 0, attributionControl: false,
    style: { version: 8, projection: { type: projection }, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#fff' } }] },
  });
  maps.push(map);
  await map.once('load');
  return map;
}

/** Removes every map {@link whiteMap} made (in `afterEach`). */
export function removeWhiteMaps(): void {
  for (const map of maps.splice(0)) {
    const container = map.getContainer();
    map.remove();
    container.remove();
  }
}

/** A flow mark as the model makes one: an active transfer of people, 6 px wide. */
export function arcMark(id: string, from: [number, number], to: [number, number], extra: Partial<FlowMark> = {}): FlowMark {
  const transfer: Transfer = { id, from: 'a', to: 'b', kind: 'inmates', status: 'active', sources: [] };
  return {
    transfer, path: arcBetween(from, to), widthPx: 6, colorSlot: flowColorSlot('inmates', 'active'), opacity: 0.95,
    dashed: false, dotted: false, hidden: false, emphasis: 1, ...extra,
  };
}
