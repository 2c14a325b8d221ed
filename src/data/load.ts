/** Fetching a dataset URL and turning its text into parsed records (JSON or CSV). */
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

/** Fetches a dataset; the format comes from the extension, else the Content-Type, else JSON. */
export async function fetchDataset(dataset: DatasetName, url: string, base: string, signal: AbortSignal): Promise<FetchedDataset> {
  let resolved: URL;
  try {
    resolved = new URL(url, base);
  } catch {
    throw new DatasetError(dataset, `"${url}" is not a valid URL`);
  }
  let response: Response;
  try {
    response = await fetch(resolved, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new DatasetError(dataset, `network error loading ${resolved.href}`);
  }
  if (!response.ok) {
    throw new DatasetError(dataset, `${resolved.href} answered ${response.status} ${response.statusText}`.trim());
  }
  const text = await response.text();
  return { text, format: detectFormat(resolved.pathname, response.headers.get('content-type')) };
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
