/** Counts the Web Workers a test page starts and terminates (MapLibre's pool is made of them). */
const OriginalWorker = window.Worker;
let created = 0;
let terminated = 0;

/** Starts counting (in a `before` hook); returns the function that stops. */
export function trackWorkers(): () => void {
  window.Worker = class extends OriginalWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      created++;
    }
    override terminate(): void {
      terminated++;
      super.terminate();
    }
  };
  return () => { window.Worker = OriginalWorker; };
}

export const createdWorkers = (): number => created;
/** Workers started and not terminated. */
export const liveWorkers = (): number => created - terminated;
