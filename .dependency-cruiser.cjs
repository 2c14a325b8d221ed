// Which folder of src/ may import which (`npm run lint:imports`, part of `npm test`). The layers,
// lowest first: data/ (parse and validate) and shared/ (scheduling, timing, events); geo/, i18n/,
// encodings/ and model/, all pure; then map/ (MapLibre) and ui/ (Lit templates), which only the
// element, its controllers and the pipeline put together. build/ runs at build time only.
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
      'data/, model/, encodings/, geo/, i18n/, shared/ and build/ know nothing of MapLibre or Lit templates: the element and its controllers wire map/ and ui/ to them.',
      { path: '^src/(data|model|encodings|geo|i18n|shared|build)/' }, { path: '^src/(map|ui)/' }),
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
