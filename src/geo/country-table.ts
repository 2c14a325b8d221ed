/**
 * Every country's anchor, area and framing bounds, read from src/geo/country-table.json (about
 * 7 KB gzipped) instead of computed from the 50m outlines (about 240 KB gzipped) at run time. See
 * `countryTableOf` in countries.ts for what each row holds and how it is made.
 */
import table from './country-table.json';
import type { CountryTableRow } from './countries.js';
import type { BBox } from './bounds.js';

const rows = table as unknown as Readonly<Record<string, CountryTableRow>>;

let anchors: Map<string, [number, number]> | undefined;

/** One anchor per ISO 3166-1 alpha-3 code: where labels sit and transfers to a country start or end. */
export function countryTableAnchors(): ReadonlyMap<string, [number, number]> {
  anchors ??= new Map(Object.entries(rows).map(([iso3, [lng, lat]]) => [iso3, [lng, lat]]));
  return anchors;
}

/** The country's area in km² (its label's rank), or 0 for a code the table lacks. */
export function countryAreaKm2(iso3: string): number {
  return rows[iso3]?.[2] ?? 0;
}

/** Bounds of the country's main landmass (`focus-on`), or undefined for a code the table lacks. */
export function countryBounds(iso3: string): BBox | undefined {
  const row = rows[iso3];
  return row ? [row[3], row[4], row[5], row[6]] : undefined;
}
