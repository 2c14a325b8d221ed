/**
 * Resolves what the element should show — property data, URLs or the bundled dataset — into
 * validated records, without touching the DOM.
 */
import { parseFacilities } from './facilities.js';
import { DatasetError, fetchDataset, parseJsonText, type FetchedDataset } from './load.js';
import type { DataIssue, DatasetName, Facility } from './types.js';

export interface DataRequest {
  facilities?: string;
  facilitiesData?: unknown;
}

export interface LoadedData {
  facilities: Facility[];
  issues: DataIssue[];
  errors: DatasetError[];
}

/** True when the page gave no data of its own, so the bundled dataset is shown. */
export function wantsDefaultDataset(request: DataRequest): boolean {
  return !request.facilities && request.facilitiesData === undefined;
}

export async function loadData(request: DataRequest, base: string, signal: AbortSignal): Promise<LoadedData> {
  const result: LoadedData = { facilities: [], issues: [], errors: [] };
  let facilitiesInput: unknown;
  try {
    if (request.facilitiesData !== undefined) {
      facilitiesInput = request.facilitiesData;
    } else if (request.facilities) {
      facilitiesInput = decode('facilities', await fetchDataset('facilities', request.facilities, base, signal));
    } else {
      const { defaultDataset } = await import('./default-dataset.js');
      facilitiesInput = defaultDataset.facilities;
    }
    const parsed = readWhole('facilities', () => parseFacilities(facilitiesInput));
    result.facilities = parsed.records;
    result.issues.push(...parsed.issues);
  } catch (error) {
    if (signal.aborted) throw error;
    result.errors.push(error instanceof DatasetError ? error : new DatasetError('facilities', String(error)));
  }
  return result;
}

function decode(dataset: DatasetName, fetched: FetchedDataset): unknown {
  if (fetched.format === 'csv') throw new DatasetError(dataset, 'CSV input is not supported yet');
  return parseJsonText(dataset, fetched.text);
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
