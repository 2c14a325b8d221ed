// Shared by the bench scripts: a browser (the machine's Chromium, else @sparticuz/chromium), the
// production build of dist/, a static file server for it, and small statistics.
import { createReadStream, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';

/** The machine's Chrome/Chromium (`CHROME_PATH` first), else the one inside @sparticuz/chromium. */
export async function chromePath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path) => path && existsSync(path)) ?? (await import('@sparticuz/chromium')).default.executablePath();
}

export async function launchBrowser() {
  return puppeteer.launch({
    executablePath: await chromePath(),
    headless: true,
    args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist',
      '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.map': 'application/json', '.geojson': 'application/geo+json', '.csv': 'text/csv', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf', '.pbf': 'application/x-protobuf', '.pmtiles': 'application/vnd.pmtiles',
};

/**
 * The production build a news site copies (`vite build` of the project's own config) in a
 * temporary folder, returned; the caller removes it.
 */
export async function buildDist() {
  const { build } = await import('vite');
  const repo = resolve(import.meta.dirname, '..');
  const outDir = mkdtempSync(join(tmpdir(), 'prison-map-bench-dist-'));
  await build({ configFile: join(repo, 'vite.config.ts'), root: repo, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json)|image\/svg)/;

/**
 * Serves a folder on 127.0.0.1. Uncompressed unless `gzip` (as a CDN serves text files, for
 * figures that depend on transfer sizes; the other benches gzip the sizes they count themselves).
 * `headers` adds response headers per request: an object keyed by URL path (`'/embed.html'`), or a
 * function of the request URL returning the headers (or undefined). `requests` lists every path
 * asked for, in order.
 */
export function serveStatic(root, { headers, gzip = false } = {}) {
  const requests = [];
  const gzipped = new Map();
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    const path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root) || !existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const extra = typeof headers === 'function' ? headers(url) : headers?.[url.pathname];
    const common = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store', 'accept-ranges': 'bytes', ...extra };
    const size = statSync(path).size;
    // Byte ranges, as every static host and CDN serves them: the basemap archive is read in ranges.
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : size - 1, size - 1);
      if (start > end) {
        res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      res.writeHead(206, { ...common, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 });
      createReadStream(path, { start, end }).pipe(res);
      return;
    }
    if (gzip && COMPRESSIBLE.test(common['content-type']) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!gzipped.has(path)) gzipped.set(path, gzipSync(readFileSync(path)));
      const body = gzipped.get(path);
      res.writeHead(200, { ...common, 'content-encoding': 'gzip', vary: 'accept-encoding', 'content-length': body.length }).end(body);
      return;
    }
    res.writeHead(200, { ...common, 'content-length': size });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(done); }),
  })));
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function table(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The repository served from source by a Vite dev server on 127.0.0.1 (for bench pages that import src/). */
export async function serveSource() {
  const { createServer } = await import('vite');
  const root = new URL('..', import.meta.url).pathname;
  const server = await createServer({ root, configFile: false, logLevel: 'warn', clearScreen: false, server: { port: 0, host: '127.0.0.1', hmr: false } });
  await server.listen();
  return { origin: server.resolvedUrls.local[0].replace(/\/$/, ''), close: () => server.close() };
}

/** Seconds the page's renderer main thread has been busy (CDP Performance `TaskDuration`; enable `Performance` first). */
export async function mainThreadSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value;
}

/**
 * Main-thread milliseconds per pointer move: real mouse moves through `points`, each followed by
 * `afterMove()` (two animation frames, so whatever the move scheduled has run), counted by CDP
 * task time (`Performance.enable` on `cdp` first).
 */
export async function msPerPointerMove(page, cdp, points, afterMove) {
  await page.mouse.move(points[0][0] - 5, points[0][1]);
  await afterMove();
  const before = await mainThreadSeconds(cdp);
  for (const [x, y] of points) {
    await page.mouse.move(x, y);
    await afterMove();
  }
  return (((await mainThreadSeconds(cdp)) - before) * 1000) / points.length;
}
