// Lets a test record a measured figure (e.g. heap growth over 50 cycles) for
// scripts/reliability-report.mjs, which prints it after the run. Figures are written to
// node_modules/.cache/prison-map/figures.json, never committed.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export const FIGURES_FILE = resolve(process.cwd(), 'node_modules/.cache/prison-map/figures.json');

export function figuresPlugin() {
  return {
    name: 'figures',
    async executeCommand({ command, payload }) {
      if (command !== 'record-figure') return undefined;
      await mkdir(dirname(FIGURES_FILE), { recursive: true });
      const figures = await readFile(FIGURES_FILE, 'utf8').then(JSON.parse, () => ({}));
      figures[payload.name] = { value: payload.value, unit: payload.unit, note: payload.note, at: new Date().toISOString() };
      await writeFile(FIGURES_FILE, JSON.stringify(figures, null, 2));
      return true;
    },
  };
}
