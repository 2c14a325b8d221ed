#!/usr/bin/env node
// Writes seeds/article-fingerprints.json: a fingerprint of every run of 8 words of the source
// articles (kept outside the repository, in ../shared/seeds). The ledger test compares the project's
// own texts against these, so it can check that no sentence was copied from the articles on any
// machine, without the articles and without storing their text. Run again if the articles change:
//   node scripts/article-fingerprints.mjs
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fingerprint, nGrams, words } from './word-runs.mjs';

export const ARTICLE_FILES = ['000_088071770711a99c.txt', '002_705eaacf50743a69.txt'];
const RUN = 8;
const root = resolve(import.meta.dirname, '..');
const texts = await Promise.all(ARTICLE_FILES.map((file) => readFile(resolve(root, '../shared/seeds', file), 'utf8')));
const runs = new Set(texts.flatMap((text) => nGrams(words(text), RUN)));
const fingerprints = [...new Set(await Promise.all([...runs].map(fingerprint)))].sort();
await writeFile(resolve(root, 'seeds/article-fingerprints.json'), `${JSON.stringify({
  about: 'SHA-256 (first 16 hex digits) of every run of 8 words (NFC, lower case, letters and digits) of the source articles; see scripts/article-fingerprints.mjs',
  articles: ARTICLE_FILES,
  words: RUN,
  fingerprints,
}, null, 0)}\n`);
console.log(`${fingerprints.length} fingerprints of ${ARTICLE_FILES.length} articles`);
