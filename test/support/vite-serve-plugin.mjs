// Serves the test modules through Vite (in middleware mode) so tests run the same module graph as
// the build: TypeScript, `?url`, `?inline`, `?raw` and JSON imports. The test runner's own routes
// (its HTML page, its web socket, its scripts) are left to it.
import { createServer } from 'vite';

const RUNNER_PATHS = ['/__web-dev-server', '/__web-test-runner', '/__wds'];
const RUNNER_SOCKET = '/__web-dev-server__web-socket.js';

/** Returns a Koa middleware (for the config's `middleware`, which runs before static files) and a plugin that closes Vite. */
export function viteServe(config = {}) {
  let vitePromise;
  const vite = () => (vitePromise ??= createServer({
    ...config,
    configFile: false,
    clearScreen: false,
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { exclude: ['@web/test-runner-commands'], ...(config.optimizeDeps ?? {}) },
    plugins: [
      ...(config.plugins ?? []),
      {
        name: 'test-runner-socket',
        resolveId(id) {
          return id === RUNNER_SOCKET ? { id, external: true } : undefined;
        },
      },
    ],
  }));
  const middleware = async (ctx, next) => {
    if (ctx.path === '/' || RUNNER_PATHS.some((p) => ctx.path.startsWith(p))) return next();
    const server = await vite();
    const handled = await new Promise((resolve) => {
      ctx.res.once('finish', () => resolve(true));
      server.middlewares(ctx.req, ctx.res, () => resolve(false));
    });
    if (handled) ctx.respond = false;
    else await next();
  };
  const plugin = {
    name: 'vite-serve',
    async serverStop() {
      if (vitePromise) await (await vitePromise).close();
    },
  };
  return { middleware, plugin };
}
