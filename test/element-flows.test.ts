import { expect } from 'chai';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/index.js';
import type { PrisonMapElement, PrisonMapReadyDetail, PrisonMapSelectDetail } from '../src/index.js';
import { cleanup, colorDistance, mount, nextEvent, readMapPixels } from './support/mount.js';

afterEach(async () => {
  cleanup();
  await emulateMedia({ reducedMotion: 'no-preference' });
});

const FLOWS = `facilities="/test/fixtures/flows-facilities.geojson" transfers="/test/fixtures/flows-transfers.json"
  center="10,-90" zoom="3" no-legend style="width:700px;height:400px"`;

function framesDuring(el: PrisonMapElement, ms: number): Promise<number> {
  let frames = 0;
  const count = () => frames++;
  el.map!.on('render', count);
  return new Promise((resolve) => setTimeout(() => {
    el.map!.off('render', count);
    resolve(frames);
  }, ms));
}

async function settled(el: PrisonMapElement): Promise<void> {
  await nextEvent(el, 'prison-map-ready');
  if (!el.map!.loaded()) await el.map!.once('idle');
}

/** The pixels along the straight-ish middle part of the west→east arc. */
function arcSample(el: PrisonMapElement): number[][] {
  const map = el.map!;
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

  it('moves the arcs: two frames 500 ms apart differ along the arc', async () => {
    const el = mount(`<prison-map loading="eager" ${FLOWS}></prison-map>`);
    await settled(el);
    const first = arcSample(el);
    await new Promise((r) => setTimeout(r, 500));
    const second = arcSample(el);
    const changed = first.filter((px, i) => colorDistance(px, second[i]) > 30).length;
    expect(changed, 'pixels that changed along the arc').to.be.above(5);
  });

  it('renders no frame for 2 s with no-animation, yet shows the arc', async () => {
    const el = mount(`<prison-map loading="eager" no-animation ${FLOWS}></prison-map>`);
    await settled(el);
    await new Promise((r) => setTimeout(r, 300));
    expect(await framesDuring(el, 2000)).to.equal(0);
    const sea = readMapPixels(el.map!).at(10, 390);
    const drawn = arcSample(el).filter((px) => colorDistance(px, sea) > 60).length;
    expect(drawn, 'arc pixels').to.be.above(10);
  });

  it('renders no frame for 2 s under prefers-reduced-motion, and hides the pause control', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = mount(`<prison-map loading="eager" ${FLOWS}></prison-map>`);
    await settled(el);
    await new Promise((r) => setTimeout(r, 300));
    expect(await framesDuring(el, 2000)).to.equal(0);
    expect(el.shadowRoot!.querySelector('button[aria-pressed]')).to.equal(null);
  });

  it('renders no frame for 2 s when scrolled off screen, and moves again when back', async () => {
    const el = mount(`<prison-map loading="eager" ${FLOWS}></prison-map>`);
    const spacer = mount<HTMLDivElement>('<div style="height:3000px"></div>');
    await settled(el);
    window.scrollTo(0, 2500);
    await new Promise((r) => setTimeout(r, 400));
    expect(await framesDuring(el, 2000)).to.equal(0);
    window.scrollTo(0, 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(await framesDuring(el, 500)).to.be.above(3);
    spacer.remove();
  });

  it('has a labelled pause control that stops the frames and resumes them', async () => {
    const el = mount(`<prison-map loading="eager" ${FLOWS}></prison-map>`);
    await settled(el);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-pressed]')!;
    expect(button.getAttribute('aria-label')).to.equal('Pause animation');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(button.getAttribute('aria-label')).to.equal('Play animation');
    await new Promise((r) => setTimeout(r, 300));
    expect(await framesDuring(el, 1000)).to.equal(0);
    button.click();
    await el.updateComplete;
    expect(await framesDuring(el, 500)).to.be.above(3);
  });

  it('starts and ends an arc between two facilities at their markers', async () => {
    const el = mount(`<prison-map loading="eager" no-animation ${FLOWS}></prison-map>`);
    await settled(el);
    // The circles sit on top of the arc; just outside each circle, towards the other, the arc is drawn.
    const map = el.map!;
    const pixels = readMapPixels(map);
    const sea = pixels.at(10, 390);
    const radius = 36;
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
    const map = el.map!;
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
