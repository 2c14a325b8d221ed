/**
 * Field readers shared by the dataset parsers. A required field that cannot be read is reported
 * and returns `INVALID`, so the caller leaves the record out. An optional field that cannot be read
 * is reported too, but the record is kept with that field unknown (or at its default): a typo in a
 * population column must not take a prison off the map. Inputs are only read, never written.
 */
import type { DataIssue, DatasetName, Source } from './types.js';

export const INVALID = Symbol('invalid');
export type Invalid = typeof INVALID;

/** Collects the issues of one record; the row is fixed once per record. */
export class RecordReader {
  /** Problems that leave the record out. */
  readonly issues: DataIssue[] = [];
  /** Problems reported while the record is kept (an optional field left unknown, a dropped source). */
  readonly softIssues: DataIssue[] = [];
  constructor(
    readonly dataset: DatasetName,
    readonly row: number,
    private readonly record: Record<string, unknown>,
  ) {}

  report(field: string | undefined, message: string): Invalid {
    this.issues.push({ dataset: this.dataset, row: this.row, ...(field ? { field } : {}), message });
    return INVALID;
  }

  /** An issue that is reported but does not reject the record. */
  softIssue(field: string, message: string): void {
    this.softIssues.push({ dataset: this.dataset, row: this.row, field, message });
  }

  /** Every issue of the record, hard ones first. */
  get allIssues(): DataIssue[] {
    return [...this.issues, ...this.softIssues];
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }

  raw(field: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.record, field) ? this.record[field] : undefined;
  }

  /** A non-empty string (numbers are accepted and turned into text, as a spreadsheet would). */
  requiredText(field: string): string | Invalid {
    const value = readText(this.raw(field));
    if (value === INVALID) return this.report(field, `${field} must be text, got ${describe(this.raw(field))}`);
    if (value === undefined) return this.report(field, `${field} is required`);
    return value;
  }

  optionalText(field: string): string | undefined {
    const value = readText(this.raw(field));
    if (value !== INVALID) return value;
    this.softIssue(field, `${field} must be text, got ${describe(this.raw(field))}; left out`);
    return undefined;
  }

  /**
   * A number of people (capacity, population, count): a finite number ≥ 0, where `null` and ''
   * count as missing. There is no fraction of a person, so "1,200" and "1.200" are both 1200, as
   * a spreadsheet formatted in English or Spanish exports it.
   */
  optionalPeople(field: string): number | undefined {
    return this.optionalNumber(field, parsePeopleCount);
  }

  /**
   * An amount that may have a fraction (a percentage, a fee): "1,500" could be 1.5 or 1500, so
   * ambiguous text is reported (and the field left unknown) rather than guessed.
   */
  optionalAmount(field: string): number | undefined {
    return this.optionalNumber(field, parseLooseNumber);
  }

  private optionalNumber(field: string, parse: (text: string) => number): number | undefined {
    const value = this.raw(field);
    // Whitespace-only text is missing, as it is for text fields and for CSV cells.
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
    const n = typeof value === 'number' ? value : typeof value === 'string' ? parse(value) : NaN;
    if (!Number.isFinite(n)) {
      const ambiguous = typeof value === 'string' && /^\s*\d{1,3}[.,]\d{3}\s*$/.test(value);
      this.softIssue(field, ambiguous
        ? `${field} ${describe(value)} is ambiguous (a decimal or a thousands separator?): write it without a thousands separator; ${field} left unknown`
        : `${field} must be a number, got ${describe(value)}; ${field} left unknown`);
      return undefined;
    }
    if (n < 0) {
      this.softIssue(field, `${field} must be 0 or more, got ${n}; ${field} left unknown`);
      return undefined;
    }
    return n;
  }

  /** One of `allowed` (any case); anything else is reported and read as `fallback`. */
  oneOf<T extends string>(field: string, allowed: readonly T[], fallback: T): T {
    const value = this.optionalText(field);
    if (value === undefined) return fallback;
    const lower = value.toLowerCase() as T;
    if (!allowed.includes(lower)) {
      this.softIssue(field, `${field} must be one of ${allowed.join(', ')}, got ${describe(value)}; read as ${fallback}`);
      return fallback;
    }
    return lower;
  }

  /** A required ISO 3166-1 alpha-3 code in any case; returned upper case. */
  iso3(field: string): string | Invalid {
    const value = this.requiredText(field);
    if (value === INVALID) return INVALID;
    if (!/^[A-Za-z]{3}$/.test(value)) {
      return this.report(field, `${field} must be a 3-letter ISO 3166-1 alpha-3 code, got ${describe(value)}`);
    }
    return value.toUpperCase();
  }

  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (or `YYYY` only); anything else is reported and left unknown. */
  partialDate(field: string, yearOnly = false): string | undefined {
    const raw = this.raw(field);
    const value = this.optionalText(field);
    if (value === undefined) return undefined;
    const pattern = yearOnly ? /^\d{4}$/ : /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
    if (!pattern.test(value)) {
      this.softIssue(field, `${field} must be ${yearOnly ? 'YYYY' : 'YYYY, YYYY-MM or YYYY-MM-DD'}, got ${describe(raw)}; ${field} left unknown`);
      return undefined;
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
}

/** Text as given (trimmed; numbers as text), undefined when blank, INVALID when not text at all. */
function readText(value: unknown): string | undefined | Invalid {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return INVALID;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
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
 * Reads a whole count of people as a spreadsheet exports it in any language: "1,200", "1.200",
 * "1 200", "1'200" and "40,000,000" are grouping, never a decimal point, because no column that
 * counts people holds a fraction. Anything else is read as {@link parseLooseNumber} reads it.
 */
export function parsePeopleCount(text: string): number {
  const value = text.trim().replace(/[\u00a0\u202f ']/g, '');
  const grouped = /^([+-]?)(\d{1,3}(?:([,.])\d{3})(?:\3\d{3})*)$/.exec(value);
  if (grouped) return Number(`${grouped[1]}${grouped[2].replace(/[,.]/g, '')}`);
  return parseLooseNumber(value);
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
