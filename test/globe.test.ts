/**
 * The globe (`projection="globe"`): the flow layer draws on MapLibre's globe through the
 * custom-layer projection prelude, clipped at the horizon; picking measures on screen and never
 * reaches behind the horizon; the element switches projection without a new map; the no-WebGL
 * picture becomes an orthographic globe.
 */
import { expect } from 'chai';
import type { Map as MapLibreMap } from 'maplibre-gl';
import '../src/index.js';
import type { PrisonMapElement, PrisonMapSelectDetail } from '../src/index.js';
import type { Facility } from '../src/data/types.js';
import { arcBetween } from '../src/geo/arcs.js';
import { FLOW_LAYER_ID, FlowLayer, screenProjection } from '../src/map/flow-layer.js';
import { isInView } from '../src/map/flow-picking.js';
import { buildModel, type FlowMark } from '../src/model/model.js';
import { staticMapGeometry } from '../src/ui/static-map.js';
import { loadCountries } from '../src/geo/countries.js';
import { arcMark, removeWhiteMaps, whiteMap } from './support/flow-map.js';
import { cleanup, mapOf, mount, nextEvent, type Pixels, readMapPixels } from './support/mount.js';
import { flowLayerOf, layerFrames, loseAndRestoreContext, mapEvent, mapIdle, rendersDuring, waitFor } from './support/wait.js';

const arc = arcMark;

afterEach(() => {
  removeWhiteMaps();
  cleanup();
});

/** The light theme's colour for transfers of people (#7b2d8e): purple, whatever it is blended over (white, land, sea). */
function isArcInk([r, g, b, a]: readonly number[]): boolean {
  return a > 0 && r - g > 25 && b - g > 25;
}
async function globeWith(arcs: FlowMark[], center: [number, number], zoom = 1.5): Promise<{ map: MapLibreMap; layer: FlowLayer }> {
  const map = await whiteMap(center, zoom, 'globe');
  const layer = new FlowLayer({ animated: false });
  layer.setFlows(arcs);
  map.addLayer(layer);
  await mapIdle(map);
  return { map, layer };
}

/** Arc-coloured pixels within `r` px of a screen point. */
function inkNear(pixels: Pixels, p: { x: number; y: number }, r = 3): number {
  let n = 0;
  for (let dx = -r; dx <= r; dx++) for (let dy = -r; dy <= r; dy++) if (isArcInk(pixels.at(p.x + dx, p.y + dy))) n++;
  return n;
}

function middleOf(flow: FlowMark): [number, number] {
  return flow.path[Math.floor(flow.path.length / 2)];
}

describe('FlowLayer on the globe', () => {
  it('draws arcs on the sphere from end to end, and nothing of an arc behind the horizon', async () => {
    // North of the equator in front; south of it behind, so that drawn through the sphere it
    // would land on empty globe, away from the front arc.
    const front = arc('front', [-40, 30], [40, 20]);
    const behind = arc('behind', [150, -30], [-150, -40]);
    const { map } = await globeWith([front, behind], [0, 0]);
    expect(map.getProjection().type).to.equal('globe');
    const pixels = readMapPixels(map);
    // Along the front arc, every point (projected by MapLibre's own globe) is drawn.
    const drawn = front.path.filter((p) => inkNear(pixels, map.project(p), 2) > 0);
    expect(drawn.length, 'points of the front arc drawn').to.equal(front.path.length);
    // Past its ends, nothing.
    const a = map.project(front.path[0]);
    const b = map.project(front.path.at(-1)!);
    const ux = (b.x - a.x) / Math.hypot(b.x - a.x, b.y - a.y);
    const uy = (b.y - a.y) / Math.hypot(b.x - a.x, b.y - a.y);
    expect(inkNear(pixels, { x: a.x - 20 * ux, y: a.y - 20 * uy }), 'before from').to.equal(0);
    expect(inkNear(pixels, { x: b.x + 20 * ux, y: b.y + 20 * uy }), 'after to').to.equal(0);
    // The arc behind the globe: where its points would land if drawn through the sphere, nothing.
    for (const p of behind.path) {
      const q = map.project(p);
      expect(isInView(p, screenProjection(map)), `${p} is behind the horizon`).to.equal(false);
      expect(inkNear(pixels, q), `far-side point ${p} at ${Math.round(q.x)},${Math.round(q.y)}`).to.equal(0);
    }
  });

  it('cuts an arc at the horizon: its near part is drawn, its far part is not', async () => {
    // Centred on lng 0, the horizon runs along lng ±90 (at the equator): this arc crosses it.
    const crossing = arc('crossing', [40, 5], [140, 5]);
    const { map } = await globeWith([crossing], [0, 0]);
    const pixels = readMapPixels(map);
    const view = screenProjection(map);
    // (The horizon of a camera at a finite distance is less than 90° away; leave out the points near it.)
    const near = crossing.path.filter((p) => isInView(p, view) && p[0] < 60);
    const far = crossing.path.filter((p) => !isInView(p, view) && p[0] > 100);
    expect(near.length).to.be.above(2);
    expect(far.length).to.be.above(2);
    for (const p of near) expect(inkNear(pixels, map.project(p), 2), `near point ${p}`).to.be.above(0);
    for (const p of far) expect(inkNear(pixels, map.project(p)), `far point ${p}`).to.equal(0);
  });

  it('picks by distance on screen, also where the sphere is foreshortened, and never behind the horizon', async () => {
    const middle = arc('middle', [-10, -30], [-10, 30]);
    // Towards the globe's edge (lng 58 with the view centred on 0) a screen pixel spans two on the ground.
    const edge = arc('edge', [58, -30], [58, 30]);
    const behind = arc('behind', [160, -30], [160, 30]);
    const { map, layer } = await globeWith([middle, edge, behind], [0, 0]);
    const m = map.project(middleOf(middle));
    expect(layer.pick(m, map)).to.equal('middle');
    expect(layer.pick({ x: m.x + 4, y: m.y }, map)).to.equal('middle');
    expect(layer.pick({ x: m.x + 14, y: m.y }, map)).to.equal(undefined);
    const e = map.project(middleOf(edge));
    expect(layer.pick(e, map)).to.equal('edge');
    // 4 px outward (towards the edge) on screen: within the 6 px tolerance, though far on the ground.
    expect(layer.pick({ x: e.x + 4, y: e.y }, map)).to.equal('edge');
    expect(layer.pick({ x: e.x - 4, y: e.y }, map)).to.equal('edge');
    expect(layer.pick({ x: e.x - 14, y: e.y }, map)).to.equal(undefined);
    // The arc behind projects onto the front of the globe; the reader sees nothing there.
    const b = map.project(middleOf(behind));
    expect(layer.pick(b, map)).to.equal(undefined);
  });

  it('renders no frames when still, moves when animated, and switches projection both ways', async function () {
    this.timeout(60000);
    const flow = arc('a', [-40, 20], [40, 20]);
    const { map, layer } = await globeWith([flow], [0, 10]);
    expect(await rendersDuring(map, { animationFrames: 60, ms: 2000 }), 'frames while still').to.equal(0);
    layer.setAnimated(true);
    await layerFrames(layer, 10, { message: 'the animated globe layer to keep drawing' });
    layer.setAnimated(false);

    const mid = middleOf(flow);
    map.setProjection({ type: 'mercator' });
    await mapIdle(map);
    expect(inkNear(readMapPixels(map), map.project(mid), 2), 'the arc on the flat map').to.be.above(0);
    map.setProjection({ type: 'globe' });
    await mapIdle(map);
    const onGlobe = map.project(mid);
    expect(inkNear(readMapPixels(map), onGlobe, 2), 'the arc back on the globe').to.be.above(0);
    expect(layer.pick(onGlobe, map)).to.equal('a');
  });

  it('comes back on the globe after the WebGL context is lost and restored', async function () {
    this.timeout(60000);
    const flow = arc('a', [-40, 0], [40, 0]);
    const { map } = await globeWith([flow], [0, 0]);
    const mid = map.project(middleOf(flow));
    expect(inkNear(readMapPixels(map), mid, 2)).to.be.above(0);
    await loseAndRestoreContext(map);
    await waitFor(() => map.getLayer(FLOW_LAYER_ID) && map.isStyleLoaded(), { message: 'the flow layer to be back in a loaded style' });
    await mapIdle(map);
    expect(map.getProjection().type, 'still a globe').to.equal('globe');
    expect(inkNear(readMapPixels(map), mid, 2), 'arc pixels are back').to.be.above(0);
  });
});

/** Washington to Kosovo and to El Salvador: transfers between continents. */
const FACILITIES = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [-77, 39] }, properties: { id: 'dc', name: 'Washington', country: 'USA', capacity: 2000, status: 'operational' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [21.2, 42.6] }, properties: { id: 'kosovo', name: 'Kosovo prison', country: 'XKX', capacity: 1500, status: 'operational' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [-89, 13.7] }, properties: { id: 'cecot', name: 'CECOT', country: 'SLV', capacity: 40000, status: 'operational' } },
  ],
};
const TRANSFERS = [
  { id: 'dc-kosovo', from: 'dc', to: 'kosovo', count: 300, status: 'active' },
  { id: 'dc-cecot', from: 'dc', to: 'cecot', count: 250, status: 'active' },
];

async function globeElement(attributes = '', zoom = 1.6): Promise<PrisonMapElement> {
  const el = mount(`<prison-map loading="eager" projection="globe" no-legend center="35,-35" zoom="${zoom}" ${attributes} style="width:700px;height:420px"></prison-map>`);
  el.facilitiesData = FACILITIES as never;
  el.transfersData = TRANSFERS as never;
  await nextEvent(el, 'prison-map-ready');
  await mapIdle(mapOf(el));
  return el;
}

/** The screen point of the arc's drawn middle: scanned across the model's path there (the layer bends arcs). */
function drawnMiddle(el: PrisonMapElement, from: [number, number], to: [number, number]): { x: number; y: number } {
  const map = mapOf(el);
  const pixels = readMapPixels(map);
  const path = arcBetween(from, to);
  const p = map.project(middleOf({ path } as FlowMark));
  for (let r = 0; r <= 12; r++) {
    for (const [dx, dy] of [[0, r], [0, -r], [r, 0], [-r, 0]]) {
      if (isArcInk(pixels.at(p.x + dx, p.y + dy))) return { x: p.x + dx, y: p.y + dy };
    }
  }
  throw new Error(`no arc drawn near ${Math.round(p.x)},${Math.round(p.y)}`);
}

describe('<prison-map projection="globe">', () => {
  it('draws facilities and arcs on the globe; a click on the middle of an arc selects it', async () => {
    const el = await globeElement('no-animation');
    const map = mapOf(el);
    expect(map.getProjection().type).to.equal('globe');
    expect(el.shadowRoot!.querySelector('.frame')!.classList.contains('globe'), 'the frame says globe (space colour)').to.equal(true);
    // Facilities: queryable where MapLibre's globe puts them.
    const kosovo = map.project([21.2, 42.6]);
    expect(mapOf(el).queryRenderedFeatures([kosovo.x, kosovo.y]).some((f) => f.properties?.id === 'kosovo'), 'Kosovo circle').to.equal(true);
    const hit = drawnMiddle(el, [-77, 39], [21.2, 42.6]);
    const canvas = map.getCanvas();
    const rect = canvas.getBoundingClientRect();
    const selected = nextEvent<PrisonMapSelectDetail>(el, 'prison-map-select');
    const init = { clientX: rect.left + hit.x, clientY: rect.top + hit.y, bubbles: true };
    canvas.dispatchEvent(new MouseEvent('mousedown', init));
    canvas.dispatchEvent(new MouseEvent('mouseup', init));
    canvas.dispatchEvent(new MouseEvent('click', init));
    expect((await selected).detail).to.deep.equal({ kind: 'transfer', id: 'dc-kosovo' });
  });

  it('exports an image with space around the globe, as on screen', async function () {
    this.timeout(60000);
    const el = await globeElement('no-animation', 0.5);
    const bitmap = await createImageBitmap(await el.toImage());
    const canvas = Object.assign(document.createElement('canvas'), { width: bitmap.width, height: bitmap.height });
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const scale = bitmap.width / 700;
    // A corner of the map (below the control bar), far outside the small globe.
    const [r, g, b] = context.getImageData(Math.round(20 * scale), Math.round(400 * scale), 1, 1).data;
    const space = getComputedStyle(el.shadowRoot!.querySelector('.frame')!).getPropertyValue('--_space').trim();
    expect([r, g, b]).to.deep.equal([1, 3, 5].map((i) => parseInt(space.slice(i, i + 2), 16)));
  });

  it('renders no frame for 2 s with no-animation on the globe', async function () {
    this.timeout(60000);
    const el = await globeElement('no-animation');
    const map = mapOf(el);
    const layer = flowLayerOf(map);
    const before = layer.frameCount;
    expect(await rendersDuring(map, { animationFrames: 60, ms: 2000 }), 'map frames').to.equal(0);
    expect(layer.frameCount - before, 'flow layer frames').to.equal(0);
  });

  it('draws its arcs on the globe again after the WebGL context is lost and restored', async function () {
    this.timeout(60000);
    const el = await globeElement('no-animation');
    const map = mapOf(el);
    drawnMiddle(el, [-77, 39], [21.2, 42.6]);
    await loseAndRestoreContext(map);
    await waitFor(() => map.getLayer(FLOW_LAYER_ID) && map.isStyleLoaded(), { message: 'the flow layer to be back in a loaded style' });
    await mapIdle(map);
    expect(map.getProjection().type, 'still a globe').to.equal('globe');
    drawnMiddle(el, [-77, 39], [21.2, 42.6]);
    const kosovo = map.project([21.2, 42.6]);
    expect(map.queryRenderedFeatures([kosovo.x, kosovo.y]).some((f) => f.properties?.id === 'kosovo'), 'Kosovo circle back').to.equal(true);
  });

  it('switches projection at run time both ways, on the same map, keeping arcs and facilities', async function () {
    this.timeout(60000);
    const el = await globeElement('no-animation');
    const map = mapOf(el);
    el.removeAttribute('projection');
    await el.updateComplete;
    await mapIdle(map);
    expect(el.map === map, 'the same map').to.equal(true);
    expect(map.getProjection().type).to.equal('mercator');
    expect(el.shadowRoot!.querySelector('.frame')!.classList.contains('globe')).to.equal(false);
    drawnMiddle(el, [-77, 39], [21.2, 42.6]);
    el.setAttribute('projection', 'globe');
    await el.updateComplete;
    await mapIdle(map);
    expect(map.getProjection().type).to.equal('globe');
    drawnMiddle(el, [-77, 39], [21.2, 42.6]);
    // A basemap swap (a new style, which brings no projection of its own) keeps the globe, arcs and all.
    el.basemap = '/test/fixtures/plain-style.json';
    await el.updateComplete;
    await mapEvent(map, 'style.load');
    await mapIdle(map);
    expect(map.getProjection().type).to.equal('globe');
    drawnMiddle(el, [-77, 39], [21.2, 42.6]);
  });

  it('reports an unknown projection once and shows the flat map', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => { warnings.push(args.join(' ')); };
    try {
      const el = mount(`<prison-map loading="eager" projection="orthographic" style="width:500px;height:300px"></prison-map>`);
      await nextEvent(el, 'prison-map-ready');
      el.lang = 'es';
      await el.updateComplete;
      expect(mapOf(el).getProjection()?.type ?? 'mercator').to.equal('mercator');
      expect(warnings.filter((w) => w.includes('projection="orthographic"'))).to.have.length(1);
      expect(warnings[0]).to.contain('mercator');
    } finally {
      console.warn = warn;
    }
  });

  it('brings a facility behind the globe into view when the keyboard reaches it', async () => {
    // Facing the Pacific: every facility is on the far side.
    const el = mount(`<prison-map loading="eager" projection="globe" no-animation no-legend center="0,150" zoom="1.8" style="width:600px;height:400px"></prison-map>`);
    el.facilitiesData = FACILITIES as never;
    await nextEvent(el, 'prison-map-ready');
    const map = mapOf(el);
    await mapIdle(map);
    const view = screenProjection(map);
    expect(FACILITIES.features.every((f) => !isInView(f.geometry.coordinates as [number, number], view)), 'all behind at first').to.equal(true);
    const area = el.shadowRoot!.querySelector<HTMLElement>('.map')!;
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await mapIdle(map);
    const announced = el.shadowRoot!.querySelector('.announcer')!.textContent ?? '';
    const reached = FACILITIES.features.find((f) => announced.includes(f.properties.name))!;
    expect(reached, `announced: ${announced}`).to.not.equal(undefined);
    expect(isInView(reached.geometry.coordinates as [number, number], screenProjection(map)), `${reached.properties.name} in view`).to.equal(true);
  });

  it('takes a story step’s data-projection, and gives it back scrolling up', async function () {
    this.timeout(60000);
    const page = mount<HTMLElement>(`<article style="position:relative">
      <prison-map id="globe-story" loading="eager" no-animation no-legend style="position:sticky;top:0;width:500px;height:300px"></prison-map>
      <p style="height:100vh;margin:0">Intro</p>
      <p data-prison-map-step="globe-story" data-projection="globe" style="height:100vh;margin:0">Around the world</p>
      <div style="height:100vh"></div>
    </article>`);
    const el = page.querySelector('prison-map') as PrisonMapElement;
    await nextEvent(el, 'prison-map-ready', 60000);
    const map = mapOf(el);
    const step = page.querySelector<HTMLElement>('[data-prison-map-step]')!;
    const scrollTo = (past: boolean) => window.scrollTo(0, step.getBoundingClientRect().top + window.scrollY - innerHeight / 2 + (past ? 20 : -20));
    try {
      scrollTo(true);
      await waitFor(() => map.getProjection()?.type === 'globe', { message: 'the step to turn the map into a globe' });
      expect(el.getAttribute('projection')).to.equal('globe');
      scrollTo(false);
      await waitFor(() => map.getProjection()?.type === 'mercator', { message: 'scrolling back up to flatten it' });
      expect(el.hasAttribute('projection')).to.equal(false);
      expect(el.map === map, 'the same map throughout').to.equal(true);
    } finally {
      window.scrollTo(0, 0);
    }
  });
});

describe('the no-WebGL picture on the globe', () => {
  it('is an orthographic globe facing the data: far facilities left out, arcs cut at the horizon', async () => {
    const countries = await loadCountries('50m');
    const facility = (id: string, [longitude, latitude]: [number, number]): Facility => ({
      id, name: id, country: 'X', longitude, latitude, capacity: 1000, status: 'operational', precision: 'site', sources: [],
    });
    const modelOf = (facilities: Facility[], transfers: Array<{ id: string; from: string; to: string }>) => buildModel({
      facilities, transfers: transfers.map((t) => ({ ...t, kind: 'inmates' as const, status: 'active' as const, sources: [] })), countries: [], issues: [], errors: [],
    }, new Map(), { maxRadius: 8 });
    const geometry = staticMapGeometry({
      model: modelOf([facility('dc', [-77, 39]), facility('kosovo', [21, 42.6]), facility('antipode', [100, -40])], [{ id: 'atlantic', from: 'dc', to: 'kosovo' }]),
      countries, theme: 'light', width: 600, height: 400, projection: 'globe',
    });
    expect(geometry.sphere, 'the globe outline').to.match(/^M/);
    const ids = geometry.circles.map((c) => c.facility.id);
    expect(ids).to.include.members(['dc', 'kosovo']);
    expect(ids, 'the antipode of the data is behind the globe').to.not.include('antipode');
    expect(geometry.arcs).to.have.length(1);
    // Every drawn point lies inside the globe's disc.
    const center = geometry.projection.translate();
    const radius = geometry.projection.scale();
    for (const [x, y] of geometry.arcs[0].points) expect(Math.hypot(x - center[0], y - center[1])).to.be.at.most(radius + 1);
    const flat = staticMapGeometry({ model: modelOf([facility('dc', [-77, 39])], []), countries, theme: 'light', width: 600, height: 400 });
    expect(flat.sphere, 'no globe on the flat picture').to.equal('');
  });
});
