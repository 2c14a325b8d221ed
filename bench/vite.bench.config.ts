import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { basemapArchive } from '../scripts/vite-plugin-basemap.mjs';

/** Production builds of the bench pages, so figures describe what readers download and run. */
export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  base: './',
  logLevel: 'warn',
  plugins: [basemapArchive()],
  build: {
    outDir: resolve(import.meta.dirname, '.dist'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      input: {
        ours: resolve(import.meta.dirname, 'pages/first-frame-ours.html'),
        bare: resolve(import.meta.dirname, 'pages/first-frame-bare.html'),
        lazy: resolve(import.meta.dirname, 'pages/before-map.html'),
        tap: resolve(import.meta.dirname, 'pages/tap-to-ready.html'),
      },
    },
  },
});
