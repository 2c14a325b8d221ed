/**
 * The page `bench/flows.mjs` drives: one map, one way of animating N transfers.
 *
 * - `ours`: the FlowLayer custom layer; a frame is one time uniform and a few draw calls.
 * - `baseline`: the common way without a custom layer: the same arcs as a GeoJSON line layer,
 *   plus one point per transfer moved along its arc by `GeoJSONSource.setData` every frame.
 *
 * Either on the flat map or on MapLibre's globe (`projection`), the same view and data.
 */
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { Transfer } from '../src/data/types.js';
import { FlowLayer } from '../src/map/flow-layer.js';
import { buildModel } from '../src/model/model.js';

setWorkerUrl(workerUrl);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` transfers between 60 random places, the same for a given seed. */
function randomTransfers(n: number, seed = 42): { transfers: Transfer[]; places: Map<string, [number, number]> } {
  const random = mulberry32(seed);
  const places = new Map<string, [number, number]>();
  for (let i = 0; i < 60; i++) places.set(`P${i}`, [random() * 340 - 170, random() * 120 - 55]);
  const statuses = ['active', 'agreed', 'considered'] as const;
  const transfers: Transfer[] = [];
  for (let i = 0; i < n; i++) {
    const from = `P${Math.floor(random() * 60)}`;
    let to = `P${Math.floor(random() * 60)}`;
    if (to === from) to = `P${(Number(from.slice(1)) + 1) % 60}`;
    transfers.push({
      id: `t${i}`, from, to, sources: [],
      kind: random() < 0.8 ? 'inmates' : 'assistance',
      status: statuses[Math.floor(random() * statuses.length)],
      count: random() < 0.9 ? Math.floor(random() * 2000) : undefined,
    });
  }
  return { transfers, places };
}

interface Setup {
  map: MapLibreMap;
  sync(frames: number): Promise<number[]>;
  start(): void;
  stop(): void;
  counters: { renders: number; updates: number };
}

let current: Setup | undefined;

async function setup(n: number, mode: 'ours' | 'baseline', projection: 'mercator' | 'globe' = 'mercator'): Promise<{ setupMs: number }> {
  current?.map.remove();
  document.getElementById('map')!.replaceChildren();
  const t0 = performance.now();
  const map = new MapLibreMap({
    container: 'map', center: [0, 10], zoom: 0.2, fadeDuration: 0, attributionControl: false,
    style: { version: 8, projection: { type: projection }, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f6f5f2' } }] },
  });
  await map.once('load');
  const { transfers, places } = randomTransfers(n);
  // The places are the transfers' countries: the model places every transfer at their anchors.
  const model = buildModel({ facilities: [], transfers, countries: [], issues: [], errors: [] }, places, { maxRadius: 36, maxFlows: n });
  // Every arc, at the widths the map's level gives them.
  const canvas = map.getCanvas();
  const flows = model.levelAt(map.getZoom(), { width: canvas.clientWidth, height: canvas.clientHeight }).flows.filter((flow) => !flow.hidden);
  const arcs = flows.map((flow) => ({ path: flow.path, widthPx: flow.widthPx }));
  const counters = { renders: 0, updates: 0 };
  map.on('render', () => counters.renders++);

  if (mode === 'ours') {
    const layer = new FlowLayer({ animated: false });
    layer.setFlows(flows);
    map.addLayer(layer);
    await map.once('idle');
    current = {
      map, counters,
      async sync(frames) {
        layer.setAnimated(true);
        const times: number[] = [];
        for (let i = 0; i < frames; i++) {
          await new Promise(requestAnimationFrame);
          const start = performance.now();
          // The whole per-frame update is the layer reading the clock inside render().
          map.redraw();
          times.push(performance.now() - start);
        }
        layer.setAnimated(false);
        return times;
      },
      start: () => layer.setAnimated(true),
      stop: () => layer.setAnimated(false),
    };
  } else {
    const lines: FeatureCollection<LineString> = {
      type: 'FeatureCollection',
      features: arcs.map((a) => ({ type: 'Feature', properties: { w: a.widthPx }, geometry: { type: 'LineString', coordinates: a.path } })),
    };
    // Cumulative lengths once, so a frame only interpolates.
    const cumulative = arcs.map((a) => {
      const c = [0];
      for (let i = 1; i < a.path.length; i++) c.push(c[i - 1] + Math.hypot(a.path[i][0] - a.path[i - 1][0], a.path[i][1] - a.path[i - 1][1]));
      return c;
    });
    const positions = (time: number): FeatureCollection<Point> => ({
      type: 'FeatureCollection',
      features: arcs.map((a, k) => {
        const c = cumulative[k];
        const total = c[c.length - 1] || 1;
        const target = ((time * 0.25 + k * 0.618) % 1) * total;
        let i = 1;
        while (i < c.length - 1 && c[i] < target) i++;
        const f = c[i] === c[i - 1] ? 0 : (target - c[i - 1]) / (c[i] - c[i - 1]);
        const [x0, y0] = a.path[i - 1];
        const [x1, y1] = a.path[i];
        return { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [x0 + (x1 - x0) * f, y0 + (y1 - y0) * f] } };
      }),
    });
    map.addSource('arcs', { type: 'geojson', data: lines });
    map.addSource('movers', { type: 'geojson', data: positions(0) });
    map.addLayer({ id: 'arcs', type: 'line', source: 'arcs', paint: { 'line-color': '#7b2d8e', 'line-opacity': 0.6, 'line-width': ['get', 'w'] } });
    map.addLayer({ id: 'movers', type: 'circle', source: 'movers', paint: { 'circle-color': '#7b2d8e', 'circle-radius': 3 } });
    map.on('data', (e) => {
      if ((e as { sourceId?: string }).sourceId === 'movers' && (e as { sourceDataType?: string }).sourceDataType === 'content') counters.updates++;
    });
    await map.once('idle');
    const source = map.getSource('movers') as GeoJSONSource;
    let running = false;
    const origin = performance.now();
    const loop = () => {
      if (!running) return;
      source.setData(positions((performance.now() - origin) / 1000));
      requestAnimationFrame(loop);
    };
    current = {
      map, counters,
      async sync(frames) {
        const times: number[] = [];
        for (let i = 0; i < frames; i++) {
          await new Promise(requestAnimationFrame);
          const start = performance.now();
          source.setData(positions((performance.now() - origin) / 1000));
          map.redraw();
          times.push(performance.now() - start);
        }
        return times;
      },
      start() {
        running = true;
        requestAnimationFrame(loop);
      },
      stop() {
        running = false;
      },
    };
  }
  return { setupMs: performance.now() - t0 };
}

async function sync(frames: number): Promise<number[]> {
  return current!.sync(frames);
}

function start(): void {
  current!.counters.renders = 0;
  current!.counters.updates = 0;
  current!.start();
}

function stop(): { renders: number; updates: number } {
  current!.stop();
  return { ...current!.counters };
}

Object.assign(window, { benchFlows: { setup, sync, start, stop }, benchReady: true });
