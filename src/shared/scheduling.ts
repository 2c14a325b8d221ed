/**
 * Yielding to the browser between slices of long work, so that it can paint and answer input:
 * `scheduler.yield()` where there is one (it keeps the work's priority and is not throttled in
 * background tabs), else a new task.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `steps` to its end, handing the main thread back (yieldToMain) whenever a slice has held it
 * for `sliceMs`; resolves with what the steps return. Rejects, and runs no further step, once
 * `signal` aborts.
 */
export async function runInSlices<T>(steps: Iterator<unknown, T>, sliceMs: number, signal?: AbortSignal): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToMain();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
}

/** Runs `steps` to its end in one go (the same work as {@link runInSlices}, without pauses). */
export function runToEnd<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Calls `onFrame` once per animation frame with the eased progress (0..1, ease-out cubic) for
 * `durationMs`, ending with exactly 1; resolves after the last frame.
 */
export function tween(durationMs: number, onFrame: (t: number) => void): Promise<void> {
  const start = performance.now();
  return new Promise((resolve) => {
    const step = () => {
      const t = Math.min(1, (performance.now() - start) / durationMs);
      onFrame(1 - (1 - t) ** 3);
      if (t < 1) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
}
