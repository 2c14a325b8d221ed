// Animated transfers: main-thread cost per frame of our GPU flow layer against the common way
// (moving points with GeoJSONSource.setData every frame), for 100, 1,000 and 10,000 transfers,
// both measured in the same run, in the same browser, on the same seeded data.
//
// Two figures per method:
// - "sync ms/frame": median over 60 frames (20 at 10,000) of the per-frame update plus `map.redraw()`, timed with
//   performance.now() around them. For the baseline this leaves out the work that comes back
//   later: the worker's result being applied, tiles re-laid out and uploaded.
// - "main-thread ms/frame": while the animation free-runs for a few seconds, the renderer main
//   thread's total busy time (Chrome DevTools Protocol `Performance.getMetrics` TaskDuration: every
//   task, script, GL call and message handler) divided by the frames rendered. This is the honest
//   figure for the baseline, and the one the ratio uses.
// - fps: frames that showed a moved animation per second: rendered frames for ours (every frame
//   moves); for the baseline, setData results applied per second (frames in between show the old
//   positions), capped by rendered frames.
//
// SwiftShader renders on the CPU (a full repaint costs the GPU process tens to hundreds of ms), so
// fps here says little about a reader's device; main-thread ms is what the component controls.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { mainThreadSeconds, median, serveSource, table } from './support.mjs';

const SIZES = (process.env.FLOWS_BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
// The globe row: the same layer and data on MapLibre's globe, against the flat map measured above.
const GLOBE_SIZES = (process.env.FLOWS_BENCH_GLOBE_SIZES ?? '1000,10000').split(',').map(Number);
// Fewer synchronous frames at 10,000, where SwiftShader takes seconds per frame for either method.
const syncFrames = (n) => (n >= 10000 ? 20 : 60);
const RUN_MS = 3000;

async function chromePath() {
  const found = [process.env.CHROME_PATH, '/usr/bin/chromium'].find((path) => path && existsSync(path));
  if (found) return found;
  return (await import('@sparticuz/chromium')).default.executablePath();
}


async function measure(page, cdp, n, mode, projection = 'mercator') {
  const { setupMs } = await page.evaluate((n, mode, projection) => window.benchFlows.setup(n, mode, projection), n, mode, projection);
  const syncTimes = await page.evaluate((frames) => window.benchFlows.sync(frames), syncFrames(n));
  // Let the synchronous phase's leftovers (worker results, pending frames) settle first.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const busyBefore = await mainThreadSeconds(cdp);
  const t0 = Date.now();
  await page.evaluate(() => window.benchFlows.start());
  await new Promise((resolve) => setTimeout(resolve, RUN_MS));
  const counters = await page.evaluate(() => window.benchFlows.stop());
  const elapsed = (Date.now() - t0) / 1000;
  const busyMs = ((await mainThreadSeconds(cdp)) - busyBefore) * 1000;
  const shown = mode === 'ours' ? counters.renders : Math.min(counters.renders, counters.updates);
  return {
    setupMs,
    syncMs: median(syncTimes),
    busyPerFrame: busyMs / Math.max(1, counters.renders),
    busyPerShown: busyMs / Math.max(1, shown),
    fps: shown / elapsed,
    renders: counters.renders,
    updates: counters.updates,
    busyShare: busyMs / (elapsed * 1000),
  };
}

/** Runs the bench and returns its markdown tables. */
export async function runFlowsBench({ log = () => {} } = {}) {
  const server = await serveSource();
  const origin = server.origin;
  const browser = await puppeteer.launch({
    executablePath: await chromePath(),
    headless: true,
    args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist', '--disable-background-networking'],
  });
  const rows = [];
  const detail = [];
  const globeRows = [];
  const flat = new Map();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 480, height: 360 });
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    await page.goto(`${origin}/bench/flows.html`, { waitUntil: 'load' });
    await page.waitForFunction('window.benchReady === true', { timeout: 60000 });
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    for (const n of SIZES) {
      const ours = await measure(page, cdp, n, 'ours');
      flat.set(n, ours);
      log(`${n} ours ${JSON.stringify(ours)}`);
      const base = await measure(page, cdp, n, 'baseline');
      log(`${n} baseline ${JSON.stringify(base)}`);
      const f = (v, d = 2) => v.toFixed(d);
      rows.push([n.toLocaleString('en'), f(ours.busyPerFrame), f(base.busyPerShown), `${f(base.busyPerShown / ours.busyPerFrame, 1)}x`, f(ours.fps, 1), f(base.fps, 1)]);
      detail.push([n.toLocaleString('en'), f(ours.syncMs, 3), f(base.syncMs, 3), `${Math.round(ours.busyShare * 100)}%`, `${Math.round(base.busyShare * 100)}%`, `${base.updates} / ${base.renders}`, f(ours.setupMs, 0), f(base.setupMs, 0)]);
    }
    for (const n of GLOBE_SIZES) {
      const globe = await measure(page, cdp, n, 'ours', 'globe');
      log(`${n} ours on the globe ${JSON.stringify(globe)}`);
      // The flat figure from the same run (measured again if the flat table left this size out).
      const mercator = flat.get(n) ?? (await measure(page, cdp, n, 'ours'));
      const f = (v, d = 2) => v.toFixed(d);
      globeRows.push([`globe, ${n.toLocaleString('en')}`, f(globe.busyPerFrame), f(mercator.busyPerFrame), `${f(globe.busyPerFrame / mercator.busyPerFrame, 2)}x`, f(globe.fps, 1), f(mercator.fps, 1), f(globe.syncMs, 3), f(mercator.syncMs, 3)]);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return [
    'Main-thread ms per animation frame (CDP TaskDuration over a 3 s free run ÷ frames showing motion; 480x360 canvas, SwiftShader):',
    '',
    table(['transfers', 'ours ms/frame', 'baseline ms/frame', 'ratio', 'ours fps', 'baseline fps'], rows),
    '',
    'Detail: sync = median of the per-frame update + `map.redraw()` alone (baseline: setData + redraw, without the later worker round trip); busy = share of wall time the main thread was busy; baseline updates / renders = setData results applied / frames rendered.',
    '',
    table(['transfers', 'ours sync ms', 'baseline sync ms', 'ours busy', 'baseline busy', 'baseline updates / renders', 'ours setup ms', 'baseline setup ms'], detail),
    '',
    'The globe: our layer on MapLibre\'s globe (`projection: globe`, the same data and view) against our layer on the flat map in the same run (ratio = globe ÷ Mercator main-thread ms/frame; the globe\'s basemap is drawn on a subdivided sphere, which costs MapLibre itself more per frame):',
    '',
    table(['projection, transfers', 'globe ms/frame', 'Mercator ms/frame', 'ratio', 'globe fps', 'Mercator fps', 'globe sync ms', 'Mercator sync ms'], globeRows),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  console.log(await runFlowsBench({ log: (line) => console.error(line) }));
  console.error(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
