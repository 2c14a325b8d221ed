import { defineConfig } from 'vite';

/**
 * One build for both the demo and the distributable element:
 * - `dist/prison-map.js` is the element (Lit and the shell only); MapLibre, its worker, the
 *   basemap data and the bundled dataset are separate files loaded when a map is first created.
 * - `base: './'` makes every file refer to the others relatively, so `dist/` works from any
 *   static host or CDN path.
 */
export default defineConfig({
  base: './',
  server: { port: 5173 },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Natural Earth 10m is one large lazily fetched asset; keep it a file rather than inlining anything.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        demo: 'index.html',
        'prison-map': 'src/index.ts',
      },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: (chunk) => (chunk.name === 'prison-map' ? 'prison-map.js' : 'assets/[name]-[hash].js'),
        chunkFileNames: 'assets/[name]-[hash].js',
        // The MapLibre worker ships beside the module, where `worker-url` docs point self-hosters.
        assetFileNames: (asset) => (asset.names?.some((n) => n.endsWith('.mjs')) ? '[name]-[hash][extname]' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
});
