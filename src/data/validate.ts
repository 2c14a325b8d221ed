/**
 * Field readers shared by the dataset parsers. Each returns the clean value, or records an issue
 * and returns `INVALID` so the caller leaves the record out. Inputs are only read, never written.
 */
import type { DataIssue, DatasetName, Source } from './types.js';

export const INVALID = Symbol('invalid');
export type Invalid = typeof INVALID;

/** Collects the issues of one record; the row is fixed once per record. */
export class RecordReader {
  readonly issues: DataIssue[] = [];
  constructor(
    readonly dataset: DatasetName,
    readonly row: number,
    private readonly record: Record<string, unknown>,
  ) {}

  report(field: string | undefined, message: string): Invalid {
    this.issues.push({ dataset: this.dataset, row: this.row, ...(field ? { field } : {}), message });
    return INVALID;
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }

  raw(field: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.record, field) ? this.record[field] : undefined;
  }

  /** A non-empty string (numbers are accepted and turned into text, as a spreadsheet would). */
  requiredText(field: string): string | Invalid {
    const value = this.optionalText(field);
    if (value === INVALID) return INVALID;
    if (value === undefined) return this.report(field, `${field} is required`);
    return value;
  }

  optionalText(field: string): string | undefined | Invalid {
    const value = this.raw(field);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') return this.report(field, `${field} must be text`);
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }

  /** A finite number ≥ 0. `null` and '' count as missing. */
  optionalCount(field: string): number | undefined | Invalid {
    const value = this.raw(field);
    // Whitespace-only text is missing, as it is for text fields and for CSV cells.
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
    const n = typeof value === 'number' ? value : typeof value === 'string' ? parseLooseNumber(value) : NaN;
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      if (typeof value === 'string' && /^\s*\d{1,3}[.,]\d{3}\s*$/.test(value)) {
        return this.report(field, `${field} ${describe(value)} is ambiguous: write it without a thousands separator`);
      }
      return this.report(field, `${field} must be a number, got ${describe(value)}`);
    }
    if (n < 0) return this.report(field, `${field} must be 0 or more, got ${n}`);
    return n;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], fallback: T): T | Invalid {
    const value = this.optionalText(field);
    if (value === INVALID) return INVALID;
    if (value === undefined) return fallback;
    const lower = value.toLowerCase() as T;
    if (!allowed.includes(lower)) {
      return this.report(field, `${field} must be one of ${allowed.join(', ')}, got ${describe(value)}`);
    }
    return lower;
  }

  /** ISO 3166-1 alpha-3 in any case; returned upper case. */
  iso3(field: string, required: boolean): string | undefined | Invalid {
    const value = required ? this.requiredText(field) : this.optionalText(field);
    if (value === INVALID || value === undefined) return value;
    if (!/^[A-Za-z]{3}$/.test(value)) {
      return this.report(field, `${field} must be a 3-letter ISO 3166-1 alpha-3 code, got ${describe(value)}`);
    }
    return value.toUpperCase();
  }

  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  partialDate(field: string, yearOnly = false): string | undefined | Invalid {
    const value = this.optionalText(field);
    if (value === INVALID || value === undefined) return value;
    const pattern = yearOnly ? /^\d{4}$/ : /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
    if (!pattern.test(value)) {
      return this.report(field, `${field} must be ${yearOnly ? 'YYYY' : 'YYYY, YYYY-MM or YYYY-MM-DD'}, got ${describe(value)}`);
    }
    return value;
  }

  /** `sources`: an array of {title, url, ...}. A bad source is reported and dropped, the record kept. */
  sources(field = 'sources'): Source[] {
    const value = this.raw(field);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.softIssue(field, `${field} must be a list of {title, url}`);
      return [];
    }
    const kept: Source[] = [];
    value.forEach((item, index) => {
      const { source, problem } = readSource(item);
      if (problem) this.softIssue(`${field}[${index}]`, problem);
      if (source) kept.push(source);
    });
    return kept;
  }

  /** An issue that is reported but does not reject the record. */
  softIssue(field: string, message: string): void {
    this.softIssues.push({ dataset: this.dataset, row: this.row, field, message });
  }
  readonly softIssues: DataIssue[] = [];
}

/**
 * Reads one source object. A source whose URL is not http(s) keeps its title (shown as text, never
 * as a link) and is reported; one with no title cannot be shown and is dropped.
 */
export function readSource(item: unknown): { source?: Source; problem?: string } {
  if (!item || typeof item !== 'object') return { problem: 'a source must be an object with title and url' };
  const record = item as Record<string, unknown>;
  const title = typeof record.title === 'string' ? record.title.trim() : '';
  const url = typeof record.url === 'string' ? record.url.trim() : '';
  if (!title) return { problem: 'a source needs a title' };
  const source: Source = { title, url: safeHttpUrl(url) ?? '' };
  if (typeof record.publisher === 'string' && record.publisher.trim()) source.publisher = record.publisher.trim();
  if (typeof record.date === 'string' && record.date.trim()) source.date = record.date.trim();
  if (url && !source.url) return { source, problem: `source url must start with http:// or https://, got ${describe(url)}; shown without a link` };
  return { source };
}

/**
 * Returns the URL normalised by the browser's own parser if it is http(s), else undefined.
 * Control characters and odd casing ("JaVaScRiPt:", "java\tscript:") are handled by URL itself.
 */
export function safeHttpUrl(value: string): string | undefined {
  if (!value) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}

/**
 * Reads a number as a person writes it in a spreadsheet: "40000", "40,000", "40 000", "1.5".
 * Returns NaN when the text is ambiguous ("1,500" could be 1.5 in Spanish; "1.500" 1500),
 * so the caller reports it rather than guessing. Grouping is accepted only in groups of three
 * with a decimal part written with the other separator ("1,500.5", "1.500,5"), or when the
 * grouped form cannot be a decimal ("40,000,000").
 */
export function parseLooseNumber(text: string): number {
  const value = text.trim().replace(/[\u00a0\u202f ]/g, '');
  if (value === '') return NaN;
  // "1.500" is 1500 to a Spanish reader and 1.5 to an English one.
  if (/^[+-]?\d{1,3}[.,]\d{3}$/.test(value)) return NaN;
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value)) return Number(value);
  // Both separators present: the last one is the decimal separator.
  let match = /^([+-]?)(\d{1,3}(?:,\d{3})+)\.(\d+)$/.exec(value);
  if (match) return Number(`${match[1]}${match[2].replace(/,/g, '')}.${match[3]}`);
  match = /^([+-]?)(\d{1,3}(?:\.\d{3})+),(\d+)$/.exec(value);
  if (match) return Number(`${match[1]}${match[2].replace(/\./g, '')}.${match[3]}`);
  // Two or more groups of the same separator can only be grouping.
  match = /^([+-]?)(\d{1,3}(?:([,.])\d{3}){2,})$/.exec(value);
  if (match && value.split(match[3]).length > 2) return Number(`${match[1]}${match[2].replace(/[,.]/g, '')}`);
  // A decimal comma with not exactly three digits after it ("1,5") is unambiguous.
  match = /^([+-]?\d+),(\d{1,2}|\d{4,})$/.exec(value);
  if (match) return Number(`${match[1]}.${match[2]}`);
  return NaN;
}

export function describe(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : String(value);
}
