/**
 * 50 cycles of create, render, remove: the JS heap (after forced GC), live WebGL contexts,
 * workers, animation frames and window/document listeners stay bounded.
 */
import { expect } from 'chai';
import '../src/index.js';
import { cleanup, mount, nextEvent } from './support/mount.js';
import { recordFigure } from './support/figures.js';
import { createdContexts, liveContexts, trackWebglContexts } from './support/webgl-contexts.js';
import { waitUntil } from './support/wait.js';
import { createdWorkers, liveWorkers, trackWorkers } from './support/workers.js';

const CYCLES = 50;

let stopTracking: () => void;
let stopTrackingWorkers: () => void;
const listeners = new Map<EventTarget, number>();
const originals = new Map<EventTarget, [typeof window.addEventListener, typeof window.removeEventListener]>();
const pendingFrames = new Set<number>();
const originalRaf = window.requestAnimationFrame;
const originalCancel = window.cancelAnimationFrame;

before(() => {
  stopTracking = trackWebglContexts();
  stopTrackingWorkers = trackWorkers();
  for (const target of [window, document] as EventTarget[]) {
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    originals.set(target, [add as typeof window.addEventListener, remove as typeof window.removeEventListener]);
    listeners.set(target, 0);
    // Counts calls, not distinct listeners: a balanced add/remove leaves the count where it was.
    target.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['addEventListener']>) {
      listeners.set(target, listeners.get(target)! + 1);
      return add.apply(this, args);
    };
    target.removeEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['removeEventListener']>) {
      listeners.set(target, listeners.get(target)! - 1);
      return remove.apply(this, args);
    };
  }
  window.requestAnimationFrame = (callback) => {
    const id = originalRaf((time) => { pendingFrames.delete(id); callback(time); });
    pendingFrames.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id) => {
    pendingFrames.delete(id);
    originalCancel(id);
  };
});

after(() => {
  stopTracking();
  stopTrackingWorkers();
  for (const [target, [add, remove]] of originals) {
    target.addEventListener = add;
    target.removeEventListener = remove;
  }
  window.requestAnimationFrame = originalRaf;
  window.cancelAnimationFrame = originalCancel;
});

const gc = (window as unknown as { gc?: () => void }).gc;
async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}

async function cycle(): Promise<void> {
  const el = mount(`<prison-map loading="eager" style="width:400px;height:300px"></prison-map>`);
  await nextEvent(el, 'prison-map-ready');
  cleanup();
  await new Promise((r) => setTimeout(r, 20));
}

describe(`leaks over ${CYCLES} create/render/remove cycles`, () => {
  it('keeps contexts, workers, frames, listeners and the heap bounded', async function () {
    this.timeout(15 * 60 * 1000);
    expect(gc, 'the browser runs with --expose-gc').to.be.a('function');
    // Warm-up: the first map loads modules, the basemap and the worker pool, which stay cached.
    for (let i = 0; i < 3; i++) await cycle();
    const baseListeners = new Map(listeners);
    const heapStart = await heapAfterGc();
    for (let i = 0; i < CYCLES; i++) await cycle();
    // Teardown finishes asynchronously (contexts lost, the worker pool terminated, frames
    // cancelled): wait until it has, or until the time is up; the checks below then say what is left.
    // A leak that keeps going (a frame loop, a live context) is still there at the end.
    await waitUntil(() => liveContexts() === 0 && liveWorkers() === 0 && pendingFrames.size === 0);
    const heapEnd = await heapAfterGc();
    const growthMb = (heapEnd - heapStart) / 1024 / 1024;

    expect(liveContexts(), 'live WebGL contexts').to.equal(0);
    expect(createdContexts(), 'one context per map created').to.equal(CYCLES + 3);
    // MapLibre's pool is shared by the maps alive at once and terminated when the last one goes.
    expect(liveWorkers(), 'workers still running').to.equal(0);
    expect(pendingFrames.size, 'animation frames still requested').to.equal(0);
    expect(listeners.get(window), 'window listeners left').to.equal(baseListeners.get(window));
    expect(listeners.get(document), 'document listeners left').to.equal(baseListeners.get(document));
    expect(growthMb, 'heap growth in MB after GC').to.be.below(10);
    await recordFigure({
      group: 'leaks',
      outcome: 'passed',
      name: `heap growth over ${CYCLES} create/render/remove cycles`,
      value: Number(growthMb.toFixed(2)),
      unit: 'MB',
      note: `after forced GC; ${createdContexts()} WebGL contexts created, 0 left; ${createdWorkers()} workers started, all terminated`,
    });
  });
});
