// Embedding figures, from the production build a news site would copy (`vite build` of the
// project's own config, the package under a deep path of a static server):
// - gzipped JavaScript a page loads before any map is created (first-frame.mjs's measure);
// - gzipped bytes of everything one map fetches until `prison-map-ready`;
// - time to `prison-map-ready` with 1 map, and with 20 stacked maps (300px each, page scrolled so
//   several are visible): to the first map's ready and to every visible map's ready.
import { gzipSync } from 'node:zlib';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesBeforeMap } from './first-frame.mjs';
import { buildDist, launchBrowser, median, serveStatic, table } from './support.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MANY = 20;
const SCROLL_Y = 1500;
const PKG = 'static/v1/prison-map';

const page = (title, body, { timing = true } = {}) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="./bench.css">
<script type="module" src="./${PKG}/prison-map.js"></script></head>
<body>${body}${timing ? '<script src="./timing.js"></script>' : ''}</body></html>`;

// Records when each map is ready (ms since navigation start); scrolls first when asked, before
// the element modules run, so the lazy maps see the final viewport.
const TIMING = `window.readyAt = [];
if (document.body.dataset.scroll) window.scrollTo(0, Number(document.body.dataset.scroll));
document.addEventListener('prison-map-ready', (event) => {
  const maps = [...document.querySelectorAll('prison-map')];
  const index = maps.indexOf(event.target);
  if (window.readyAt[index] === undefined) window.readyAt[index] = performance.now();
}, true);
window.visibleMaps = () => [...document.querySelectorAll('prison-map')].map((el, i) => [i, el.getBoundingClientRect()])
  .filter(([, r]) => r.bottom > 0 && r.top < innerHeight).map(([i]) => i);`;

function writeSite(dist) {
  const site = mkdtempSync(join(tmpdir(), 'prison-map-bench-'));
  cpSync(dist, join(site, PKG), { recursive: true });
  const files = {
    'bench.css': 'body{margin:0;font-family:serif} prison-map{display:block;width:1000px} .many prison-map{--prison-map-height:300px;margin-bottom:16px} .spacer{height:5000px}',
    'timing.js': TIMING,
    'before.html': page('before any map', '<div class="spacer">An article, with the map far below.</div><prison-map></prison-map>', { timing: false }),
    'one.html': page('one map', '<prison-map></prison-map>'),
    'many.html': page('20 maps', `<main class="many">${'<prison-map></prison-map>'.repeat(MANY)}</main>`).replace('<body>', `<body data-scroll="${SCROLL_Y}">`),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(site, name), text);
  return site;
}

async function visit(browser, url, { collectBytes = false } = {}) {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.setViewport({ width: 1000, height: 900 });
  const bodies = [];
  // 206: the basemap archive's byte ranges.
  if (collectBytes) tab.on('response', (response) => { if (response.status() === 200 || response.status() === 206) bodies.push(response.buffer().then((b) => gzipSync(b).length, () => 0)); });
  await tab.goto(url);
  await tab.waitForFunction('window.readyAt?.length > 0 && window.visibleMaps().every((i) => window.readyAt[i] !== undefined)', { timeout: 120_000, polling: 50 });
  const result = await tab.evaluate(() => {
    const visible = window.visibleMaps();
    const times = visible.map((i) => window.readyAt[i]);
    const created = [...document.querySelectorAll('prison-map')].filter((el) => el.map !== undefined).length;
    return { first: Math.min(...window.readyAt.filter((t) => t !== undefined)), allVisible: Math.max(...times), visible: visible.length, created };
  });
  if (collectBytes) result.gzBytes = (await Promise.all(bodies)).reduce((sum, n) => sum + n, 0);
  await context.close();
  return result;
}

export async function runEmbedBench() {
  const outDir = await buildDist();
  const site = writeSite(outDir);
  const server = await serveStatic(site);
  const browser = await launchBrowser();
  try {
    const before = await bytesBeforeMap(browser, `${server.origin}/before.html`);
    const bytes = await visit(browser, `${server.origin}/one.html`, { collectBytes: true });
    // Warm-up (OS file cache, SwiftShader shader compilation), not counted.
    await visit(browser, `${server.origin}/many.html`);
    const one = [];
    const many = [];
    for (let i = 0; i < RUNS; i++) {
      one.push(await visit(browser, `${server.origin}/one.html`));
      many.push(await visit(browser, `${server.origin}/many.html`));
    }
    const m = (runs, key) => median(runs.map((r) => r[key])).toFixed(0);
    const manyMaps = { allVisible: median(many.map((r) => r.allVisible)), one: median(one.map((r) => r.first)), visible: many[0].visible, runs: RUNS };
    const text = table(['figure', 'value', 'note'], [
      ['JS before any map is created (gzip KB)', (before.gz / 1024).toFixed(1), `${before.files} files; map created: ${before.mapCreated}`],
      ['everything one map fetches until ready (gzip KB)', (bytes.gzBytes / 1024).toFixed(0), 'HTML, element, MapLibre, worker, basemap, data'],
      ['1 map: ready (median ms from navigation)', m(one, 'first'), `median of ${RUNS}`],
      [`${MANY} maps: first map ready (median ms)`, m(many, 'first'), `page scrolled ${SCROLL_Y}px; ${many[0].visible} maps visible at 1000x900`],
      [`${MANY} maps: all visible maps ready (median ms)`, m(many, 'allVisible'), `${(manyMaps.allVisible / manyMaps.one).toFixed(2)}x one map; maps created: ${many[0].created} of ${MANY}`],
    ]);
    // The table, and the many-maps figure for the start-up table.
    return { text, manyMaps };
  } finally {
    await browser.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await runEmbedBench()).text);
}
