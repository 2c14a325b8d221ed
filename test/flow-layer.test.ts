import { expect } from 'chai';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Transfer } from '../src/data/types.js';
import { flowColor, flowColorSlot } from '../src/encodings/flow-style.js';
import { PALETTES } from '../src/encodings/palette.js';
import { flowWidth } from '../src/encodings/scales.js';
import { FLOW_LAYER_ID, FlowLayer } from '../src/map/flow-layer.js';
import { buildModel, type FlowMark } from '../src/model/model.js';
import { MIN_FLOW_EMPHASIS } from '../src/model/level.js';
import { colorDistance, readMapPixels } from './support/mount.js';
import { arcMark, removeWhiteMaps, whiteMap } from './support/flow-map.js';
import { layerFrames, loseAndRestoreContext, mapIdle, rendersDuring, waitFor, waitUntil } from './support/wait.js';

const WHITE = [255, 255, 255];
const arc = arcMark;

afterEach(removeWhiteMaps);

async function mapWith(arcs: FlowMark[], animated: boolean, center?: [number, number], zoom?: number): Promise<{ map: MapLibreMap; layer: FlowLayer }> {
  const map = await whiteMap(center, zoom);
  const layer = new FlowLayer({ animated });
  layer.setFlows(arcs);
  map.addLayer(layer);
  return { map, layer };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Screen points along an arc, skipping the ends. */
function along(map: MapLibreMap, path: [number, number][]): Array<{ x: number; y: number }> {
  return path.slice(1, -1).map((p) => map.project(p));
}

function isInk(pixel: readonly number[]): boolean {
  return colorDistance(pixel, WHITE) > 80;
}

describe('flow marks (the model and its level) and flowWidth', () => {
  const t = (id: string, extra: Partial<Transfer> = {}): Transfer => ({ id, from: 'SLV', to: 'USA', kind: 'inmates', status: 'active', sources: [], ...extra });
  const anchors = new Map<string, [number, number]>([['SLV', [-89, 13.7]], ['USA', [-98, 39]]]);
  const flowsOf = (transfers: Transfer[]) => buildModel({ facilities: [], transfers, countries: [], issues: [], errors: [] }, anchors, { maxRadius: 36 });

  it('sizes width by count on a square-root scale, thin for unknown counts', () => {
    // By hand from the definition: 1.5 px at 0, 8 px at the largest count, √ between:
    // 25 of 100 is half the way, 1.5 + 6.5 / 2 = 4.75.
    const width = flowWidth(100, 8);
    expect(width(100)).to.equal(8);
    expect(width(0)).to.equal(1.5);
    expect(width(25)).to.be.closeTo(4.75, 1e-9);
    expect(width(400), 'clamped').to.equal(8);
    // The level draws them at those widths (three short arcs: far under the ink cap), largest first.
    const level = flowsOf([t('a', { count: 100 }), t('b', { count: 25 }), t('c')]).levelAt(2, { width: 1000, height: 600 });
    expect(level.flows.map((f) => [f.transfer.id, f.widthPx])).to.deep.equal([['a', 8], ['b', 4.75], ['c', 1.5]]);
    expect(level.navigation.map((i) => i.id), 'the keyboard walks them in the same order').to.deep.equal(['a', 'b', 'c']);
    // Opacity by magnitude with the width: √ of the share of the largest, 0.35 to 1 (25 of 100: half the way).
    expect(level.flows.map((f) => f.emphasis)).to.deep.equal([1, MIN_FLOW_EMPHASIS + (1 - MIN_FLOW_EMPHASIS) / 2, MIN_FLOW_EMPHASIS]);
  });

  it('styles by status and kind, hides cancelled and reports unplaceable endpoints', () => {
    const model = flowsOf([
      t('active'), t('agreed', { status: 'agreed' }), t('considered', { status: 'considered' }),
      t('cancelled', { status: 'cancelled' }), t('help', { kind: 'assistance' }), t('lost', { to: 'XXX' }),
    ]);
    const byId = Object.fromEntries(model.flows.map((f) => [f.transfer.id, f]));
    expect(Object.keys(byId)).to.deep.equal(['active', 'agreed', 'considered', 'cancelled', 'help']);
    expect(byId.agreed.opacity).to.be.below(byId.active.opacity);
    expect(flowColor('inmates', 'agreed', 'light')[3]).to.be.below(flowColor('inmates', 'active', 'light')[3]);
    expect(byId.active.dashed).to.equal(false);
    expect(byId.considered.dashed).to.equal(true);
    expect(byId.cancelled.hidden).to.equal(true);
    expect(byId.active.hidden).to.equal(false);
    expect(byId.help.dotted).to.equal(true);
    expect(byId.help.colorSlot).to.not.equal(byId.active.colorSlot);
    expect(PALETTES.light.flows.assistance).to.not.equal(PALETTES.light.flows.inmates);
    expect(model.issues.map((i) => [i.field, i.message])).to.deep.equal([['to', 'to "XXX" is neither a facility id of this map nor an ISO 3166-1 alpha-3 country code']]);
    expect(byId.active.path[0]).to.deep.equal(anchors.get('SLV'));
  });
});

describe('FlowLayer', () => {
  it('draws an arc that starts and ends at its endpoints', async () => {
    const from: [number, number] = [-40, 10];
    const to: [number, number] = [40, -10];
    const { map } = await mapWith([arc('a', from, to)], false);
    const pixels = readMapPixels(map);
    const a = map.project(from);
    const b = map.project(to);
    const ux = (b.x - a.x) / Math.hypot(b.x - a.x, b.y - a.y);
    const uy = (b.y - a.y) / Math.hypot(b.x - a.x, b.y - a.y);
    // One pixel inside each end, so that rounding to the pixel grid cannot step off the line.
    expect(pixels.at(a.x + ux, a.y + uy), 'from').to.satisfy(isInk);
    expect(pixels.at(b.x - ux, b.y - uy), 'to').to.satisfy(isInk);
    // Past the ends there is nothing.
    expect(colorDistance(pixels.at(a.x - 20 * ux, a.y - 20 * uy), WHITE), 'before from').to.be.below(5);
    expect(colorDistance(pixels.at(b.x + 20 * ux, b.y + 20 * uy), WHITE), 'after to').to.be.below(5);
  });

  it('draws the largest arc on top and most opaque, the smallest fading (flowmap.gl\'s hierarchy)', async () => {
    // Two crossing arcs of two colours: a large one, opaque, and a small one, faint.
    const large = arc('large', [-40, -20], [40, 20], { widthPx: 8, emphasis: 1 });
    const small = arc('small', [-40, 20], [40, -20], { widthPx: 8, emphasis: MIN_FLOW_EMPHASIS, colorSlot: flowColorSlot('assistance', 'active') });
    const { map, layer } = await mapWith([large], false);
    const alone = readMapPixels(map);
    // The level's order (largest first); the layer draws it smallest first.
    layer.setFlows([large, small]);
    await mapIdle(map);
    const both = readMapPixels(map);
    const ink = (p: { x: number; y: number }) => colorDistance(both.at(p.x, p.y), WHITE);
    const quarter = (path: [number, number][]) => map.project(path[Math.floor(path.length / 4)]);
    expect(ink(quarter(small.path)), 'the small arc is fainter').to.be.below(ink(quarter(large.path)) * 0.6);
    expect(ink(quarter(small.path)), 'but drawn').to.be.above(20);
    // Where they cross, the large arc lies on top: the pixel is nearer to the large arc alone than
    // with the two drawn the other way round (the arcs are translucent: the one under shows a little).
    const screen = (path: [number, number][]) => path.map((p) => map.project(p));
    const [a, b] = [screen(large.path), screen(small.path)];
    let crossing: { x: number; y: number } | undefined;
    for (let i = 1; i < a.length && !crossing; i++) {
      for (let j = 1; j < b.length && !crossing; j++) {
        const [p, r] = [a[i - 1], { x: a[i].x - a[i - 1].x, y: a[i].y - a[i - 1].y }];
        const [q, u] = [b[j - 1], { x: b[j].x - b[j - 1].x, y: b[j].y - b[j - 1].y }];
        const d = r.x * u.y - r.y * u.x;
        if (d === 0) continue;
        const t = ((q.x - p.x) * u.y - (q.y - p.y) * u.x) / d;
        const v = ((q.x - p.x) * r.y - (q.y - p.y) * r.x) / d;
        if (t >= 0 && t <= 1 && v >= 0 && v <= 1) crossing = { x: p.x + t * r.x, y: p.y + t * r.y };
      }
    }
    expect(crossing, 'the arcs cross').to.not.equal(undefined);
    expect(colorDistance(alone.at(crossing!.x, crossing!.y), WHITE), 'the large arc is there').to.be.above(80);
    layer.setFlows([small, large]);
    await mapIdle(map);
    const reversed = readMapPixels(map);
    const off = (pixels: typeof both) => colorDistance(pixels.at(crossing!.x, crossing!.y), alone.at(crossing!.x, crossing!.y));
    expect(off(both), 'large on top').to.be.below(off(reversed) * 0.75);
  });

  it('moves along the arc while animated', async function () {
    this.timeout(60000);
    const flow = arc('a', [-50, 0], [50, 0]);
    const { map } = await mapWith([flow], true);
    const points = along(map, flow.path);
    const first = readMapPixels(map);
    const before = points.map((p) => first.at(p.x, p.y));
    let after: number[][] = [];
    let changed = 0;
    // Until a later frame differs at a quarter of the points along the arc.
    await waitUntil(() => {
      const later = readMapPixels(map);
      after = points.map((p) => later.at(p.x, p.y));
      changed = before.filter((pixel, i) => colorDistance(pixel, after[i]) > 10).length;
      return changed > points.length / 4;
    }, { interval: 100 });
    expect(before.every(isInk) && after.every(isInk), 'the arc is drawn in both frames').to.equal(true);
    expect(changed, 'points along the arc that changed').to.be.above(points.length / 4);
  });

  it('renders no frames when animation is off, and keeps rendering when it is on', async function () {
    this.timeout(60000);
    const flow = arc('a', [-50, 0], [50, 0]);
    const { map, layer } = await mapWith([flow], true);
    await layerFrames(layer, 10, { message: 'the animated layer to keep drawing frames' });

    layer.setAnimated(false);
    await mapIdle(map);
    const stillFrom = layer.frameCount;
    const frames = await rendersDuring(map, { animationFrames: 60, ms: 2000 });
    expect(frames, 'map frames while still').to.equal(0);
    expect(layer.frameCount, 'layer frames while still').to.equal(stillFrom);

    // Still shows direction without motion: the arc is drawn, with the same static arrowheads in two reads.
    const first = readMapPixels(map);
    await sleep(300);
    const second = readMapPixels(map);
    const points = along(map, flow.path);
    expect(points.length).to.be.above(10);
    expect(points.filter((p) => isInk(first.at(p.x, p.y))).length, 'points of the arc drawn').to.equal(points.length);
    for (const p of points) expect(colorDistance(first.at(p.x, p.y), second.at(p.x, p.y))).to.be.below(3);
  });

  it('hit-tests its own arcs', async () => {
    const flow = arc('a', [-40, 0], [40, 0]);
    const { map, layer } = await mapWith([flow, arc('far', [-40, 50], [40, 50])], false);
    const mid = map.project(flow.path[Math.floor(flow.path.length / 2)]);
    expect(layer.pick(mid, map)).to.equal('a');
    expect(layer.pick({ x: mid.x + 2, y: mid.y + 4 }, map)).to.equal('a');
    expect(layer.pick({ x: mid.x, y: mid.y + 20 }, map)).to.equal(undefined);
    expect(layer.pick({ x: mid.x, y: mid.y - 20 }, map)).to.equal(undefined);
  });

  it('draws a hidden arc only while it is selected', async () => {
    const flow = arc('gone', [-40, 0], [40, 0], { hidden: true });
    const { map, layer } = await mapWith([flow], false);
    const mid = map.project(flow.path[Math.floor(flow.path.length / 2)]);
    expect(colorDistance(readMapPixels(map).at(mid.x, mid.y), WHITE)).to.be.below(5);
    expect(layer.pick(mid, map)).to.equal(undefined);
    layer.setSelected('gone');
    expect(readMapPixels(map).at(mid.x, mid.y)).to.satisfy(isInk);
    expect(layer.pick(mid, map)).to.equal('gone');
  });

  it('draws A→B and B→A apart', async () => {
    const a: [number, number] = [-30, -20];
    const b: [number, number] = [30, 20];
    const { map } = await mapWith([arc('ab', a, b, { widthPx: 4 }), arc('ba', b, a, { widthPx: 4 })], false);
    const pixels = readMapPixels(map);
    const pa = map.project(a);
    const pb = map.project(b);
    const mx = (pa.x + pb.x) / 2;
    const my = (pa.y + pb.y) / 2;
    const len = Math.hypot(pb.x - pa.x, pb.y - pa.y);
    const nx = -(pb.y - pa.y) / len;
    const ny = (pb.x - pa.x) / len;
    // Walk across both arcs through the middle of the chord: ink, then blank, then ink.
    const runs: boolean[] = [];
    for (let t = -80; t <= 80; t++) {
      const ink = isInk(pixels.at(mx + nx * t, my + ny * t));
      if (runs.length === 0 || runs.at(-1) !== ink) runs.push(ink);
    }
    expect(runs.filter((ink) => ink)).to.have.length(2);
    expect(runs.indexOf(true)).to.be.below(runs.lastIndexOf(true) - 1);
  });

  it('draws the copy of a Pacific crossing nearest the view', async () => {
    const flow = arc('pacific', [139, 36], [-122, 37]);
    const { map } = await mapWith([flow], false, [-170, 40], 2);
    const pixels = readMapPixels(map);
    // The arc passes the antimeridian; on screen it is one continuous line through lng 180.
    const middle = flow.path[Math.floor(flow.path.length / 2)];
    const p = map.project([middle[0] - 360, middle[1]]);
    const q = map.project(middle);
    const onScreen = [p, q].find((pt) => pt.x >= 0 && pt.x < 600)!;
    expect(pixels.at(onScreen.x, onScreen.y)).to.satisfy(isInk);
  });

  it('comes back after the WebGL context is lost and restored', async function () {
    this.timeout(60000);
    const flow = arc('a', [-40, 0], [40, 0]);
    const { map, layer } = await mapWith([flow], false);
    const mid = map.project(flow.path[Math.floor(flow.path.length / 2)]);
    expect(readMapPixels(map).at(mid.x, mid.y)).to.satisfy(isInk);
    await loseAndRestoreContext(map);
    await waitFor(() => map.getLayer(FLOW_LAYER_ID) && map.isStyleLoaded(), { message: 'the flow layer to be back in a loaded style' });
    await mapIdle(map);
    expect(readMapPixels(map).at(mid.x, mid.y), 'arc pixels are back').to.satisfy(isInk);
    // And the motion: turning animation on renders frames again.
    layer.setAnimated(true);
    await layerFrames(layer, 5, { message: 'the restored layer to animate' });
  });
});
