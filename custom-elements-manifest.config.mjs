// `npm run analyze`: the Custom Elements Manifest (custom-elements.json), and from it the types
// that make <prison-map> known to React's JSX, Vue's templates and Svelte's markup
// (dist/types/frameworks/{react,vue,svelte}.d.ts, exported as prison-map/react, /vue, /svelte).
// The manifest is committed and shipped, and documents the public element only: the package's
// entry (src/index.ts) and the element's declaration, with the attributes and properties it
// inherits from src/prison-map-properties.ts resolved into it; no internal module. The test run
// fails when this would write anything else than the committed file
// (test/node/manifest-current.test.mjs). The generators (custom-element-*-integration) write the
// element's attributes, properties and events from the manifest. Around them, this file adds
// only what they leave out: each framework's namespace to pick the types up, and Svelte 5's
// attribute-style properties and handlers (`onprison-map-select`; the Svelte generator writes
// Svelte 4's `on:` and `bind:`).
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

/** The package's entry: what `import 'prison-map'` runs. */
const ENTRY = 'src/index.ts';

/**
 * The manifest of the public element only. The analyzer reads every module of src/ (so that it
 * resolves what the element inherits, whatever module that comes from) and, once it has applied
 * inheritance (its own package-link step runs before the plugins'), this keeps:
 * - the module of each custom element, with only the element's declaration and its exports;
 * - in the declaration, only the public members (no private or protected field or method, no
 *   static), with what comes from the internal superclass presented as the element's own (no
 *   `superclass` or `inheritedFrom` naming a module that is not in the manifest);
 * - the entry, with only its exports of the element and its definition (its `export type`s are
 *   TypeScript's, in dist/types/index.d.ts, not JavaScript exports); each reference names the
 *   module that declares the element.
 * Modules are in path order: the analyzer lists them in the order files are read, which varies
 * between runs.
 */
function publicElementOnly() {
  return {
    name: 'prison-map:public-element-only',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const elementModules = manifest.modules.filter((m) => (m.declarations ?? []).some(isCustomElement));
      const elements = new Map();
      for (const module of elementModules) {
        module.declarations = module.declarations.filter(isCustomElement).map(publicDeclaration);
        for (const declaration of module.declarations) elements.set(declaration.name, module.path);
      }
      const entry = manifest.modules.find((m) => m.path === ENTRY);
      if (!entry) throw new Error(`the analyzer read no ${ENTRY}`);
      const kept = [...new Set([entry, ...elementModules])];
      for (const module of kept) {
        module.exports = (module.exports ?? []).filter((e) => elements.has(e.declaration?.name))
          .map((e) => ({ ...e, declaration: { name: e.declaration.name, module: elements.get(e.declaration.name) } }));
      }
      manifest.modules = kept.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

function isCustomElement(declaration) {
  return declaration.kind === 'class' && declaration.customElement === true && Boolean(declaration.tagName);
}

const isPublic = (member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected';

function publicDeclaration(declaration) {
  const { superclass: _superclass, ...rest } = declaration;
  const own = ({ inheritedFrom: _inheritedFrom, ...item }) => item;
  return {
    ...rest,
    ...(rest.members && { members: rest.members.filter(isPublic).map(own) }),
    ...(rest.attributes && { attributes: rest.attributes.map(own) }),
    ...(rest.events && { events: rest.events.map(own) }),
    ...(rest.cssProperties && { cssProperties: rest.cssProperties.map(own) }),
    ...(rest.cssParts && { cssParts: rest.cssParts.map(own) }),
    ...(rest.slots && { slots: rest.slots.map(own) }),
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  // `customElements` is in package.json already; the analyzer would rewrite the file (and with
  // `--outdir`, point it at that folder).
  packagejson: false,
  plugins: [publicElementOnly(), frameworkTypes()],
};
