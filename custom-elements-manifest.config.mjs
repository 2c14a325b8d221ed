// `npm run analyze`: the Custom Elements Manifest (custom-elements.json), and from it the types
// that make <prison-map> known to React's JSX, Vue's templates and Svelte's markup
// (dist/types/frameworks/{react,vue,svelte}.d.ts, exported as prison-map/react, /vue, /svelte).
// The generators (custom-element-*-integration) write the element's attributes, properties and
// events from the manifest. Around them, this file adds only what they leave out: each
// framework's namespace to pick the types up, and Svelte 5's attribute-style properties and
// handlers (`onprison-map-select`; the Svelte generator writes Svelte 4's `on:` and `bind:`).
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { generateSvelteTypes } from 'custom-element-svelte-integration';

/** Where the framework types go; the end-to-end tests build the package elsewhere. */
const outdir = process.env.PRISON_MAP_FRAMEWORK_TYPES_DIR ?? 'dist/types/frameworks';
// Paths in the generated files are relative to `outdir`: the element's declarations (tsc's output).
const shared = { outdir, globalTypePath: '../index.js', hideLogs: true };

const isElement = (declaration) => declaration.tagName === 'prison-map';

/**
 * The manifest as the generators should read it: without read-only members (`map`, `issues`…),
 * which the generators would otherwise offer as settable props.
 */
function settableOnly(manifest) {
  const copy = structuredClone(manifest);
  for (const element of copy.modules.flatMap((m) => m.declarations ?? []).filter(isElement)) {
    element.members = (element.members ?? []).filter((member) => !member.readonly);
  }
  return copy;
}

/** Svelte 5 binds properties and `on<event>` handlers as plain attributes: both from the manifest. */
function svelte5Props(manifest) {
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find(isElement);
  const properties = (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.attribute
    && m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('_'));
  return [
    ...properties.map((p) => `/** ${p.description ?? ''} */\n"${p.name}"?: ${element.name}['${p.name}'];`),
    ...(element.events ?? []).map((e) => `/** ${e.description ?? ''} */\n"on${e.name}"?: (e: CustomEvent<${e.type?.text ?? 'never'}>) => void;`),
  ].join('\n');
}

function frameworkTypes() {
  return {
    name: 'prison-map:framework-types',
    packageLinkPhase({ customElementsManifest }) {
      const manifest = settableOnly(customElementsManifest);
      generateJsxTypes(manifest, { ...shared, fileName: 'react.d.ts' });
      appendFileSync(join(outdir, 'react.d.ts'), `
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`);
      // Declares `declare module "vue" { interface GlobalComponents }` itself.
      generateVuejsTypes(manifest, { ...shared, fileName: 'vue.d.ts' });
      generateSvelteTypes(manifest, { ...shared, fileName: 'svelte.d.ts', globalEvents: svelte5Props(manifest) });
      // The generator's `declare namespace svelteHTML` is local to its module file: augment the global one.
      appendFileSync(join(outdir, 'svelte.d.ts'), `
declare global {
  namespace svelteHTML {
    interface IntrinsicElements extends CustomElements {}
  }
}
`);
    },
  };
}

/** Modules in path order: the analyzer lists them in the order files are read, which varies between runs. */
function stableModuleOrder() {
  return {
    name: 'prison-map:stable-module-order',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  plugins: [stableModuleOrder(), frameworkTypes()],
};
