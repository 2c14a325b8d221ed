/**
 * `loading="lazy"` (the default): near the viewport the element paints a preview of the map's
 * first view without MapLibre, fires `prison-map-preview`, and starts the interactive map when the
 * reader reaches for it or the page is idle; the map then replaces the preview where it was.
 */
import { expect } from 'chai';
import '../src/index.js';
import { cleanup, mapOf, mount, nextEvent } from './support/mount.js';
import { mapIdle } from './support/wait.js';

afterEach(cleanup);

/** The preview's SVG document, read back from the image the element shows. */
async function previewDocument(el: HTMLElement): Promise<Document> {
  const image = el.shadowRoot!.querySelector<HTMLImageElement>('img.preview');
  expect(image, 'the preview image').to.not.equal(null);
  const text = await (await fetch(image!.src)).text();
  return new DOMParser().parseFromString(text, 'image/svg+xml');
}

describe('<prison-map> preview (loading="lazy")', function () {
  this.timeout(60000);

  it('paints the data before MapLibre is created, then the map takes over at the same places', async () => {
    const el = mount(`<prison-map lang="en" style="display:block;width:900px;height:560px"></prison-map>`);
    const preview = await nextEvent(el, 'prison-map-preview', 40000);
    expect(preview.bubbles && preview.composed, 'bubbles and composed').to.equal(true);
    expect(el.map, 'no MapLibre map while the preview is painted').to.equal(undefined);
    const svg = await previewDocument(el);
    expect(svg.querySelector('parsererror'), 'a well-formed SVG').to.equal(null);
    expect(svg.querySelector('image, foreignObject'), 'vector only').to.equal(null);
    const circles = [...svg.querySelectorAll<SVGCircleElement>('circle.facility')];
    expect(circles.length, 'the bundled facilities').to.be.at.least(5);
    expect([...svg.querySelectorAll('text')].map((t) => t.textContent), 'CECOT is named').to.include('CECOT');
    const cecotLabel = [...svg.querySelectorAll('text.label')].find((t) => t.textContent === 'CECOT')!;
    const cecot = circles.find((c) => c.getAttribute('data-id') === cecotLabel.getAttribute('data-id'))!;
    expect(cecot, "CECOT's circle").to.not.equal(undefined);

    // The page goes idle (or the reader reaches for it): the interactive map comes up and the preview goes.
    await nextEvent(el, 'prison-map-ready', 40000);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img.preview'), 'the preview is gone once the map has drawn').to.equal(null);
    // Same framing: CECOT's circle is where the preview painted it, within 3 CSS px.
    const map = mapOf(el);
    const id = cecot.getAttribute('data-id')!;
    const feature = map.querySourceFeatures('prison-map-facilities').find((f) => f.properties?.id === id)!;
    const at = map.project((feature.geometry as GeoJSON.Point).coordinates as [number, number]);
    const dx = at.x - Number(cecot.getAttribute('cx'));
    const dy = at.y - Number(cecot.getAttribute('cy'));
    expect(Math.hypot(dx, dy), `CECOT on the map (${at.x.toFixed(1)}, ${at.y.toFixed(1)}) vs the preview (${cecot.getAttribute('cx')}, ${cecot.getAttribute('cy')})`).to.be.below(3);
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
    expect(el.shadowRoot!.querySelector('img.preview')).to.equal(null);
  });
});
