/**
 * CSV input, so a journalist can publish a spreadsheet and point the element at it. Rows are
 * numbered as the spreadsheet shows them: the header is row 1, the first record row 2.
 */
import { csvParseRows, dsvFormat } from 'd3-dsv';
import type { RowRecord } from './transfers.js';

const semicolonRows = dsvFormat(';').parseRows;

/**
 * Parses CSV text (comma or semicolon separated, with or without BOM, LF or CRLF).
 *
 * Rows are read as arrays (`parseRows`) and turned into records here: d3-dsv's `csvParse` builds
 * its row objects with `new Function`, which a strict Content-Security-Policy (no 'unsafe-eval')
 * forbids, and with an object literal, where a column named `__proto__` would set the row's
 * prototype instead of a field. Blank rows (",,," included) are skipped without an issue, but
 * still counted, so row numbers stay those a spreadsheet shows.
 */
export function csvRows(text: string): RowRecord[] {
  const body = text.replace(/^\uFEFF/, '');
  const header = body.slice(0, body.search(/\r?\n|\r|$/));
  // Spreadsheets in Spanish-speaking locales export with semicolons.
  const semicolons = header.split(';').length - 1;
  const commas = header.split(',').length - 1;
  const [columns = [], ...rows] = semicolons > commas ? semicolonRows(body) : csvParseRows(body);
  const names = columns.map((name) => name.trim().toLowerCase());
  const out: RowRecord[] = [];
  rows.forEach((cells, index) => {
    const record = toRecord(names, cells);
    if (Object.keys(record).length > 0) out.push({ row: index + 2, record: withSources(record) });
  });
  return out;
}

/** Cells → a plain record of the non-blank, trimmed values; later duplicate columns win. */
function toRecord(names: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  names.forEach((name, i) => {
    const value = cells[i];
    if (!name || value === undefined || value.trim() === '') return;
    // defineProperty, not `out[name] =`: a "__proto__" column is a field like any other.
    Object.defineProperty(out, name, { value: value.trim(), enumerable: true, writable: true, configurable: true });
  });
  return out;
}

/** One source per row: `source_title`, `source_url`, `source_publisher`, `source_date`. */
function withSources(record: Record<string, unknown>): Record<string, unknown> {
  const { source_title: title, source_url: url, source_publisher: publisher, source_date: date, ...rest } = record;
  if (title === undefined && url === undefined) return rest;
  return { ...rest, sources: [{ title: title ?? url, url, ...(publisher ? { publisher } : {}), ...(date ? { date } : {}) }] };
}

/** Reads lat/lon from the accepted column names; returns the names used, for issue messages. */
export function csvPosition(record: Record<string, unknown>): { position: [unknown, unknown] | string; fields: [string, string] } {
  const lngField = ['lon', 'lng', 'longitude'].find((name) => record[name] !== undefined) ?? 'lon';
  const latField = ['lat', 'latitude'].find((name) => record[name] !== undefined) ?? 'lat';
  const lng = record[lngField];
  const lat = record[latField];
  if (lng === undefined || lat === undefined) {
    return { position: 'lat and lon columns are required', fields: [lat === undefined ? latField : lngField, latField] };
  }
  return { position: [toNumber(lng), toNumber(lat)], fields: [lngField, latField] };
}

function toNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  // Coordinates are decimals; a comma here is a decimal comma ("13,53"), never grouping.
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : value;
}
