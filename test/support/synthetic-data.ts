/**
 * A newsroom-sized dataset, the same for a given seed: facilities in ten countries, dense around a
 * few cities and sparse elsewhere (as real prison systems are), capacities spread over three
 * orders of magnitude with some unknown, every status; transfers between facilities and countries,
 * largest few carrying most people. For benches and large-data tests; no live data, no clock.
 */
import { randomLcg, randomLogNormal, randomNormal } from 'd3-random';
import type { FacilitiesInput, TransferInput } from '../../src/data/types.js';

/** Ten countries with a few population centres each ([lng, lat, weight]). */
const COUNTRIES: Array<{ iso3: string; centres: Array<[number, number, number]> }> = [
  { iso3: 'USA', centres: [[-118.2, 34.1, 5], [-95.4, 29.8, 4], [-87.6, 41.9, 3], [-74.0, 40.7, 4], [-84.4, 33.7, 3]] },
  { iso3: 'MEX', centres: [[-99.1, 19.4, 5], [-103.3, 20.7, 2], [-100.3, 25.7, 2]] },
  { iso3: 'BRA', centres: [[-46.6, -23.5, 5], [-43.2, -22.9, 4], [-47.9, -15.8, 2], [-38.5, -12.9, 2]] },
  { iso3: 'COL', centres: [[-74.1, 4.7, 4], [-75.6, 6.2, 2], [-76.5, 3.4, 2]] },
  { iso3: 'ARG', centres: [[-58.4, -34.6, 5], [-64.2, -31.4, 2]] },
  { iso3: 'PER', centres: [[-77.0, -12.0, 5], [-71.5, -16.4, 1]] },
  { iso3: 'ECU', centres: [[-79.9, -2.2, 3], [-78.5, -0.2, 3]] },
  { iso3: 'SLV', centres: [[-89.2, 13.7, 3]] },
  { iso3: 'HND', centres: [[-87.2, 14.1, 2], [-88.0, 15.5, 2]] },
  { iso3: 'GTM', centres: [[-90.5, 14.6, 3]] },
];
/** Worldwide: the ten above and twenty more on every inhabited continent, for views of the whole world. */
const WORLD: typeof COUNTRIES = [
  ...COUNTRIES,
  { iso3: 'CAN', centres: [[-79.4, 43.7, 3], [-123.1, 49.3, 2], [-73.6, 45.5, 2]] },
  { iso3: 'GBR', centres: [[-0.1, 51.5, 4], [-2.2, 53.5, 2]] },
  { iso3: 'FRA', centres: [[2.35, 48.9, 4], [5.4, 43.3, 2]] },
  { iso3: 'ESP', centres: [[-3.7, 40.4, 3], [2.2, 41.4, 2]] },
  { iso3: 'DEU', centres: [[13.4, 52.5, 3], [11.6, 48.1, 2]] },
  { iso3: 'POL', centres: [[21.0, 52.2, 3]] },
  { iso3: 'RUS', centres: [[37.6, 55.8, 5], [30.3, 59.9, 2], [82.9, 55.0, 2], [131.9, 43.1, 1]] },
  { iso3: 'TUR', centres: [[29.0, 41.0, 4], [32.9, 39.9, 2]] },
  { iso3: 'EGY', centres: [[31.2, 30.0, 4]] },
  { iso3: 'NGA', centres: [[3.4, 6.5, 4], [7.5, 9.1, 2]] },
  { iso3: 'ZAF', centres: [[28.0, -26.2, 4], [18.4, -33.9, 2]] },
  { iso3: 'KEN', centres: [[36.8, -1.3, 3]] },
  { iso3: 'IRN', centres: [[51.4, 35.7, 4]] },
  { iso3: 'IND', centres: [[77.2, 28.6, 5], [72.9, 19.1, 5], [88.4, 22.6, 3], [80.3, 13.1, 3]] },
  { iso3: 'CHN', centres: [[116.4, 39.9, 5], [121.5, 31.2, 5], [113.3, 23.1, 3], [104.1, 30.7, 2]] },
  { iso3: 'THA', centres: [[100.5, 13.8, 3]] },
  { iso3: 'PHL', centres: [[121.0, 14.6, 4]] },
  { iso3: 'IDN', centres: [[106.8, -6.2, 4], [112.8, -7.3, 2]] },
  { iso3: 'JPN', centres: [[139.7, 35.7, 4], [135.5, 34.7, 2]] },
  { iso3: 'AUS', centres: [[151.2, -33.9, 3], [145.0, -37.8, 3], [115.9, -32.0, 1]] },
];
const STATUSES = ['operational', 'operational', 'operational', 'operational', 'under-construction', 'planned', 'on-hold', 'cancelled'] as const;
const TRANSFER_STATUSES = ['active', 'active', 'agreed', 'considered', 'cancelled'] as const;

export interface SyntheticData {
  facilities: FacilitiesInput;
  transfers: TransferInput[];
}

export function syntheticData(facilityCount: number, transferCount: number, seed = 7): SyntheticData {
  return generate(COUNTRIES, facilityCount, transferCount, seed);
}

/** The same, with facilities in thirty countries on every inhabited continent (data that spans the world). */
export function worldSyntheticData(facilityCount: number, transferCount: number, seed = 7): SyntheticData {
  return generate(WORLD, facilityCount, transferCount, seed);
}

function generate(countries: typeof COUNTRIES, facilityCount: number, transferCount: number, seed: number): SyntheticData {
  const random = randomLcg(seed / 100);
  const normal = randomNormal.source(random);
  const spread = normal(0, 0.6);
  const sparse = normal(0, 3);
  const capacity = randomLogNormal.source(random)(6.5, 1.1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const features: FacilitiesInput['features'] = [];
  for (let i = 0; i < facilityCount; i++) {
    const country = countries[i % countries.length];
    const weights = country.centres.map((c) => c[2]);
    let r = random() * weights.reduce((a, b) => a + b, 0);
    const centre = country.centres.find((c) => (r -= c[2]) < 0) ?? country.centres[0];
    // Most near a city, one in five scattered across the country.
    const offset = random() < 0.8 ? spread : sparse;
    const lng = Math.max(-179.9, Math.min(179.9, centre[0] + offset()));
    const lat = Math.max(-80, Math.min(80, centre[1] + offset()));
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [round(lng, 4), round(lat, 4)] },
      properties: {
        id: `f${i}`,
        name: `${country.iso3} facility ${i}`,
        country: country.iso3,
        capacity: random() < 0.06 ? null : Math.max(10, Math.round(capacity())),
        status: pick(STATUSES),
        opened: String(1950 + Math.floor(random() * 76)),
      },
    });
  }
  const transfers: TransferInput[] = [];
  for (let i = 0; i < transferCount; i++) {
    const from = random() < 0.15 ? pick(countries).iso3 : `f${Math.floor(random() * facilityCount)}`;
    let to = `f${Math.floor(random() * facilityCount)}`;
    if (to === from) to = `f${(Number(to.slice(1)) + 1) % facilityCount}`;
    transfers.push({
      id: `t${i}`, from, to,
      kind: random() < 0.9 ? 'inmates' : 'assistance',
      status: pick(TRANSFER_STATUSES),
      // A few large movements and many small ones.
      count: random() < 0.05 ? Math.round(200 + random() * 2000) : Math.round(1 + random() * 40),
      year: String(2015 + Math.floor(random() * 11)),
    });
  }
  return { facilities: { type: 'FeatureCollection', features }, transfers };
}

function round(value: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(value * k) / k;
}
