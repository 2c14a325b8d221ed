import { defineConfig } from 'vite';

/**
 * `dist/prison-map-steps.js`: the optional script a host page includes to forward its story steps
 * to an iframe embed. One self-contained ES module (about 1 KB gzipped), built after the main build
 * into the same `dist/`.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    lib: { entry: 'src/story/steps-helper.ts', formats: ['es'], fileName: () => 'prison-map-steps.js' },
  },
});
