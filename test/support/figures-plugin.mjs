// Lets a test record what it measured (cases run, payloads rendered, faults injected and what the
// element did, heap growth…) for scripts/reliability-report.mjs, which prints them after the run.
//
// Each test-runner run starts a fresh file (serverStart) stamped with the run's start time and
// marks it finished when the runner stops (serverStop), so the report can tell figures of the run
// that just ended from an old or interrupted one. Figures are written to
// node_modules/.cache/prison-map/figures.json, never committed.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, resolve } from 'node:path';

export const FIGURES_FILE = resolve(process.cwd(), 'node_modules/.cache/prison-map/figures.json');
export const FIGURES_FORMAT = 2;

export function figuresPlugin() {
  /** The current run's figures, written out after every change (commands arrive one at a time per page, but pages may overlap). */
  let state;
  let writing = Promise.resolve();
  const save = () => {
    const snapshot = JSON.stringify(state, null, 2);
    writing = writing.then(async () => {
      await mkdir(dirname(FIGURES_FILE), { recursive: true });
      const temporary = `${FIGURES_FILE}.${process.pid}.tmp`;
      await writeFile(temporary, snapshot);
      await rename(temporary, FIGURES_FILE);
    });
    return writing;
  };
  return {
    name: 'figures',
    async serverStart() {
      state = { format: FIGURES_FORMAT, run: { id: randomUUID(), startedAt: new Date().toISOString(), finishedAt: null }, figures: {} };
      await save();
    },
    async serverStop() {
      if (!state) return;
      state.run.finishedAt = new Date().toISOString();
      await save();
    },
    async executeCommand({ command, payload, session }) {
      if (command !== 'record-figure') return undefined;
      if (!state) throw new Error('record-figure before the figures plugin started');
      const { group = 'other', name, value, unit, note, outcome } = payload ?? {};
      if (typeof name !== 'string' || !name) throw new Error('record-figure needs a name');
      if (typeof value !== 'number' && typeof value !== 'string') throw new Error(`record-figure ${name}: value must be a number or a string`);
      state.figures[`${group}/${name}`] = {
        group, name, value, unit, note, outcome,
        file: session?.testFile ? session.testFile.replace(`${process.cwd()}/`, '') : undefined,
        at: new Date().toISOString(),
      };
      await save();
      return true;
    },
  };
}
