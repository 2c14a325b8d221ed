/**
 * The page `bench/scale.mjs` drives: one `<prison-map>` of the bundled dataset or of a synthetic
 * one (test/support/synthetic-data.ts), its ready time and the longest main-thread task while it
 * loaded (PerformanceObserver `longtask`), and how many elements its shadow root holds.
 */
import '../src/index.js';
import type { PrisonMapElement } from '../src/index.js';
import { syntheticData } from '../test/support/synthetic-data.js';

declare global {
  interface Window {
    benchScale: {
      setup(facilities: number, transfers: number): Promise<{ readyMs: number; longestTaskMs: number; elements: number }>;
      frames(n: number): Promise<void>;
      remove(): void;
    };
    benchReady: boolean;
  }
}

const holder = document.getElementById('holder')!;
let current: PrisonMapElement | undefined;

async function setup(facilities: number, transfers: number): Promise<{ readyMs: number; longestTaskMs: number; elements: number }> {
  const el = document.createElement('prison-map') as PrisonMapElement;
  el.setAttribute('loading', 'eager');
  el.style.cssText = 'display:block;width:1000px;height:600px';
  if (facilities > 0) {
    // Made before the clock starts: a page would have it from a fetch.
    const data = syntheticData(facilities, transfers);
    el.facilitiesData = data.facilities;
    el.transfersData = data.transfers;
    el.countriesData = [];
  }
  let longestTaskMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const ready = new Promise((resolve, reject) => {
    el.addEventListener('prison-map-ready', resolve, { once: true });
    el.addEventListener('prison-map-error', (e) => reject(new Error(JSON.stringify((e as CustomEvent).detail))), { once: true });
  });
  const start = performance.now();
  holder.append(el);
  current = el;
  await ready;
  const readyMs = performance.now() - start;
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  return { readyMs, longestTaskMs, elements: el.shadowRoot!.querySelectorAll('*').length };
}

window.benchScale = {
  setup,
  frames: (n) => new Promise((resolve) => {
    let left = n;
    const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }),
  remove: () => { current?.remove(); current = undefined; },
};
window.benchReady = true;
