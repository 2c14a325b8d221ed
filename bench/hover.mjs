// Hovering: main-thread milliseconds per pointer move over a map of a synthetic dataset, for
// <prison-map> and for the common way with bare MapLibre (a circle and a line layer, and a
// `mousemove` handler calling `queryRenderedFeatures`), both in the same run and browser.
//
// A move is a real input event (CDP Input.dispatchMouseEvent) followed by two animation frames,
// so whatever the move scheduled (a re-render, a repaint) has run; the figure is the renderer
// main thread's busy time (CDP Performance TaskDuration) over 60 moves, divided by 60.
import { pathToFileURL } from 'node:url';
import { launchBrowser, msPerPointerMove, serveSource, table } from './support.mjs';

const CASES = [[10000, 0], [10000, 2000]];
const MOVES = 60;

async function measure(page, cdp, mode, facilities, transfers) {
  const { readyMs } = await page.evaluate((m, f, t) => window.benchHover.setup(m, f, t), mode, facilities, transfers);
  // Pointer path: a zigzag over the middle of the map, where the data is.
  const points = Array.from({ length: MOVES }, (_, i) => [200 + (i % 12) * 50 + (Math.floor(i / 12) % 2) * 25, 150 + Math.floor(i / 12) * 60]);
  const perMove = await msPerPointerMove(page, cdp, points, () => page.evaluate(() => window.benchHover.frames(2)));
  return { readyMs, perMove };
}

export async function runHoverBench({ log = () => {} } = {}) {
  const server = await serveSource();
  const origin = server.origin;
  const browser = await launchBrowser();
  const rows = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 600 });
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    await page.goto(`${origin}/bench/hover.html`, { waitUntil: 'load' });
    await page.waitForFunction('window.benchReady === true', { timeout: 120000 });
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    for (const [facilities, transfers] of CASES) {
      const ours = await measure(page, cdp, 'ours', facilities, transfers);
      log(`ours ${facilities}/${transfers} ${JSON.stringify(ours)}`);
      const base = await measure(page, cdp, 'baseline', facilities, transfers);
      log(`baseline ${facilities}/${transfers} ${JSON.stringify(base)}`);
      rows.push([facilities.toLocaleString('en'), transfers.toLocaleString('en'), ours.perMove.toFixed(2), base.perMove.toFixed(2), `${(ours.perMove / base.perMove).toFixed(2)}x`]);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return [
    `Main-thread ms per pointer move (CDP TaskDuration over ${MOVES} moves, each followed by two frames; 1000x600, SwiftShader; no-animation). Baseline: bare MapLibre, circle + line layers, queryRenderedFeatures on mousemove.`,
    '',
    table(['facilities', 'transfers', 'ours ms/move', 'baseline ms/move', 'ratio'], rows),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runHoverBench({ log: (line) => console.error(line) }));
}
