// The repository explains itself: its sources, tests, bench and scripts cite README.md (the
// element's API reference), never a document kept outside the repository, which a reader of a
// clone or of the package does not have.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { repo, run } from './support.mjs';

const FOLDERS = ['src', 'test', 'bench', 'scripts'];
/** Written so that this file does not match them itself. */
const CONTRACT_DOC = /CONTRACT\.md/;
/** The folder `shared` beside the checkout, reached by one or more `..` segments and then `shared/`. */
const SHARED_FOLDER = /(?:\.\.\/)+shared\//g;
/**
 * The one use of the folder beside the checkout that is not a citation: the source articles of
 * the bundled data (its seeds/ folder, beside every clone CI makes), which the ledger test reads
 * where present to check that the committed fingerprints are current. These files may name it.
 */
const SOURCE_ARTICLES = {
  folder: ['..', 'shared', 'seeds'].join('/'),
  readers: ['scripts/article-fingerprints.mjs', 'test/data-ledger.test.ts', 'test/support/source-articles-plugin.mjs'],
};

test('no tracked file under src/, test/, bench/ or scripts/ refers to a document outside the repository', async () => {
  const { stdout } = await run('git', ['ls-files', '-z', '--', ...FOLDERS], { cwd: repo, maxBuffer: 16 * 1024 * 1024 });
  const files = stdout.split('\0').filter(Boolean);
  assert.ok(files.length > 100, `git lists the tracked files (${files.length})`);
  const found = [];
  for (const file of files) {
    // A tracked file deleted in the working tree (not yet committed) has nothing to read.
    if (!existsSync(join(repo, file))) continue;
    const lines = readFileSync(join(repo, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      const where = `${file}:${i + 1}: ${line.trim()}`;
      if (CONTRACT_DOC.test(line)) found.push(where);
      const outside = [...line.matchAll(SHARED_FOLDER)].filter((match) => {
        // A relative import of a folder of the repository named `shared` (src/shared/) is not outside.
        const folder = join(repo, dirname(file), match[0]);
        if (!relative(repo, folder).startsWith('..') && existsSync(folder)) return false;
        return !(SOURCE_ARTICLES.readers.includes(file) && line.startsWith(SOURCE_ARTICLES.folder, match.index));
      });
      if (outside.length > 0) found.push(where);
    });
  }
  assert.equal(found.join('\n'), '', 'cite README.md (its section) instead');
});
