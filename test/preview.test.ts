/**
 * `loading="lazy"` (the default): near the viewport the element paints a preview of the map's
 * first view without MapLibre, fires `prison-map-preview`, and starts the interactive map when the
 * reader reaches for it or the page is idle; the map then replaces the preview where it was.
 */
import { expect } from 'chai';
import '../src/index.js';
import type { PrisonMapElement } from '../src/index.js';
import { cleanup, mapOf, mount, nextEvent } from './support/mount.js';
import { mapIdle } from './support/wait.js';
import type { StaticMapGeometry } from '../src/render/geometry.js';

afterEach(cleanup);

/** The preview canvas the element shows, and the geometry (CSS px) its controller drew on it. */
function shownPreview(el: HTMLElement): { canvas: HTMLCanvasElement; geometry: StaticMapGeometry } {
  const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.preview');
  expect(canvas, 'the preview canvas').to.not.equal(null);
  const { geometry } = (el as unknown as { body: { preview: { geometry: StaticMapGeometry } } }).body.preview;
  return { canvas: canvas!, geometry };
}

/** The RGBA of the canvas at CSS px (x, y). */
function canvasPixel(canvas: HTMLCanvasElement, x: number, y: number): number[] {
  const scale = canvas.width / canvas.clientWidth;
  return [...canvas.getContext('2d')!.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data];
}

/** CECOT's circle in what the preview drew (it is labelled CECOT). */
function cecotIn(geometry: StaticMapGeometry) {
  const label = geometry.labels.find((l) => l.text === 'CECOT');
  expect(label, 'CECOT is named').to.not.equal(undefined);
  const circle = geometry.circles.find((c) => c.facility.id === label!.facility.id);
  expect(circle, "CECOT's circle").to.not.equal(undefined);
  return circle!;
}

/** Holds the main thread for `ms` (a long task, as a busy page has). */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) { /* the page's own work */ }
}

describe('<prison-map> preview (loading="lazy")', function () {
  this.timeout(60000);

  // First in the file: LCP only reports an element larger than any before it on the page.
  it("is not the page's Largest Contentful Paint: the article's text stays it", async () => {
    // Each entry is a new largest paint; an element in a shadow tree is reported as null.
    const largest: (Element | null)[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { element: Element | null })[]) largest.push(entry.element);
    });
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
    const paragraph = mount<HTMLParagraphElement>('<p style="font-size:18px">The article begins here, before the map.</p>');
    const el = mount(`<prison-map style="display:block;width:1000px;height:700px"></prison-map>`);
    await nextEvent(el, 'prison-map-preview', 40000);
    // Two frames for the painted preview to be reported, were it a candidate.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.disconnect();
    expect(largest.includes(paragraph), 'the observer sees the text').to.equal(true);
    expect(largest.at(-1) === paragraph, `the largest paint is the text, not the map (${largest.length} candidates)`).to.equal(true);
    // The preview really is painted: CECOT's circle is there on the canvas.
    const { canvas, geometry } = shownPreview(el);
    const cecot = cecotIn(geometry);
    const atCecot = canvasPixel(canvas, cecot.cx, cecot.cy);
    const beside = canvasPixel(canvas, cecot.cx + cecot.r + 4, cecot.cy);
    expect(atCecot[3], 'painted, not transparent').to.equal(255);
    expect(atCecot.join() !== beside.join(), `CECOT's circle (${atCecot}) stands out from beside it (${beside})`).to.equal(true);
  });

  it('reads no layout when it connects, and still paints its preview in the first screen', async () => {
    // Reading a box while the article is being parsed lays the whole page out inside the element's
    // own task (a forced layout): the first screen is found by an IntersectionObserver instead.
    const reads: string[] = [];
    const spies: Array<[object, string, PropertyDescriptor]> = [];
    const spy = (target: object, name: string) => {
      const original = Object.getOwnPropertyDescriptor(target, name)!;
      spies.push([target, name, original]);
      const wrap = (fn: (...args: unknown[]) => unknown) => function (this: unknown, ...args: unknown[]) {
        reads.push(name);
        return fn.apply(this, args);
      };
      Object.defineProperty(target, name, original.get ? { ...original, get: wrap(original.get) } : { ...original, value: wrap(original.value) });
    };
    for (const name of ['getBoundingClientRect', 'getClientRects']) spy(Element.prototype, name);
    for (const name of ['offsetWidth', 'offsetHeight', 'offsetTop']) spy(HTMLElement.prototype, name);
    for (const name of ['innerHeight', 'innerWidth']) spy(window, name);
    let el: PrisonMapElement;
    try {
      el = mount(`<prison-map style="display:block;width:600px;height:400px"></prison-map>`);
    } finally {
      for (const [target, name, original] of spies) Object.defineProperty(target, name, original);
    }
    expect(reads, 'layout read while connecting').to.deep.equal([]);
    await nextEvent(el, 'prison-map-preview', 40000);
    expect(el.map, 'no map yet: a preview').to.equal(undefined);
  });

  it('starts the interactive map by itself only once the page has gone quiet (no long task for 5 s)', async () => {
    const el = mount(`<prison-map style="display:block;width:600px;height:400px"></prison-map>`);
    await nextEvent(el, 'prison-map-preview', 40000);
    // A busy page: a long task every second, six times. The map waits for the reader or for quiet.
    for (let i = 0; i < 6; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      busy(120);
      expect(el.map === undefined, `no map while the page is busy (second ${i + 1})`).to.equal(true);
    }
    await nextEvent(el, 'prison-map-ready', 40000);
    expect(el.map !== undefined, "the map, once the page went quiet").to.equal(true);
  });

  it('paints the data before MapLibre is created, then the map takes over at the same places', async () => {
    const el = mount(`<prison-map lang="en" style="display:block;width:900px;height:560px"></prison-map>`);
    // The last picture before the map: the preview is painted again if the area changes size meanwhile.
    let lastPainted: StaticMapGeometry | undefined;
    el.addEventListener('prison-map-preview', () => { lastPainted = shownPreview(el).geometry; });
    const preview = await nextEvent(el, 'prison-map-preview', 40000);
    expect(preview.bubbles && preview.composed, 'bubbles and composed').to.equal(true);
    expect(el.map, 'no MapLibre map while the preview is painted').to.equal(undefined);
    const { canvas, geometry } = shownPreview(el);
    expect(geometry.circles.length, 'the bundled facilities').to.be.at.least(5);
    expect(geometry.arcs.length, 'the bundled transfers').to.be.at.least(1);
    const cecot = cecotIn(geometry);
    // On the canvas: CECOT's circle in its colour (blended over the land as drawn), an arc's ink at its middle.
    const rgb = (hex: string) => hex.match(/[0-9a-f]{2}/gi)!.map((pair) => parseInt(pair, 16));
    const distance = (pixel: number[], hex: string) => Math.hypot(...rgb(hex).map((v, i) => v - pixel[i]));
    const atCecot = canvasPixel(canvas, cecot.cx, cecot.cy);
    expect(distance(atCecot, cecot.color), `CECOT's centre ${atCecot} vs its colour ${cecot.color}`).to.be.below(120);
    // A solid arc (a dotted one's middle may fall between two dots): the widest, drawn last.
    const arc = geometry.arcs.filter((a) => !a.dasharray).sort((a, b) => b.width - a.width)[0];
    const [x, y] = arc.points[Math.floor(arc.points.length / 2)];
    const onArc = canvasPixel(canvas, x, y);
    const offArc = canvasPixel(canvas, x, y + arc.width + 10);
    expect(distance(onArc, arc.color) < distance(offArc, arc.color), `the arc's ink (${onArc}) is nearer ${arc.color} than beside it (${offArc})`).to.equal(true);

    // The page goes idle (or the reader reaches for it): the interactive map comes up and the preview goes.
    await nextEvent(el, 'prison-map-ready', 40000);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('canvas.preview'), 'the preview is gone once the map has drawn').to.equal(null);
    // Same framing: CECOT's circle is where the preview last painted it, within 3 CSS px.
    const shown = cecotIn(lastPainted!);
    expect(shown.facility.id).to.equal(cecot.facility.id);
    const map = mapOf(el);
    const id = cecot.facility.id;
    const feature = map.querySourceFeatures('prison-map-facilities').find((f) => f.properties?.id === id)!;
    const at = map.project((feature.geometry as GeoJSON.Point).coordinates as [number, number]);
    const dx = at.x - shown.cx;
    const dy = at.y - shown.cy;
    expect(Math.hypot(dx, dy), `CECOT on the map (${at.x.toFixed(1)}, ${at.y.toFixed(1)}) vs the preview (${shown.cx}, ${shown.cy})`).to.be.below(3);
  });

  it('starts the interactive map at once when the reader reaches for it', async () => {
    const el = mount(`<prison-map style="display:block;width:600px;height:400px"></prison-map>`);
    await nextEvent(el, 'prison-map-preview', 40000);
    const ready = nextEvent(el, 'prison-map-ready', 40000);
    el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await ready;
    expect(el.map, 'the map').to.not.equal(undefined);
  });

  it('keeps its one map when a step or the page changes the view after it started', async () => {
    const el = mount(`<prison-map loading="eager" no-animation style="display:block;width:600px;height:400px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready', 40000);
    const map = el.map;
    el.setAttribute('focus-on', 'SLV');
    el.setAttribute('projection', 'globe');
    await el.updateComplete;
    el.removeAttribute('projection');
    await el.updateComplete;
    // Time for a second map to be made, if one were: the first has settled after the camera moved.
    await mapIdle(mapOf(el));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(el.map === map, 'the same MapLibre map, not a second one').to.equal(true);
  });

  it('paints no preview with loading="eager": the map starts at once', async () => {
    const el = mount(`<prison-map loading="eager" style="display:block;width:600px;height:400px"></prison-map>`);
    let previews = 0;
    el.addEventListener('prison-map-preview', () => previews++);
    await nextEvent(el, 'prison-map-ready', 40000);
    expect(previews).to.equal(0);
    expect(el.shadowRoot!.querySelector('canvas.preview')).to.equal(null);
  });
});
