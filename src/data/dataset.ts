/**
 * Resolves what the element should show — property data, URLs or the bundled dataset — into
 * validated records, without touching the DOM. Each dataset loads on its own: one failing does not
 * stop the others.
 */
import { parseFacilities, readFacilityRows } from './facilities.js';
import { DatasetError, fetchDataset, parseCsvText, parseJsonText, type FetchedDataset } from './load.js';
import { parseCountries, parseTransfers, readCountryRows, readTransferRows } from './transfers.js';
import { yieldToMain } from '../shared/scheduling.js';
import type { CountryContext, DataIssue, DatasetName, Facility, Parsed, Transfer } from './types.js';

export interface DataRequest {
  facilities?: string;
  transfers?: string;
  countries?: string;
  facilitiesData?: unknown;
  transfersData?: unknown;
  countriesData?: unknown;
  /** Data attributes bound wrongly (binding-mistakes.ts): those datasets are empty, with this message. */
  misbound?: Partial<Record<DatasetName, string>>;
}

export interface LoadedData {
  facilities: Facility[];
  transfers: Transfer[];
  countries: CountryContext[];
  issues: DataIssue[];
  errors: DatasetError[];
}

/**
 * True when the page gave no data of its own, so the bundled dataset is shown. A wrongly bound
 * data attribute is data the page meant to give: never replaced by the bundled dataset.
 */
export function wantsDefaultDataset(request: DataRequest): boolean {
  return !request.misbound && !request.facilities && !request.transfers && !request.countries
    && request.facilitiesData === undefined && request.transfersData === undefined && request.countriesData === undefined;
}

const PARSERS = {
  facilities: { json: parseFacilities, rows: readFacilityRows },
  transfers: { json: parseTransfers, rows: readTransferRows },
  countries: { json: parseCountries, rows: readCountryRows },
} as const;

/** Gets a dataset's text from its location (`fetchDataset`; the `prison-map render` command also reads files). */
export type DatasetFetcher = (dataset: DatasetName, url: string, base: string, signal: AbortSignal) => Promise<FetchedDataset>;

export async function loadData(request: DataRequest, base: string, signal: AbortSignal, fetcher: DatasetFetcher = fetchDataset): Promise<LoadedData> {
  const useDefault = wantsDefaultDataset(request);
  const defaults = useDefault ? (await import('./default-dataset.js')).defaultDataset : undefined;
  const load = async <K extends DatasetName>(dataset: K): Promise<Parsed<unknown>> => {
    const given = request[`${dataset}Data` as const];
    const url = request[dataset];
    const parser = PARSERS[dataset];
    const misbound = request.misbound?.[dataset];
    if (misbound) throw new DatasetError(dataset, misbound);
    // Each dataset is read in a task of its own: ten thousand rows of each in one would hold the page.
    await yieldToMain();
    signal.throwIfAborted();
    if (given !== undefined) return readWhole(dataset, () => parser.json(given));
    if (defaults) return readWhole(dataset, () => parser.json(defaults[dataset]));
    if (!url) return { records: [], issues: [] };
    const fetched = await fetcher(dataset, url, base, signal);
    if (fetched.format === 'csv') return readWhole(dataset, () => parser.rows(parseCsvText(dataset, fetched.text)));
    const json = parseJsonText(dataset, fetched.text);
    return readWhole(dataset, () => parser.json(json));
  };
  const names: DatasetName[] = ['facilities', 'transfers', 'countries'];
  const settled = await Promise.allSettled(names.map((name) => load(name)));
  if (signal.aborted) throw signal.reason;
  const result: LoadedData = { facilities: [], transfers: [], countries: [], issues: [], errors: [] };
  settled.forEach((outcome, index) => {
    const name = names[index];
    if (outcome.status === 'fulfilled') {
      (result[name] as unknown[]) = outcome.value.records;
      // concat, not push(...): a spreadsheet with 200,000 bad rows would overflow the argument list.
      result.issues = result.issues.concat(outcome.value.issues);
    } else {
      const error = outcome.reason;
      result.errors.push(error instanceof DatasetError ? error : new DatasetError(name, String(error)));
    }
  });
  return result;
}

/** Runs a parser; a throw means the whole value has the wrong shape. */
function readWhole<T>(dataset: DatasetName, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new DatasetError(dataset, (error as Error).message);
  }
}

/** Formats an issue for the console: "facilities row 3, field capacity: …". */
export function describeIssue(issue: DataIssue): string {
  return `${issue.dataset} row ${issue.row}${issue.field ? `, field ${issue.field}` : ''}: ${issue.message}`;
}
