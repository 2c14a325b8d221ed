import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { basemapArchive } from './scripts/vite-plugin-basemap.mjs';

/**
 * In the build, the demo and the iframe page load the element the way a news site does, from
 * `./prison-map.js`, instead of bundling `src/index.ts` a second time. Without this, the element
 * would sit in a chunk shared with the pages and `prison-map.js` would only re-export it (one
 * more request for every embedder), and the pages would not exercise the file users load.
 */
function pagesLoadBuiltElement(): Plugin {
  const sourceScript = /<script type="module" src="\.\/src\/index\.ts"><\/script>/;
  return {
    name: 'prison-map:pages-load-built-element',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (!sourceScript.test(html)) throw new Error(`${context.filename}: expected <script type="module" src="./src/index.ts">`);
        // `vite-ignore` leaves the tag as written: a relative URL to the entry beside the page.
        return html.replace(sourceScript, '<script type="module" src="./prison-map.js" vite-ignore></script>');
      },
    },
  };
}

/**
 * MapLibre's worker ships as MapLibre built it, ending in `//# sourceMappingURL=maplibre-gl-worker.mjs.map`:
 * a file that is not beside it in dist/ (nor beside a self-hosted copy under another name), so
 * browsers with devtools open would ask for it and get a 404. The reference is dropped; MapLibre's
 * own package has the map for anyone debugging its worker.
 */
function workerWithoutSourceMapReference(): Plugin {
  return {
    name: 'prison-map:worker-without-source-map-reference',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !/maplibre-gl-worker-[^/]*\.mjs$/.test(file.fileName)) continue;
        const text = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
        file.source = text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
      }
    },
  };
}

/**
 * One build for the distributable element, the iframe page and the demo:
 * - `dist/prison-map.js` is the element (Lit and the shell only); MapLibre, its worker, the
 *   basemap data and the bundled dataset are separate files loaded when a map is first created.
 * - `dist/embed.html` is a full-page map configured from its query string, for iframe embeds.
 * - `dist/prison-map-steps.js`, the optional host-page helper that forwards story steps to an
 *   iframe, is built on its own by `vite.steps.config.ts` (one self-contained file, no chunk shared
 *   with the element, so the element's start-up needs no extra request).
 * - MapLibre's worker ships without a reference to a source map it does not ship.
 * - The built-in basemap's PMTiles archive is written (if its inputs changed) before anything is
 *   built or served, and ships as an asset beside the chunks.
 * - `base: './'` makes every file refer to the others relatively, so `dist/` works from any
 *   static host or CDN path.
 */
/**
 * Everything `src/index.ts` imports statically goes into `prison-map.js` itself (Lit and the small
 * modules the element shares with its lazy chunks included): the element starts from one request
 * instead of a request for the entry followed by eight for its shared chunks, a chain a phone on
 * a slow network pays in round trips before the article's first paint settles.
 */
function shellModules(): (id: string, api: { getModuleInfo(id: string): { importedIds: readonly string[] } | null }) => string | undefined {
  const entry = fileURLToPath(new URL('./src/index.ts', import.meta.url));
  let shell: Set<string> | undefined;
  return (id, { getModuleInfo }) => {
    if (!shell) {
      shell = new Set();
      const visit = (module: string) => {
        if (shell!.has(module)) return;
        shell!.add(module);
        for (const imported of getModuleInfo(module)?.importedIds ?? []) visit(imported);
      };
      visit(entry);
    }
    return shell.has(id) ? 'prison-map' : undefined;
  };
}

export default defineConfig({
  base: './',
  server: { port: 5173 },
  plugins: [basemapArchive(), pagesLoadBuiltElement(), workerWithoutSourceMapReference()],
  build: {
    target: 'es2022',
    // No module-preload list: Vite's list names the lazy chunks by their paths in dist/, resolved
    // against `import.meta.url`; an app that re-bundles prison-map.js moves and renames them, and
    // every preload became a 404. The browser still fetches each chunk's imports as it parses it.
    modulePreload: false,
    sourcemap: true,
    // Natural Earth 10m is one large lazily fetched asset; keep it a file rather than inlining anything.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        demo: 'index.html',
        embed: 'embed.html',
        'prison-map': 'src/index.ts',
      },
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: (chunk) => (chunk.name === 'prison-map' ? 'prison-map.js' : 'assets/[name]-[hash].js'),
        chunkFileNames: 'assets/[name]-[hash].js',
        manualChunks: shellModules(),
        // The MapLibre worker ships beside the module, where `worker-url` docs point self-hosters.
        assetFileNames: (asset) => (asset.names?.some((n) => n.endsWith('.mjs')) ? '[name]-[hash][extname]' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
});
