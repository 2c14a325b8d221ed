// The repository's `tsc` is the TypeScript of package.json (7), not the TypeScript 6 that comes
// with `@typescript/typescript6`. That package gives rollup-plugin-dts (scripts/build-types.mjs)
// the compiler API TypeScript 7 does not have, through its dependency `@typescript/old`
// (typescript@6), whose `tsc` npm would link as node_modules/.bin/tsc: npm links conflicting bins
// in path order and `@typescript/old` sorts before `typescript`. So package.json also installs
// TypeScript 7 as `@prison-map/tsc`, which sorts first: it must stay the same version as `typescript`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repo, run } from './support.mjs';

test("node_modules/.bin/tsc (npm test's and npx's tsc) is package.json's TypeScript", async () => {
  const { devDependencies } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  assert.equal(devDependencies['@prison-map/tsc'], `npm:typescript@${devDependencies.typescript}`, 'the same version under both names');
  const { version } = JSON.parse(readFileSync(join(repo, 'node_modules/typescript/package.json'), 'utf8'));
  const { stdout } = await run(join(repo, 'node_modules/.bin/tsc'), ['--version']);
  assert.equal(stdout.trim(), `Version ${version}`);
});
