import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** The command draws Natural Earth 50m only: the 10m set (5.6 MB) is left out of the package. */
function withoutTenMetre(): Plugin {
  const id = '\0prison-map:no-10m';
  return {
    name: 'prison-map:cli-without-10m',
    enforce: 'pre',
    resolveId: (source) => (source === 'world-atlas/countries-10m.json' ? id : undefined),
    load: (source) => (source === id ? 'throw new Error("Natural Earth 10m is not part of the prison-map command");' : undefined),
  };
}

/**
 * The `prison-map render` command (src/cli/prison-map.ts) as `dist/cli/prison-map.js`: Vite's SSR
 * (library) build for Node, with everything it imports bundled — the parsers, model, renderer, d3,
 * turf, the country table and Natural Earth's countries (world-atlas, in a chunk of its own beside
 * it) and the bundled dataset — so it runs from the packed package, which has no runtime
 * dependencies. The one import left outside is `@resvg/resvg-js`, an optional peer dependency
 * loaded only for a PNG.
 */
export default defineConfig({
  // No basemap archive, no pages: only the command.
  publicDir: false,
  plugins: [withoutTenMetre()],
  resolve: {
    // i18n-iso-countries' Node entry requires every language's file at run time; its browser entry
    // (the one the element bundles) takes the two languages the map registers.
    alias: [{ find: /^i18n-iso-countries$/, replacement: fileURLToPath(new URL('node_modules/i18n-iso-countries/index.js', import.meta.url)) }],
  },
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'src/cli/prison-map.ts',
    outDir: 'dist/cli',
    emptyOutDir: false,
    target: 'node20',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      external: ['@resvg/resvg-js', /^node:/],
      output: {
        entryFileNames: 'prison-map.js',
        chunkFileNames: '[name]-[hash].js',
        banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''),
      },
    },
  },
});
