/**
 * Story steps: elements with `data-prison-map-step="ID"` drive the map (or iframe) with that id
 * as the reader scrolls. When a step's top crosses the middle of the viewport going down, its
 * `data-` attributes apply; going back up restores the state of the step before. The state after
 * a step is every earlier step applied in order, so a step only names what it changes.
 *
 * Shared by the element (which applies states to `<prison-map>` elements) and the optional host
 * page helper `prison-map-steps.js` (which posts them into iframe embeds): no Lit, no MapLibre.
 */
export const STEP_ATTRIBUTE = 'data-prison-map-step';

/** The map attributes a step may set, as `data-<name>`. */
export const STEP_KEYS = ['focus-on', 'selected', 'year', 'center', 'zoom', 'projection'] as const;
export type StepKey = (typeof STEP_KEYS)[number];

/**
 * A map's state at a step: a value to set, `''` to remove the attribute, or `null` for "as the
 * map's own markup had it" (before any step applied).
 */
export type StepState = Partial<Record<StepKey, string | null>>;

/** What one step sets: its `data-` attributes among {@link STEP_KEYS}. */
export function stepAttributes(step: Element): StepState {
  const state: StepState = {};
  for (const key of STEP_KEYS) {
    const value = step.getAttribute(`data-${key}`);
    if (value !== null) state[key] = value;
  }
  return state;
}

/** The state after the first `count` steps: every key any step names, `null` where none has yet. */
export function stateAfter(steps: readonly Element[], count: number): StepState {
  const state: StepState = {};
  for (const step of steps) for (const key of Object.keys(stepAttributes(step)) as StepKey[]) state[key] = null;
  for (const step of steps.slice(0, count)) Object.assign(state, stepAttributes(step));
  return state;
}

/** How many steps the reader has passed: those whose top is above the line (CSS px from the viewport top). */
export function passedSteps(steps: readonly Element[], line: number): number {
  let count = 0;
  for (const step of steps) if (step.getBoundingClientRect().top < line) count++;
  return count;
}

/** Reads a message a host page posts into an embed: `{"prison-map-step": {...}}`, known keys and string (or null) values only. */
export function stepMessage(data: unknown): StepState | undefined {
  if (!data || typeof data !== 'object' || !('prison-map-step' in data)) return undefined;
  const body = (data as Record<string, unknown>)['prison-map-step'];
  if (!body || typeof body !== 'object') return undefined;
  const state: StepState = {};
  for (const key of STEP_KEYS) {
    const value = (body as Record<string, unknown>)[key];
    if (typeof value === 'string' || value === null) state[key] = value;
  }
  return state;
}

/**
 * Applies a state to an element's attributes: `''` removes, `null` restores the value recorded in
 * `base` (the element's own, recorded the first time a key is touched). Only keys whose value
 * changed since the last state are written, so the reader's own choices (a selection) survive
 * steps that do not name them.
 */
export function applyState(element: Element, state: StepState, previous: StepState, base: Map<StepKey, string | null>): void {
  for (const key of Object.keys(state) as StepKey[]) {
    const value = state[key];
    if (value === previous[key] && key in previous) continue;
    if (!base.has(key)) base.set(key, element.getAttribute(key));
    const next = value === null || value === undefined ? base.get(key) ?? null : value;
    if (next === null || next === '') element.removeAttribute(key);
    else if (element.getAttribute(key) !== next) element.setAttribute(key, next);
  }
}

/**
 * Watches every step in the document: one MutationObserver (steps added, removed or retargeted)
 * and one IntersectionObserver whose root is a line across the middle of the viewport, for all
 * targets. `apply` receives a target id whenever the number of steps passed for it changes.
 */
export class StepWatcher {
  private readonly passed = new Map<string, number>();
  private readonly mutations: MutationObserver;
  private readonly crossings: IntersectionObserver;
  private observed = new Set<Element>();
  private scheduled = false;

  constructor(
    private readonly root: Document,
    private readonly apply: (targetId: string, state: StepState, steps: readonly Element[]) => void,
  ) {
    this.crossings = new IntersectionObserver(() => this.update(), { rootMargin: '-50% 0px -50% 0px' });
    this.mutations = new MutationObserver(() => this.schedule());
    this.mutations.observe(root.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: [STEP_ATTRIBUTE] });
    this.schedule();
  }

  disconnect(): void {
    this.mutations.disconnect();
    this.crossings.disconnect();
  }

  /** Treats a target as never seen: its state is applied again at the next update (next frame). */
  forget(targetId: string): void {
    this.passed.delete(targetId);
    this.schedule();
  }

  /** Re-reads the steps (after the DOM changed), at most once per frame. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      const steps = new Set(this.root.querySelectorAll(`[${STEP_ATTRIBUTE}]`));
      for (const step of this.observed) if (!steps.has(step)) this.crossings.unobserve(step);
      for (const step of steps) if (!this.observed.has(step)) this.crossings.observe(step);
      this.observed = steps;
      this.update();
    });
  }

  /** Applies, for each target, the state after the steps passed if that number changed. */
  update(): void {
    const byTarget = new Map<string, Element[]>();
    for (const step of this.observed) {
      const id = step.getAttribute(STEP_ATTRIBUTE) ?? '';
      if (!id) continue;
      const list = byTarget.get(id) ?? [];
      list.push(step);
      byTarget.set(id, list);
    }
    const line = (this.root.defaultView?.innerHeight ?? 0) / 2;
    for (const [id, steps] of byTarget) {
      const count = passedSteps(steps, line);
      if (this.passed.get(id) === count) continue;
      const first = !this.passed.has(id);
      this.passed.set(id, count);
      // On first sight, nothing passed means the map's own markup: nothing to apply.
      if (first && count === 0) continue;
      this.apply(id, stateAfter(steps, count), steps);
    }
  }
}
