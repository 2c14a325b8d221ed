// `npm run analyze`: the Custom Elements Manifest (custom-elements.json), and from it the types
// that make <prison-map> known to React's JSX, Vue's templates and Svelte's markup
// (dist/types/frameworks/{react,vue,svelte}.d.ts, exported as prison-map/react, /vue, /svelte).
// The generators write the element's attributes, properties and events from the manifest; the
// plugin at the end adds what each framework needs to pick the types up (its namespace), and
// Svelte 5's attribute-style handlers (`onprison-map-select`), which the Svelte generator (written
// for Svelte 4's `on:` and `bind:`) does not produce.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { customElementSveltePlugin } from 'custom-element-svelte-integration';

/** Where the framework types go; the end-to-end tests build the package elsewhere. */
const outdir = process.env.PRISON_MAP_FRAMEWORK_TYPES_DIR ?? 'dist/types/frameworks';
// Paths in the generated files are relative to `outdir`: the element's declarations (tsc's output).
const shared = { outdir, globalTypePath: '../index.js', hideLogs: true };

/** Svelte 5 binds properties and `on<event>` handlers as plain attributes: both from the manifest. */
function svelte5Props(manifest) {
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'prison-map');
  const properties = (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.attribute && !m.readonly && m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('_'));
  return [
    ...properties.map((p) => `/** ${p.description ?? ''} */\n"${p.name}"?: ${element.name}['${p.name}'];`),
    ...(element.events ?? []).map((e) => `/** ${e.description ?? ''} */\n"on${e.name}"?: (e: CustomEvent<${e.type?.text ?? 'never'}>) => void;`),
  ].join('\n');
}

function frameworkNamespaces() {
  return {
    name: 'prison-map:framework-namespaces',
    packageLinkPhase() {
      appendFileSync(join(outdir, 'react.d.ts'), `
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`);
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

const svelteOptions = { ...shared, fileName: 'svelte.d.ts' };

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  plugins: [
    {
      name: 'prison-map:svelte-5-props',
      packageLinkPhase({ customElementsManifest }) {
        // The Svelte generator reads `globalEvents` when it runs, just after this plugin.
        svelteOptions.globalEvents = svelte5Props(customElementsManifest);
      },
    },
    customElementJsxPlugin({ ...shared, fileName: 'react.d.ts' }),
    customElementVuejsPlugin({ ...shared, fileName: 'vue.d.ts' }),
    customElementSveltePlugin(svelteOptions),
    frameworkNamespaces(),
  ],
};
