// The page's cost, measured the way newsrooms do (issue 26): Lighthouse's performance audit
// (mobile profile, simulated throttling) of a news article, alone and with a map in its first
// viewport: bare MapLibre drawing the same 5 facilities on the same built-in basemap (the bench's
// baseline page), the README's script embed and the README's iframe embed (read from README.md,
// so what is measured is what the README says), each file served gzipped as by a CDN.
// Median of ARTICLE_RUNS runs (default 3) of each page, the pages taking turns within a run.
//   node bench/article.mjs
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'vite';
import { readmeEmbeds } from '../scripts/readme-embed.mjs';
import { buildDist, chromePath, median, serveStatic, table } from './support.mjs';

const here = import.meta.dirname;
const RUNS = Number(process.env.ARTICLE_RUNS ?? 3);
const LIGHTHOUSE = fileURLToPath(import.meta.resolve('lighthouse/cli/index.js'));
const LIGHTHOUSE_VERSION = JSON.parse(readFileSync(resolve(here, '../node_modules/lighthouse/package.json'), 'utf8')).version;
const CHROME_FLAGS = '--headless=new --no-sandbox --use-angle=swiftshader --enable-unsafe-swiftshader';
/** Where the site keeps the built package, as a newsroom's CDN would. */
const PKG = 'prison-map/dist';
/** Where the bare-MapLibre page's build goes in the site (its HTML refers to ../../assets/). */
const BARE = 'bare';

const PARAGRAPHS = [
  'El Salvador opened the Terrorism Confinement Center in January 2023, with room for 40,000 inmates. Foreign delegations have toured it ever since.',
  'In 2025 the United States began paying El Salvador to hold people it had deported. Other governments are asking how to build their own.',
  'Ecuador began two maximum-security prisons of its own in 2024, one on the Pacific coast and one in the Amazon, each for about 800 people.',
  'Honduras announced a 2,000-place prison on the remote Swan Islands in the Caribbean. The project is on hold.',
  'Bolivia, whose prisons hold more than two and a half times the people they were built for, has asked El Salvador for advice.',
  'Put together, one prison has become a model that neighbours visit, copy, or pay to use.',
];

/** A news article: a headline, two paragraphs, the map (in the first viewport), four more paragraphs. */
function articlePage(title, map = '', head = '') {
  const p = (text) => `<p>${text}</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><meta name="description" content="A news article with a map, for Lighthouse.">
<style>body { margin: 0 auto; max-width: 680px; padding: 0 16px; font: 18px/1.5 Georgia, serif; color: #1c2330 } h1 { font-size: 28px; line-height: 1.2 }</style>
${head}</head><body><article>
<h1>El Salvador's mega-prison has admirers, and customers</h1>
${PARAGRAPHS.slice(0, 2).map(p).join('\n')}
${map}
${PARAGRAPHS.slice(2).map(p).join('\n')}
</article></body></html>`;
}

/** The bare-MapLibre page's script and style tags, from its production build. */
function bareHead(pagesDir) {
  const html = readFileSync(join(pagesDir, 'bench/pages/first-frame-bare.html'), 'utf8');
  return [...html.matchAll(/<script\b[^>]*><\/script>|<link\b[^>]*>/g)].map((match) => match[0]).join('\n');
}

const ARTICLE_PAGES = [
  ['article alone (baseline)', 'article.html'],
  ['+ bare MapLibre: built-in basemap, 5 circles', `${BARE}/bench/pages/article-bare.html`],
  ['+ `<prison-map>`, the README\'s script embed', 'article-script.html'],
  ['+ `<prison-map>`, the README\'s iframe embed', 'article-iframe.html'],
  // The floor of any script embed: a module script of one statement, from the same server. What
  // Lighthouse's simulation charges for a script the article runs before its first paint (a round
  // trip on its slow network) is charged to every embed that has one.
  ['+ a one-line module script (the floor of any script embed)', 'article-empty-script.html'],
];

export async function writeSite() {
  const site = mkdtempSync(join(tmpdir(), 'prison-map-article-'));
  const dist = await buildDist();
  // The bench's bare-MapLibre page (bench/pages/first-frame-bare.ts): MapLibre, the built-in basemap, the 5 facilities as circles.
  const pages = mkdtempSync(join(tmpdir(), 'prison-map-article-pages-'));
  try {
    await build({ configFile: resolve(here, 'vite.bench.config.ts'), logLevel: 'warn', build: { outDir: pages, emptyOutDir: true } });
    cpSync(dist, join(site, PKG), { recursive: true });
    cpSync(pages, join(site, BARE), { recursive: true });
    const readme = readFileSync(resolve(here, '../README.md'), 'utf8');
    const embeds = readmeEmbeds(readme, (file) => `/${PKG}/${file}`);
    writeFileSync(join(site, ARTICLE_PAGES[0][1]), articlePage('An article'));
    writeFileSync(join(site, ARTICLE_PAGES[1][1]), articlePage('An article with bare MapLibre', '<div id="map" style="height: 480px"></div>', bareHead(pages)));
    writeFileSync(join(site, ARTICLE_PAGES[2][1]), articlePage('An article with the script embed', embeds.script));
    writeFileSync(join(site, ARTICLE_PAGES[3][1]), articlePage('An article with the iframe embed', embeds.iframe));
    writeFileSync(join(site, 'one-line.js'), 'document.documentElement.dataset.script = "ran";\n');
    writeFileSync(join(site, ARTICLE_PAGES[4][1]), articlePage('An article with a one-line script', '<script type="module" src="/one-line.js"></script>'));
    return site;
  } finally {
    rmSync(dist, { recursive: true, force: true });
    rmSync(pages, { recursive: true, force: true });
  }
}

/** One Lighthouse run (its CLI, as newsrooms run it): the performance category, mobile. A run that fails is tried once more. */
async function lighthouse(url, chrome, retry = true) {
  const { stdout, error } = await promisify(execFile)(process.execPath, [
    LIGHTHOUSE, url, '--only-categories=performance', '--form-factor=mobile', '--output=json', '--output-path=stdout', '--quiet',
    `--chrome-flags=${CHROME_FLAGS}`,
  ], { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 256 * 1024 * 1024, timeout: 300_000 }).catch((error) => ({ error }));
  const report = stdout ? JSON.parse(stdout) : undefined;
  const failure = report ? report.runtimeError && `${report.runtimeError.code} ${report.runtimeError.message}` : String(error?.message);
  if (failure) {
    if (!retry) throw new Error(`Lighthouse on ${url}: ${failure}`);
    console.warn(`Lighthouse on ${url} failed (${failure}); once more`);
    return lighthouse(url, chrome, false);
  }
  const audit = (id) => report.audits[id].numericValue;
  if (process.env.ARTICLE_DETAILS) printDetails(url, report);
  return {
    score: report.categories.performance.score * 100,
    tbt: audit('total-blocking-time'),
    lcp: audit('largest-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
    chrome: report.environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1],
  };
}

/** ARTICLE_DETAILS=1: what made a page slow (its long tasks, by script, and its LCP element). */
function printDetails(url, report) {
  const items = (id) => report.audits[id]?.details?.items ?? [];
  if (process.env.ARTICLE_DETAILS === "json") console.log(JSON.stringify(report.audits["largest-contentful-paint-element"], null, 1).slice(0, 3000));
  const observed = report.audits.metrics.details.items[0];
  console.log(`observed FCP ${observed.observedFirstContentfulPaint} LCP ${observed.observedLargestContentfulPaint} load ${observed.observedLoad}`);
  for (const r of items("network-requests")) console.log(`  ${r.url.replace(/^.*\/\/[^/]*/, "")} ${r.priority} ${r.networkRequestTime?.toFixed(0)}-${r.networkEndTime?.toFixed(0)} ${r.transferSize}`);
  const lcp = JSON.stringify(report.audits['largest-contentful-paint-element']?.details ?? {}).match(/"snippet":"((?:[^"\\]|\\.)*)"/)?.[1];
  console.log(`\n${url}: LCP element ${lcp}`);
  for (const task of items('long-tasks').slice(0, 12)) console.log(`  long task ${task.duration.toFixed(0)} ms at ${task.startTime.toFixed(0)} ms: ${task.url}`);
  for (const group of items("mainthread-work-breakdown")) console.log(`  ${group.groupLabel}: ${group.duration.toFixed(0)} ms`);
  for (const script of items('bootup-time').slice(0, 6)) console.log(`  script ${script.url}: ${script.total.toFixed(0)} ms (${script.scripting.toFixed(0)} scripting)`);
}

export async function runArticleBench() {
  const chrome = await chromePath();
  const site = await writeSite();
  const server = await serveStatic(site, { gzip: true });
  try {
    const runs = ARTICLE_PAGES.map(() => []);
    // ARTICLE_PAGES_ONLY=2,3: only those rows (by index), for a quicker look while working.
    const only = process.env.ARTICLE_PAGES_ONLY?.split(',').map(Number);
    for (let i = 0; i < RUNS; i++) {
      for (const [index, [, path]] of ARTICLE_PAGES.entries()) {
        if (!only || only.includes(index)) runs[index].push(await lighthouse(`${server.origin}/${path}`, chrome));
      }
    }
    const medians = runs.map((pageRuns) => Object.fromEntries(['score', 'tbt', 'lcp', 'cls'].map((key) => [key, median(pageRuns.map((r) => r[key]))])));
    return { medians, runs: RUNS, chrome: runs.flat()[0].chrome };
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
}

/** Each page beside the article alone, from the same run. */
export function articleTable({ medians, runs, chrome }) {
  const [alone] = medians;
  const rows = ARTICLE_PAGES.map(([name], i) => {
    const m = medians[i];
    if (i === 0) return [name, m.score.toFixed(0), m.tbt.toFixed(0), m.lcp.toFixed(0), m.cls.toFixed(3)];
    return [
      name,
      `${m.score.toFixed(0)} (${signed(m.score - alone.score)})`,
      `${m.tbt.toFixed(0)} (${signed(m.tbt - alone.tbt)} ms)`,
      `${m.lcp.toFixed(0)} (${(m.lcp / alone.lcp).toFixed(2)}x)`,
      m.cls.toFixed(3),
    ];
  });
  return `${table(['page (mobile, Lighthouse ' + LIGHTHOUSE_VERSION + ')', 'performance score', 'TBT ms (added)', 'LCP ms (x article alone)', 'CLS'], rows)}

Median of ${runs} runs a page (Lighthouse's simulated mobile throttling, Chromium ${chrome} with SwiftShader, files served gzipped from 127.0.0.1); targets: score ≥ 90, TBT added ≤ 200 ms, LCP ≤ 1.2x the article alone, CLS ≤ 0.01.`;
}

const signed = (n) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(0)}`;

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(articleTable(await runArticleBench()));
}
