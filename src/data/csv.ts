/**
 * CSV input, so a journalist can publish a spreadsheet and point the element at it. Rows are
 * numbered as the spreadsheet shows them: the header is row 1, the first record row 2.
 */
import { csvParse, dsvFormat } from 'd3-dsv';
import type { RowRecord } from './transfers.js';

/** Parses CSV text (comma or semicolon separated, with or without BOM, LF or CRLF). */
export function csvRows(text: string): RowRecord[] {
  const body = text.replace(/^\uFEFF/, '');
  const header = body.slice(0, body.search(/\r?\n|$/));
  // Spreadsheets in Spanish-speaking locales export with semicolons.
  const semicolons = header.split(';').length - 1;
  const commas = header.split(',').length - 1;
  const rows = semicolons > commas ? dsvFormat(';').parse(body) : csvParse(body);
  return rows.map((row, index) => ({ row: index + 2, record: withSources(trimKeys(row)) }));
}

function trimKeys(row: Record<string, string | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const name = key.trim().toLowerCase();
    if (name && value !== undefined && value.trim() !== '') out[name] = value.trim();
  }
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
