import { expect } from 'chai';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/index.js';
import type { PrisonMapElement, PrisonMapReadyDetail, PrisonMapSelectDetail } from '../src/index.js';
import { cleanup, colorDistance, mapOf, mount, nextEvent, readMapPixels } from './support/mount.js';
import { flowLayerOf, layerFrames, mapIdle, rendersDuring, waitFor } from './support/wait.js';
import { FACILITY_LABEL_LAYER_ID } from '../src/map/facility-layers.js';

afterEach(async () => {
  cleanup();
  // A test that failed while scrolled down must not leave the next one's map off screen.
  window.scrollTo(0, 0);
  await emulateMedia({ reducedMotion: 'no-preference' });
});

const FLOWS = `facilities="/test/fixtures/flows-facilities.geojson" transfers="/test/fixtures/flows-transfers.json"
  center="10,-90" zoom="3" no-legend style="width:700px;height:400px"`;

/** Ready, and the map has finished the frame that shows it. */
async function settled(el: PrisonMapElement): Promise<void> {
  await nextEvent(el, 'prison-map-ready');
  await mapIdle(mapOf(el));
}

/**
 * Frames rendered by the map and drawn by the flow layer over at least 2 s and 60 animation
 * frames, counted from a settled map: a map that wanted to animate would render in nearly every
 * one of those frames, however slow the machine.
 */
async function framesWhileStill(el: PrisonMapElement): Promise<{ map: number; layer: number }> {
  const map = mapOf(el);
  await mapIdle(map);
  const layer = flowLayerOf(map);
  const layerBefore = layer.frameCount;
  const rendered = await rendersDuring(map, { animationFrames: 60, ms: 2000 });
  return { map: rendered, layer: layer.frameCount - layerBefore };
}

/** The pixels along the straight-ish middle part of the west→east arc. */
function arcSample(el: PrisonMapElement): number[][] {
  const map = mapOf(el);
  const pixels = readMapPixels(map);
  const a = map.project([-96, 10]);
  const b = map.project([-84, 10]);
  const out: number[][] = [];
  for (let x = a.x; x <= b.x; x += 2) for (let dy = -12; dy <= 12; dy += 2) out.push(pixels.at(x, a.y + dy));
  return out;
}

describe('<prison-map> transfers', () => {
  it('reports a transfer to an unknown code by row and field, and draws the others', async () => {
    const el = mount(`<prison-map loading="eager" ${FLOWS}></prison-map>`);
    const ready = await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready');
    expect(ready.detail.transfers).to.equal(1);
    expect(ready.detail.issues.map((i) => [i.dataset, i.row, i.field])).to.deep.equal([['transfers', 2, 'to']]);
  });

  it('moves the arcs: a later frame differs along the arc', async function () {
    this.timeout(60000);
    const el = mount(`<prison-map loading="eager" ${FLOWS}></prison-map>`);
    await settled(el);
    const first = arcSample(el);
    let changed = 0;
    await waitFor(() => {
      const later = arcSample(el);
      changed = first.filter((px, i) => colorDistance(px, later[i]) > 30).length;
      return changed > 5;
    }, { interval: 100, message: () => `more than 5 pixels along the arc to change (${changed} did)` });
  });

  it('keeps the arcs still while the map loads, and moves them once its first view is complete', async function () {
    this.timeout(60000);
    const el = mount(`<prison-map loading="eager" ${FLOWS}></prison-map>`);
    await waitFor(() => el.map !== undefined, { message: 'the map to be created' });
    const map = mapOf(el);
    expect(map.loaded(), 'the map still loading when first seen').to.equal(false);
    // Motion during the load redraws every layer each frame while tiles are cut and shaders compile.
    const movingAtLoad = new Promise<boolean>((resolve) => map.once('load', () => resolve(flowLayerOf(map).isAnimated)));
    expect(await movingAtLoad, 'arcs moving when the map reports load').to.equal(false);
    await settled(el);
    expect(flowLayerOf(map).isAnimated, 'arcs moving once ready').to.equal(true);
    await layerFrames(flowLayerOf(map), 5, { message: 'the arcs to animate after the first view' });
  });

  it('renders no frame for 2 s with no-animation, yet shows the arc', async function () {
    this.timeout(60000);
    const el = mount(`<prison-map loading="eager" no-animation ${FLOWS}></prison-map>`);
    await settled(el);
    expect(await framesWhileStill(el), 'map and flow layer frames while still').to.deep.equal({ map: 0, layer: 0 });
    const sea = readMapPixels(mapOf(el)).at(10, 390);
    const drawn = arcSample(el).filter((px) => colorDistance(px, sea) > 60).length;
    expect(drawn, 'arc pixels').to.be.above(10);
  });

  it('renders no frame for 2 s under prefers-reduced-motion, and hides the pause control', async function () {
    this.timeout(60000);
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = mount(`<prison-map loading="eager" ${FLOWS}></prison-map>`);
    await settled(el);
    expect(await framesWhileStill(el), 'map and flow layer frames while still').to.deep.equal({ map: 0, layer: 0 });
    expect(el.shadowRoot!.querySelector('button[aria-pressed]')).to.equal(null);
  });

  it('renders no frame for 2 s when scrolled off screen, and moves again when back', async function () {
    this.timeout(90000);
    const el = mount(`<prison-map loading="eager" ${FLOWS}></prison-map>`);
    const spacer = mount<HTMLDivElement>('<div style="height:3000px"></div>');
    await settled(el);
    const layer = flowLayerOf(mapOf(el));
    await layerFrames(layer, 5, { message: 'the arcs to animate on screen' });
    window.scrollTo(0, 2500);
    await waitFor(() => !layer.isAnimated, { message: 'the motion to stop once the map is off screen' });
    expect(await framesWhileStill(el), 'map and flow layer frames while off screen').to.deep.equal({ map: 0, layer: 0 });
    window.scrollTo(0, 0);
    await layerFrames(layer, 10, { message: 'the arcs to move again once back on screen' });
    spacer.remove();
  });

  it('has a labelled pause control that stops the frames and resumes them', async function () {
    this.timeout(90000);
    const el = mount(`<prison-map loading="eager" ${FLOWS}></prison-map>`);
    await settled(el);
    const layer = flowLayerOf(mapOf(el));
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-pressed]')!;
    expect(button.getAttribute('aria-label')).to.equal('Pause animation');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(button.getAttribute('aria-label')).to.equal('Play animation');
    expect(await framesWhileStill(el), 'map and flow layer frames while paused').to.deep.equal({ map: 0, layer: 0 });
    button.click();
    await el.updateComplete;
    await layerFrames(layer, 10, { message: 'the arcs to move again after Play' });
  });

  it('starts and ends an arc between two facilities at their markers', async () => {
    const el = mount(`<prison-map loading="eager" no-animation ${FLOWS}></prison-map>`);
    await settled(el);
    // The circles sit on top of the arc; just outside each circle, towards the other, the arc is drawn.
    const map = mapOf(el);
    // The facilities' labels sit beside the circles: this looks at arcs only.
    map.setLayoutProperty(FACILITY_LABEL_LAYER_ID, 'visibility', 'none');
    await mapIdle(map);
    const pixels = readMapPixels(map);
    const sea = pixels.at(10, 390);
    const radius = el.maxRadius;
    const west = map.project([-100, 10]);
    const east = map.project([-80, 10]);
    const near = (x: number, y: number) => {
      let hits = 0;
      for (let dy = -10; dy <= 10; dy++) if (colorDistance(pixels.at(x, y + dy), sea) > 60) hits++;
      return hits;
    };
    expect(near(west.x + radius + 4, west.y), 'arc leaves the west marker').to.be.above(0);
    expect(near(east.x - radius - 4, east.y), 'arc reaches the east marker').to.be.above(0);
    expect(near(west.x - radius - 6, west.y), 'nothing beyond the west marker').to.equal(0);
    expect(near(east.x + radius + 6, east.y), 'nothing beyond the east marker').to.equal(0);
  });

  it('selects an arc on click: prison-map-select, selected attribute and a details card', async () => {
    const el = mount(`<prison-map loading="eager" no-animation ${FLOWS}></prison-map>`);
    await settled(el);
    const map = mapOf(el);
    const canvas = map.getCanvas();
    // Find the arc under the midpoint by scanning across it: the layer bends arcs to one side.
    const mid = map.project([-90, 10]);
    const pixels = readMapPixels(map);
    const sea = pixels.at(10, 390);
    let y = mid.y - 30;
    while (y < mid.y + 30 && colorDistance(pixels.at(mid.x, y), sea) < 60) y++;
    const rect = canvas.getBoundingClientRect();
    const selected = nextEvent<PrisonMapSelectDetail>(el, 'prison-map-select');
    const init = { clientX: rect.left + mid.x, clientY: rect.top + y + 1, bubbles: true };
    canvas.dispatchEvent(new MouseEvent('mousedown', init));
    canvas.dispatchEvent(new MouseEvent('mouseup', init));
    canvas.dispatchEvent(new MouseEvent('click', init));
    const event = await selected;
    expect(event.detail).to.deep.equal({ kind: 'transfer', id: 'west-east' });
    await el.updateComplete;
    expect(el.getAttribute('selected')).to.equal('west-east');
    const card = el.shadowRoot!.querySelector('[part=details]')!;
    expect(card.textContent).to.contain('West');
    expect(card.textContent).to.contain('East');
  });
});
