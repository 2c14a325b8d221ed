/**
 * What the reader calls a facility and a transfer's ends, in one place for every view (details
 * card, tooltip, summary, cluster panels, live region, data tables, static picture).
 */
import type { Facility } from '../data/types.js';
import { countryNameInText, knownCountryName } from './countries.js';
import type { Lang } from './strings.js';

/** Text in `lang`: the Spanish variant when reading Spanish and it exists, else the English one. */
export function localized(english: string | undefined, spanish: string | undefined, lang: Lang): string | undefined {
  return lang === 'es' && spanish ? spanish : english;
}

/** The facility's name in `lang`: `name:es` in Spanish when given. */
export function facilityDisplayName(facility: Facility, lang: Lang): string {
  return lang === 'es' && facility.nameEs ? facility.nameEs : facility.name;
}

/** A facility's display name by id, or undefined when the id is not a facility (then it may be a country). */
export type FacilityNamer = (id: string) => string | undefined;

const facilityIndex = new WeakMap<readonly Facility[], Map<string, Facility>>();

/** A {@link FacilityNamer} over the facilities of the current data. */
export function facilityNamer(facilities: readonly Facility[], lang: Lang): FacilityNamer {
  // Built once per dataset: a tooltip asks for a name on every item the pointer reaches.
  let byId = facilityIndex.get(facilities);
  if (!byId) {
    byId = new Map(facilities.map((f) => [f.id, f]));
    facilityIndex.set(facilities, byId);
  }
  const index = byId;
  return (id) => {
    const facility = index.get(id);
    return facility ? facilityDisplayName(facility, lang) : undefined;
  };
}

/**
 * A transfer's end (`from`/`to`: a facility id or an ISO alpha-3 code) as the reader names it: the
 * facility's display name in `lang`, else the country's name in `lang` (with its article inside a
 * sentence, `inText`: "the United States"), else the id as the data gives it.
 */
export function endpointName(id: string, lang: Lang, facilityName?: FacilityNamer, options: { inText?: boolean } = {}): string {
  const facility = facilityName?.(id);
  if (facility !== undefined) return facility;
  const country = knownCountryName(id, lang);
  if (country === undefined) return id;
  return options.inText ? countryNameInText(id, lang) : country;
}
