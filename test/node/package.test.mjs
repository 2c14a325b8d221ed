// The npm package as a user gets it: `npm pack`, installed offline into an empty project, and
// loaded from node_modules by a plain HTML page with no bundler, and by an app whose bundler
// (Vite) re-bundles it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'vite';
import { launchBrowser, serveStatic } from '../../bench/support.mjs';
import { declarationReferences } from '../../scripts/build-types.mjs';
import {
  appWithPackage, firstReady, installPackage, openPage, packPackage, quiet, repo, run, strayRequests, writeFiles,
} from './support.mjs';

let project;
let browser;

before(async () => {
  // The package is staged outside the working tree so the test neither needs nor touches dist/.
  project = await installPackage(await packPackage());
  writeFiles(project, {
    'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story</title>
<script type="module" src="./node_modules/prison-map/dist/prison-map.js"></script></head>
<body><h1>Story</h1><prison-map loading="eager"></prison-map></body></html>`,
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the package holds the element, its types, the manifest and the iframe page, and not the demo', () => {
  const installed = join(project, 'node_modules/prison-map');
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.dependencies ?? {}, {}, 'no runtime dependencies: dist/ is self-contained');
  assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.')), ['prison-map'], 'installing it installs nothing else');
  const frameworkTypes = ['./react', './vue', './svelte'].map((entry) => manifest.exports[entry].types);
  for (const path of [manifest.exports['.'].default, manifest.exports['.'].types, manifest.types, manifest.module, manifest.customElements, ...frameworkTypes, 'dist/embed.html', 'LICENSE', 'README.md']) {
    assert.ok(existsSync(join(installed, path)), `${path} is in the package`);
  }
  assert.match(readFileSync(join(installed, manifest.types), 'utf8'), /PrisonMapElement/);
  assert.ok(!existsSync(join(installed, 'dist/index.html')), 'the demo page is not in the package');
  assert.ok(!existsSync(join(installed, 'src')), 'sources are not in the package');
});

test('the declarations refer only to files of the package, and the framework entries to their framework', () => {
  const installed = join(project, 'node_modules/prison-map');
  const declarations = filesBelow(join(installed, 'dist')).filter((file) => file.endsWith('.d.ts')).sort();
  assert.deepEqual(declarations, ['types/frameworks/react.d.ts', 'types/frameworks/svelte.d.ts', 'types/frameworks/vue.d.ts', 'types/index.d.ts'],
    'one bundled index.d.ts and the three framework entries');
  const frameworks = { 'types/frameworks/react.d.ts': ['react'], 'types/frameworks/vue.d.ts': ['vue'] };
  for (const file of declarations) {
    const path = join(installed, 'dist', file);
    const stray = declarationReferences(readFileSync(path, 'utf8')).filter((reference) => (reference.startsWith('.')
      ? !existsSync(join(dirname(path), reference.replace(/\.js$/, '.d.ts')))
      : !(frameworks[file] ?? []).includes(reference)));
    assert.deepEqual(stray, [], `${file} refers to nothing the package does not install`);
  }
});

test('a plain page loads the installed package with no bundler and draws the bundled data', async () => {
  const server = await serveStatic(project);
  const opened = await openPage(browser, `${server.origin}/index.html`);
  try {
    const detail = await firstReady(opened.page.mainFrame());
    assert.equal(detail.facilities, 5);
    assert.equal(detail.transfers, 4);
    // Everything comes from the installed package: no other node_modules folder, nothing off-site.
    assert.deepEqual(strayRequests(opened.requests, server.origin, { allowNodeModules: '/node_modules/prison-map/dist/' }), []);
    assert.ok(!opened.requests.some((url) => url.includes(repo)), 'nothing from the repository');
    assert.deepEqual(opened.pageErrors, []);
  } finally {
    await opened.close();
    await server.close();
  }
});

/** Every file below `folder`, as paths relative to it. */
function filesBelow(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

/** `//# sourceMappingURL=` references in the scripts below `folder` that name no file there. */
function danglingSourceMaps(folder) {
  const files = filesBelow(folder);
  return files.filter((file) => /\.m?js$/.test(file)).flatMap((file) => {
    const reference = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(folder, file), 'utf8'))?.[1];
    if (!reference || reference.startsWith('data:')) return [];
    return existsSync(join(folder, dirname(file), reference)) ? [] : [`${file} -> ${reference}`];
  });
}

test('every source map a script of the package refers to is in the package', () => {
  assert.deepEqual(danglingSourceMaps(join(project, 'node_modules/prison-map/dist')), []);
});

test('an app that re-bundles the package with Vite loads with no failed request and no console error', async () => {
  writeFiles(project, {
    'app/index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title>
<script type="module" src="./main.js"></script></head>
<body><h1>App</h1><prison-map loading="eager"></prison-map></body></html>`,
    'app/main.js': "import 'prison-map';\n",
  });
  const out = join(project, 'app-dist');
  await build({ root: join(project, 'app'), configFile: false, logLevel: 'warn', build: { outDir: out, emptyOutDir: true, chunkSizeWarningLimit: 4000 } });
  assert.deepEqual(danglingSourceMaps(out), [], 'the re-bundled worker refers to no missing source map');
  const server = await serveStatic(out);
  const opened = await openPage(browser, `${server.origin}/index.html`);
  try {
    const detail = await firstReady(opened.page.mainFrame());
    assert.equal(detail.facilities, 5);
    // Late requests (tiles, labels, preloads of chunks not used yet) have answered, or failed.
    await quiet(opened);
    assert.deepEqual(opened.failed, [], 'no request failed');
    assert.deepEqual(opened.console.filter((line) => line.startsWith('error')), [], 'no console error');
    assert.deepEqual(opened.pageErrors, []);
    assert.deepEqual(strayRequests(opened.requests, server.origin), []);
  } finally {
    await opened.close();
    await server.close();
  }
});

/**
 * Type-checks `source` (tsc --strict) in a project holding a copy of the installed package and
 * links to this repository's copies of the framework packages in `links` (installing a framework
 * is not what is tested). Resolves with tsc's output when it fails.
 */
async function typeCheck(name, links, fileName, source, { extraFiles = [] } = {}) {
  const app = appWithPackage(project, join(project, name), links);
  writeFiles(app, {
    'tsconfig.json': JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, jsx: 'react-jsx', module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], skipLibCheck: true, types: [] },
      files: [...extraFiles, fileName],
    }),
    [fileName]: source,
  });
  const checked = await run(join(repo, 'node_modules/.bin/tsc'), ['-p', app]).catch((error) => error);
  return checked.code ? `${checked.stdout}${checked.stderr}` : '';
}

test('React JSX: <prison-map> type-checks with the package\'s generated types, handlers receive the typed detail', async () => {
  const errors = await typeCheck('react-app', ['@types/react', 'csstype'], 'app.tsx', `import type {} from 'prison-map/react';
import 'prison-map';
import type { FacilitiesInput, PrisonMapSelectDetail } from 'prison-map';

export function Map({ data, onSelect }: { data: FacilitiesInput; onSelect: (detail: PrisonMapSelectDetail) => void }) {
  return (
    <prison-map lang="es" focus-on="SLV" theme="dark" no-legend facilitiesData={data} transfersData={[]}
      onprison-map-ready={(e) => { const drawn: number = e.detail.facilities + e.detail.transfers; console.log(drawn, e.detail.issues.length); }}
      onprison-map-select={(e) => onSelect(e.detail)}
      onprison-map-error={(e) => console.log(e.detail.source, e.detail.message)} />
  );
}

// @ts-expect-error the ready event's detail is PrisonMapReadyDetail, not a string
export const wrongHandler = <prison-map onprison-map-ready={(e: CustomEvent<string>) => e.detail.length} />;
// @ts-expect-error theme is 'light' | 'dark' | 'auto'
export const wrongTheme = <prison-map theme="blue" />;
// @ts-expect-error facilitiesData takes GeoJSON, not a number
export const wrongData = <prison-map facilitiesData={42} />;
// @ts-expect-error map is read-only: not a prop
export const readOnly = <prison-map map={undefined} />;
export const booleanOff = <prison-map no-legend={false} no-animation={false} />;
`);
  assert.equal(errors, '', 'tsc --strict');
});

test('Vue: prison-map/vue declares <prison-map> in GlobalComponents with typed props and handlers', async () => {
  const errors = await typeCheck('vue-app', ['vue', '@vue'], 'app.ts', `import type {} from 'prison-map/vue';
import type { GlobalComponents } from 'vue';
import type { FacilitiesInput } from 'prison-map';

type Props = InstanceType<GlobalComponents['prison-map']>['$props'];
declare const data: FacilitiesInput;
export const props: Props = {
  facilitiesData: data, 'no-legend': false, theme: 'dark',
  'onprison-map-ready': (e) => { const drawn: number = e.detail.facilities; console.log(drawn); },
  'onprison-map-select': (e) => console.log(e.detail.kind, e.detail.id),
};
// @ts-expect-error theme is 'light' | 'dark' | 'auto'
export const wrongTheme: Props = { theme: 'blue' };
// @ts-expect-error the ready event's detail is PrisonMapReadyDetail, not a string
export const wrongHandler: Props = { 'onprison-map-ready': (e: CustomEvent<string>) => e.detail.length };
`);
  assert.equal(errors, '', 'tsc --strict');
});

test('Svelte 5: prison-map/svelte declares <prison-map> in svelteHTML with properties and onprison-map-* handlers', async () => {
  // What svelte-check's svelte2tsx makes of <prison-map …/>: svelteHTML.createElement('prison-map', {…}).
  const errors = await typeCheck('svelte-app', ['svelte'], 'app.ts', `import type {} from 'prison-map/svelte';
import type { FacilitiesInput } from 'prison-map';

declare const data: FacilitiesInput;
svelteHTML.createElement('prison-map', {
  facilitiesData: data, 'no-legend': false, 'focus-on': 'SLV',
  'onprison-map-ready': (e) => { const drawn: number = e.detail.facilities; console.log(drawn); },
  'onprison-map-select': (e) => console.log(e.detail.kind),
});
// @ts-expect-error theme is 'light' | 'dark' | 'auto'
svelteHTML.createElement('prison-map', { theme: 'blue' });
// @ts-expect-error the select event's detail is PrisonMapSelectDetail, not a number
svelteHTML.createElement('prison-map', { 'onprison-map-select': (e: CustomEvent<number>) => e.detail.toFixed() });
`, { extraFiles: ['node_modules/svelte/svelte-html.d.ts'] });
  assert.equal(errors, '', 'tsc --strict');
});
