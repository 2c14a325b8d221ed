// The packed package in the apps its users write: small React 19, Vue 3.5 and Svelte 5 apps
// (test/fixtures/apps/), each with the package installed, built by Vite (Vue's and Svelte's
// plugins in their vite.config.ts; React's JSX needs only its tsconfig.json) and run in Chromium.
// Each app binds its own data as properties, drives `lang` from its state, shows what
// `prison-map-select` told it, and removes the map; the React app's TSX also type-checks with
// `tsc --strict` and `skipLibCheck: false`, without Lit or MapLibre installed (the package's
// declarations import neither).
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'vite';
import { launchBrowser, serveStatic } from '../../bench/support.mjs';
import {
  appWithPackage, firstReady, installPackage, openPage, packPackage, quiet, repo, run, strayRequests, temporaryFolder,
} from './support.mjs';

const FIXTURES = join(repo, 'test/fixtures/apps');
/** What test/fixtures/apps/data.ts holds (the bundled dataset has 5 facilities and 4 transfers). */
const APP_DATA = {
  facilities: 3, transfers: 1, facilityIds: ['north', 'centre', 'east'],
  largest: { en: 'The largest by capacity is Centre Test Prison', es: 'La de mayor capacidad es Prisión de Prueba Centro' },
};
const LEGEND_TITLE = { en: 'Capacity (places)', es: 'Capacidad (plazas)' };
const APPS = [['React 19', 'react'], ['Vue 3.5', 'vue'], ['Svelte 5', 'svelte']];

const rootPackage = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const apps = temporaryFolder('prison-map-apps-');
let browser;

before(async () => {
  let project;
  [browser, project] = await Promise.all([launchBrowser(), packPackage().then((tarball) => installPackage(tarball))]);
  // Each app: its fixture files, the shared data and page, the installed package, and links to
  // its dev dependencies (this repository's copies, at the versions its lockfile pins).
  for (const [, folder] of APPS) {
    const app = join(apps, folder);
    cpSync(join(FIXTURES, folder), app, { recursive: true });
    for (const file of ['data.ts', 'index.html']) cpSync(join(FIXTURES, file), join(app, file));
    const { devDependencies } = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    for (const [name, range] of Object.entries(devDependencies)) {
      assert.equal(range, rootPackage.devDependencies[name], `${folder}'s ${name} is the repository's dev dependency`);
    }
    appWithPackage(project, app, Object.keys(devDependencies));
  }
});
after(async () => {
  await browser?.close();
});

/** Counts the page's WebGL contexts (run before any script of the page). */
function trackWebglContexts() {
  const contexts = [];
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    const context = getContext.call(this, type, ...rest);
    if (context && /webgl/.test(type) && !contexts.includes(context)) contexts.push(context);
    return context;
  };
  window.__webgl = () => ({ created: contexts.length, live: contexts.filter((gl) => !gl.isContextLost()).length });
}

/** What the app and the element inside it show (`map: null` once the app has removed it). */
function appState() {
  const text = (selector, root = document) => root.querySelector(selector)?.textContent.trim() ?? null;
  const el = document.querySelector('prison-map');
  const shadow = el?.shadowRoot;
  return {
    drawn: text('#drawn'),
    selected: text('#selected'),
    webgl: window.__webgl(),
    map: shadow ? {
      frame: shadow.querySelector('.frame')?.className ?? null,
      legendTitle: text('[part=legend] .legend-title', shadow),
      summary: text('#summary', shadow),
      selected: el.selected ?? null,
      status: text('[part=status]', shadow),
    } : null,
  };
}

/**
 * Waits up to 30 s for `predicate(appState(), arg)` to hold in the page, then resolves with the
 * state either way: the assertions that follow say what is wrong.
 */
async function stateWhen(page, predicate, arg) {
  await page.waitForFunction(`(${predicate})((${appState})(), ${JSON.stringify(arg)})`, { timeout: 30_000, polling: 100 }).catch(() => {});
  return page.evaluate(appState);
}

for (const [name, folder] of APPS) {
  test(`${name}: the app's data, property bindings, language, selection and unmount, with a clean console`, async () => {
    const app = join(apps, folder);
    const out = join(app, 'dist');
    // Vite finds the app's own vite.config.ts, if it has one.
    await build({ root: app, logLevel: 'warn', build: { outDir: out, emptyOutDir: true, chunkSizeWarningLimit: 4000 } });
    const server = await serveStatic(out);
    const opened = await openPage(browser, `${server.origin}/index.html`, { init: trackWebglContexts });
    const { page } = opened;
    try {
      const detail = await firstReady(page.mainFrame());
      assert.deepEqual([detail.facilities, detail.transfers], [APP_DATA.facilities, APP_DATA.transfers], "the app's data, bound as properties");

      let state = await stateWhen(page, (s) => s.drawn && s.map?.legendTitle);
      assert.equal(state.drawn, String(APP_DATA.facilities), "the app's prison-map-ready handler wrote the count");
      assert.match(state.map.frame, /\bdark\b/, 'theme="dark"');
      assert.equal(state.map.legendTitle, LEGEND_TITLE.en, 'no-legend bound to false shows the legend, in English');
      assert.match(state.map.summary, new RegExp(APP_DATA.largest.en));

      await page.click('#lang');
      state = await stateWhen(page, (s, title) => s.map?.legendTitle === title, LEGEND_TITLE.es);
      assert.equal(state.map.legendTitle, LEGEND_TITLE.es, "the app's lang state reached the element");
      assert.match(state.map.summary, new RegExp(APP_DATA.largest.es));

      // A reader's keyboard: the map's canvas has focus, an arrow key moves to a facility, Enter selects it.
      await page.evaluate(() => document.querySelector('prison-map').map.getCanvas().focus());
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      state = await stateWhen(page, (s) => s.selected);
      assert.ok(APP_DATA.facilityIds.includes(state.selected), `the app shows the selected facility's id: ${JSON.stringify(state)}`);
      assert.equal(state.map.selected, state.selected, 'the element selected what the event said');

      await page.click('#unmount');
      state = await stateWhen(page, (s) => !s.map && s.webgl.live === 0);
      assert.equal(state.map, null, 'the app removed the map');
      assert.ok(state.webgl.created >= 1, 'the map had a WebGL context');
      assert.equal(state.webgl.live, 0, 'the removed map released its WebGL context');

      // Late requests (tiles, labels, chunks not used yet) have answered, or failed.
      await quiet(opened);
      assert.deepEqual(strayRequests(opened.requests, server.origin), [], 'nothing from off-site or node_modules');
      assert.deepEqual(opened.failed, [], 'no request failed');
      assert.deepEqual(opened.console.filter((line) => line.startsWith('error')), [], 'no console error');
      assert.deepEqual(opened.pageErrors, [], 'no page error');
    } finally {
      await opened.close();
      await server.close();
    }
  });
}

/** Folders from which Node and TypeScript would find the package `name` for a file in `folder`. */
function installedAbove(folder, name) {
  const found = [];
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name))) found.push(join(dir, 'node_modules', name));
    if (dirname(dir) === dir) return found;
  }
}

test("React 19: tsc --strict, checking the libraries' declarations too, type-checks the app's TSX with neither lit nor maplibre-gl installed", async () => {
  const app = join(apps, 'react');
  const tsconfig = JSON.parse(readFileSync(join(app, 'tsconfig.json'), 'utf8'));
  assert.equal(tsconfig.compilerOptions.strict, true);
  assert.equal(tsconfig.compilerOptions.skipLibCheck, false, "the package's declarations are type-checked too");
  // The package installs no dependency: an app has Lit or MapLibre only if it installs them. This
  // one does not, and lives outside the repository, so no lookup reaches the repository's copies.
  assert.ok(relative(repo, app).startsWith('..'), `${app} is outside the repository`);
  const resolveFromApp = createRequire(join(app, 'package.json')).resolve;
  for (const name of ['lit', 'maplibre-gl', '@lit/reactive-element', 'lit-html', 'lit-element']) {
    assert.deepEqual(installedAbove(app, name), [], `no ${name} where the app would look for it`);
    assert.throws(() => resolveFromApp(name), { code: 'MODULE_NOT_FOUND' }, `${name} does not resolve from the app`);
  }
  // App.tsx (the app) and types.tsx (checks that the package's types are not `any`).
  const checked = await run(join(repo, 'node_modules/.bin/tsc'), ['-p', app]).catch((error) => error);
  assert.equal(checked.code ? `${checked.stdout}${checked.stderr}` : '', '');
});
