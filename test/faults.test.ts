/**
 * Faults (README.md, "Bad input" and `prison-map-error` in "Events"): a dataset that cannot be read fires
 * `prison-map-error` with its source and shows a readable message inside the element, and the
 * other datasets still draw; the basemap failing is reported as such; data changed while loading
 * never draws stale data; hiding, resizing and moving the element keep the map working.
 * The cases are the `faults` list of test/reliability-config.json (file "faults").
 */
import { expect } from 'chai';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import '../src/index.js';
import type { PrisonMapElement, PrisonMapErrorDetail, PrisonMapReadyDetail } from '../src/index.js';
import { DatasetError, fetchDataset } from '../src/data/load.js';
import { FACILITY_SOURCE_ID } from '../src/map/facility-layers.js';
import config from './reliability-config.json';
import { cleanup, mapOf, mount, nextEvent } from './support/mount.js';
import { recordFigure } from './support/figures.js';
import { within } from './support/wait.js';

afterEach(cleanup);

interface Fault {
  id: string; file: string; kind: string; source?: string; message?: string;
  attrs?: Record<string, string>; property?: string; value?: unknown;
}
const FAULTS = (config.faults as Fault[]).filter((f) => f.file === 'faults');
/** The fault the running test injects, and what the element was seen to do about it. */
let injected: { fault: Fault; observed: string[] } | undefined;
const fault = (id: string): Fault => {
  const found = FAULTS.find((f) => f.id === id);
  if (!found) throw new Error(`fault ${id} is not in reliability-config.json`);
  injected = { fault: found, observed: [] };
  return found;
};
const observe = (what: string) => injected?.observed.push(what);

// Each fault injected is recorded for the reliability report with its test's outcome and what was
// observed; a configured fault that no test injected is reported there as not run.
afterEach(async function () {
  const done = injected;
  injected = undefined;
  if (!done) return;
  await recordFigure({
    group: 'faults', name: done.fault.id, value: `${done.fault.kind}${done.fault.source ? ` (${done.fault.source})` : ''}`,
    note: done.observed.join('; ') || 'nothing observed', outcome: this.currentTest?.state === 'passed' ? 'passed' : 'failed',
  });
});

const facilitiesData = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [-88.9, 13.6] }, properties: { id: 'f1', name: 'F1', country: 'SLV', capacity: 1000 } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [-86.2, 14.1] }, properties: { id: 'f2', name: 'F2', country: 'HND', capacity: 4000 } },
  ],
};
// Country endpoints only: a transfer to a facility is (rightly) dropped when the facilities fail.
const transfersData = [{ id: 't1', from: 'USA', to: 'SLV', count: 200 }, { id: 't2', from: 'CRI', to: 'SLV', kind: 'assistance' }];
const countriesData = [{ iso3: 'SLV', occupancy_pct: 148 }, { iso3: 'HND', occupancy_pct: 120 }];
const DATA = { facilities: facilitiesData, transfers: transfersData, countries: countriesData } as const;
type DatasetName = keyof typeof DATA;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frames = async (n = 3) => { for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r)); };

/**
 * Watches the timers set with `setTimeout(…, delay)` from now on: `settled()` resolves once every
 * one set so far has run its callback or been cleared, the moment after which it can do nothing more.
 */
function watchTimers(delay: number) {
  const { setTimeout: realSet, clearTimeout: realClear } = window;
  const pending = new Map<number, () => void>();
  const settledEach: Array<Promise<void>> = [];
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    if (ms !== delay || typeof handler !== 'function') return realSet(handler, ms, ...args);
    let settle!: () => void;
    settledEach.push(new Promise<void>((resolve) => { settle = resolve; }));
    const id = realSet((...callArgs: unknown[]) => {
      pending.delete(id);
      try {
        handler(...callArgs);
      } finally {
        settle();
      }
    }, ms, ...args);
    pending.set(id, settle);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) {
      pending.get(id)?.();
      pending.delete(id);
    }
    realClear(id);
  }) as typeof window.clearTimeout;
  return {
    count: () => settledEach.length,
    settled: () => Promise.all([...settledEach]),
    restore: () => { window.setTimeout = realSet; window.clearTimeout = realClear; },
  };
}

/** Collects console.error calls while a test runs. */
function spyConsoleError() {
  const calls: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => { calls.push(args); original.apply(console, args); };
  return { calls, restore: () => { console.error = original; } };
}

/** Creates an element with the given attributes and every other dataset as a data property. */
function create(attrs: Record<string, string>, faulty?: DatasetName, extra?: (el: PrisonMapElement) => void): PrisonMapElement {
  const el = document.createElement('prison-map') as PrisonMapElement;
  el.setAttribute('loading', 'eager');
  el.setAttribute('no-animation', '');
  el.style.cssText = 'width:600px;height:360px';
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const name of Object.keys(DATA) as DatasetName[]) {
    if (name !== faulty) (el as unknown as Record<string, unknown>)[`${name}Data`] = structuredClone(DATA[name]);
  }
  extra?.(el);
  return el;
}

describe('faults: a dataset that cannot be read', () => {
  for (const f of FAULTS.filter((x) => x.kind === 'dataset' || x.kind === 'property')) {
    it(`${f.id}: prison-map-error (${f.source}), a message inside the element, the other datasets drawn`, async () => {
      fault(f.id);
      const faulty = f.source as DatasetName;
      const el = create(f.attrs ?? {}, faulty, (e) => {
        if (f.kind === 'property') (e as unknown as Record<string, unknown>)[f.property!] = f.value;
      });
      const errorEvent = nextEvent<PrisonMapErrorDetail>(el, 'prison-map-error');
      const readyEvent = nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready');
      document.body.append(el);
      try {
        const error = await errorEvent;
        expect(error.detail.source).to.equal(f.source);
        expect(error.detail.message).to.contain(f.message);
        observe(`prison-map-error ${error.detail.source}: ${JSON.stringify(error.detail.message.slice(0, 120))}`);
        await el.updateComplete;
        const status = el.shadowRoot!.querySelector('[part=status]')!;
        expect(status.getAttribute('role')).to.equal('alert');
        expect(status.textContent, 'the reason is shown').to.contain(error.detail.message);
        const ready = await readyEvent;
        expect(ready.detail.facilities, 'facilities drawn unless they failed').to.equal(faulty === 'facilities' ? 0 : 2);
        expect(ready.detail.transfers, 'transfers drawn unless they failed').to.equal(faulty === 'transfers' ? 0 : 2);
        let rejected: unknown;
        await el.whenReady().catch((e: unknown) => { rejected = e; });
        expect(rejected, 'whenReady rejects with the error').to.be.instanceOf(Error);
        expect(el.map, 'the map still exists').to.not.equal(undefined);
        observe(`message shown; ready with ${ready.detail.facilities} facilities and ${ready.detail.transfers} transfers; whenReady rejected`);
      } finally {
        el.remove();
      }
    });
  }

  it('dataset-timeout: a server that never answers is given up on with a readable DatasetError', async () => {
    const f = fault('dataset-timeout');
    const realFetch = window.fetch;
    // A fetch that never answers but honours its abort signal, as the network does.
    window.fetch = ((_input: RequestInfo | URL, init?: RequestInit) => new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    })) as typeof fetch;
    try {
      const started = performance.now();
      let error: unknown;
      // Given up on at all is the condition (the wait fails if it never is); a timer never fires
      // early, so "not before its 300 ms" holds however loaded the machine. No upper time bound.
      await within(fetchDataset('facilities', '/test/fixtures/never.geojson', location.href, new AbortController().signal, 300)
        .catch((e: unknown) => { error = e; }), { message: 'fetchDataset to give up on a server that never answers' });
      expect(error).to.be.instanceOf(DatasetError);
      expect((error as DatasetError).dataset).to.equal(f.source);
      expect((error as Error).message).to.contain(f.message);
      expect(performance.now() - started, 'not given up on before the timeout').to.be.at.least(250);

      // A superseded load is cancelled by its caller's signal, not reported as a timeout.
      const abort = new AbortController();
      const pending = fetchDataset('facilities', '/test/fixtures/never.geojson', location.href, abort.signal, 5000).catch((e: unknown) => e);
      abort.abort();
      expect(await pending).to.not.be.instanceOf(DatasetError);
      observe(`DatasetError ${JSON.stringify((error as Error).message.slice(0, 120))} after ${Math.round(performance.now() - started)} ms; a cancelled load is not reported`);
    } finally {
      window.fetch = realFetch;
    }
  });
});

describe('faults: the basemap', () => {
  it('basemap-404: prison-map-error with source "basemap" and a message inside the element', async () => {
    const f = fault('basemap-404');
    const el = create(f.attrs!);
    const errorEvent = nextEvent<PrisonMapErrorDetail>(el, 'prison-map-error');
    document.body.append(el);
    try {
      const error = await errorEvent;
      expect(error.detail.source).to.equal('basemap');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part=status]')!.textContent).to.contain(error.detail.message);
      observe(`prison-map-error basemap: ${JSON.stringify(error.detail.message.slice(0, 120))}; message shown`);
    } finally {
      el.remove();
    }
  });

  it('a failed basemap is not reported again as a worker failure, nor called slow, 10 s later', async function () {
    this.timeout(60000);
    const { SLOW_START_MS } = await import('../src/map/controller.js');
    const el = create({ basemap: '/test/fixtures/missing-style.json?again' });
    const sources: string[] = [];
    el.addEventListener('prison-map-error', (e) => sources.push((e as CustomEvent<PrisonMapErrorDetail>).detail.source));
    const basemapError = nextEvent(el, 'prison-map-error');
    const slowStart = watchTimers(SLOW_START_MS);
    document.body.append(el);
    try {
      // The map's slow-start timer is set when the map is created, before the basemap can fail.
      // The checks wait until it has run or been cancelled: after that it can report nothing more.
      await basemapError;
      expect(slowStart.count(), 'the map set its slow-start timer').to.be.at.least(1);
      await within(slowStart.settled(), { timeout: SLOW_START_MS + 20000, message: "the map's slow-start timer to run or be cancelled" });
      await el.updateComplete;
      expect(sources).to.include('basemap');
      expect(sources, 'no misleading worker error').to.not.include('worker');
      expect(el.shadowRoot!.querySelector('[part=status]')!.getAttribute('role'), 'the failure stays an alert').to.equal('alert');
    } finally {
      slowStart.restore();
      el.remove();
    }
  });
});

describe('faults: data changed while it loads', () => {
  it('rapid-url-changes: A then B then C while A and B are slow → only C is drawn, no stale ready', async function () {
    this.timeout(20000);
    fault('rapid-url-changes');
    const realFetch = window.fetch;
    // A and B answer late (A last), so a load that was not cancelled would land after C's. Each late
    // request is kept with its answer (a response, or the failure of a cancelled fetch).
    const DELAYS: Record<string, number> = { 'race-a': 1800, 'race-b': 900 };
    const late: Array<Promise<unknown>> = [];
    const onRequest = new Map<string, () => void>();
    const requested = (name: string) => new Promise<void>((resolve) => onRequest.set(name, resolve));
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const name = /\/(race-[ab])\.geojson/.exec(String(input instanceof Request ? input.url : input))?.[1];
      if (!name) return realFetch(input, init);
      const answer = sleep(DELAYS[name]).then(() => realFetch(input, init));
      late.push(answer.catch(() => undefined));
      onRequest.get(name)?.();
      return answer;
    }) as typeof fetch;
    const aRequested = requested('race-a');
    const bRequested = requested('race-b');
    const readies: number[] = [];
    const errors: unknown[] = [];
    const el = mount(`<prison-map loading="eager" no-animation facilities="/test/fixtures/race-a.geojson?race" style="width:600px;height:360px"></prison-map>`);
    el.addEventListener('prison-map-ready', (e) => readies.push((e as CustomEvent<PrisonMapReadyDetail>).detail.facilities));
    el.addEventListener('prison-map-error', (e) => errors.push((e as CustomEvent).detail));
    try {
      await within(aRequested, { timeout: 8000, message: 'the request for A' }); // A is in flight
      el.setAttribute('facilities', '/test/fixtures/race-b.geojson?race');
      el.facilities = '/test/fixtures/race-b.geojson?race2';
      await within(bRequested, { timeout: 8000, message: 'the request for B' }); // B is in flight too
      el.setAttribute('facilities', '/test/fixtures/race-c.geojson?race');
      await el.whenReady();
      // Past A's and B's answers, and whatever the element made of them.
      await Promise.all(late);
      await el.updateComplete;
      await el.whenReady();
      expect(errors).to.deep.equal([]);
      expect(readies.length, 'ready fired').to.be.at.least(1);
      expect(readies, 'every ready is for C (3 facilities)').to.deep.equal(readies.map(() => 3));
      expect(el.issues).to.deep.equal([]);
      // The map's facility source holds exactly C's features: not A's or B's, not a mix.
      const expected = ((await (await realFetch('/test/fixtures/race-c.geojson')).json()) as FeatureCollection)
        .features.map((feature) => String(feature.properties!.id)).sort();
      expect(expected, 'the race-c fixture').to.have.length(3);
      const source = mapOf(el).getSource<GeoJSONSource>(FACILITY_SOURCE_ID);
      expect(source, `the map has the source ${FACILITY_SOURCE_ID}`).to.not.equal(undefined);
      const data = (await source!.getData()) as FeatureCollection;
      expect(data.features.map((feature) => String(feature.properties?.id ?? feature.id)).sort(), 'the facility source holds exactly C').to.deep.equal(expected);
      // And what the map has tiled from it (every tile is loaded at idle) is C too.
      await el.whenReady();
      const tiled = mapOf(el).querySourceFeatures(FACILITY_SOURCE_ID).map((feature) => String(feature.properties?.id ?? feature.id));
      expect(tiled.length, 'features in the loaded tiles').to.be.above(0);
      expect([...new Set(tiled)].sort(), 'the loaded tiles hold exactly C').to.deep.equal(expected);
      observe(`${readies.length} ready event(s), all for C's ${expected.length} facilities; the map's source holds exactly C`);
    } finally {
      window.fetch = realFetch;
    }
  });
});

describe('faults: the container changes', () => {
  async function drawn(): Promise<{ el: PrisonMapElement; spy: ReturnType<typeof spyConsoleError> }> {
    const spy = spyConsoleError();
    const el = create({});
    const ready = nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready');
    document.body.append(el);
    await ready;
    return { el, spy };
  }
  /** The canvas follows the map area's CSS size (ResizeObserver → map.resize()). */
  async function expectCanvasFollows(el: PrisonMapElement): Promise<void> {
    await frames(4);
    const area = el.shadowRoot!.querySelector<HTMLElement>('[part=map]')!;
    const canvas = mapOf(el).getCanvas();
    expect(Math.abs(canvas.clientWidth - area.clientWidth), `canvas width ${canvas.clientWidth} vs ${area.clientWidth}`).to.be.at.most(1);
    expect(Math.abs(canvas.clientHeight - area.clientHeight), `canvas height ${canvas.clientHeight} vs ${area.clientHeight}`).to.be.at.most(1);
  }

  it('hidden-then-shown: display:none then shown → the map draws again at its size, no console error', async () => {
    fault('hidden-then-shown');
    const { el, spy } = await drawn();
    try {
      el.style.display = 'none';
      await frames(4);
      el.style.display = '';
      el.style.width = '640px';
      await expectCanvasFollows(el);
      mapOf(el).triggerRepaint();
      await el.whenReady();
      expect(mapOf(el).getCanvas().width, 'a real drawing buffer').to.be.above(0);
      expect(spy.calls).to.deep.equal([]);
      observe(`drawn again at ${mapOf(el).getCanvas().clientWidth}px wide after display:none; no console error`);
    } finally {
      spy.restore();
      el.remove();
    }
  });

  it('resized-by-css: the canvas follows the element when its CSS size changes', async () => {
    fault('resized-by-css');
    const { el, spy } = await drawn();
    try {
      el.style.width = '420px';
      el.style.height = '300px';
      await expectCanvasFollows(el);
      expect(mapOf(el).getCanvas().clientWidth).to.be.closeTo(420, 2);
      el.style.cssText = 'width:700px;height:400px';
      await expectCanvasFollows(el);
      expect(mapOf(el).getCanvas().clientWidth).to.be.closeTo(700, 2);
      // The map fills the height the legend leaves (a strip below 600 px wide, the full legend above).
      const legend = el.shadowRoot!.querySelector('.legend-dock')?.getBoundingClientRect().height ?? 0;
      expect(mapOf(el).getCanvas().clientHeight + legend, 'the map area grows with the element').to.be.closeTo(400, 2);
      expect(spy.calls).to.deep.equal([]);
      observe(`canvas followed 420px then ${mapOf(el).getCanvas().clientWidth}px wide; no console error`);
    } finally {
      spy.restore();
      el.remove();
    }
  });

  it('moved-to-another-parent: appendChild elsewhere keeps the same map, which follows its new container', async () => {
    fault('moved-to-another-parent');
    const { el, spy } = await drawn();
    const parent = mount<HTMLDivElement>('<div style="width:380px"></div>');
    try {
      const map = mapOf(el);
      el.style.width = '100%';
      // Leaving the old parent schedules the element's teardown (a 0 ms timer) and arriving in the
      // new one cancels it: the check waits until that timer has been cancelled or has run.
      const teardownTick = watchTimers(0);
      try {
        parent.appendChild(el);
        expect(teardownTick.count(), 'the move scheduled a teardown').to.be.at.least(1);
        await teardownTick.settled();
      } finally {
        teardownTick.restore();
      }
      // Compared as a boolean: a failing comparison of two Maps is printed whole and stalls the runner.
      expect(el.map === map, 'the same Map, not destroyed').to.equal(true);
      await expectCanvasFollows(el);
      expect(map.getCanvas().clientWidth).to.be.closeTo(380, 2);
      // Changing data after the move still draws.
      const ready = nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready');
      el.facilitiesData = { ...facilitiesData, features: facilitiesData.features.slice(0, 1) } as never;
      expect((await ready).detail.facilities).to.equal(1);
      expect(spy.calls).to.deep.equal([]);
      observe(`same Map after the move, canvas ${map.getCanvas().clientWidth}px wide; new data drawn; no console error`);
    } finally {
      spy.restore();
      el.remove();
    }
  });
});
