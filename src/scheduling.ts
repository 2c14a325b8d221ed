/**
 * Yielding to the browser between slices of long work, so that it can paint and answer input:
 * `scheduler.yield()` where there is one (it keeps the work's priority and is not throttled in
 * background tabs), else a new task.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
