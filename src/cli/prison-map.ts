/**
 * `prison-map render`: the map as an SVG (or, with the optional `@resvg/resvg-js`, a PNG) from the
 * command line, with no browser. The same parsers as the element (data/dataset.ts: the same row
 * and field messages), the same model and level, the same renderer as `toImage({type:
 * 'image/svg+xml'})` (render/svg.ts), and the same Natural Earth countries as the no-WebGL
 * picture, bundled into the command by `vite.cli.config.ts` so it runs from the packed package
 * alone.
 *
 *   prison-map render [--facilities F] [--transfers T] [--countries C] [--lang en|es]
 *     [--theme light|dark] [--focus-on X] [--year YYYY] [--projection mercator|globe]
 *     [--width W] [--height H] [--label TEXT] [--no-legend] --out map.svg|map.png
 *
 * F, T and C are files or http(s) URLs (JSON, GeoJSON or CSV, told apart by their extension);
 * without any of them the bundled dataset is drawn. Issues with rows and fields, and datasets
 * that could not be read, go to stderr; the exit code is 1 only when nothing could be drawn (or
 * the output could not be written), 2 for a wrong command line.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { loadData, describeIssue } from '../data/dataset.js';
import { DatasetError, detectFormat, fetchDataset, type FetchedDataset } from '../data/load.js';
import type { DatasetName } from '../data/types.js';
import { automaticMaxRadius } from '../encodings/shell.js';
import { loadCountryShapes } from '../geo/countries.js';
import { countryTableAnchors } from '../geo/country-table.js';
import { strings, type Lang } from '../i18n/strings.js';
import { needsCountryAnchors } from '../model/endpoints.js';
import { buildModel } from '../model/model.js';
import { focusCamera } from '../model/views.js';
import { dataInYear, parseYear } from '../model/year.js';
import { renderSvgMap } from '../render/svg.js';

const USAGE = `Usage: prison-map render [options] --out map.svg|map.png

Draws the map as an SVG (or a PNG, with the optional package @resvg/resvg-js installed).

Options:
  --facilities F    facilities: a file or URL (GeoJSON, JSON or CSV)
  --transfers T     transfers: a file or URL (JSON or CSV)
  --countries C     country context (occupancy): a file or URL (JSON or CSV)
                    (without any of the three, the bundled dataset is drawn)
  --lang en|es      language of every text (default en)
  --theme light|dark                (default light)
  --focus-on X      a facility id or an ISO 3166-1 alpha-3 country code to frame
  --year YYYY       the state in that year
  --projection mercator|globe       (default mercator)
  --width W, --height H             the map's size in CSS px (default 1000 x 600)
  --label TEXT      the picture's title (default: the localized map label)
  --no-legend       no legend under the map
  --out FILE        where to write: .svg or .png
`;

/** A wrong command line: usage on stderr, exit code 2. */
class UsageError extends Error {}

function fail(message: string, code = 1): never {
  process.stderr.write(`prison-map: ${message}\n`);
  process.exit(code);
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 50 || n > 10000) throw new UsageError(`--${name} must be a whole number of CSS px between 50 and 10000, not "${value}"`);
  return n;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be ${allowed.join(' or ')}, not "${value}"`);
  return value as T;
}

/** A dataset from an http(s) URL (as the element fetches it) or a file. */
async function readDataset(dataset: DatasetName, location: string, base: string, signal: AbortSignal): Promise<FetchedDataset> {
  if (/^https?:\/\//i.test(location)) return fetchDataset(dataset, location, base, signal);
  const path = resolve(location);
  try {
    return { text: await readFile(path, 'utf8'), format: detectFormat(path, null) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatasetError(dataset, `cannot read ${path}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`);
  }
}

/** PNG through resvg, an optional peer dependency: imported only when a PNG is asked for. */
async function toPng(svg: string): Promise<Uint8Array> {
  let resvg: typeof import('@resvg/resvg-js');
  try {
    resvg = await import('@resvg/resvg-js');
  } catch {
    fail('writing a PNG needs the optional package @resvg/resvg-js, which is not installed.\n'
      + '  Install it beside prison-map:  npm install @resvg/resvg-js\n'
      + '  or write an SVG instead:       --out map.svg');
  }
  // The basemap's labels use the reader's local sans-serif fonts (no font files ship): resvg
  // reads the system's, with the same preference order as the map's label layer.
  const image = new resvg.Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return image.render().asPng();
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (command !== 'render') throw new UsageError(`unknown command "${command}" (the one command is "render")`);
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      facilities: { type: 'string' }, transfers: { type: 'string' }, countries: { type: 'string' },
      lang: { type: 'string' }, theme: { type: 'string' }, 'focus-on': { type: 'string' }, year: { type: 'string' },
      projection: { type: 'string' }, width: { type: 'string' }, height: { type: 'string' }, label: { type: 'string' },
      'no-legend': { type: 'boolean' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const out = values.out;
  if (!out) throw new UsageError('--out is required (a .svg or .png file)');
  const png = /\.png$/i.test(out);
  if (!png && !/\.svg$/i.test(out)) throw new UsageError(`--out must end in .svg or .png, not "${out}"`);
  const lang: Lang = oneOf('lang', values.lang, ['en', 'es'] as const, 'en');
  const theme = oneOf('theme', values.theme, ['light', 'dark'] as const, 'light');
  const projection = oneOf('projection', values.projection, ['mercator', 'globe'] as const, 'mercator');
  const width = positiveInteger('width', values.width, 1000);
  const height = positiveInteger('height', values.height, 600);
  const year = values.year === undefined ? undefined : parseYear(values.year);
  if (values.year !== undefined && year === undefined) throw new UsageError(strings(lang).invalidYear(values.year));

  const base = pathToFileURL(`${process.cwd()}/`).href;
  const loaded = await loadData({ facilities: values.facilities, transfers: values.transfers, countries: values.countries }, base, new AbortController().signal, readDataset);
  for (const error of loaded.errors) process.stderr.write(`${error.dataset}: ${error.message}\n`);
  const data = dataInYear(loaded, year);
  const anchors = needsCountryAnchors(data.transfers, data.facilities) ? countryTableAnchors() : new Map<string, [number, number]>();
  const model = buildModel(data, anchors, { maxRadius: automaticMaxRadius(width, height) });
  for (const issue of model.issues) process.stderr.write(`${describeIssue(issue)}\n`);
  if (model.facilities.length === 0 && model.flows.every((f) => f.hidden)) fail('nothing to draw: no facility and no transfer could be read');

  const camera = values['focus-on'] ? await focusCamera(model, values['focus-on']) : undefined;
  if (values['focus-on'] && !camera) process.stderr.write(`prison-map: --focus-on "${values['focus-on']}" is neither a facility id nor a country code; drawing everything\n`);
  const [countries, borders] = await loadCountryShapes('50m');
  const picture = renderSvgMap({
    model, countries, borders, occupancy: data.countries, theme, lang, width, height, projection,
    frame: camera?.kind === 'bounds' ? { bounds: camera.bounds, maxZoom: camera.maxZoom } : undefined,
    label: values.label || strings(lang).mapLabel, legend: !values['no-legend'],
  });
  const bytes = png ? await toPng(picture.svg) : picture.svg;
  try {
    await writeFile(out, bytes);
  } catch (error) {
    fail(`cannot write ${resolve(out)}: ${(error as Error).message}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`prison-map: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  fail((error as Error).stack ?? String(error));
});
