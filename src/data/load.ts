/** Fetching a dataset URL and turning its text into parsed records (JSON or CSV). */
import { csvRows } from './csv.js';
import type { RowRecord } from './transfers.js';
import type { DatasetName } from './types.js';

export type DataFormat = 'json' | 'csv';

/** A whole dataset that cannot be used: the element fires `prison-map-error` with this message. */
export class DatasetError extends Error {
  constructor(readonly dataset: DatasetName, message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

export interface FetchedDataset {
  text: string;
  format: DataFormat;
}

/** A dataset that has not fully arrived after this long is given up on, with a readable error. */
export const DATASET_TIMEOUT_MS = 30_000;

/** Fetches a dataset; the format comes from the extension, else the Content-Type, else JSON. */
export async function fetchDataset(
  dataset: DatasetName, url: string, base: string, signal: AbortSignal, timeoutMs = DATASET_TIMEOUT_MS,
): Promise<FetchedDataset> {
  let resolved: URL;
  try {
    resolved = new URL(url, base);
  } catch {
    throw new DatasetError(dataset, `"${url}" is not a valid URL`);
  }
  // The caller's signal cancels a superseded load; the timer gives up on a server that never answers.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const onAbort = () => timeout.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const timedOut = () => !signal.aborted && timeout.signal.aborted;
  try {
    let response: Response;
    try {
      response = await fetch(resolved, { signal: timeout.signal, credentials: 'same-origin' });
    } catch (error) {
      if (signal.aborted) throw error;
      if (timedOut()) throw new DatasetError(dataset, `${resolved.href} did not answer within ${timeoutMs / 1000} s`);
      throw new DatasetError(dataset, `network error loading ${resolved.href}`);
    }
    if (!response.ok) {
      throw new DatasetError(dataset, `${resolved.href} answered ${response.status} ${response.statusText}`.trim());
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw error;
      if (timedOut()) throw new DatasetError(dataset, `${resolved.href} did not finish loading within ${timeoutMs / 1000} s`);
      throw new DatasetError(dataset, `network error while reading ${resolved.href}`);
    }
    return { text, format: detectFormat(resolved.pathname, response.headers.get('content-type')) };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

export function detectFormat(pathname: string, contentType: string | null): DataFormat {
  if (/\.csv$/i.test(pathname)) return 'csv';
  if (/\.(geo)?json$/i.test(pathname)) return 'json';
  return /text\/csv/i.test(contentType ?? '') ? 'csv' : 'json';
}

/** Parses JSON text, explaining the usual mistakes (an HTML error page, an empty file). */
export function parseJsonText(dataset: DatasetName, text: string): unknown {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw new DatasetError(dataset, 'the file is empty');
  if (body.startsWith('<')) throw new DatasetError(dataset, 'the file is HTML, not JSON or CSV (is the URL right?)');
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new DatasetError(dataset, `the file is not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Reads CSV text into rows. An empty file, an HTML page (a server's error or fallback page) and a
 * header without any record are whole-dataset errors, not row issues.
 */
export function parseCsvText(dataset: DatasetName, text: string): RowRecord[] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new DatasetError(dataset, 'the file is empty');
  if (body.trimStart().startsWith('<')) throw new DatasetError(dataset, 'the file is HTML, not JSON or CSV (is the URL right?)');
  const rows = csvRows(body);
  if (rows.length === 0) throw new DatasetError(dataset, 'the CSV file has a header row but no data rows');
  return rows;
}
