// Tests run in a real Chromium (SwiftShader WebGL) against a Vite dev server, so they exercise the
// same module graph (`?url`, `?inline`, JSON imports) as the build.
import { existsSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { viteServe } from './test/support/vite-serve-plugin.mjs';
import { requestLogPlugin, recordRequests } from './test/support/request-log-plugin.mjs';
import { sourceArticlesMiddleware } from './test/support/source-articles-plugin.mjs';
import { figuresPlugin } from './test/support/figures-plugin.mjs';
import { basemapArchive } from './scripts/vite-plugin-basemap.mjs';
import { delayMiddleware } from './test/support/delay-middleware.mjs';

/** The machine's Chrome/Chromium if it has one (CHROME_PATH first), else the one inside @sparticuz/chromium. */
async function chromePath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  const found = candidates.find((path) => path && existsSync(path));
  if (found) return found;
  const { default: chromium } = await import('@sparticuz/chromium');
  return chromium.executablePath();
}

export const chromeArgs = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // window.gc() for the leak test's heap figures.
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
  // The page may not reach anything but the test server; the request log below proves it.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

const executablePath = await chromePath();
const vite = viteServe({ logLevel: 'warn', plugins: [basemapArchive()] });

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: false,
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 20 * 60 * 1000,
  testFramework: { config: { timeout: 30000 } },
  browserStartTimeout: 120000,
  middleware: [delayMiddleware(), sourceArticlesMiddleware(), vite.middleware],
  plugins: [vite.plugin, requestLogPlugin(), figuresPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: chromeArgs },
      createPage: async ({ context }) => {
        const page = await context.newPage();
        recordRequests(page);
        return page;
      },
    }),
  ],
};
