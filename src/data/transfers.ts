/** Transfers and country context: JSON arrays (or wrapped objects) → validated records. */
import {
  TRANSFER_KINDS, TRANSFER_STATUSES, type CountryContext, type DataIssue, type DatasetName, type Parsed, type Transfer,
} from './types.js';
import { INVALID, RecordReader, describe } from './validate.js';

/** A record and the row a person would use to find it (JSON: index + 1; CSV: spreadsheet row). */
export interface RowRecord {
  row: number;
  record: Record<string, unknown>;
}

/**
 * Stands in for a list item that is not an object. A marker object compared by identity, not a
 * flag field: a record the user gave may have any key, `__notAnObject` included.
 */
const NOT_AN_OBJECT: Record<string, unknown> = Object.freeze({});

/** `[...]` or `{transfers: [...]}` → rows numbered from 1. Throws on any other shape. */
export function jsonRows(dataset: DatasetName, input: unknown, wrapperKey: string): RowRecord[] {
  const list = Array.isArray(input)
    ? input
    : input && typeof input === 'object' && Array.isArray((input as Record<string, unknown>)[wrapperKey])
      ? (input as Record<string, unknown[]>)[wrapperKey]
      : undefined;
  if (!list) throw new TypeError(`${dataset} must be a JSON array (or {"${wrapperKey}": [...]})`);
  return list.map((record, index) => ({
    row: index + 1,
    record: record && typeof record === 'object' && !Array.isArray(record) ? record as Record<string, unknown> : NOT_AN_OBJECT,
  }));
}

export function parseTransfers(input: unknown): Parsed<Transfer> {
  return readTransferRows(jsonRows('transfers', input, 'transfers'));
}

export function readTransferRows(rows: RowRecord[]): Parsed<Transfer> {
  const records: Transfer[] = [];
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  for (const { row, record } of rows) {
    if (record === NOT_AN_OBJECT) {
      issues.push({ dataset: 'transfers', row, message: 'not an object' });
      continue;
    }
    const r = new RecordReader('transfers', row, record);
    const id = r.requiredText('id');
    const from = r.requiredText('from');
    const to = r.requiredText('to');
    const kind = r.oneOf('kind', TRANSFER_KINDS, 'inmates');
    const count = r.optionalPeople('count');
    const status = r.oneOf('status', TRANSFER_STATUSES, 'active');
    const year = r.partialDate('year', true);
    const fee = r.optionalAmount('fee_usd_per_year');
    const note = r.optionalText('note');
    const noteEs = r.optionalText('note:es');
    const sources = r.sources();
    if (id !== INVALID && seen.has(id)) r.report('id', `id ${describe(id)} is used by an earlier transfer`);
    issues.push(...r.allIssues);
    if (!r.ok || id === INVALID || from === INVALID || to === INVALID) continue;
    seen.add(id);
    records.push({
      id, row, from, to, kind, status, sources,
      ...(count !== undefined ? { count } : {}),
      ...(year ? { year } : {}),
      ...(fee !== undefined ? { feeUsdPerYear: fee } : {}),
      ...(note ? { note } : {}),
      ...(noteEs ? { noteEs } : {}),
    });
  }
  return { records, issues };
}

export function parseCountries(input: unknown): Parsed<CountryContext> {
  return readCountryRows(jsonRows('countries', input, 'countries'));
}

export function readCountryRows(rows: RowRecord[]): Parsed<CountryContext> {
  const records: CountryContext[] = [];
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  for (const { row, record } of rows) {
    if (record === NOT_AN_OBJECT) {
      issues.push({ dataset: 'countries', row, message: 'not an object' });
      continue;
    }
    const r = new RecordReader('countries', row, record);
    const iso3 = r.iso3('iso3');
    const occupancy = r.optionalAmount('occupancy_pct');
    const year = r.partialDate('year', true);
    const note = r.optionalText('note');
    const noteEs = r.optionalText('note:es');
    const sources = r.sources();
    if (typeof iso3 === 'string' && seen.has(iso3)) r.report('iso3', `${iso3} is already described by an earlier row`);
    issues.push(...r.allIssues);
    if (!r.ok || iso3 === INVALID) continue;
    seen.add(iso3);
    records.push({
      iso3, sources,
      ...(occupancy !== undefined ? { occupancyPct: occupancy } : {}),
      ...(year ? { year } : {}),
      ...(note ? { note } : {}),
      ...(noteEs ? { noteEs } : {}),
    });
  }
  return { records, issues };
}
