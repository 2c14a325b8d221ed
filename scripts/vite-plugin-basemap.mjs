// Writes the built-in basemap's PMTiles archive (src/map/generated/basemap.pmtiles) before Vite
// needs it, so `npm start`, the tests, the bench and the build all see one file that
// `src/map/basemap-source.ts` imports with `?url` (in dist/ it is an asset beside the chunks, which
// re-bundlers copy like any `new URL(..., import.meta.url)` asset).
//
// The archive is cut from Natural Earth by src/build/basemap-archive.ts, run under Node through a
// short-lived Vite server (scripts/source-module.mjs). It takes about ten seconds, so it is
// kept and only written again when its inputs change (a hash of them sits beside the archive).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, withSourceModule } from './source-module.mjs';

export const ARCHIVE_PATH = join(ROOT, 'src/map/generated/basemap.pmtiles');
const KEY_PATH = `${ARCHIVE_PATH}.key`;

/** What the archive is made from: the tiling code, the country data and the libraries that cut and encode it. */
const INPUTS = [
  'scripts/vite-plugin-basemap.mjs',
  'scripts/source-module.mjs',
  'src/build/basemap-archive.ts',
  'src/build/pmtiles-writer.ts',
  'src/geo/countries.ts',
  'src/geo/country-names.ts',
  'src/geo/antimeridian.ts',
  'src/geo/basemap-tiles.ts',
  'node_modules/world-atlas/package.json',
  'node_modules/@maplibre/geojson-vt/package.json',
  'node_modules/@maplibre/vt-pbf/package.json',
];

function inputsKey() {
  const hash = createHash('sha256');
  for (const file of INPUTS) hash.update(file).update(readFileSync(join(ROOT, file)));
  return hash.digest('hex');
}

async function writeArchive(key) {
  const archive = await withSourceModule('/src/build/basemap-archive.ts', ({ buildBasemapArchive }) =>
    buildBasemapArchive(async (bytes) => gzipSync(bytes, { level: 9 })));
  await mkdir(join(ARCHIVE_PATH, '..'), { recursive: true });
  // Written aside and renamed: a second process (the test runner's server beside `npm start`)
  // never reads half an archive.
  const partial = `${ARCHIVE_PATH}.${process.pid}.partial`;
  await writeFile(partial, archive);
  await rename(partial, ARCHIVE_PATH);
  await writeFile(KEY_PATH, key);
}

let pending;

/** Writes the archive if it is missing or older than its inputs; once per process. */
export function ensureBasemapArchive() {
  pending ??= (async () => {
    const key = inputsKey();
    const current = existsSync(ARCHIVE_PATH) && existsSync(KEY_PATH) && readFileSync(KEY_PATH, 'utf8') === key;
    if (!current) await writeArchive(key);
  })();
  return pending;
}

/** The Vite plugin: the archive exists before any module is transformed, in dev, tests and builds. */
export function basemapArchive() {
  return {
    name: 'prison-map:basemap-archive',
    async configResolved() {
      await ensureBasemapArchive();
    },
  };
}
