import { expect } from 'chai';
import '../src/index.js';
import { PrisonMapElement } from '../src/index.js';
import type { PrisonMapReadyDetail } from '../src/index.js';
import { cleanup, freshDocument, loadElementModule, mount, nextEvent } from './support/mount.js';
import { liveContexts, trackWebglContexts } from './support/webgl-contexts.js';

let stopTracking: () => void;
before(() => { stopTracking = trackWebglContexts(); });
after(() => stopTracking());

const errors: unknown[] = [];
const originalError = console.error;
beforeEach(() => {
  errors.length = 0;
  console.error = (...args: unknown[]) => { errors.push(args); originalError.apply(console, args); };
});
afterEach(() => {
  console.error = originalError;
  cleanup();
});

const TINY = '/test/fixtures/three-sizes.geojson';
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

describe('<prison-map> in any framework', () => {
  it('defines the element once; loading the module again does not throw', async () => {
    expect(customElements.get('prison-map')).to.equal(PrisonMapElement);
    // A second copy of the module (another URL), as when two bundles on a page both include it.
    const secondCopy = '/src/index.ts?second-copy';
    await import(/* @vite-ignore */ secondCopy);
    expect(customElements.get('prison-map')).to.equal(PrisonMapElement);
  });

  it('works when created by document.createElement', async () => {
    const el = document.createElement('prison-map');
    el.setAttribute('loading', 'eager');
    el.facilities = TINY;
    document.body.append(el);
    try {
      const ready = await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready');
      expect(ready.detail.facilities).to.equal(4);
    } finally {
      el.remove();
    }
  });

  it('works when created by innerHTML', async () => {
    const holder = mount<HTMLDivElement>('<div></div>');
    holder.innerHTML = `<prison-map loading="eager" facilities="${TINY}" style="height:300px"></prison-map>`;
    const ready = await nextEvent<PrisonMapReadyDetail>(holder.firstElementChild!, 'prison-map-ready');
    expect(ready.detail.facilities).to.equal(4);
  });

  it('keeps properties set before the element is defined (a fresh document that loads the module later)', async () => {
    const { doc, win } = freshDocument('<!doctype html><body><prison-map loading="eager" style="height:300px"></prison-map></body>', 'width:600px;height:400px');
    const el = doc.querySelector('prison-map') as HTMLElement & { facilitiesData?: unknown };
    expect(win.customElements.get('prison-map'), 'not yet defined').to.equal(undefined);
    el.facilitiesData = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 1] }, properties: { id: 'early', name: 'Early', country: 'FRA', capacity: 1 } }],
    };
    const ready = nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready');
    loadElementModule(doc);
    expect((await ready).detail.facilities).to.equal(1);
  });

  it('keeps its map when moved to another parent', async () => {
    const el = mount(`<prison-map loading="eager" facilities="${TINY}" style="width:500px;height:300px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    const map = el.map;
    const elsewhere = mount<HTMLDivElement>('<div></div>');
    elsewhere.append(el);
    await frame();
    expect(el.map).to.equal(map);
    expect(liveContexts()).to.equal(1);
    el.maxRadius = 20;
    await nextEvent(el, 'prison-map-ready');
    expect(errors).to.deep.equal([]);
  });

  it('releases its WebGL context when removed, and draws again when re-added', async () => {
    const el = mount(`<prison-map loading="eager" facilities="${TINY}" style="width:500px;height:300px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    const parent = el.parentElement!;
    el.remove();
    await frame();
    expect(el.map).to.equal(undefined);
    expect(liveContexts()).to.equal(0);
    parent.append(el);
    await nextEvent(el, 'prison-map-ready');
    expect(el.map).to.not.equal(undefined);
    expect(liveContexts()).to.equal(1);
    expect(errors).to.deep.equal([]);
  });

  it('leaves no extra WebGL context after 10 create/remove cycles', async function () {
    // Ten maps made and drawn one after another: generous on a loaded 2-core machine.
    this.timeout(150000);
    for (let i = 0; i < 10; i++) {
      const el = mount(`<prison-map loading="eager" facilities="${TINY}" style="width:300px;height:200px"></prison-map>`);
      await nextEvent(el, 'prison-map-ready');
      cleanup();
      await frame();
    }
    expect(liveContexts()).to.equal(0);
    expect(errors).to.deep.equal([]);
  });
});
