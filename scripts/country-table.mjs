// Writes src/geo/country-table.json: each country's anchor, area and framing bounds, from Natural
// Earth 50m (src/geo/countries.ts `countryTableOf`). Run again after changing how anchors are
// chosen; the "country table" test in test/basemap-archive.test.ts fails until the file agrees
// with the code.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, withSourceModule } from './source-module.mjs';

const table = await withSourceModule('/src/geo/countries.ts', async ({ countryTableOf, loadCountries }) => countryTableOf(await loadCountries('50m')));
const lines = Object.entries(table).map(([iso3, row]) => `  ${JSON.stringify(iso3)}: ${JSON.stringify(row)}`);
writeFileSync(join(ROOT, 'src/geo/country-table.json'), `{\n${lines.join(',\n')}\n}\n`);
console.log(`src/geo/country-table.json: ${lines.length} countries`);
