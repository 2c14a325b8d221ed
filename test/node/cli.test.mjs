// `prison-map render` (issue 28): the map from the command line, with no browser. The command is
// built as `npm run build` builds it (test/node/support.mjs buildCli) into a temporary folder and
// run with Node.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { execFile } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, repo, temporaryFolder } from './support.mjs';

let cli;
/** A copy of the command where `@resvg/resvg-js` cannot be found (a project that did not install it). */
let bareCli;
let work;

before(async () => {
  const folder = temporaryFolder('prison-map-cli-');
  await buildCli(join(folder, 'cli'));
  // The optional peer dependency resolves from the project's node_modules, as in an app that installed it.
  symlinkSync(join(repo, 'node_modules'), join(folder, 'node_modules'), 'dir');
  cli = join(folder, 'cli/prison-map.js');
  const bare = temporaryFolder('prison-map-cli-bare-');
  cpSync(join(folder, 'cli'), join(bare, 'cli'), { recursive: true });
  bareCli = join(bare, 'cli/prison-map.js');
  work = temporaryFolder('prison-map-cli-out-');
});

/** Runs the command; resolves with its exit code, stdout and stderr (never rejects on a non-zero exit). */
function render(args, script = cli) {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, 'render', ...args], { cwd: work, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

/** Width and height from a PNG's IHDR chunk, after checking its signature. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('ascii'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('prison-map render', () => {
  test('draws the bundled dataset as an SVG: CECOT labelled, one circle per facility, vector only', async () => {
    const out = join(work, 'map.svg');
    const result = await render(['--out', out]);
    assert.equal(result.code, 0, result.stderr);
    const svg = readFileSync(out, 'utf8');
    assert.match(svg, /^<\?xml [^>]*\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1000"/);
    assert.match(svg, /<title>Map of prison facilities and transfers<\/title>/);
    assert.match(svg, /<desc>The map shows 5 prison facilities/);
    assert.match(svg, /<text [^>]*>CECOT<\/text>/);
    const circles = svg.match(/<circle class="facility[^"]*" data-id="[^"]+"/g) ?? [];
    assert.equal(circles.length, 5, 'every bundled facility has its circle');
    assert.equal((svg.match(/<path class="transfer"/g) ?? []).length >= 1, true);
    assert.doesNotMatch(svg, /<image|<foreignObject|<script/);
    assert.match(svg, /Sources: [^<]+\. Basemap: Natural Earth/);
  });

  test('--lang es --out map.png writes a real PNG of the map, its legend and credit', async () => {
    const out = join(work, 'map.png');
    const result = await render(['--lang', 'es', '--theme', 'dark', '--width', '640', '--height', '400', '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    const size = pngSize(readFileSync(out));
    assert.equal(size.width, 640);
    assert.ok(size.height > 400, `the legend and credit under the 400 px map (${size.height})`);
  });

  test('a CSV with bad rows: its row and field messages on stderr, the rest drawn, exit code 0', async () => {
    const out = join(work, 'bad-rows.svg');
    const result = await render(['--facilities', join(repo, 'test/fixtures/facilities-bad-row.csv'), '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    // The parsers' own messages, as the element's `issues` and console give them (describeIssue).
    assert.match(result.stderr, /^facilities row 3, field capacity: capacity must be a number, got "lots"; capacity left unknown$/m);
    assert.match(result.stderr, /^facilities row 4, field sources\[0\]: source url must start with http:\/\/ or https:\/\//m);
    const svg = readFileSync(out, 'utf8');
    assert.match(svg, /data-id="alpha"/);
  });

  test('a dataset that cannot be read at all: exit code 1 and a message naming it', async () => {
    const result = await render(['--facilities', join(work, 'missing.csv'), '--out', join(work, 'none.svg')]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /facilities: cannot read .*missing\.csv: no such file/);
    assert.match(result.stderr, /nothing to draw/);
  });

  test('a wrong option value is a usage error (exit code 2)', async () => {
    const result = await render(['--lang', 'fr', '--out', join(work, 'x.svg')]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--lang must be en or es/);
  });

  test('without node_modules: an SVG still (everything is bundled); a PNG exits 1 naming @resvg/resvg-js and how to install it', async () => {
    const svg = await render(['--out', join(work, 'bare.svg')], bareCli);
    assert.equal(svg.code, 0, svg.stderr);
    assert.match(readFileSync(join(work, 'bare.svg'), 'utf8'), /<text [^>]*>CECOT<\/text>/);
    const result = await render(['--out', join(work, 'no-resvg.png')], bareCli);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /@resvg\/resvg-js/);
    assert.match(result.stderr, /npm install @resvg\/resvg-js/);
  });

  test('data text never becomes markup', async () => {
    const facilities = join(work, 'evil.csv');
    writeFileSync(facilities, 'id,name,country,capacity,status,lat,lon\nevil,"<script>alert(1)</script> & ""Co""",SLV,3000,operational,13.5,-88.8\n');
    const out = join(work, 'evil.svg');
    const result = await render(['--facilities', facilities, '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    const svg = readFileSync(out, 'utf8');
    assert.doesNotMatch(svg, /<script/);
    assert.match(svg, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;Co&quot;/);
  });
});
