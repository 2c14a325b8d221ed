// Scale: <prison-map> with a newsroom's own big dataset (synthetic, dense and sparse), each case
// against the bundled dataset measured in the same run and browser: time to `prison-map-ready`,
// the longest main-thread task while loading, shadow-DOM elements with the tables closed,
// main-thread ms per pointer move (60 real moves) and per animation frame (transfers moving).
import { pathToFileURL } from 'node:url';
import { launchBrowser, mainThreadSeconds, msPerPointerMove, serveSource, table } from './support.mjs';

const CASES = process.env.SCALE_CASES
  ? [[0, 0], ...process.env.SCALE_CASES.split(',').map((c) => c.split('/').map(Number))]
  : [[0, 0], [1000, 500], [10000, 5000]];
const MOVES = 60;
const FRAMES = 60;

async function measureCase(browser, origin, facilities, transfers) {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1000, height: 600 });
    await page.goto(`${origin}/bench/scale.html`, { waitUntil: 'load' });
    await page.waitForFunction('window.benchReady === true', { timeout: 120000 });
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    const loaded = await page.evaluate((f, t) => window.benchScale.setup(f, t), facilities, transfers);
    // Pointer moves over the middle of the map (each followed by two frames).
    const points = Array.from({ length: MOVES }, (_, i) => [200 + (i % 12) * 50, 150 + Math.floor(i / 12) * 60]);
    const perMove = await msPerPointerMove(page, cdp, points, () => page.evaluate(() => window.benchScale.frames(2)));
    // The pointer off the map, transfers moving: main-thread work per animation frame.
    await page.mouse.move(5, 595);
    await page.evaluate(() => window.benchScale.frames(5));
    const before = await mainThreadSeconds(cdp);
    await page.evaluate((n) => window.benchScale.frames(n), FRAMES);
    const perFrame = (((await mainThreadSeconds(cdp)) - before) * 1000) / FRAMES;
    return { ...loaded, perMove, perFrame };
  } finally {
    await page.close();
  }
}

export async function runScaleBench({ log = () => {} } = {}) {
  const server = await serveSource();
  const browser = await launchBrowser();
  const results = [];
  try {
    // A first load not measured: the dev server compiles the modules once, for every case alike.
    await measureCase(browser, server.origin, 0, 0);
    for (const [facilities, transfers] of CASES) {
      const result = await measureCase(browser, server.origin, facilities, transfers);
      log(`${facilities}/${transfers} ${JSON.stringify(result)}`);
      results.push({ facilities, transfers, ...result });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const [bundled, ...big] = results;
  const ratio = (value, base) => `${(value / base).toFixed(2)}x`;
  const rows = [bundled, ...big].map((r) => [
    r.facilities ? `${r.facilities.toLocaleString('en')} facilities, ${r.transfers.toLocaleString('en')} transfers` : 'bundled dataset (5 facilities, 4 transfers)',
    `${Math.round(r.readyMs)} ms${r === bundled ? '' : ` (${ratio(r.readyMs, bundled.readyMs)})`}`,
    `${Math.round(r.longestTaskMs)} ms`,
    String(r.elements),
    r.perMove.toFixed(2),
    r.perFrame.toFixed(2),
  ]);
  return table(['data', 'ready (vs bundled)', 'longest task while loading', 'shadow-DOM elements, tables closed', 'main-thread ms / pointer move', 'main-thread ms / animation frame'], rows);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runScaleBench({ log: (line) => console.error(line) }));
}
