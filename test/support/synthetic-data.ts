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
const STATUSES = ['operational', 'operational', 'operational', 'operational', 'under-construction', 'planned', 'on-hold', 'cancelled'] as const;
const TRANSFER_STATUSES = ['active', 'active', 'agreed', 'considered', 'cancelled'] as const;

export interface SyntheticData {
  facilities: FacilitiesInput;
  transfers: TransferInput[];
}

export function syntheticData(facilityCount: number, transferCount: number, seed = 7): SyntheticData {
  const random = randomLcg(seed / 100);
  const normal = randomNormal.source(random);
  const spread = normal(0, 0.6);
  const sparse = normal(0, 3);
  const capacity = randomLogNormal.source(random)(6.5, 1.1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const features: FacilitiesInput['features'] = [];
  for (let i = 0; i < facilityCount; i++) {
    const country = COUNTRIES[i % COUNTRIES.length];
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
    const from = random() < 0.15 ? pick(COUNTRIES).iso3 : `f${Math.floor(random() * facilityCount)}`;
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
