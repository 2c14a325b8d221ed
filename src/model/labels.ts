/**
 * What the map prints beside a facility and which countries it names first. A label is short:
 * the data's `short_name` (`short_name:es` in Spanish), else an acronym the name carries in
 * brackets ("Terrorism Confinement Center (CECOT)" → "CECOT"), else the name without its bracketed
 * part. Pure: no MapLibre.
 */
import type { Facility, Transfer, CountryContext } from '../data/types.js';
import type { Lang } from '../i18n/strings.js';

const BRACKETED_ACRONYM = /\(([A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ0-9-]{1,9})\)/u;

export function facilityLabel(facility: Facility, lang: Lang): string {
  const shortName = lang === 'es' ? facility.shortNameEs ?? facility.shortName : facility.shortName;
  if (shortName) return shortName;
  const name = (lang === 'es' ? facility.nameEs : undefined) ?? facility.name;
  const acronym = BRACKETED_ACRONYM.exec(name)?.[1] ?? BRACKETED_ACRONYM.exec(facility.name)?.[1];
  if (acronym) return acronym;
  const withoutBrackets = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  return withoutBrackets || name;
}

/**
 * The countries the story is about, in the order they matter: where facilities are, where
 * transfers start and end (when an end is a country), and those with context (occupancy, notes).
 * The map labels these before any other country.
 */
export function storyCountries(facilities: readonly Facility[], transfers: readonly Transfer[], countries: readonly CountryContext[]): string[] {
  const facilityIds = new Set(facilities.map((f) => f.id));
  const story = new Set<string>();
  for (const f of facilities) story.add(f.country);
  for (const t of transfers) {
    for (const end of [t.from, t.to]) if (!facilityIds.has(end)) story.add(end.trim().toUpperCase());
  }
  for (const c of countries) story.add(c.iso3);
  return [...story].filter((iso3) => /^[A-Z]{3}$/.test(iso3));
}
