/**
 * Waiting on conditions instead of sleeping: "Speed is measured, not asserted by a timer."
 *
 * Under SwiftShader on a loaded machine one repaint can take 200 ms or more, so a test that
 * sleeps for a fixed time and then expects N frames (or any result) is a coin flip. These helpers
 * wait until the thing has happened, with a generous timeout that fails with a clear message;
 * and, for "nothing happens" checks, observe a window that starts from a settled map and is
 * measured in animation frames as well as time, so a slow machine lengthens it instead of
 * shortening it.
 *
 * Timeouts default to {@link WAIT_TIMEOUT_MS}, below mocha's 30 s per-test timeout; a test that
 * waits on several things in a row should raise its own with `this.timeout(...)`.
 */
import type { CustomLayerInterface, Map as MapLibreMap, MapEventType } from 'maplibre-gl';
import { FLOW_LAYER_ID, type FlowLayer } from '../../src/map/flow-layer.js';

export const WAIT_TIMEOUT_MS = 20000;

export interface WaitOptions {
  /** Give up after this many ms. Default {@link WAIT_TIMEOUT_MS}. */
  timeout?: number;
  /** What was awaited, for the error; a function is called at the timeout, so it can show the state then. */
  message?: string | (() => string);
  /** Ms between checks. Default 25; make it larger for costly checks (reading pixels). */
  interval?: number;
}

const say = (message: WaitOptions['message'], fallback: string) =>
  typeof message === 'function' ? message() : message ?? fallback;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A task later: past the end of the event being dispatched now, and its microtasks. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The next animation frame (the same clock MapLibre renders on). */
export const animationFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Checks `condition` until it returns something truthy (returned) or the time is up (`undefined`).
 * For a test that prefers to report the state with its own `expect`s after waiting.
 */
export async function waitUntil<T>(condition: () => T | Promise<T>, options: Omit<WaitOptions, 'message'> = {}): Promise<T | undefined> {
  const { timeout = WAIT_TIMEOUT_MS, interval = 25 } = options;
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (performance.now() >= deadline) return undefined;
    await delay(interval);
  }
}

/** Checks `condition` until it returns something truthy, which is returned; throws after `timeout`. */
export async function waitFor<T>(condition: () => T | Promise<T>, options: WaitOptions = {}): Promise<T> {
  const { timeout = WAIT_TIMEOUT_MS } = options;
  const value = await waitUntil(condition, options);
  if (value) return value;
  throw new Error(`waited ${timeout} ms for: ${say(options.message, String(condition))}`);
}

/** `promise`, or an error if it has not settled within `timeout`. */
export function within<T>(promise: Promise<T>, options: WaitOptions = {}): Promise<T> {
  const { timeout = WAIT_TIMEOUT_MS } = options;
  let timer: ReturnType<typeof setTimeout>;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited ${timeout} ms for: ${say(options.message, 'a promise to settle')}`)), timeout);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The next `type` event of a MapLibre map (not a DOM EventTarget), or an error after `timeout`. */
export function mapEvent<K extends keyof MapEventType>(map: MapLibreMap, type: K, options: WaitOptions = {}): Promise<MapEventType[K]> {
  const { timeout = WAIT_TIMEOUT_MS } = options;
  return new Promise((resolve, reject) => {
    const listener = (event: MapEventType[K]) => {
      clearTimeout(timer);
      resolve(event);
    };
    const timer = setTimeout(() => {
      map.off(type, listener);
      reject(new Error(`no map ${type} event within ${timeout} ms${options.message ? `: ${say(options.message, '')}` : ''}`));
    }, timeout);
    map.once(type, listener);
  });
}

/**
 * Resolves at the end of a frame after which the map has nothing left to do (MapLibre's `idle`),
 * whether or not it was idle already: it asks for one repaint, which fires `idle` if the map is
 * settled (or joins the frame already requested). With a layer that keeps asking for frames,
 * `idle` still fires every frame; this says the map is loaded, not that it has stopped.
 */
export function mapIdle(map: MapLibreMap, options: WaitOptions = {}): Promise<void> {
  const idle = mapEvent(map, 'idle', { message: 'the map never became idle', ...options });
  map.triggerRepaint();
  return idle.then(() => undefined);
}

/** The flow layer instance the element (or a test) added to `map`; throws if there is none. */
export function flowLayerOf(map: MapLibreMap): FlowLayer {
  const layer = map.getLayer(FLOW_LAYER_ID) as unknown as { implementation?: CustomLayerInterface } | undefined;
  if (!layer?.implementation) throw new Error(`the map has no ${FLOW_LAYER_ID} layer`);
  return layer.implementation as FlowLayer;
}

/**
 * Waits until the flow layer has drawn `n` more frames than it had at the call; returns how many
 * it drew by then. Fails with the count reached: an animated layer that stops asking for
 * repaints gets stuck at a frame or two.
 */
export async function layerFrames(layer: FlowLayer, n: number, options: WaitOptions = {}): Promise<number> {
  const start = layer.frameCount;
  const what = say(options.message, 'the flow layer to keep drawing frames');
  await waitFor(() => layer.frameCount - start >= n, {
    ...options,
    message: () => `${what} (${n} frames wanted, ${layer.frameCount - start} drawn)`,
  });
  return layer.frameCount - start;
}

/** Waits until the map has rendered `n` more frames (`render` events); returns the count. */
export async function mapFrames(map: MapLibreMap, n: number, options: WaitOptions = {}): Promise<number> {
  let frames = 0;
  const count = () => { frames++; };
  map.on('render', count);
  try {
    const what = say(options.message, 'the map to keep rendering frames');
    await waitFor(() => frames >= n, { ...options, message: () => `${what} (${n} frames wanted, ${frames} rendered)` });
    return frames;
  } finally {
    map.off('render', count);
  }
}

export interface QuietWindow {
  /** Animation frames the window lasts at least. Default 60. */
  animationFrames?: number;
  /** And at least this many ms. Default 1000. */
  ms?: number;
}

/**
 * Counts the map's `render` events over a window of at least `animationFrames` browser animation
 * frames and at least `ms` ms, for "nothing renders" checks. MapLibre renders on animation
 * frames, so a map that wanted to draw would draw in nearly every one of them however slow the
 * machine is. Call it once the map is settled (see {@link mapIdle}), or the window catches the
 * last frames of whatever came before.
 */
export async function rendersDuring(map: MapLibreMap, span: QuietWindow = {}): Promise<number> {
  const { animationFrames = 60, ms = 1000 } = span;
  let frames = 0;
  const count = () => { frames++; };
  map.on('render', count);
  try {
    const started = performance.now();
    for (let i = 0; i < animationFrames; i++) await animationFrame();
    const left = ms - (performance.now() - started);
    if (left > 0) await delay(left);
    return frames;
  } finally {
    map.off('render', count);
  }
}

/**
 * Loses the map's WebGL context and gets it back, as a GPU reset or a driver update would;
 * resolves once `webglcontextrestored` has fired (the style is then still being rebuilt).
 */
export async function loseAndRestoreContext(map: MapLibreMap): Promise<void> {
  const lose = map.getCanvas().getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
  const lost = mapEvent(map, 'webglcontextlost');
  lose.loseContext();
  await lost;
  // Chrome ignores a restore requested while the loss is still being dispatched (it reads the
  // handler's preventDefault after dispatch): ask once that dispatch is over, a task later.
  await nextTask();
  const restored = mapEvent(map, 'webglcontextrestored');
  lose.restoreContext();
  await restored;
}
