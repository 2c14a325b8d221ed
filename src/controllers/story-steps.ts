/**
 * Connects `<prison-map>` elements to the story steps of their page (story/steps.ts): one watcher
 * for the whole document, created when the first map connects and dropped with the last one.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { StepWatcher, applyState, type StepKey, type StepState } from '../story/steps.js';

let watcher: StepWatcher | undefined;
const maps = new Set<Element>();
/** Per map: its own attribute values before any step, and the last state applied. */
const memory = new WeakMap<Element, { base: Map<StepKey, string | null>; last: StepState }>();

function applyToMap(id: string, state: StepState): void {
  const element = document.getElementById(id);
  if (!element || !maps.has(element)) return;
  let remembered = memory.get(element);
  if (!remembered) memory.set(element, (remembered = { base: new Map(), last: {} }));
  applyState(element, state, remembered.last, remembered.base);
  remembered.last = state;
}

export function watchStoryStepsFor(element: Element): void {
  maps.add(element);
  // A map added after its steps were seen (or re-added) takes the state of the steps passed: all
  // of it, whatever was applied to it before (its own markup is still what going up restores).
  const remembered = memory.get(element);
  if (remembered) remembered.last = {};
  if (watcher && element.id) watcher.forget(element.id);
  watcher ??= new StepWatcher(document, applyToMap);
}

export function unwatchStoryStepsFor(element: Element): void {
  maps.delete(element);
  if (maps.size === 0) {
    watcher?.disconnect();
    watcher = undefined;
  }
}

/** Story steps elsewhere in the page (`data-prison-map-step`) drive the host map by its id while it is connected. */
export class StoryStepsController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    watchStoryStepsFor(this.host);
  }

  hostDisconnected(): void {
    unwatchStoryStepsFor(this.host);
  }
}
