#!/usr/bin/env node
// Prints what the reliability tests exercise, counted from the very lists they iterate
// (test/reliability-config.json and the XSS corpus), so every number here is one the tests run:
// each test file also asserts that it ran exactly these lists. Run after the tests:
//   web-test-runner test/fuzz-parsers.test.ts test/injection.test.ts test/faults.test.ts test/fault-worker.test.ts && node scripts/reliability-report.mjs
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = async (path) => JSON.parse(await readFile(resolve(root, path), 'utf8'));

const config = await readJson('test/reliability-config.json');
const corpus = await readJson(config.injection.corpus);

const faults = config.faults;
const byKind = Object.groupBy
  ? Object.groupBy(faults, (f) => f.kind)
  : faults.reduce((acc, f) => ((acc[f.kind] ??= []).push(f), acc), {});
const payloads = corpus.payloads.length;
const fieldsByDataset = Object.entries(config.injection.fields).map(([dataset, fields]) => [dataset, fields.length]);
const fieldCount = fieldsByDataset.reduce((n, [, c]) => n + c, 0);
const runs = Object.entries(config.fuzz.numRuns);
const fuzzRuns = runs.reduce((n, [, c]) => n + c, 0);

const rows = [
  ['faults covered', String(faults.length), Object.entries(byKind).map(([k, list]) => `${k} ${list.length}`).join(', ')],
  ['  of which a dataset cannot be read', String((byKind.dataset?.length ?? 0) + (byKind.property?.length ?? 0) + (byKind.timeout?.length ?? 0)), ''],
  ['payloads × fields tried', `${payloads} × ${fieldCount} = ${payloads * fieldCount}`, fieldsByDataset.map(([d, c]) => `${d} ${c}`).join(', ') + '; rendered in en and es'],
  ['fuzz cases run (seed ' + config.fuzz.seed + ')', String(fuzzRuns), `${runs.length} properties`],
  ['fixed edge-case groups', String(config.fuzz.fixedCases.length), ''],
];
// Figures measured by the tests themselves (test/leaks.test.ts records the heap growth).
const figures = await readJson('node_modules/.cache/prison-map/figures.json').catch(() => ({}));
for (const [name, figure] of Object.entries(figures)) rows.push([name, `${figure.value} ${figure.unit}`, figure.note ?? '']);
if (!Object.keys(figures).length) rows.push(['heap growth', 'not measured in this run (test/leaks.test.ts did not run)', '']);

const width = Math.max(...rows.map(([label]) => label.length));
console.log('Reliability report (test/reliability-config.json)\n');
for (const [label, value, note] of rows) console.log(`${label.padEnd(width)}  ${value}${note ? `   (${note})` : ''}`);
console.log('\nFuzz properties:');
for (const [name, count] of runs) console.log(`  ${name.padEnd(28)} ${count}`);
console.log('\nFaults:');
for (const f of faults) console.log(`  ${f.id.padEnd(34)} ${f.kind.padEnd(8)} ${f.source ?? ''}  [test/${f.file}.test.ts]`);
