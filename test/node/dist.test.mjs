// The built dist/ on a plain static host: the element renders from a deep path with nothing from
// node_modules or off-site, under a strict Content-Security-Policy with and without Trusted Types,
// and embed.html tells its parent page its height.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { launchBrowser, serveStatic } from '../../bench/support.mjs';
import {
  PACKAGE_PATH, STRICT_CSP, TRUSTED_TYPES_CSP, buildDist, firstReady, openPage, quiet, siteWith, strayRequests, temporaryFolder,
} from './support.mjs';

const BUNDLED = { facilities: 5, transfers: 4 };

const article = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>An article</title>
<script type="module" src=".${PACKAGE_PATH}/prison-map.js"></script></head>
<body><h1>An article</h1><p>Text before the map.</p>${body}</body></html>`;

let browser;
let site;
before(async () => {
  const dist = join(temporaryFolder('prison-map-dist-'), 'dist');
  [browser] = await Promise.all([launchBrowser(), buildDist(dist)]);
  site = siteWith(dist, {
    'article.html': article('<prison-map loading="eager"></prison-map>'),
    'article-worker-url.html': article('<prison-map loading="eager" worker-url="/self-hosted/maplibre-worker.mjs"></prison-map>'),
    'iframe.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Iframe host</title></head><body>
<iframe id="default" title="Map" width="600" height="150" src=".${PACKAGE_PATH}/embed.html?id=Ab12x&amp;lang=es&amp;focus-on=SLV&amp;no-animation&amp;no-legend"></iframe>
<iframe id="tall" title="Map" width="600" height="150" src=".${PACKAGE_PATH}/embed.html?height=300&amp;label=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&amp;theme=dark"></iframe>
</body></html>`,
    'story-iframe.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A story with an embed</title>
<style>iframe { position: sticky; top: 0; } p { height: 100vh; margin: 0; }</style></head><body>
<iframe id="story" title="Map" width="600" height="300" src=".${PACKAGE_PATH}/embed.html?no-animation&amp;loading=eager"></iframe>
<p>Intro</p><p data-prison-map-step="story" data-focus-on="ECU" data-year="2024">Ecuador</p><p>More</p><p>End</p>
<script type="module" src=".${PACKAGE_PATH}/prison-map-steps.js"></script>
</body></html>`,
  });
  // A site that keeps scripts in its own folder, as under a CSP that lists only that path.
  const worker = readdirSync(dist).find((name) => /^maplibre-gl-worker-.*\.mjs$/.test(name));
  mkdirSync(join(site, 'self-hosted'));
  copyFileSync(join(dist, worker), join(site, 'self-hosted/maplibre-worker.mjs'));
});
after(async () => {
  await browser?.close();
});

describe('dist/ on a plain static host', () => {
  test('renders the bundled data from a deep path, fetching nothing from node_modules or off-site', async () => {
    const server = await serveStatic(site);
    const opened = await openPage(browser, `${server.origin}/article.html`);
    try {
      const detail = await firstReady(opened.page.mainFrame());
      assert.equal(detail.facilities, BUNDLED.facilities);
      assert.equal(detail.transfers, BUNDLED.transfers);
      assert.deepEqual(strayRequests(opened.requests, server.origin), []);
      assert.ok(opened.requests.some((url) => url.includes(`${PACKAGE_PATH}/maplibre-gl-worker-`)), 'the worker beside the module was loaded');
      assert.deepEqual(opened.pageErrors, []);
    } finally {
      await opened.close();
      await server.close();
    }
  });
});

describe('strict Content-Security-Policy', () => {
  const cases = [
    ['without Trusted Types', STRICT_CSP],
    ['with Trusted Types', TRUSTED_TYPES_CSP],
  ];
  for (const [name, csp] of cases) {
    test(`${name}: the map renders with zero violations`, async () => {
      const server = await serveStatic(site, { headers: (url) => (url.pathname.endsWith('.html') ? { 'content-security-policy': csp } : undefined) });
      const opened = await openPage(browser, `${server.origin}/article.html`);
      try {
        const detail = await firstReady(opened.page.mainFrame());
        assert.equal(detail.facilities, BUNDLED.facilities);
        // Violations arrive as events a little after the fact: wait until the page is done (tiles, labels).
        await quiet(opened);
        const violations = await opened.page.evaluate(() => window.__violations ?? []);
        assert.deepEqual(violations, []);
        assert.deepEqual(opened.console.filter((line) => /Content.Security.Policy|Trusted.?Type|violat/i.test(line)), []);
        assert.deepEqual(opened.pageErrors, []);
        assert.deepEqual(strayRequests(opened.requests, server.origin), []);
      } finally {
        await opened.close();
        await server.close();
      }
    });
  }

  test('with Trusted Types and a self-hosted worker-url, the map renders with zero violations and that worker', async () => {
    const server = await serveStatic(site, { headers: { '/article-worker-url.html': { 'content-security-policy': TRUSTED_TYPES_CSP } } });
    const opened = await openPage(browser, `${server.origin}/article-worker-url.html`);
    try {
      const detail = await firstReady(opened.page.mainFrame());
      assert.equal(detail.facilities, BUNDLED.facilities);
      await quiet(opened);
      assert.deepEqual(await opened.page.evaluate(() => window.__violations ?? []), []);
      assert.ok(server.requests.includes('/self-hosted/maplibre-worker.mjs'));
      assert.ok(!server.requests.some((path) => path.includes(`${PACKAGE_PATH}/maplibre-gl-worker-`)), 'the worker beside the module was not used');
    } finally {
      await opened.close();
      await server.close();
    }
  });

  test('with Trusted Types, a page with its own default policy keeps it, and it decides', async () => {
    const server = await serveStatic(site, { headers: (url) => (url.pathname.endsWith('.html') ? { 'content-security-policy': TRUSTED_TYPES_CSP } : undefined) });
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    try {
      // The page's policy passes only script URLs of its own site.
      await page.evaluateOnNewDocument(() => {
        window.__asked = [];
        window.trustedTypes.createPolicy('default', {
          createScriptURL: (url) => { window.__asked.push(url); return new URL(url, location.href).origin === location.origin ? url : null; },
        });
        document.addEventListener('prison-map-ready', (event) => { window.__ready = [event.detail]; }, true);
      });
      await page.goto(`${server.origin}/article.html`);
      const detail = await firstReady(page.mainFrame());
      assert.equal(detail.facilities, BUNDLED.facilities);
      const asked = await page.evaluate(() => window.__asked);
      assert.ok(asked.some((url) => url.includes('maplibre-gl-worker-')), `the page's policy was asked: ${asked}`);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

describe('prison-map-steps.js', () => {
  test('is one small file that forwards the host page\'s steps into the iframe embed as the reader scrolls', async () => {
    const helper = readFileSync(join(site, PACKAGE_PATH, 'prison-map-steps.js'));
    assert.ok(gzipSync(helper).length < 2048, `${gzipSync(helper).length} bytes gzipped`);
    assert.doesNotMatch(helper.toString(), /\bimport\b/, 'self-contained: no chunk to fetch');
    const server = await serveStatic(site);
    const opened = await openPage(browser, `${server.origin}/story-iframe.html`);
    try {
      const frame = opened.page.frames()[1];
      await firstReady(frame);
      const attributes = () => frame.$eval('prison-map', (el) => [el.getAttribute('focus-on'), el.getAttribute('year')]);
      assert.deepEqual(await attributes(), [null, null]);
      await opened.page.evaluate(() => window.scrollTo(0, document.querySelector('[data-prison-map-step]').offsetTop - innerHeight / 2 + 40));
      await frame.waitForFunction(() => document.querySelector('prison-map').getAttribute('focus-on') === 'ECU', { timeout: 20_000 });
      assert.deepEqual(await attributes(), ['ECU', '2024']);
      await opened.page.evaluate(() => window.scrollTo(0, 0));
      await frame.waitForFunction(() => !document.querySelector('prison-map').hasAttribute('focus-on'), { timeout: 20_000 });
      assert.deepEqual(opened.pageErrors, []);
      assert.deepEqual(strayRequests(opened.requests, server.origin), []);
    } finally {
      await opened.close();
      await server.close();
    }
  });
});

describe('embed.html', () => {
  test('posts its height to the parent, in its own and in Datawrapper\'s format, and takes attributes only from the query', async () => {
    const server = await serveStatic(site);
    const opened = await openPage(browser, `${server.origin}/iframe.html`);
    try {
      const byId = {};
      for (const frame of opened.page.frames().slice(1)) byId[await (await frame.frameElement()).evaluate((f) => f.id)] = frame;
      const detail = await firstReady(byId.default);
      assert.equal(detail.facilities, BUNDLED.facilities);
      await opened.page.waitForFunction(() => (window.__messages ?? []).filter((m) => m['prison-map-height'] !== undefined).length >= 2, { timeout: 20_000 });
      const messages = await opened.page.evaluate(() => window.__messages);
      assert.ok(messages.some((m) => m['prison-map-height'] === 480), `default height posted: ${JSON.stringify(messages)}`);
      assert.ok(messages.some((m) => m['prison-map-height'] === 300), `?height=300 posted: ${JSON.stringify(messages)}`);
      assert.ok(messages.some((m) => m['datawrapper-height']?.Ab12x === 480), `Datawrapper format with ?id: ${JSON.stringify(messages)}`);

      const configured = await byId.default.$eval('prison-map', (el) => ({
        lang: el.getAttribute('lang'), focusOn: el.getAttribute('focus-on'), noAnimation: el.hasAttribute('no-animation'),
        noLegend: el.hasAttribute('no-legend'), theme: el.hasAttribute('theme'), htmlLang: document.documentElement.lang,
      }));
      assert.deepEqual(configured, { lang: 'es', focusOn: 'SLV', noAnimation: true, noLegend: true, theme: false, htmlLang: 'es' });

      const injected = await byId.tall.$eval('prison-map', (el) => ({
        label: el.getAttribute('label'), theme: el.getAttribute('theme'), images: document.querySelectorAll('img').length,
        height: el.getBoundingClientRect().height,
      }));
      assert.deepEqual(injected, { label: '<img src=x onerror=alert(1)>', theme: 'dark', images: 0, height: 300 });

      // The parent resizes the iframe to the posted height; the posted height follows the content.
      await byId.tall.evaluate(() => document.querySelector('prison-map').style.setProperty('--prison-map-height', '350px'));
      await opened.page.waitForFunction(() => window.__messages.some((m) => m['prison-map-height'] === 350), { timeout: 10_000 });
    } finally {
      await opened.close();
      await server.close();
    }
  });
});
