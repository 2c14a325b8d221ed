// Issue figures for the element's start-up, from production builds of the pages in bench/pages:
// - time from <prison-map> connected to the first frame with its facilities drawn, against bare
//   MapLibre drawing the same points on the same (pre-tiled) basemap, and on the GeoJSON basemap
//   the element drew before it was pre-tiled, the three pages measured in turn in the same run;
// - the gzipped JavaScript a page downloads before any map is needed (map far below the fold).
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build } from 'vite';
import { launchBrowser, median, serveStatic, table } from './support.mjs';

const here = import.meta.dirname;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function timePage(browser, url) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1000, height: 600 });
  await page.goto(url);
  await page.waitForFunction('window.benchResult !== undefined', { timeout: 60000 });
  const ms = await page.evaluate('window.benchResult');
  const fromNavigation = await page.evaluate('window.benchFromNavigation');
  // The element's page also reports when everything (transfers, shading) is drawn.
  const ready = url.includes('ours')
    ? await page.waitForFunction('window.benchReady', { timeout: 60000 }).then(() => page.evaluate('window.benchReady'))
    : undefined;
  const timeline = url.includes('ours') ? await page.evaluate('window.benchTimeline') : undefined;
  await context.close();
  return { ms, ready, timeline, fromNavigation };
}

/** A lazy map that has painted its preview, tapped: ms from the tap to `prison-map-ready`. */
async function tapToReady(browser, url) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1000, height: 600 });
  await page.goto(url);
  await page.waitForFunction('window.benchPreview !== undefined', { timeout: 60000 });
  await page.mouse.click(500, 300);
  await page.waitForFunction('window.benchReady !== undefined', { timeout: 60000 });
  const ms = await page.evaluate('window.benchReady - window.benchTap');
  await context.close();
  return ms;
}

export async function bytesBeforeMap(browser, url) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const scripts = [];
  page.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (type.includes('javascript')) scripts.push(response.buffer().then((body) => ({ url: response.url(), gz: gzipSync(body).length })));
  });
  await page.goto(url, { waitUntil: 'networkidle0' });
  await new Promise((r) => setTimeout(r, 1500));
  const mapCreated = await page.evaluate(() => document.querySelector('prison-map').map !== undefined);
  const loaded = await Promise.all(scripts);
  await context.close();
  return { gz: loaded.reduce((sum, s) => sum + s.gz, 0), files: loaded.length, mapCreated };
}

export async function runFirstFrameBench() {
  await build({ configFile: resolve(here, 'vite.bench.config.ts') });
  const server = await serveStatic(resolve(here, '.dist'));
  const browser = await launchBrowser();
  try {
    const ours = [];
    const bareTiles = [];
    const bareGeojson = [];
    const page = (name) => `${server.origin}/bench/pages/${name}`;
    const BARE_TILES = 'first-frame-bare.html?basemap=tiles';
    const BARE_GEOJSON = 'first-frame-bare.html?basemap=geojson';
    // Warm-up of each page (disk cache of the OS, shader compilation in SwiftShader), not counted.
    for (const name of ['first-frame-ours.html', BARE_TILES, BARE_GEOJSON]) await timePage(browser, page(name));
    const ready = [];
    const timelines = [];
    const bareFromNavigation = [];
    const tapped = [];
    await tapToReady(browser, page('tap-to-ready.html'));
    for (let i = 0; i < RUNS; i++) {
      bareGeojson.push((await timePage(browser, page(BARE_GEOJSON))).ms);
      const bare = await timePage(browser, page(BARE_TILES));
      bareTiles.push(bare.ms);
      bareFromNavigation.push(bare.fromNavigation);
      tapped.push(await tapToReady(browser, page('tap-to-ready.html')));
      const run = await timePage(browser, page('first-frame-ours.html'));
      ours.push(run.ms);
      ready.push(run.ready);
      timelines.push(run.timeline);
    }
    const lazy = await bytesBeforeMap(browser, `${server.origin}/bench/pages/before-map.html`);
    const pairedRatio = (a, b) => median(a.map((ms, i) => ms / b[i]));
    // The bare page's clock starts once MapLibre is imported, just before its map is made; the
    // element's includes loading MapLibre's chunk. From the element's own map creation on:
    const oursAfterMap = ours.map((ms, i) => ms - (timelines[i]?.find(([stage]) => stage === 'map-created')?.[1] ?? NaN));
    return {
      ours: median(ours), bareTiles: median(bareTiles), bareGeojson: median(bareGeojson), runs: RUNS,
      oursAfterMap: median(oursAfterMap), ratioAfterMap: pairedRatio(oursAfterMap, bareTiles),
      ratioSameBasemap: pairedRatio(ours, bareTiles), ratioVsGeojson: pairedRatio(ours, bareGeojson), bareTilesVsGeojson: pairedRatio(bareTiles, bareGeojson), ready: median(ready), timeline: medianTimeline(timelines),
      tapped: median(tapped), bareFromNavigation: median(bareFromNavigation), ratioTapped: pairedRatio(tapped, bareFromNavigation),
      beforeMapKb: lazy.gz / 1024, beforeMapFiles: lazy.files, mapCreatedBeforeNeeded: lazy.mapCreated,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Each stage's median time over the runs, in the order of the medians. */
function medianTimeline(timelines) {
  const stages = new Map();
  for (const timeline of timelines) for (const [stage, ms] of timeline ?? []) stages.set(stage, [...(stages.get(stage) ?? []), ms]);
  return [...stages].map(([stage, times]) => [stage, median(times)]).sort((a, b) => a[1] - b[1]);
}

/** The timeline of one start-up: each stage's median ms from the element's creation. */
export function startupTimelineTable(r) {
  return table(['stage (src/shared/timing.ts)', 'ms from creation (median)'], r.timeline.map(([stage, ms]) => [stage, ms.toFixed(0)]));
}

/** The start-up table; `manyMaps` (embed.mjs, the built dist/) adds the many-maps row. */
export function firstFrameTable(r, manyMaps) {
  const many = manyMaps ? [[
    '20 maps: all visible maps ready, built dist/ (median ms from navigation)', manyMaps.allVisible.toFixed(0),
    `${manyMaps.one.toFixed(0)} (one map alone on its page)`, `${(manyMaps.allVisible / manyMaps.one).toFixed(2)}x (${manyMaps.visible} maps visible, median of ${manyMaps.runs}; target ≤ 1.5x)`,
  ]] : [];
  return table(['figure', 'prison-map', 'baseline', 'ratio / note'], [
    ['first frame with facilities, vs bare MapLibre on the same (pre-tiled) basemap (median ms)', r.ours.toFixed(0), `${r.bareTiles.toFixed(0)} (bare MapLibre, pre-tiled basemap + points)`, `${r.ratioSameBasemap.toFixed(2)}x (median of ${r.runs} paired runs; target ≤ 1.05x)`],
    ['first frame with facilities, pre-tiled basemap, vs bare MapLibre on the GeoJSON basemap (median ms)', r.ours.toFixed(0), `${r.bareGeojson.toFixed(0)} (bare MapLibre, GeoJSON basemap + points)`, `${r.ratioVsGeojson.toFixed(2)}x (target ≤ 0.8x)`],
    ['first frame with facilities, counted from the element\'s map creation, vs bare MapLibre on the same basemap (median ms)', r.oursAfterMap.toFixed(0), `${r.bareTiles.toFixed(0)} (its clock starts with MapLibre already imported)`, `${r.ratioAfterMap.toFixed(2)}x: the rest of the first row is loading MapLibre's chunk`],
    ['bare MapLibre: pre-tiled vs GeoJSON basemap (median ms)', r.bareTiles.toFixed(0), r.bareGeojson.toFixed(0), `${r.bareTilesVsGeojson.toFixed(2)}x: what pre-tiling alone buys`],
    ['a tap on the preview to prison-map-ready, vs bare MapLibre\'s first frame from navigation (median ms)', r.tapped.toFixed(0), `${r.bareFromNavigation.toFixed(0)} (bare MapLibre: download, start, basemap, points)`, `${r.ratioTapped.toFixed(2)}x (paired runs; target ≤ 1.2x)`],
    ['prison-map-ready: transfers, shading, everything (median ms)', r.ready.toFixed(0), '—', 'the baseline draws no transfers'],
    ...many,
    ['JS before a map is needed (gzip KB)', r.beforeMapKb.toFixed(1), '—', `${r.beforeMapFiles} files; map created: ${r.mapCreatedBeforeNeeded} (target < 20 KB)`],
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runFirstFrameBench();
  console.log(firstFrameTable(result));
  console.log(`\nTimeline of one start-up:\n\n${startupTimelineTable(result)}`);
}
