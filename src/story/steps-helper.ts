/**
 * `prison-map-steps.js`: an optional script for a host page whose map is an iframe embed. Steps
 * in the host page (`data-prison-map-step="ID"`, where ID is the `<iframe>`'s id) are forwarded
 * to the embed as `postMessage({"prison-map-step": {...}})`, to the iframe's own origin only.
 *
 *   <iframe id="story-map" src="https://example.org/prison-map/embed.html?…"></iframe>
 *   <p data-prison-map-step="story-map" data-focus-on="SLV">…</p>
 *   <script type="module" src="https://example.org/prison-map/prison-map-steps.js"></script>
 */
import { StepWatcher, type StepState } from './steps.js';

const lastState = new Map<string, StepState>();
const waiting = new WeakSet<HTMLIFrameElement>();

function post(frame: HTMLIFrameElement, state: StepState): void {
  const origin = new URL(frame.src, location.href).origin;
  // A srcdoc or sandboxed frame has an opaque origin: there is no origin to name.
  frame.contentWindow?.postMessage({ 'prison-map-step': state }, origin === 'null' ? '*' : origin);
}

function forward(id: string, state: StepState): void {
  const frame = document.getElementById(id);
  if (!(frame instanceof HTMLIFrameElement)) return;
  lastState.set(id, state);
  post(frame, state);
  // A frame still loading would miss the message: send the latest state again once it has loaded.
  if (!waiting.has(frame)) {
    waiting.add(frame);
    frame.addEventListener('load', () => {
      const latest = lastState.get(id);
      if (latest) post(frame, latest);
    });
  }
}

const key = Symbol.for('prison-map-steps');
const registry = globalThis as unknown as Record<symbol, StepWatcher | undefined>;
// Included twice: one watcher.
registry[key] ??= new StepWatcher(document, forward);
