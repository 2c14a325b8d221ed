// Writes src/geo/country-table.json: each country's anchor, area and framing bounds, from Natural
// Earth 50m (src/geo/countries.ts `countryTableOf`). Run again after changing how anchors are
// chosen; test/country-table.test.ts fails until the file agrees with the code.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer } from 'vite';

const root = resolve(import.meta.dirname, '..');
const server = await createServer({
  configFile: false, root, logLevel: 'warn', appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
try {
  const { countryTableOf, loadCountries } = await server.ssrLoadModule('/src/geo/countries.ts');
  const table = countryTableOf(await loadCountries('50m'));
  const lines = Object.entries(table).map(([iso3, row]) => `  ${JSON.stringify(iso3)}: ${JSON.stringify(row)}`);
  writeFileSync(join(root, 'src/geo/country-table.json'), `{\n${lines.join(',\n')}\n}\n`);
  console.log(`src/geo/country-table.json: ${lines.length} countries`);
} finally {
  await server.close();
}
