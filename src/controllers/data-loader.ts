/**
 * Loading the data: property data, URLs or the bundled dataset, parsed and validated in the lazily
 * loaded pipeline chunk, with the country anchors transfers need. A `@lit/task` Task runs it
 * whenever a data attribute or property changes (once the element is active); a newer load
 * aborts the one in flight, so a slow answer can never overwrite a newer dataset.
 */
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { DataRequest, LoadedModelInput } from '../pipeline.js';
import { yieldToMain } from '../shared/scheduling.js';
import { markStartup } from '../shared/timing.js';

export type Pipeline = typeof import('../pipeline.js');

export interface DataLoaderOptions {
  /** What to load: the element's data attributes and properties. */
  request(): DataRequest;
  /** Nothing is fetched until this is true (lazy loading). */
  active(): boolean;
  /** A dataset could not be read, or loading failed as a whole. */
  onError(dataset: 'facilities' | 'transfers' | 'countries', message: string): void;
  /** A long load's progress (0..1), reported when it has taken over {@link PROGRESS_AFTER_MS}; undefined when done. */
  onProgress?(done: number | undefined): void;
}

/** Loads shorter than this show no progress (a number that flashes by is noise). */
export const PROGRESS_AFTER_MS = 1000;

export class DataLoader {
  /** The pipeline module, once loaded (the host's templates use its exports). */
  pipeline?: Pipeline;
  private readonly task: Task<[DataRequest, boolean], LoadedModelInput>;

  constructor(host: ReactiveControllerHost, options: DataLoaderOptions) {
    this.task = new Task(host, {
      args: () => [options.request(), options.active()],
      // The request is a fresh object each update: compare what it holds.
      argsEqual: ([a, activeA], [b, activeB]) => activeA === activeB
        && (Object.keys(a) as Array<keyof DataRequest>).every((key) => a[key] === b[key]),
      task: async ([request, active], { signal }) => {
        if (!active) return initialState;
        if (!this.pipeline) {
          this.pipeline = await import('../pipeline.js');
          markStartup('pipeline-loaded');
        }
        const started = performance.now();
        const progress = (done: number) => {
          if (!signal.aborted && performance.now() - started > PROGRESS_AFTER_MS) options.onProgress?.(done);
        };
        const input = await this.pipeline.loadModelInput(request, document.baseURI, signal, progress).finally(() => options.onProgress?.(undefined));
        signal.throwIfAborted();
        markStartup('data-loaded');
        // A page's first use of Intl loads the ICU data (about 30 ms on a laptop, four times that on
        // a phone): here, in a task of its own, not inside the first render, which formats numbers.
        new Intl.NumberFormat().format(0);
        await yieldToMain();
        signal.throwIfAborted();
        for (const issue of input.data.issues) console.warn(`<prison-map> ${this.pipeline.describeIssue(issue)}`);
        for (const error of input.data.errors) options.onError(error.dataset, error.message);
        return input;
      },
      onError: (error) => {
        if ((error as Error)?.name !== 'AbortError') options.onError('facilities', String(error));
      },
    });
  }

  /** The last completed load, or undefined while the first one runs. */
  get value(): LoadedModelInput | undefined {
    return this.task.status === TaskStatus.COMPLETE || this.task.status === TaskStatus.PENDING ? this.task.value : undefined;
  }
}
