/**
 * Property-based tests of the data parsers (README.md, "Bad input"): for any input, no exception
 * but the documented whole-dataset TypeError; every rejected record reported with its row (and its
 * field where a field is at fault); every valid record kept, in order, with the values it was
 * generated with (trimmed, codes upper case, enumerations lower case, defaults where left out); the
 * input never mutated.
 * Runs are seeded (test/reliability-config.json) so they are the same on every machine.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { csvRows } from '../src/data/csv.js';
import { parseFacilities, readFacilityRows } from '../src/data/facilities.js';
import { DatasetError, parseCsvText } from '../src/data/load.js';
import { parseCountries, parseTransfers, readCountryRows, readTransferRows, type RowRecord } from '../src/data/transfers.js';
import {
  FACILITY_STATUSES, PRECISIONS, TRANSFER_KINDS, TRANSFER_STATUSES, type CountryContext, type DataIssue, type DatasetName,
  type Facility, type Parsed, type Source, type Transfer,
} from '../src/data/types.js';
import config from './reliability-config.json';
import { recordFigure } from './support/figures.js';

const { seed } = config.fuzz;
const RUNS = config.fuzz.numRuns;
type RunName = keyof typeof RUNS;

/**
 * What the parsers did over one property's cases: records kept, rows rejected (with an issue that
 * leaves the record out), inputs refused as a whole (the documented TypeError or DatasetError) and
 * inputs read. The predicates check the invariants of every output; these totals show which kinds
 * of output the invariants were checked on.
 */
interface Tally { cases: number; kept: number; rejected: number; threw: number; parsed: number }
let tally: Tally = { cases: 0, kept: 0, rejected: 0, threw: 0, parsed: 0 };
/** Measured per property, for the reliability report. */
const measured = new Map<string, Tally>();

/** Adds a parser's output to the running property's tally. */
function saw(kept: number, rejected: number): void {
  tally.parsed++;
  tally.kept += kept;
  tally.rejected += rejected;
}

/**
 * Runs one seeded property with the config's number of runs. `needs` are the kinds of output the
 * property exists to check (e.g. both kept and rejected records): a run whose inputs never produced
 * one of them checked its invariants on nothing of that kind, and fails, so a generator that drifts
 * into producing only valid (or only broken) input cannot pass unnoticed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function check<A extends fc.Arbitrary<any>[]>(name: RunName, arbs: [...A], needs: ReadonlyArray<Exclude<keyof Tally, 'cases'>>, predicate: (...args: { [K in keyof A]: A[K] extends fc.Arbitrary<infer T> ? T : never }) => void): void {
  tally = { cases: 0, kept: 0, rejected: 0, threw: 0, parsed: 0 };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const property = (fc.property as any)(...arbs, (...args: any[]) => {
    tally.cases++;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (predicate as any)(...args);
  });
  fc.assert(property, { seed, numRuns: RUNS[name] });
  const summary = JSON.stringify(tally);
  for (const kind of needs) expect(tally[kind], `${name}: ${kind} outputs among the cases (${summary})`).to.be.above(0);
  measured.set(name, tally);
}

after(async () => {
  for (const [name, t] of measured) {
    await recordFigure({
      group: 'fuzz', name, value: t.cases, unit: 'cases',
      note: `seed ${seed}; ${t.parsed} outputs checked: ${t.kept} records kept, ${t.rejected} rejected with an issue${t.threw ? `, ${t.threw} inputs refused whole` : ''}`,
      outcome: 'passed',
    });
  }
  for (const [title, cases] of fixedGroups) {
    await recordFigure({ group: 'fuzz-fixed', name: title, value: cases, unit: cases === 1 ? 'case' : 'cases', outcome: 'passed' });
  }
});

// ---------------------------------------------------------------------------------------------
// Helpers

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value as object)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** Runs a parser on a deep-frozen input and checks that the input is unchanged afterwards. */
function parseFrozen<T>(input: unknown, parse: (input: unknown) => T): T {
  const before = JSON.stringify(input);
  deepFreeze(input);
  const result = parse(input);
  expect(JSON.stringify(input), 'the input is not mutated').to.equal(before);
  return result;
}

/** Fields without which a record cannot be drawn; an issue on any other field keeps the record. */
const REQUIRED_FIELDS: Record<DatasetName, RegExp> = {
  facilities: /^(id|name|country|lat|lon|lng|latitude|longitude|geometry.*)$/,
  transfers: /^(id|from|to)$/,
  countries: /^iso3$/,
};
const isSoft = (issue: DataIssue) => issue.field !== undefined && !REQUIRED_FIELDS[issue.dataset].test(issue.field);

/** Invariants of every issue list: dataset, integer row in range, readable bounded message, field text. */
function checkIssues(issues: readonly DataIssue[], dataset: DatasetName, rows: ReadonlySet<number>): void {
  for (const issue of issues) {
    expect(issue.dataset).to.equal(dataset);
    expect(Number.isInteger(issue.row), `row ${issue.row} is an integer`).to.equal(true);
    expect(rows.has(issue.row), `row ${issue.row} is a row of the input`).to.equal(true);
    expect(issue.message).to.be.a('string').and.not.equal('');
    expect(issue.message.length, 'messages quote at most a short excerpt').to.be.below(600);
    if (issue.field !== undefined) expect(issue.field).to.be.a('string').and.not.equal('');
  }
}

/** The rows with an issue that leaves the record out (soft issues only drop a source). */
function rejectedRows(issues: readonly DataIssue[]): Set<number> {
  return new Set(issues.filter((i) => !isSoft(i)).map((i) => i.row));
}

function expectPlain(records: readonly object[]): void {
  for (const record of records) expect(Object.getPrototypeOf(record), 'a plain object').to.equal(Object.prototype);
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype untouched').to.equal(undefined);
}

function checkSourcesOut(records: ReadonlyArray<{ sources: ReadonlyArray<{ url: string; title: string }> }>): void {
  for (const record of records) {
    for (const source of record.sources) {
      expect(source.title.trim()).to.not.equal('');
      if (source.url) expect(source.url).to.match(/^https?:/);
    }
  }
}

const range = (n: number, from = 1) => new Set(Array.from({ length: n }, (_, i) => i + from));

// ---------------------------------------------------------------------------------------------
// What a valid record reads as, from the values it was generated with

/** `{ [key]: value }`, or nothing when the value is left out. */
const opt = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : { [key]: value } as Record<K, V>);
/** An optional text: trimmed, left out when blank. */
const textOut = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
/** A number cell written by `num` (decimal comma after a semicolon separator), or a blank cell. */
const cellNumber = (cell: string) => (cell.trim() === '' ? undefined : Number(cell.replace(',', '.')));
/** An enumeration in any case: lower case, or the default when left out or blank. */
const oneOfOut = (value: string | undefined, fallback: string) => textOut(value)?.toLowerCase() ?? fallback;

interface SourceIn { title: string; url: string; publisher?: string; date?: string }
/** Valid sources: texts trimmed, the URL as the browser's URL parser writes it. */
const sourcesOut = (list: readonly SourceIn[] = []): Source[] => list.map((s) => ({
  title: s.title.trim(), url: new URL(s.url.trim()).href, ...opt('publisher', textOut(s.publisher)), ...opt('date', textOut(s.date)),
}));
/** The one source of a CSV row: the URL stands in for a blank title; none when both are blank. */
const csvSourcesOut = (cells: Record<string, string>): Source[] => {
  const url = textOut(cells.source_url);
  const title = textOut(cells.source_title) ?? url;
  return title === undefined ? [] : [{ title, url: url ? new URL(url).href : '', ...opt('publisher', textOut(cells.source_publisher)) }];
};

interface FacilityIn {
  name: string; country: string; capacity?: number | null; population?: number; status?: string; opened?: string; precision?: string;
  'name:es'?: string; description?: string; 'description:es'?: string; sources?: SourceIn[];
}
function facilityOut(p: FacilityIn, id: string, longitude: number, latitude: number): Facility {
  return {
    id, name: p.name.trim(), country: p.country.toUpperCase(), longitude, latitude, capacity: p.capacity ?? null,
    status: oneOfOut(p.status, 'operational') as Facility['status'], precision: oneOfOut(p.precision, 'site') as Facility['precision'],
    sources: sourcesOut(p.sources), ...opt('nameEs', textOut(p['name:es'])), ...opt('population', p.population), ...opt('opened', p.opened),
    ...opt('description', textOut(p.description)), ...opt('descriptionEs', textOut(p['description:es'])),
  };
}
const facilityCsvOut = (c: Record<string, string>, lat: string, lon: string) => ({
  ...facilityOut({ ...c, capacity: cellNumber(c.capacity) } as FacilityIn, c.id, cellNumber(c[lon])!, cellNumber(c[lat])!), sources: csvSourcesOut(c),
});

interface TransferIn {
  from: string; to: string; kind?: string; count?: number; status?: string; year?: string | number; fee_usd_per_year?: number;
  note?: string; 'note:es'?: string; sources?: SourceIn[];
}
function transferOut(t: TransferIn, id: string, row: number): Transfer {
  return {
    id, row, from: t.from.trim(), to: t.to.trim(),
    kind: oneOfOut(t.kind, 'inmates') as Transfer['kind'], status: oneOfOut(t.status, 'active') as Transfer['status'],
    sources: sourcesOut(t.sources), ...opt('count', t.count), ...opt('year', t.year === undefined ? undefined : textOut(String(t.year))),
    ...opt('feeUsdPerYear', t.fee_usd_per_year), ...opt('note', textOut(t.note)), ...opt('noteEs', textOut(t['note:es'])),
  };
}
const transferCsvOut = (c: Record<string, string>, row: number) => ({
  ...transferOut({ ...c, count: cellNumber(c.count), fee_usd_per_year: cellNumber(c.fee_usd_per_year) } as TransferIn, c.id, row), sources: csvSourcesOut(c),
});

interface CountryIn { occupancy_pct?: number; year?: string | number; note?: string; 'note:es'?: string; sources?: SourceIn[] }
function countryOut(c: CountryIn, iso3: string): CountryContext {
  return {
    iso3, sources: sourcesOut(c.sources), ...opt('occupancyPct', c.occupancy_pct),
    ...opt('year', c.year === undefined ? undefined : textOut(String(c.year))), ...opt('note', textOut(c.note)), ...opt('noteEs', textOut(c['note:es'])),
  };
}
const countryCsvOut = (c: Record<string, string>) => ({ ...countryOut({ ...c, occupancy_pct: cellNumber(c.occupancy_pct) }, c.iso3), sources: csvSourcesOut(c) });

// ---------------------------------------------------------------------------------------------
// Arbitraries: values

const EDGE_NUMBERS = [NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, -1, 5e-324, Number.MAX_SAFE_INTEGER + 2];
const EDGE_STRINGS = ['', ' ', '   ', '\t\n', '\uFEFF', 'NaN', 'Infinity', '-0', '1e308', '1e400', '200', '-91', '1,500', '1.500',
  'null', 'undefined', '__proto__', 'constructor', 'prototype', 'toString', '<b>x</b>', '"', '\'', ',', ';', '\r\n'];
const edgeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...EDGE_NUMBERS, ...EDGE_STRINGS, null, true, false, [], {}, [1, 2], { a: 1 }),
  fc.double(),
  fc.string(),
  fc.jsonValue({ maxDepth: 2 }),
);
const nonBlank = fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }).filter((s) => s.trim() !== '');
const anyCase = (words: readonly string[]) => fc.tuple(fc.constantFrom(...words), fc.boolean())
  .map(([w, upper]) => (upper ? w.toUpperCase() : w));
const iso3 = fc.stringMatching(/^[A-Za-z]{3}$/);
const year = fc.integer({ min: 1000, max: 2999 }).map(String);
const partialDate = fc.oneof(
  year,
  fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const count = fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e308, noNaN: true }), fc.constant(1e308));
const validSource = fc.record({
  title: nonBlank,
  url: fc.webUrl({ validSchemes: ['http', 'https'] }),
  publisher: fc.option(fc.string(), { nil: undefined }),
  date: fc.option(fc.string(), { nil: undefined }),
}, { requiredKeys: ['title', 'url'] });
const junkSource = fc.oneof(edgeValue, fc.record({ title: edgeValue, url: edgeValue }, { requiredKeys: [] }),
  fc.record({ title: nonBlank, url: fc.constantFrom('javascript:alert(1)', 'JaVaScRiPt:x', 'java\tscript:x', 'data:text/html,x', 'vbscript:x', '//x.org', 'x') }));
const lng = fc.double({ min: -180, max: 180, noNaN: true });
const lat = fc.double({ min: -90, max: 90, noNaN: true });

/** A junk value for the `id`: never a string that trims to "valid-…", which the valid records own. */
const notValidId = (value: unknown) => (typeof value === 'string' && value.trim().startsWith('valid-') ? `x${value}` : value);

// ---------------------------------------------------------------------------------------------
// Arbitraries: facilities

const validFacilityProps = fc.record({
  name: nonBlank,
  country: iso3,
  capacity: fc.oneof(count, fc.constant(null)),
  population: count,
  status: anyCase(FACILITY_STATUSES),
  opened: partialDate,
  precision: anyCase(PRECISIONS),
  'name:es': fc.string(),
  description: fc.string(),
  'description:es': fc.string(),
  sources: fc.array(validSource, { maxLength: 2 }),
}, { requiredKeys: ['name', 'country'] });
const validFeature = fc.record({ properties: validFacilityProps, lng, lat });

const junkGeometry = fc.oneof(
  fc.tuple(lng, lat).map(([x, y]) => ({ type: 'Point', coordinates: [x, y] })),
  fc.tuple(edgeValue, edgeValue).map(([x, y]) => ({ type: 'Point', coordinates: [x, y] })),
  fc.tuple(lng, lat).map(([x, y]) => ({ type: 'Point', coordinates: [y + 200, x] })),
  fc.constantFrom<unknown>(null, 'Point', { type: 'Point' }, { type: 'Point', coordinates: [1] }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, [0, 0]),
  edgeValue,
);
const junkFacilityProps = fc.record({
  id: edgeValue.map(notValidId),
  name: fc.oneof(nonBlank, edgeValue),
  country: fc.oneof(iso3, edgeValue),
  capacity: fc.oneof(count, edgeValue),
  population: edgeValue,
  status: fc.oneof(anyCase(FACILITY_STATUSES), edgeValue, fc.constant('open')),
  opened: fc.oneof(partialDate, edgeValue, fc.constant('2024-13-01')),
  precision: fc.oneof(anyCase(PRECISIONS), edgeValue),
  'name:es': edgeValue,
  description: edgeValue,
  sources: fc.oneof(fc.array(fc.oneof(validSource, junkSource), { maxLength: 3 }), edgeValue),
  __proto__: edgeValue,
  constructor: edgeValue,
}, { requiredKeys: [] });
const junkFeature: fc.Arbitrary<unknown> = fc.oneof(
  edgeValue,
  fc.record({
    type: fc.constantFrom('Feature', 'feature', 'Point', undefined),
    id: edgeValue.map(notValidId),
    geometry: junkGeometry,
    properties: fc.oneof({ weight: 4, arbitrary: junkFacilityProps }, edgeValue),
  }, { requiredKeys: [] }),
);

interface Entry<T> { valid: boolean; value: T }
/** A list mixing known-valid records (ids "valid-<n>" in order) and arbitrary ones. */
function mixed<V, J>(valid: fc.Arbitrary<V>, junk: fc.Arbitrary<J>, maxLength = 25) {
  return fc.array(fc.oneof(valid.map((value) => ({ valid: true, value } as Entry<V | J>)), junk.map((value) => ({ valid: false, value } as Entry<V | J>))), { maxLength });
}

function toFeature(props: Record<string, unknown>, position: [number, number], id: string, idOnFeature: boolean) {
  return idOnFeature
    ? { type: 'Feature', id, geometry: { type: 'Point', coordinates: position }, properties: props }
    : { type: 'Feature', geometry: { type: 'Point', coordinates: position }, properties: { ...props, id } };
}

/** Checks that the valid records are kept, in order, as `expected` (what they were generated with). */
function checkValidKept<R>(records: readonly R[], idOf: (r: R) => string, expected: readonly R[]): void {
  const validIds = expected.map(idOf);
  const valid = records.filter((r) => validIds.includes(idOf(r)));
  expect(valid.map(idOf), 'every valid record kept, in order').to.deep.equal(validIds);
  expect(valid, 'every valid record read with the values it was given').to.deep.equal(expected);
}

/** Checks what every JSON-fed parser must do with a mixed list. */
function checkMixed<R extends { sources: ReadonlyArray<{ url: string; title: string }> }>(
  dataset: DatasetName, entries: ReadonlyArray<Entry<unknown>>, list: readonly unknown[], parsed: Parsed<R>, idOf: (r: R) => string,
  expected: readonly R[],
): void {
  const { records, issues } = parsed;
  checkIssues(issues, dataset, range(list.length));
  const rejected = rejectedRows(issues);
  expect(records.length, 'kept = given − rejected').to.equal(list.length - rejected.size);
  saw(records.length, rejected.size);
  checkValidKept(records, idOf, expected);
  entries.forEach((entry, index) => {
    const row = index + 1;
    const own = issues.filter((i) => i.row === row);
    if (entry.valid) expect(own, `valid row ${row} has no issue`).to.deep.equal([]);
    const item = list[index];
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      for (const issue of own) expect(issue.field, `row ${row}: "${issue.message}" names its field`).to.be.a('string');
    }
  });
  checkSourcesOut(records);
  expectPlain(records);
}

// ---------------------------------------------------------------------------------------------
// Arbitraries: transfers and countries

const place = fc.oneof(iso3, nonBlank);
const validTransfer = fc.record({
  from: place, to: place,
  kind: anyCase(TRANSFER_KINDS),
  count,
  status: anyCase(TRANSFER_STATUSES),
  year: fc.oneof(year, fc.integer({ min: 1000, max: 2999 })),
  fee_usd_per_year: count,
  note: fc.string(),
  'note:es': fc.string(),
  sources: fc.array(validSource, { maxLength: 2 }),
}, { requiredKeys: ['from', 'to'] });
const junkTransfer: fc.Arbitrary<unknown> = fc.oneof(edgeValue, fc.record({
  id: edgeValue.map(notValidId), from: fc.oneof(place, edgeValue), to: fc.oneof(place, edgeValue),
  kind: fc.oneof(anyCase(TRANSFER_KINDS), edgeValue, fc.constant('money')), count: fc.oneof(count, edgeValue),
  status: fc.oneof(anyCase(TRANSFER_STATUSES), edgeValue), year: fc.oneof(year, edgeValue),
  fee_usd_per_year: edgeValue, note: edgeValue, sources: fc.oneof(fc.array(junkSource, { maxLength: 2 }), edgeValue),
  __notAnObject: fc.constant(true), __proto__: edgeValue,
}, { requiredKeys: [] }));

/** Valid country codes are "Q" + two letters from the row's position, so they never repeat. */
const validIso3 = (n: number) => `Q${String.fromCharCode(65 + Math.floor(n / 26) % 26)}${String.fromCharCode(65 + (n % 26))}`;
const notValidIso3 = (value: unknown) => (typeof value === 'string' && /^\s*q/i.test(value) ? `x${value}` : value);
const validCountry = fc.record({
  occupancy_pct: count, year: fc.oneof(year, fc.integer({ min: 1000, max: 2999 })), note: fc.string(), 'note:es': fc.string(),
  sources: fc.array(validSource, { maxLength: 2 }),
}, { requiredKeys: [] });
const junkCountry: fc.Arbitrary<unknown> = fc.oneof(edgeValue, fc.record({
  iso3: fc.oneof(iso3, edgeValue).map(notValidIso3), occupancy_pct: fc.oneof(count, edgeValue), year: fc.oneof(year, edgeValue),
  note: edgeValue, 'note:es': edgeValue, sources: fc.oneof(fc.array(junkSource, { maxLength: 2 }), edgeValue), constructor: edgeValue,
}, { requiredKeys: [] }));

// ---------------------------------------------------------------------------------------------
// CSV building

/** Quotes a cell as a spreadsheet would when it holds the separator, a quote or a line break. */
function cell(value: string, sep: string): string {
  return value.includes(sep) || /["\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}
const csvStyle = fc.record({ sep: fc.constantFrom(',', ';'), eol: fc.constantFrom('\n', '\r\n'), bom: fc.boolean(), trailingEol: fc.boolean() });
type CsvStyle = { sep: string; eol: string; bom: boolean; trailingEol: boolean };
function csvText(style: CsvStyle, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const lines = [header, ...rows].map((cells) => cells.map((c) => cell(c, style.sep)).join(style.sep));
  return `${style.bom ? '\uFEFF' : ''}${lines.join(style.eol)}${style.trailingEol ? style.eol : ''}`;
}
/** Arbitrary cell text: the characters that break naive CSV readers. */
const junkCellText = fc.oneof(
  fc.array(fc.constantFrom(',', ';', '"', '""', '\r', '\n', '\r\n', ' ', '\t', '\uFEFF', 'a', 'é', '1', '.', '-', 'e', '<', '>'), { maxLength: 12 }).map((a) => a.join('')),
  fc.constantFrom(...EDGE_STRINGS),
  fc.string({ maxLength: 20 }),
);
const num = (n: number, sep: string) => (sep === ';' ? String(n).replace('.', ',') : String(n));

/** A CSV with known-valid rows (ids "valid-<n>") among arbitrary ones, and the columns in any order and case. */
interface CsvKey { field: string; make: (n: number) => string; guard: (value: unknown) => unknown }
const ID_KEY: CsvKey = { field: 'id', make: (n) => `valid-${n}`, guard: notValidId };
function csvCase(columns: readonly string[], validRow: (sep: string) => fc.Arbitrary<Record<string, string>>, key: CsvKey = ID_KEY) {
  return fc.tuple(
    csvStyle,
    fc.shuffledSubarray([...columns], { minLength: columns.length }),
    fc.array(fc.constantFrom(' ', '', 'upper'), { minLength: columns.length, maxLength: columns.length }),
  ).chain(([style, order, decorations]) => fc.array(fc.oneof(
    validRow(style.sep).map((cells) => ({ valid: true, cells })),
    fc.array(junkCellText, { maxLength: order.length + 2 }).map((list) => ({ valid: false, cells: Object.fromEntries(list.map((c, i) => [order[i] ?? `extra${i}`, c])) as Record<string, string> })),
  ), { maxLength: 20 }).map((rows) => {
    let n = 0;
    const withIds = rows.map((r) => (r.valid ? { ...r, cells: { ...r.cells, [key.field]: key.make(n++) } }
      : { ...r, cells: { ...r.cells, ...(r.cells[key.field] !== undefined ? { [key.field]: String(key.guard(r.cells[key.field])) } : {}) } }));
    const header = order.map((name, i) => (decorations[i] === 'upper' ? name.toUpperCase() : `${decorations[i]}${name}${decorations[i]}`));
    const extras = Math.max(0, ...withIds.map((r) => Object.keys(r.cells).filter((k) => k.startsWith('extra')).length));
    const fullHeader = [...header, ...Array.from({ length: extras }, (_, i) => `extra${order.length + i}`)];
    const names = [...order, ...fullHeader.slice(order.length)];
    const text = csvText(style, fullHeader, withIds.map((r) => names.map((name) => r.cells[name] ?? '')));
    return { text, rows: withIds };
  }));
}

/** What every CSV-fed parser must do: rows counted from the header as 1, valid rows kept in order. */
function checkCsv<R extends { sources: ReadonlyArray<{ url: string; title: string }> }>(
  dataset: DatasetName, text: string, given: ReadonlyArray<{ valid: boolean; cells: Record<string, string> }>,
  read: (rows: RowRecord[]) => Parsed<R>, idOf: (r: R) => string, expectedOf: (cells: Record<string, string>, row: number) => R, keyField = 'id',
): void {
  const rows = csvRows(text);
  const numbers = rows.map((r) => r.row);
  expect(numbers.every((n, i) => n >= 2 && (i === 0 || n > numbers[i - 1])), 'rows numbered from 2, increasing').to.equal(true);
  const { records, issues } = parseFrozen(rows, () => read(rows));
  checkIssues(issues, dataset, new Set(numbers));
  expect(records.length, 'kept = rows − rejected').to.equal(rows.length - rejectedRows(issues).size);
  saw(records.length, rejectedRows(issues).size);
  checkValidKept(records, idOf, given.flatMap((g, index) => (g.valid ? [expectedOf(g.cells, index + 2)] : [])));
  given.forEach((g, index) => {
    if (!g.valid) return;
    const row = index + 2;
    expect(rows.find((r) => r.row === row)?.record[keyField], `spreadsheet row ${row}`).to.equal(g.cells[keyField]);
    expect(issues.filter((i) => i.row === row), `valid row ${row} has no issue`).to.deep.equal([]);
  });
  for (const issue of issues) {
    expect(issue.field, `row ${issue.row}: "${issue.message}" names its field`).to.be.a('string');
  }
  checkSourcesOut(records);
  expectPlain(records);
}

// ---------------------------------------------------------------------------------------------

describe('fuzz: whole values of any shape', () => {
  const anyValue = fc.oneof(
    fc.anything({ maxDepth: 3, withNullPrototype: true, key: fc.oneof(fc.string(), fc.constantFrom('type', 'features', 'transfers', 'countries', '__proto__', 'constructor')) }),
    fc.record({ type: fc.constantFrom('FeatureCollection', 'Feature', 'featurecollection'), features: fc.oneof(edgeValue, fc.array(junkFeature, { maxLength: 5 })) }, { requiredKeys: [] }),
    fc.record({ transfers: fc.oneof(edgeValue, fc.array(junkTransfer, { maxLength: 5 })), countries: fc.oneof(edgeValue, fc.array(junkCountry, { maxLength: 5 })) }, { requiredKeys: [] }),
    fc.array(fc.oneof(junkTransfer, junkCountry, junkFeature), { maxLength: 6 }),
  );

  /** Calls the parser; only a TypeError for the wrong top-level shape may escape. */
  function outcome<T>(input: unknown, parse: (v: unknown) => Parsed<T>): Parsed<T> | 'threw' {
    try {
      const parsed = parseFrozen(input, parse);
      saw(parsed.records.length, rejectedRows(parsed.issues).size);
      return parsed;
    } catch (error) {
      expect(error, 'only the documented TypeError').to.be.instanceOf(TypeError);
      tally.threw++;
      return 'threw';
    }
  }
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';

  it('parseFacilities throws a TypeError exactly when the value is not a FeatureCollection', () => {
    check('topLevelFacilities', [anyValue], ['threw', 'parsed'], (input) => {
      const shapeOk = isObj(input) && input.type === 'FeatureCollection' && Array.isArray(input.features);
      const result = outcome(input, parseFacilities);
      expect(result === 'threw', 'throws iff the shape is wrong').to.equal(!shapeOk);
      if (result !== 'threw') checkIssues(result.issues, 'facilities', range((input as { features: unknown[] }).features.length));
    });
  });

  it('parseTransfers throws a TypeError exactly when the value is neither a list nor {transfers: [...]}', () => {
    check('topLevelTransfers', [anyValue], ['threw', 'parsed'], (input) => {
      const list = Array.isArray(input) ? input : isObj(input) && Array.isArray(input.transfers) ? input.transfers as unknown[] : undefined;
      const result = outcome(input, parseTransfers);
      expect(result === 'threw').to.equal(list === undefined);
      if (result !== 'threw') checkIssues(result.issues, 'transfers', range(list!.length));
    });
  });

  it('parseCountries throws a TypeError exactly when the value is neither a list nor {countries: [...]}', () => {
    check('topLevelCountries', [anyValue], ['threw', 'parsed'], (input) => {
      const list = Array.isArray(input) ? input : isObj(input) && Array.isArray(input.countries) ? input.countries as unknown[] : undefined;
      const result = outcome(input, parseCountries);
      expect(result === 'threw').to.equal(list === undefined);
      if (result !== 'threw') checkIssues(result.issues, 'countries', range(list!.length));
    });
  });
});

describe('fuzz: facilities', () => {
  it('GeoJSON: mixed valid and arbitrary features — valid kept in order, rejected reported with row and field, input untouched', () => {
    check('facilitiesGeojsonMixed', [mixed(validFeature, junkFeature), fc.boolean()], ['kept', 'rejected'], (entries, idOnFeature) => {
      let n = 0;
      const expected: Facility[] = [];
      const features = entries.map((entry) => {
        if (!entry.valid) return entry.value;
        const { properties, lng: x, lat: y } = entry.value as { properties: FacilityIn; lng: number; lat: number };
        const id = `valid-${n++}`;
        expected.push(facilityOut(properties, id, x, y));
        return toFeature({ ...properties }, [x, y], id, idOnFeature);
      });
      const input = { type: 'FeatureCollection', features };
      const parsed = parseFrozen(input, parseFacilities);
      checkMixed('facilities', entries, features, parsed, (f) => f.id, expected);
      for (const f of parsed.records) {
        expect(f.longitude).to.be.within(-180, 180);
        expect(f.latitude).to.be.within(-90, 90);
        expect(f.country).to.match(/^[A-Z]{3}$/);
        expect(f.capacity === null || (Number.isFinite(f.capacity) && f.capacity >= 0)).to.equal(true);
        expect(FACILITY_STATUSES).to.include(f.status);
        expect(PRECISIONS).to.include(f.precision);
      }
    });
  });

  /** The issue field each property or coordinate is reported under. */
  const FIELDS = ['id', 'name', 'name:es', 'country', 'capacity', 'population', 'status', 'opened', 'precision', 'description', 'description:es', 'sources', 'lng', 'lat', 'geometry'] as const;
  const issueField = (field: (typeof FIELDS)[number]) => (field === 'lng' ? 'geometry.coordinates[0]' : field === 'lat' ? 'geometry.coordinates[1]' : field);
  /** The record's keys each input field is read into. */
  const READ_INTO: Record<(typeof FIELDS)[number], ReadonlyArray<keyof Facility>> = {
    id: ['id'], name: ['name'], 'name:es': ['nameEs'], country: ['country'], capacity: ['capacity'], population: ['population'],
    status: ['status'], opened: ['opened'], precision: ['precision'], description: ['description'], 'description:es': ['descriptionEs'],
    sources: ['sources'], lng: ['longitude'], lat: ['latitude'], geometry: ['longitude', 'latitude'],
  };

  it('GeoJSON: one edge value in one field of a valid feature — kept, or rejected and blamed on that field alone', () => {
    check('facilitiesGeojsonEdges', [validFeature, fc.constantFrom(...FIELDS), fc.oneof(edgeValue, junkGeometry, fc.constant('x'.repeat(1 << 20)))], ['kept', 'rejected'], (feature, field, value) => {
      const position: unknown[] = [feature.lng, feature.lat];
      const properties: Record<string, unknown> = { ...feature.properties, id: 'edge' };
      let geometry: unknown = { type: 'Point', coordinates: position };
      if (field === 'lng') position[0] = value;
      else if (field === 'lat') position[1] = value;
      else if (field === 'geometry') geometry = value;
      else Object.defineProperty(properties, field, { value, enumerable: true, writable: true, configurable: true });
      const { records, issues } = parseFrozen({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties }] }, parseFacilities);
      checkIssues(issues, 'facilities', range(1));
      saw(records.length, rejectedRows(issues).size);
      const blamed = (issue: DataIssue) => {
        if (field === 'geometry') expect(issue.field).to.match(/^geometry/);
        else if (field === 'sources') expect(issue.field).to.match(/^sources(\[\d+\])?$/);
        else expect(issue.field).to.equal(issueField(field));
      };
      if (records.length === 1) {
        // Whatever became of the edge value, every other field reads as generated.
        const others = (f: Facility) => Object.fromEntries(Object.entries(f).filter(([key]) => !READ_INTO[field].includes(key as keyof Facility)));
        expect(others(records[0]), `the fields other than ${field}`).to.deep.equal(others(facilityOut(feature.properties, 'edge', feature.lng, feature.lat)));
      }
      if (!REQUIRED_FIELDS.facilities.test(issueField(field)) && field !== 'lng' && field !== 'lat') {
        // An optional field never drops the facility: it is kept, reported if unreadable.
        expect(records, `a bad ${field} never drops the facility`).to.have.length(1);
        issues.forEach(blamed);
      } else if (records.length === 0) {
        expect(issues.length, 'a rejection is reported').to.be.above(0);
        issues.forEach(blamed);
      } else {
        expect(issues).to.deep.equal([]);
      }
    });
  });

  const FACILITY_COLUMNS = ['id', 'name', 'country', 'capacity', 'status', 'name:es', 'description', 'source_title', 'source_url', 'source_publisher'];
  const facilityCsv = (latName: string, lonName: string) => csvCase([...FACILITY_COLUMNS, latName, lonName], (sep) => fc.record({
    name: nonBlank, country: iso3, capacity: fc.oneof(fc.constant(''), fc.nat().map(String)),
    status: fc.oneof(fc.constant(''), anyCase(FACILITY_STATUSES)), 'name:es': fc.string(), description: fc.string(),
    source_title: fc.string(), source_url: fc.oneof(fc.constant(''), fc.webUrl({ validSchemes: ['https'] })), source_publisher: fc.string(),
    [latName]: lat.map((v) => num(v, sep)), [lonName]: lng.map((v) => num(v, sep)),
  }));

  it('CSV: mixed valid and arbitrary rows, any column order and case, comma or semicolon, CRLF and BOM', () => {
    const arb = fc.tuple(fc.constantFrom('lat', 'latitude'), fc.constantFrom('lon', 'lng', 'longitude'))
      .chain(([la, lo]) => facilityCsv(la, lo).map((csv) => ({ ...csv, la, lo })));
    check('facilitiesCsvMixed', [arb], ['kept', 'rejected'], ({ text, rows, la, lo }) => {
      checkCsv('facilities', text, rows, readFacilityRows, (f) => f.id, (cells) => facilityCsvOut(cells, la, lo));
    });
  });

  it('CSV: arbitrary text after a facilities header never throws and numbers every issue from row 2', () => {
    const tokens = fc.array(fc.constantFrom(',', ';', '"', '\r', '\n', '\r\n', '\uFEFF', ' ', 'a', 'b', '1', '-', '.', '200', 'NaN', 'SLV', 'operational', '__proto__', 'constructor'), { maxLength: 80 });
    check('facilitiesCsvRawText', [fc.constantFrom('id,name,country,lat,lon,capacity\n', 'id;name;country;latitude;lng\r\n', '\uFEFFID, Name ,COUNTRY,lat,lon\n', ''), tokens], ['rejected'], (header, parts) => {
      const rows = csvRows(header + parts.join(''));
      const { records, issues } = readFacilityRows(rows);
      checkIssues(issues, 'facilities', new Set(rows.map((r) => r.row)));
      saw(records.length, rejectedRows(issues).size);
      for (const issue of issues) expect(issue.row).to.be.at.least(2);
      expectPlain(records);
    });
  });
});

describe('fuzz: transfers', () => {
  it('JSON: mixed valid and arbitrary transfers (as a list or {transfers}) — valid kept in order, rejected reported', () => {
    check('transfersJsonMixed', [mixed(validTransfer, junkTransfer), fc.boolean()], ['kept', 'rejected'], (entries, wrapped) => {
      let n = 0;
      const expected: Transfer[] = [];
      const list = entries.map((entry, index) => {
        if (!entry.valid) return entry.value;
        const id = `valid-${n++}`;
        expected.push(transferOut(entry.value as TransferIn, id, index + 1));
        return { ...(entry.value as object), id };
      });
      const parsed = parseFrozen(wrapped ? { transfers: list } : list, parseTransfers);
      checkMixed('transfers', entries, list, parsed, (t) => t.id, expected);
      for (const t of parsed.records) {
        expect(TRANSFER_KINDS).to.include(t.kind);
        expect(TRANSFER_STATUSES).to.include(t.status);
        if (t.count !== undefined) expect(Number.isFinite(t.count) && t.count >= 0).to.equal(true);
      }
    });
  });

  it('CSV: mixed valid and arbitrary rows', () => {
    const arb = csvCase(['id', 'from', 'to', 'kind', 'count', 'status', 'year', 'fee_usd_per_year', 'note', 'note:es', 'source_title', 'source_url'], () => fc.record({
      from: place, to: place, kind: fc.oneof(fc.constant(''), anyCase(TRANSFER_KINDS)), count: fc.oneof(fc.constant(''), fc.nat().map(String)),
      status: anyCase(TRANSFER_STATUSES), year: fc.oneof(fc.constant(''), year), fee_usd_per_year: fc.oneof(fc.constant(''), fc.nat().map(String)),
      note: fc.string(), 'note:es': fc.string(), source_title: nonBlank, source_url: fc.webUrl({ validSchemes: ['http', 'https'] }),
    }));
    check('transfersCsvMixed', [arb], ['kept', 'rejected'], ({ text, rows }) => {
      checkCsv('transfers', text, rows, readTransferRows, (t) => t.id, transferCsvOut);
    });
  });
});

describe('fuzz: countries', () => {
  it('JSON: mixed valid and arbitrary country rows — valid kept in order, rejected reported', () => {
    check('countriesJsonMixed', [mixed(validCountry, junkCountry), fc.boolean()], ['kept', 'rejected'], (entries, wrapped) => {
      let n = 0;
      const expected: CountryContext[] = [];
      const list = entries.map((entry) => {
        if (!entry.valid) return entry.value;
        const code = validIso3(n++);
        expected.push(countryOut(entry.value as CountryIn, code));
        return { ...(entry.value as object), iso3: code.toLowerCase() };
      });
      const parsed = parseFrozen(wrapped ? { countries: list } : list, parseCountries);
      checkMixed('countries', entries, list, parsed, (c) => c.iso3, expected);
    });
  });

  it('CSV: mixed valid and arbitrary rows', () => {
    const arb = csvCase(['iso3', 'occupancy_pct', 'year', 'note', 'note:es', 'source_title', 'source_url'], (sep) => fc.record({
      occupancy_pct: fc.oneof(fc.constant(''), fc.double({ min: 0, max: 1000, noNaN: true }).map((v) => num(Math.round(v * 10) / 10, sep))),
      year: fc.oneof(fc.constant(''), year), note: fc.string(), 'note:es': fc.string(), source_title: fc.string(), source_url: fc.constant(''),
    }), { field: 'iso3', make: validIso3, guard: notValidIso3 });
    check('countriesCsvMixed', [arb], ['kept', 'rejected'], ({ text, rows }) => {
      checkCsv('countries', text, rows, readCountryRows, (c) => c.iso3, countryCsvOut, 'iso3');
    });
  });
});

describe('fuzz: arbitrary CSV text through every parser', () => {
  it('never throws; parseCsvText fails only with a DatasetError for an empty, HTML or header-only file', () => {
    const text = fc.oneof(
      fc.array(fc.oneof(junkCellText, fc.constantFrom('id', 'iso3', 'from', 'to', 'name', 'country', 'lat', 'lon', '<html>', '\uFEFF')), { maxLength: 40 }).map((a) => a.join('')),
      fc.string({ maxLength: 200 }),
    );
    check('csvRawTextAllParsers', [text], ['threw', 'parsed', 'rejected'], (input) => {
      let rows: RowRecord[] | undefined;
      try {
        rows = parseCsvText('transfers', input);
      } catch (error) {
        expect(error).to.be.instanceOf(DatasetError);
        tally.threw++;
      }
      const all = rows ?? csvRows(input);
      const numbers = new Set(all.map((r) => r.row));
      for (const [dataset, read] of [['facilities', readFacilityRows], ['transfers', readTransferRows], ['countries', readCountryRows]] as const) {
        const { records, issues } = read(all);
        checkIssues(issues, dataset, numbers);
        saw(records.length, rejectedRows(issues).size);
        expectPlain(records);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Fixed edge cases (each `fixed()` call is one counted case)

let fixedInGroup = 0;
function fixed(run: () => void): void {
  run();
  fixedInGroup++;
}
/** Fixed cases run, by group title, for the reliability report. */
const fixedGroups = new Map<string, number>();
/** A group of fixed cases; its title must be one of the config's `fixedCases`. */
function itFixed(title: string, body: () => void): void {
  it(title, () => {
    expect(config.fuzz.fixedCases, 'listed in reliability-config.json').to.include(title);
    fixedInGroup = 0;
    body();
    fixedGroups.set(title, fixedInGroup);
  });
}
const feature = (properties: Record<string, unknown>, coordinates: unknown[] = [-88.8, 13.5]) => ({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties });
const base = { name: 'A', country: 'SLV' };

describe('fixed edge cases', () => {
  itFixed('no prototype pollution from __proto__ / constructor / prototype keys, in JSON and CSV', () => {
    const poison = '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "prototype": {"polluted": 1}';
    fixed(() => {
      const fc1 = JSON.parse(`{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]},
        "properties": ${poison}, "id": "p", "name": "P", "country": "FRA", "sources": [${poison}, "title": "t", "url": "https://x.org"}]}}], "__proto__": {"polluted": 1}}`);
      const { records, issues } = parseFrozen(fc1, parseFacilities);
      expect(records.map((f) => f.id)).to.deep.equal(['p']);
      expect(records[0].sources).to.deep.equal([{ title: 't', url: 'https://x.org/' }]);
      expect(issues).to.deep.equal([]);
      expectPlain(records);
    });
    fixed(() => {
      const list = JSON.parse(`[${poison}, "id": "t", "from": "USA", "to": "SLV"}]`);
      const { records } = parseFrozen(list, parseTransfers);
      expect(records.map((t) => t.id)).to.deep.equal(['t']);
      expectPlain(records);
      expectPlain(parseFrozen(JSON.parse(`{"transfers": [], ${poison.slice(1)}}`), parseTransfers).records);
    });
    fixed(() => {
      const list = JSON.parse(`[${poison}, "iso3": "slv"}, {"__proto__": {"polluted": 1}}]`);
      const { records, issues } = parseFrozen(list, parseCountries);
      expect(records.map((c) => c.iso3)).to.deep.equal(['SLV']);
      expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[2, 'iso3']]);
      expectPlain(records);
    });
    fixed(() => {
      const rows = csvRows('__proto__,constructor,id,name,country,lat,lon,prototype\n{"polluted":1},x,a,A,SLV,1,2,y\n');
      expect(rows[0].record).to.include({ id: 'a', constructor: 'x' });
      expect(Object.getPrototypeOf(rows[0].record), 'a "__proto__" column does not set the prototype').to.equal(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(rows[0].record, '__proto__')).to.equal(true);
      const { records } = readFacilityRows(rows);
      expect(records.map((f) => f.id)).to.deep.equal(['a']);
      expectPlain(records);
    });
  });

  itFixed('1 MB strings: kept as text where text is allowed, quoted briefly in messages', () => {
    const big = 'x'.repeat(1 << 20);
    fixed(() => {
      const { records, issues } = parseFrozen({ type: 'FeatureCollection', features: [
        feature({ ...base, id: big, name: big, description: big }),
        feature({ ...base, id: 'b', capacity: big, country: big }),
      ] }, parseFacilities);
      expect(records).to.have.length(1);
      expect(records[0].name.length).to.equal(1 << 20);
      expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[2, 'country'], [2, 'capacity']]);
      for (const issue of issues) expect(issue.message.length).to.be.below(200);
    });
    fixed(() => {
      const { records, issues } = readTransferRows(csvRows(`id,from,to,count\n${big},USA,SLV,1\nb,USA,SLV,${'9'.repeat(400)}\n`));
      // A count too large to be a number is reported; the transfer is kept with its count unknown.
      expect(records.map((t) => t.count)).to.deep.equal([1, undefined]);
      expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[3, 'count']]);
    });
  });

  // Every number field is optional: an unreadable value is reported and left unknown, the record kept.
  itFixed('NaN, ±Infinity, -0, 1e308 and negatives in every number field', () => {
    const cases: Array<[unknown, boolean]> = [[NaN, false], [Infinity, false], [-Infinity, false], [-0, true], [0, true], [1e308, true], [-1, false], [-1e308, false], ['1e308', true], ['1e400', false], ['  ', true], ['', true]];
    for (const field of ['capacity', 'population']) {
      for (const [value, ok] of cases) {
        fixed(() => {
          const { records, issues } = parseFrozen({ type: 'FeatureCollection', features: [feature({ ...base, id: 'a', [field]: value })] }, parseFacilities);
          expect(records.length, `${field} ${String(value)}`).to.equal(1);
          const read = (records[0] as unknown as Record<string, unknown>)[field];
          if (ok) expect(issues, `${field} ${String(value)}`).to.deep.equal([]);
          else {
            expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[1, field]]);
            expect(read ?? null, `${field} ${String(value)} left unknown`).to.equal(null);
          }
        });
      }
    }
    for (const field of ['count', 'fee_usd_per_year']) {
      for (const [value, ok] of cases) {
        fixed(() => {
          const { records, issues } = parseFrozen([{ id: 't', from: 'USA', to: 'SLV', [field]: value }], parseTransfers);
          expect(records.length, `${field} ${String(value)}`).to.equal(1);
          if (ok) expect(issues, `${field} ${String(value)}`).to.deep.equal([]);
          else {
            expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[1, field]]);
            expect(records[0].count === undefined && records[0].feeUsdPerYear === undefined, `${field} ${String(value)} left unknown`).to.equal(true);
          }
        });
      }
    }
    for (const [value, ok] of cases) {
      fixed(() => {
        const { records, issues } = parseFrozen([{ iso3: 'SLV', occupancy_pct: value }], parseCountries);
        expect(records.length, `occupancy_pct ${String(value)}`).to.equal(1);
        if (ok) expect(issues, `occupancy_pct ${String(value)}`).to.deep.equal([]);
        else {
          expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[1, 'occupancy_pct']]);
          expect(records[0].occupancyPct, `occupancy_pct ${String(value)} left unknown`).to.equal(undefined);
        }
      });
    }
  });

  itFixed('coordinates out of range, swapped or not numbers are rejected and blamed on the right coordinate', () => {
    const cases: Array<[unknown[], string[]]> = [
      [[-88.8, 200], ['geometry.coordinates[1]']],
      [[200, 13.5], ['geometry.coordinates[0]']],
      [[13.5, -188.8], ['geometry.coordinates[1]']],
      [[NaN, Infinity], ['geometry.coordinates[0]', 'geometry.coordinates[1]']],
      [['-88.8', '13.5'], ['geometry.coordinates[0]', 'geometry.coordinates[1]']],
      [[null, -0], ['geometry.coordinates[0]']],
      [[180, -90], []],
      [[-180, 90], []],
    ];
    for (const [coordinates, fields] of cases) {
      fixed(() => {
        const { records, issues } = parseFrozen({ type: 'FeatureCollection', features: [feature({ ...base, id: 'a' }, coordinates)] }, parseFacilities);
        expect(records.length).to.equal(fields.length === 0 ? 1 : 0);
        expect(issues.map((i) => i.field)).to.deep.equal(fields);
      });
    }
    fixed(() => {
      const { issues } = readFacilityRows(csvRows('id,name,country,lat,lon\na,A,SLV,200,-88\nb,B,SLV,13,\n'));
      expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[2, 'lat'], [3, 'lon']]);
    });
  });

  itFixed('duplicate ids and country codes: the first is kept, each later one reported', () => {
    fixed(() => {
      const { records, issues } = parseFrozen({ type: 'FeatureCollection', features: [
        feature({ ...base, id: 'a' }), feature({ ...base, id: ' a ' }), { type: 'Feature', id: 'a', geometry: { type: 'Point', coordinates: [0, 0] }, properties: base },
      ] }, parseFacilities);
      expect(records).to.have.length(1);
      expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[2, 'id'], [3, 'id']]);
    });
    fixed(() => {
      const { records, issues } = parseFrozen([{ id: 1, from: 'USA', to: 'SLV' }, { id: '1', from: 'USA', to: 'SLV' }], parseTransfers);
      expect(records.map((t) => t.id)).to.deep.equal(['1']);
      expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[2, 'id']]);
    });
    fixed(() => {
      const { records, issues } = readCountryRows(csvRows('iso3;occupancy_pct\r\nslv;100\r\nSLV;120\r\n'));
      expect(records).to.have.length(1);
      expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[3, 'iso3']]);
    });
  });

  itFixed('unknown status, kind and precision; empty and whitespace-only required fields', () => {
    fixed(() => {
      const { issues } = parseFrozen({ type: 'FeatureCollection', features: [
        feature({ ...base, id: 'a', status: 'open' }), feature({ ...base, id: 'b', precision: 'exact' }),
        feature({ ...base, id: '' }), feature({ ...base, id: 'd', name: '   ' }), feature({ id: 'e', name: 'E', country: '\t' }),
      ] }, parseFacilities);
      expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[1, 'status'], [2, 'precision'], [3, 'id'], [4, 'name'], [5, 'country']]);
    });
    fixed(() => {
      const { issues } = parseFrozen([{ id: 'a', from: 'USA', to: 'SLV', kind: 'money' }, { id: 'b', from: 'USA', to: 'SLV', status: 'done' }, { id: ' ', from: 'USA', to: 'SLV' }, { id: 'd', from: '', to: 'SLV' }], parseTransfers);
      expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[1, 'kind'], [2, 'status'], [3, 'id'], [4, 'from']]);
    });
  });

  itFixed('BOM, CRLF and semicolons together; blank and comma-only rows are skipped but still counted', () => {
    fixed(() => {
      const rows = csvRows('\uFEFFid;name;country;lat;lon\r\na;A;SLV;13,5;-88,8\r\n\r\n;;;;\r\nb;B;HND;15;-86\r\n\r\n');
      expect(rows.map((r) => r.row)).to.deep.equal([2, 5]);
      const { records, issues } = readFacilityRows(rows);
      expect(records.map((f) => [f.id, f.latitude])).to.deep.equal([['a', 13.5], ['b', 15]]);
      expect(issues).to.deep.equal([]);
    });
    fixed(() => {
      const { records, issues } = readTransferRows(csvRows('id,from,to,note\n"a","USA","SLV","line one\nline two, with ""quotes"""\nb,,SLV,x\n'));
      expect(records.map((t) => t.note)).to.deep.equal(['line one\nline two, with "quotes"']);
      expect(issues.map((i) => [i.row, i.field]), 'a quoted line break stays in its spreadsheet row').to.deep.equal([[3, 'from']]);
    });
  });

  itFixed('a record with a __notAnObject key is read as the object it is; a non-object is reported without a field', () => {
    fixed(() => {
      const { records, issues } = parseFrozen([{ id: 'a', from: 'USA', to: 'SLV', __notAnObject: true }, 'text', null, [1]], parseTransfers);
      expect(records.map((t) => t.id)).to.deep.equal(['a']);
      expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[2, undefined], [3, undefined], [4, undefined]]);
    });
  });
});
