// Runs a TypeScript module of src/ under Node (it imports JSON and other TS modules) through a
// short-lived Vite server with no config of its own, for build-time scripts; closes the server
// when `use` is done.
import { resolve } from 'node:path';
import { createServer } from 'vite';

export const ROOT = resolve(import.meta.dirname, '..');

export async function withSourceModule(path, use) {
  const server = await createServer({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    return await use(await server.ssrLoadModule(path));
  } finally {
    await server.close();
  }
}
