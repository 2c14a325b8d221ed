/**
 * The page `bench/hover.mjs` drives: one map of a synthetic dataset, hovered by the bench.
 *
 * - `ours`: `<prison-map no-animation>` with the data as properties.
 * - `baseline`: the common way with bare MapLibre: the same facilities as a circle layer and the
 *   same arcs as a line layer, and a `mousemove` handler that asks `queryRenderedFeatures` what is
 *   under the pointer and writes it into a tooltip.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import '../src/index.js';
import type { PrisonMapElement } from '../src/index.js';
import { arcBetween } from '../src/geo/arcs.js';
import { syntheticData } from '../test/support/synthetic-data.js';

declare global {
  interface Window {
    benchHover: { setup(mode: 'ours' | 'baseline', facilities: number, transfers: number): Promise<{ readyMs: number }>; frames(n: number): Promise<void> };
    benchReady: boolean;
  }
}

const holder = document.getElementById('holder')!;
const tooltip = document.getElementById('tooltip')!;
let current: { remove(): void } | undefined;

async function setupOurs(facilities: number, transfers: number): Promise<void> {
  const data = syntheticData(facilities, transfers);
  const el = document.createElement('prison-map') as PrisonMapElement;
  el.setAttribute('loading', 'eager');
  el.setAttribute('no-animation', '');
  el.style.cssText = 'display:block;width:1000px;height:600px';
  el.facilitiesData = data.facilities;
  el.transfersData = data.transfers;
  const ready = new Promise((resolve, reject) => {
    el.addEventListener('prison-map-ready', resolve, { once: true });
    el.addEventListener('prison-map-error', (e) => reject(new Error(JSON.stringify((e as CustomEvent).detail))), { once: true });
  });
  holder.append(el);
  current = el;
  await ready;
  if (!el.map!.loaded()) await el.map!.once('idle');
}

async function setupBaseline(facilities: number, transfers: number): Promise<void> {
  setWorkerUrl(workerUrl);
  const data = syntheticData(facilities, transfers);
  const place = new Map(data.facilities.features.map((f) => [f.properties.id!, f.geometry.coordinates]));
  const arcs = data.transfers.flatMap((t) => {
    const from = place.get(t.from);
    const to = place.get(t.to);
    return from && to ? [{ type: 'Feature' as const, properties: { id: t.id }, geometry: { type: 'LineString' as const, coordinates: arcBetween(from, to) } }] : [];
  });
  const container = document.createElement('div');
  container.style.cssText = 'width:1000px;height:600px';
  holder.append(container);
  const map = new MapLibreMap({
    container,
    style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#dde6ee' } }] },
    bounds: [-125, -40, -35, 45],
  });
  current = { remove: () => { map.remove(); container.remove(); } };
  await map.once('load');
  map.addSource('arcs', { type: 'geojson', data: { type: 'FeatureCollection', features: arcs } });
  map.addLayer({ id: 'arcs', type: 'line', source: 'arcs', paint: { 'line-color': '#7b2d8e', 'line-width': 2 } });
  map.addSource('facilities', { type: 'geojson', data: data.facilities as GeoJSON.FeatureCollection });
  map.addLayer({ id: 'facilities', type: 'circle', source: 'facilities', paint: { 'circle-radius': 5, 'circle-color': '#D55E00' } });
  map.on('mousemove', (event) => {
    const box: [[number, number], [number, number]] = [[event.point.x - 3, event.point.y - 3], [event.point.x + 3, event.point.y + 3]];
    const hit = map.queryRenderedFeatures(box, { layers: ['facilities', 'arcs'] })[0];
    tooltip.textContent = hit ? String(hit.properties.id) : '';
  });
  await map.once('idle');
}

window.benchHover = {
  async setup(mode, facilities, transfers) {
    current?.remove();
    const t0 = performance.now();
    await (mode === 'ours' ? setupOurs(facilities, transfers) : setupBaseline(facilities, transfers));
    return { readyMs: performance.now() - t0 };
  },
  /** Resolves after `n` animation frames: whatever a pointer move scheduled has run. */
  frames(n) {
    return new Promise((resolve) => {
      const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
      step(n);
    });
  },
};
window.benchReady = true;
