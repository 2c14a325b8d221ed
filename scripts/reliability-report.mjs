#!/usr/bin/env node
// Prints what the reliability tests measured in the last test-runner run: fuzz cases run and what
// the parsers did with them, XSS payloads rendered as text, each fault injected and what the element
// did, heap growth. Every number comes from the figures the tests recorded while they ran
// (test/support/figures.ts → test/support/figures-plugin.mjs → node_modules/.cache/prison-map/figures.json);
// test/reliability-config.json is only used to name what should have been measured.
//
// Exits non-zero, printing why, when there is nothing trustworthy to report: no figures file, a
// run that did not finish, a file older than a change to the code or the tests (stale), a
// configured case with no measured figure (not run in that run), or a case recorded as failed.
// Run after the tests, e.g.:
//   web-test-runner test/fuzz-parsers.test.ts test/injection.test.ts test/faults.test.ts test/fault-worker.test.ts test/leaks.test.ts && node scripts/reliability-report.mjs
import { readFile, readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIGURES_FILE = resolve(root, 'node_modules/.cache/prison-map/figures.json');
const FIGURES_FORMAT = 2;
/** What the browser tests run: a change here after the run started makes its figures stale. */
const INPUTS = ['src', 'test', 'data', 'web-test-runner.config.mjs'];
// The basemap archive is written by the run itself (scripts/vite-plugin-basemap.mjs, on a fresh
// checkout); what it is made from is in src/ and counts.
const IGNORED = [join('test', 'node'), join('src', 'map', 'generated')];

const problems = [];
const say = (line = '') => console.log(line);

function fail(message) {
  console.error(`Reliability report: ${message}`);
  process.exit(1);
}

async function newestInput(since) {
  const newer = [];
  async function visit(path) {
    const rel = relative(root, path);
    if (IGNORED.some((ignored) => rel === ignored || rel.startsWith(`${ignored}/`))) return;
    const info = await stat(path).catch(() => undefined);
    if (!info) return;
    if (info.isDirectory()) {
      for (const entry of await readdir(path)) await visit(join(path, entry));
    } else if (info.mtimeMs > since) {
      newer.push(rel);
    }
  }
  for (const input of INPUTS) await visit(resolve(root, input));
  return newer.sort();
}

const config = JSON.parse(await readFile(resolve(root, 'test/reliability-config.json'), 'utf8'));
const text = await readFile(FIGURES_FILE, 'utf8').catch(() => undefined);
if (text === undefined) {
  fail(`no measured figures (${relative(root, FIGURES_FILE)} is missing). Run the tests first: npm run test:reliability`);
}
let data;
try {
  data = JSON.parse(text);
} catch {
  fail(`${relative(root, FIGURES_FILE)} is not valid JSON; run the tests again`);
}
if (data?.format !== FIGURES_FORMAT || !data.run?.startedAt) {
  fail(`${relative(root, FIGURES_FILE)} was written by an older version of the figures plugin; run the tests again`);
}
const { run, figures } = data;
if (!run.finishedAt) {
  fail(`the test run that started at ${run.startedAt} did not finish (interrupted, or still running); its figures are incomplete`);
}
const startedMs = Date.parse(run.startedAt);
const changed = await newestInput(startedMs);
if (changed.length) {
  fail(`the figures are stale: ${changed.length} file(s) changed after the run started at ${run.startedAt} (${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', …' : ''}). Run the tests again`);
}

const all = Object.values(figures);
const byGroup = (group) => all.filter((f) => f.group === group);
const find = (group, name) => figures[`${group}/${name}`];
const number = (n) => (typeof n === 'number' ? n.toLocaleString('en') : String(n));
const outcome = (f) => (f.outcome === 'failed' ? 'FAILED' : f.outcome ?? '');
const notRun = (what) => {
  problems.push(`${what}: not run in this test run`);
  return 'NOT RUN in this test run';
};
for (const f of all) if (f.outcome === 'failed') problems.push(`${f.group}/${f.name}: its test failed`);

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const row of rows) say(`  ${row.map((cell, i) => (i === row.length - 1 ? String(cell) : String(cell).padEnd(widths[i]))).join('  ').trimEnd()}`);
}

const minutesAgo = Math.round((Date.now() - Date.parse(run.finishedAt)) / 60000);
say(`Reliability report: figures measured by the test run of ${run.startedAt} (finished ${minutesAgo} min ago)`);

// Fuzzing
say('\nFuzzed parser properties (cases run, and what the parsers did with them):');
const fuzzRows = [];
let fuzzCases = 0;
for (const [name, configured] of Object.entries(config.fuzz.numRuns)) {
  const f = find('fuzz', name);
  if (!f) { fuzzRows.push([name, notRun(`fuzz property ${name}`), '']); continue; }
  fuzzCases += f.value;
  fuzzRows.push([name, `${number(f.value)} ${f.unit}${f.value !== configured ? ` (config asks ${number(configured)})` : ''}`, `${outcome(f)}  ${f.note ?? ''}`]);
}
for (const f of byGroup('fuzz').filter((f) => !(f.name in config.fuzz.numRuns))) {
  fuzzCases += f.value;
  fuzzRows.push([f.name, `${number(f.value)} ${f.unit}`, `${outcome(f)}  ${f.note ?? ''}  (not in the config)`]);
}
table(fuzzRows);
say(`  total: ${number(fuzzCases)} cases run`);

say('\nFixed edge cases (cases run per group):');
const fixedRows = [];
let fixedCases = 0;
for (const title of config.fuzz.fixedCases) {
  const f = find('fuzz-fixed', title);
  if (!f) { fixedRows.push([notRun(`fixed group "${title}"`), title]); continue; }
  fixedCases += f.value;
  fixedRows.push([`${number(f.value)} ${f.unit} ${outcome(f)}`, title]);
}
table(fixedRows);
say(`  total: ${number(fixedCases)} cases run`);

// Injection
say('\nXSS payloads (rendered by the element, then its tables, cards and tooltips checked):');
const injection = byGroup('injection');
const injectionRows = [];
for (const lang of ['en', 'es']) {
  const rendered = injection.filter((f) => f.name.endsWith(`(lang=${lang})`));
  if (!rendered.length) { injectionRows.push([`lang=${lang}`, notRun(`injection (lang=${lang})`), '']); continue; }
  for (const f of rendered) injectionRows.push([f.name, `${number(f.value)} ${f.unit ?? ''}`.trim(), `${outcome(f)}  ${f.note ?? ''}`]);
}
table(injectionRows);

// Faults
const faultRows = [];
let faultsPassed = 0;
for (const configured of config.faults) {
  const f = find('faults', configured.id);
  if (!f) { faultRows.push([configured.id, `${configured.kind}${configured.source ? ` (${configured.source})` : ''}`, notRun(`fault ${configured.id} [test/${configured.file}.test.ts]`)]); continue; }
  if (f.outcome === 'passed') faultsPassed++;
  faultRows.push([f.name, f.value, `${outcome(f)}  ${f.note ?? ''}`]);
}
for (const f of byGroup('faults').filter((f) => !config.faults.some((c) => c.id === f.name))) {
  faultRows.push([f.name, f.value, `${outcome(f)}  ${f.note ?? ''}  (not in the config)`]);
}
say(`\nFaults injected (${faultsPassed} of ${config.faults.length} configured handled as the contract says):`);
table(faultRows);

// Leaks
say('\nLeaks:');
const leaks = byGroup('leaks');
if (!leaks.length) table([['heap growth', notRun('the leak test (test/leaks.test.ts)')]]);
else table(leaks.map((f) => [f.name, `${number(f.value)} ${f.unit ?? ''}`.trim(), `${outcome(f)}  ${f.note ?? ''}`]));

const known = new Set(['fuzz', 'fuzz-fixed', 'injection', 'faults', 'leaks']);
const others = all.filter((f) => !known.has(f.group));
if (others.length) {
  say('\nOther figures:');
  table(others.map((f) => [`${f.group}/${f.name}`, `${number(f.value)} ${f.unit ?? ''}`.trim(), `${outcome(f)}  ${f.note ?? ''}`]));
}

if (problems.length) {
  console.error(`\nReliability report: incomplete or failing (${problems.length}):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
say(`\nAll ${all.length} figures come from this run; nothing configured was left unmeasured.`);
