// Which folder of src/ may import which (`npm run lint:imports`, part of `npm test`). The layers,
// lowest first: data/ (parse and validate) and shared/ (scheduling, timing, events); geo/, i18n/,
// encodings/ and model/, all pure; render/ (the static picture's geometry and the SVG document,
// DOM-free: the element's no-WebGL picture and SVG export and the `prison-map render` command
// draw it); then map/ (MapLibre) and ui/ (Lit templates), which only the element, its controllers
// and the pipeline put together. build/ runs at build time only; cli/ is the command (Node).
//
// TypeScript is read by @swc/core: dependency-cruiser 17 reads TypeScript through the `typescript`
// package only up to 6.x (this project's is 7); without a parser it skips every .ts file of a
// folder and passes. `npm run lint:imports` names src/index.ts besides src/ so that, should swc be
// missing, the rule `typescript-is-read` fails instead. swc does not tell type-only imports apart:
// `import type` counts like any import here.

/** A forbidden import: from a module matching `from` to one matching `to`. */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    forbid('pure-layers-not-to-map-or-ui',
      'data/, model/, encodings/, geo/, i18n/, shared/, render/, build/ and cli/ know nothing of MapLibre or Lit templates: the element and its controllers wire map/ and ui/ to them.',
      { path: '^src/(data|model|encodings|geo|i18n|shared|render|build|cli)/' }, { path: '^src/(map|ui)/' }),
    forbid('render-below-the-element',
      'render/ draws from the pure layers only (geo/, model/, encodings/, i18n/, shared/, data/ types): never the element, its controllers or the pipeline, so it runs in Node without a DOM.',
      { path: '^src/render/' }, { path: '^src/', pathNot: '^src/(render|geo|model|encodings|i18n|shared|data)/' }),
    forbid('pure-layers-not-to-render',
      'render/ sits above the pure layers: they never import it (ui/, the element and cli/ do).',
      { path: '^src/(data|model|encodings|geo|i18n|shared|build)/' }, { path: '^src/render/' }),
    forbid('map-and-ui-apart',
      'map/ and ui/ never import each other: each reads the model. ($1 is the folder the import is in.)',
      { path: '^src/(map|ui)/' }, { path: '^src/(map|ui)/', pathNot: '^src/$1/' }),
    forbid('runtime-not-to-build',
      'src/build/ runs under Node at build time (scripts/vite-plugin-basemap.mjs); the element never loads it.',
      { path: '^src/', pathNot: '^src/build/' }, { path: '^src/build/' }),
    forbid('data-and-shared-are-lowest',
      'data/ and shared/ import no other layer (shared/events.ts names the DataIssue type of data/types.ts).',
      { path: '^src/(data|shared)/' }, { path: '^src/', pathNot: '^src/(data|shared)/' }),
    forbid('no-circular',
      'No module reaches itself through its imports. Known cycles are listed in .dependency-cruiser-known-violations.json.',
      { path: '^src/' }, { circular: true }),
  ],
  required: [
    {
      name: 'typescript-is-read',
      comment: 'src/index.ts imports the element; if that is not seen, no TypeScript parser read src/.',
      severity: 'error',
      module: { path: '^src/index\\.ts$' },
      to: { path: '^src/prison-map\\.ts$' },
    },
  ],
  options: {
    parser: 'swc',
    includeOnly: '^src/',
  },
};
