// Shared by the end-to-end tests: a production build into a temporary folder (the working tree's
// dist/ is left alone), a "news site" around it, and a browser page that records what it fetched,
// what it logged and every Content-Security-Policy violation.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import { buildTypes } from '../../scripts/build-types.mjs';

export const repo = resolve(import.meta.dirname, '../..');
export const run = promisify(execFile);

/** Where the site puts the package: a deep path, as on a CDN, to prove nothing assumes the root. */
export const PACKAGE_PATH = '/static/v1/prison-map';

export const STRICT_CSP = "default-src 'self'; worker-src 'self'; img-src 'self' data: blob:; style-src 'self'";
export const TRUSTED_TYPES_CSP = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types lit-html default`;

/** A temporary folder removed when the test run ends. */
export function temporaryFolder(prefix) {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/**
 * `npm run build`'s output in `outDir`: `vite build` (the element, pages, the steps helper and the
 * `prison-map render` command in `cli/`), and with `types` the declarations
 * (scripts/build-types.mjs: one `types/index.d.ts` that imports nothing) and the framework types
 * the manifest's analyzer generates (custom-elements-manifest.config.mjs). The analyzer writes its
 * manifest into a temporary folder: the package ships the committed custom-elements.json, which
 * test/node/manifest-current.test.mjs checks is current, and the working tree is left alone.
 */
export async function buildDist(outDir, { types = false } = {}) {
  await build({ configFile: join(repo, 'vite.config.ts'), root: repo, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  await build({ configFile: join(repo, 'vite.steps.config.ts'), root: repo, logLevel: 'warn', build: { outDir, emptyOutDir: false } });
  await buildCli(join(outDir, 'cli'));
  if (!types) return;
  await buildTypes(join(outDir, 'types'));
  // The analyzer joins `--outdir` to its working folder: a relative path reaches the temporary one.
  await run(join(repo, 'node_modules/.bin/custom-elements-manifest'), ['analyze', '--quiet', '--outdir', relative(repo, temporaryFolder('prison-map-manifest-'))], {
    cwd: repo, env: { ...process.env, PRISON_MAP_FRAMEWORK_TYPES_DIR: join(outDir, 'types/frameworks') },
  });
}

/** The `prison-map render` command as `npm run build` writes it (vite.cli.config.ts): `outDir/prison-map.js` and its chunks. */
export async function buildCli(outDir) {
  await build({ configFile: join(repo, 'vite.cli.config.ts'), root: repo, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/**
 * The npm package as `npm publish` would ship it: built with its types (`buildDist`) in a staging
 * folder outside the working tree, then `npm pack`ed. Resolves with the tarball's path.
 */
export async function packPackage() {
  const stage = temporaryFolder('prison-map-stage-');
  await buildDist(join(stage, 'dist'), { types: true });
  for (const file of ['package.json', 'README.md', 'LICENSE', 'custom-elements.json']) cpSync(join(repo, file), join(stage, file));
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', stage], { cwd: stage });
  const [info] = JSON.parse(packed.stdout);
  return join(stage, info.filename);
}

/**
 * A new, empty project with `tarball` installed in it as a user installs it, on a cold machine: an
 * empty npm cache of its own and no network. The package declares no runtime dependencies (dist/
 * bundles what it imports), so this must succeed with nothing to fetch. Resolves with the folder.
 */
export async function installPackage(tarball, prefix = 'prison-map-site-') {
  const project = temporaryFolder(prefix);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'news-site', private: true, type: 'module' }));
  const emptyCache = temporaryFolder('prison-map-npm-cache-');
  await run('npm', ['install', '--offline', '--cache', emptyCache, '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: project, timeout: 120_000 });
  return project;
}

/**
 * Gives the app folder `app` its own copy of the package installed in `project`, and links to this
 * repository's copies of the framework packages in `links` (their dev dependencies: the test run
 * has no network, and installing React, Vue or Svelte is not what is tested). Returns `app`.
 */
export function appWithPackage(project, app, links) {
  cpSync(join(project, 'node_modules/prison-map'), join(app, 'node_modules/prison-map'), { recursive: true });
  for (const link of links) {
    mkdirSync(dirname(join(app, 'node_modules', link)), { recursive: true });
    symlinkSync(join(repo, 'node_modules', link), join(app, 'node_modules', link));
  }
  return app;
}

/** Writes `files` ({relative path: text}) under `root`. */
export function writeFiles(root, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** A site folder with the built package copied to PACKAGE_PATH. */
export function siteWith(dist, pages) {
  const site = temporaryFolder('prison-map-site-');
  cpSync(dist, join(site, PACKAGE_PATH), { recursive: true });
  writeFiles(site, pages);
  return site;
}

/**
 * Opens `url` in a fresh browser context, recording requests, failed requests (status >= 400 or
 * no answer), console lines and page errors. Before any page script runs, every frame records
 * `prison-map-ready` / `prison-map-error` details and `message` events, and CSP violations;
 * then runs `init`, if given.
 */
export async function openPage(browser, url, { viewport = { width: 1000, height: 700 }, init } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewport);
  const requests = [];
  const console = [];
  const pageErrors = [];
  const failed = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => { if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`); });
  page.on('requestfailed', (request) => failed.push(`${request.failure()?.errorText} ${request.url()}`));
  page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.evaluateOnNewDocument(() => {
    const record = (name, value) => { (window[name] ??= []).push(value); };
    document.addEventListener('securitypolicyviolation', (event) => record('__violations', `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`), true);
    document.addEventListener('prison-map-ready', (event) => record('__ready', event.detail), true);
    document.addEventListener('prison-map-error', (event) => record('__errors', event.detail), true);
    window.addEventListener('message', (event) => record('__messages', event.data));
  });
  if (init) await page.evaluateOnNewDocument(init);
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, failed, console, pageErrors, close: () => context.close() };
}

/**
 * Resolves once the page opened by {@link openPage} has gone quiet: no request in flight, then the
 * page's next frame and a task after it, with no request started in between. Whatever the last
 * answers set off (a chunk they import, a tile the next frame asks for, a CSP violation report, a
 * console error) has then happened, so a check that nothing went wrong can run: a slow machine makes
 * this later, not shorter. (Not requestIdleCallback: on the framework apps' pages it never fired.)
 */
export async function quiet({ page, requests }) {
  for (let seen = -1; seen !== requests.length;) {
    seen = requests.length;
    await page.waitForNetworkIdle({ idleTime: 0 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  }
}

/** Resolves with the first `prison-map-ready` detail in `frame`, or rejects with what went wrong. */
export async function firstReady(frame, timeout = 60_000) {
  await frame.waitForFunction('(window.__ready?.length ?? 0) > 0 || (window.__errors?.length ?? 0) > 0', { timeout, polling: 100 });
  const [ready, errors] = await frame.evaluate(() => [window.__ready ?? [], window.__errors ?? []]);
  if (!ready.length) throw new Error(`prison-map-error: ${JSON.stringify(errors)}`);
  return ready[0];
}

/** Requests that left the site's origin, or reached into a node_modules folder (a build leak). */
export function strayRequests(requests, origin, { allowNodeModules } = {}) {
  return requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    const parsed = new URL(url);
    if (parsed.origin !== origin) return true;
    if (!parsed.pathname.includes('/node_modules/')) return false;
    return !(allowNodeModules && parsed.pathname.startsWith(allowNodeModules));
  });
}
