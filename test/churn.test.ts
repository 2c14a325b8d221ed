/**
 * Churn: pages add, remove and move maps in every order a single-page app produces (route
 * changes, lists re-rendered, a reader navigating away before a map is up). Every map that stays
 * in the page becomes ready, nothing reports an error, and once no map is left in the page no
 * WebGL context and no MapLibre worker is left either.
 */
import { expect } from 'chai';
import '../src/index.js';
import type { PrisonMapElement, PrisonMapErrorDetail } from '../src/index.js';
import { liveContexts, trackWebglContexts } from './support/webgl-contexts.js';
import { liveWorkers, trackWorkers } from './support/workers.js';
import { waitUntil } from './support/wait.js';

const stops: Array<() => void> = [];
const mapErrors: PrisonMapErrorDetail[] = [];
const pageErrors: string[] = [];
const onMapError = (event: Event) => mapErrors.push((event as CustomEvent<PrisonMapErrorDetail>).detail);
const onPageError = (event: ErrorEvent) => pageErrors.push(event.message);
const onRejection = (event: PromiseRejectionEvent) => pageErrors.push(String(event.reason?.stack ?? event.reason));

before(() => {
  stops.push(trackWebglContexts(), trackWorkers());
  document.addEventListener('prison-map-error', onMapError);
  window.addEventListener('error', onPageError);
  window.addEventListener('unhandledrejection', onRejection);
});
after(() => {
  for (const stop of stops) stop();
  document.removeEventListener('prison-map-error', onMapError);
  window.removeEventListener('error', onPageError);
  window.removeEventListener('unhandledrejection', onRejection);
});
beforeEach(() => {
  mapErrors.length = 0;
  pageErrors.length = 0;
});

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A map as a page adds one: eager, so that it starts at once wherever it is. */
function newMap(): PrisonMapElement {
  const el = document.createElement('prison-map');
  el.setAttribute('loading', 'eager');
  el.style.cssText = 'display:block;width:360px;height:240px';
  return el;
}

/** Resolves when the map is ready; rejects (naming the test's step) on its error or after 40 s. */
function ready(el: PrisonMapElement, step: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      clearTimeout(timer);
      el.removeEventListener('prison-map-ready', onReady);
      el.removeEventListener('prison-map-error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => settle();
    const onError = (e: Event) => settle(new Error(`${step}: prison-map-error ${JSON.stringify((e as CustomEvent).detail)}`));
    const timer = setTimeout(() => settle(new Error(`${step}: no prison-map-ready within 40 s`)), 40000);
    el.addEventListener('prison-map-ready', onReady);
    el.addEventListener('prison-map-error', onError);
  });
}

/** No map is in the page: every context and worker goes (teardown finishes asynchronously). */
async function expectNothingLeft(): Promise<void> {
  expect(document.querySelectorAll('prison-map').length, 'maps in the page').to.equal(0);
  await waitUntil(() => liveContexts() === 0 && liveWorkers() === 0, { timeout: 10000 });
  expect(liveContexts(), 'live WebGL contexts').to.equal(0);
  expect(liveWorkers(), 'MapLibre workers still running').to.equal(0);
  expect(mapErrors, 'prison-map-error events').to.deep.equal([]);
  expect(pageErrors, 'page errors').to.deep.equal([]);
}

describe('churn: maps added, removed and moved in any order', () => {
  it('a map removed 0-900 ms after insertion and a fresh one inserted at once: the fresh one comes up (12 times)', async function () {
    this.timeout(12 * 45000);
    for (let i = 0; i < 12; i++) {
      const early = newMap();
      document.body.append(early);
      await delay(Math.round((i * 900) / 11));
      early.remove();
      const fresh = newMap();
      document.body.append(fresh);
      await ready(fresh, `round ${i + 1} (removed after ${Math.round((i * 900) / 11)} ms)`);
      expect(fresh.map, 'the fresh map has its MapLibre map').to.not.equal(undefined);
      fresh.remove();
    }
    await expectNothingLeft();
  });

  it('the same element moved in the DOM before and after ready keeps coming up (6 moves)', async function () {
    this.timeout(6 * 45000);
    const here = document.body.appendChild(document.createElement('section'));
    const there = document.body.appendChild(document.createElement('section'));
    try {
      for (let i = 0; i < 6; i++) {
        const el = newMap();
        here.append(el);
        const beforeReady = i % 2 === 0;
        if (beforeReady) {
          // Moved while MapLibre is still loading (at different points of its start-up).
          await delay(i * 150);
          there.append(el);
          await ready(el, `move ${i + 1} before ready`);
        } else {
          await ready(el, `move ${i + 1}, first drawing`);
          const map = el.map;
          there.append(el);
          // A move keeps the map: the same MapLibre map, and a data change on it still draws.
          await delay(50);
          expect(el.map, 'the moved map is the same map').to.equal(map);
          const drawn = ready(el, `move ${i + 1} after ready, redraw`);
          el.maxFlows = 2;
          await drawn;
        }
        expect(el.parentElement).to.equal(there);
        expect(liveContexts(), 'one context for the one map').to.equal(1);
        el.remove();
      }
    } finally {
      here.remove();
      there.remove();
    }
    await expectNothingLeft();
  });

  it('three maps inserted and removed together come up every time (6 rounds)', async function () {
    this.timeout(6 * 60000);
    for (let round = 0; round < 6; round++) {
      const maps = [newMap(), newMap(), newMap()];
      document.body.append(...maps);
      await Promise.all(maps.map((el, i) => ready(el, `round ${round + 1}, map ${i + 1}`)));
      expect(liveContexts(), 'a context per map').to.equal(3);
      for (const el of maps) el.remove();
    }
    await expectNothingLeft();
  });

  it('50 sequential create, ready, remove cycles: every map comes up', async function () {
    this.timeout(50 * 30000);
    for (let i = 0; i < 50; i++) {
      const el = newMap();
      document.body.append(el);
      await ready(el, `cycle ${i + 1}`);
      el.remove();
    }
    await expectNothingLeft();
  });
});
