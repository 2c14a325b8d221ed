/**
 * Where a transfer starts and ends: at a facility of this dataset (its exact position), or in a
 * country (a representative point inside its main landmass, from Natural Earth). The one place
 * that resolves an endpoint; an endpoint that cannot be placed is an issue found here.
 */
import type { DataIssue, Facility, Transfer } from '../data/types.js';
import type { LngLat } from '../geo/arcs.js';
import { isKnownCountry } from '../data/country-codes.js';

/** Country anchors by ISO 3166-1 alpha-3 (geo/countries.ts `countryAnchors`). */
export type CountryAnchors = ReadonlyMap<string, LngLat>;

export interface PlacedTransfer {
  transfer: Transfer;
  from: LngLat;
  to: LngLat;
}

/** True when some endpoint names a country rather than a facility, so anchors must be loaded. */
export function needsCountryAnchors(transfers: readonly Transfer[], facilities: readonly Facility[]): boolean {
  const ids = new Set(facilities.map((f) => f.id));
  return transfers.some((t) => !ids.has(t.from) || !ids.has(t.to));
}

export function placeTransfers(
  transfers: readonly Transfer[],
  facilities: readonly Facility[],
  anchors: CountryAnchors,
): { placed: PlacedTransfer[]; issues: DataIssue[] } {
  const positions = new Map<string, LngLat>(facilities.map((f) => [f.id, [f.longitude, f.latitude]]));
  const placed: PlacedTransfer[] = [];
  const issues: DataIssue[] = [];
  for (const transfer of transfers) {
    const ends: Partial<Record<'from' | 'to', LngLat>> = {};
    for (const field of ['from', 'to'] as const) {
      const key = transfer[field];
      const position = positions.get(key) ?? anchors.get(key.trim().toUpperCase());
      if (position) {
        ends[field] = position;
        continue;
      }
      const known = isKnownCountry(key.trim().toUpperCase());
      issues.push({
        dataset: 'transfers', row: transfer.row ?? 0, field,
        message: known
          ? `${field} ${JSON.stringify(key)} has no place on the map`
          : `${field} ${JSON.stringify(key)} is neither a facility id of this map nor an ISO 3166-1 alpha-3 country code`,
      });
    }
    if (ends.from && ends.to) placed.push({ transfer, from: ends.from, to: ends.to });
  }
  return { placed, issues };
}
