/** The element's events and their details (README.md, "Events": all `bubbles: true, composed: true`). */
import type { DataIssue } from '../data/types.js';

export type ErrorSource = 'facilities' | 'transfers' | 'countries' | 'basemap' | 'webgl' | 'worker';

export interface PrisonMapReadyDetail {
  facilities: number;
  transfers: number;
  issues: DataIssue[];
}
export interface PrisonMapErrorDetail {
  source: ErrorSource;
  message: string;
}
export interface PrisonMapSelectDetail {
  kind: 'facility' | 'transfer' | null;
  id: string | null;
}

export function isDatasetSource(source: ErrorSource): source is 'facilities' | 'transfers' | 'countries' {
  return source === 'facilities' || source === 'transfers' || source === 'countries';
}

/** The element's events: bubbling and composed, so a page hears them through shadow roots. */
export function mapEvent<T>(type: string, detail: T): CustomEvent<T> {
  return new CustomEvent<T>(type, { bubbles: true, composed: true, detail });
}

/** A promise with its settle functions; rejections are marked handled so an unobserved one is not an uncaught error. */
export class Deferred {
  settled = false;
  resolve!: () => void;
  reject!: (error: Error) => void;
  readonly promise = new Promise<void>((resolve, reject) => {
    this.resolve = () => { this.settled = true; resolve(); };
    this.reject = (error) => { this.settled = true; reject(error); };
  });
  constructor() {
    this.promise.catch(() => undefined);
  }
}
