// custom-elements.json is committed and shipped (editors and the framework types read it): it
// must be exactly what `npm run analyze` writes from the sources of this commit, and document the
// public element only. The analyzer runs here into a temporary folder, framework types included,
// so the test run rewrites nothing in the working tree.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { repo, run, temporaryFolder } from './support.mjs';

const COMMITTED = join(repo, 'custom-elements.json');

/** What `npm run analyze` writes, as text, without touching the working tree. */
async function analyze() {
  const out = temporaryFolder('prison-map-manifest-');
  const packageJson = readFileSync(join(repo, 'package.json'), 'utf8');
  // The analyzer joins `--outdir` to its working folder: a relative path reaches the temporary one.
  await run(join(repo, 'node_modules/.bin/custom-elements-manifest'), ['analyze', '--quiet', '--outdir', relative(repo, out)], {
    cwd: repo, env: { ...process.env, PRISON_MAP_FRAMEWORK_TYPES_DIR: join(out, 'frameworks') },
  });
  assert.equal(readFileSync(join(repo, 'package.json'), 'utf8'), packageJson, 'the analyzer left package.json alone');
  return readFileSync(join(out, 'custom-elements.json'), 'utf8');
}

test('custom-elements.json is what `npm run analyze` writes now (run it and commit the file if not)', async () => {
  const [first, second] = [await analyze(), await analyze()];
  assert.equal(second, first, 'two runs of the analyzer write the same manifest');
  const committed = readFileSync(COMMITTED, 'utf8');
  if (committed !== first) {
    const [a, b] = [committed.split('\n'), first.split('\n')];
    const line = a.findIndex((text, i) => text !== b[i]);
    assert.fail(`custom-elements.json differs from what \`npm run analyze\` writes, first at line ${line + 1}:\n`
      + `  committed: ${a[line]}\n  analyzer:  ${b[line]}\nRun \`npm run analyze\` and commit custom-elements.json.`);
  }
});

test('custom-elements.json documents the public element only: the entry and <prison-map>, with what it inherits', () => {
  const manifest = JSON.parse(readFileSync(COMMITTED, 'utf8'));
  assert.deepEqual(manifest.modules.map((m) => m.path), ['src/index.ts', 'src/prison-map.ts']);
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
  assert.deepEqual(declarations.map((d) => `${d.name} <${d.tagName}>`), ['PrisonMapElement <prison-map>']);
  const [element] = declarations;
  assert.deepEqual(element.members.filter((m) => m.static || m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name), [], 'public members only');
  // Inherited from src/prison-map-properties.ts, resolved into the element.
  for (const name of ['facilities', 'lang', 'focusOn', 'noLegend', 'facilitiesData']) {
    assert.ok(element.members.some((m) => m.name === name), `member ${name}`);
  }
  assert.equal(element.attributes.find((a) => a.name === 'focus-on')?.fieldName, 'focusOn');
  // Nothing refers to a module the manifest does not hold.
  const paths = new Set(manifest.modules.map((m) => m.path));
  const references = JSON.stringify(manifest).match(/"module":\s*"[^"]*"/g) ?? [];
  assert.deepEqual(references.filter((r) => !paths.has(JSON.parse(`{${r}}`).module)), []);
});
