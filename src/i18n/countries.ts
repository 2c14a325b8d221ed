/**
 * Country names for the reader, in English and Spanish, from ISO 3166-1 alpha-3 codes.
 *
 * The names come from `i18n-iso-countries`, whose list prints formal or contested names
 * ("United States of America", "Taiwan, Province of China"); the table below gives the short
 * names a newsroom would print instead. No DOM, no map: safe to use in the element's shell.
 */
import isoCountries from 'i18n-iso-countries';
import enLocale from 'i18n-iso-countries/langs/en.json';
import esLocale from 'i18n-iso-countries/langs/es.json';
import { isKnownCountry } from '../data/country-codes.js';
import type { Lang } from './strings.js';

isoCountries.registerLocale(enLocale);
isoCountries.registerLocale(esLocale);

/** Short names where the ISO list's name is formal, inverted ("Moldova, Republic of") or contested. */
const SHORT_NAMES: Readonly<Record<string, Partial<Record<Lang, string>>>> = {
  USA: { en: 'United States', es: 'Estados Unidos' },
  BOL: { en: 'Bolivia', es: 'Bolivia' },
  VEN: { en: 'Venezuela', es: 'Venezuela' },
  CHN: { en: 'China', es: 'China' },
  RUS: { en: 'Russia', es: 'Rusia' },
  KOR: { en: 'South Korea', es: 'Corea del Sur' },
  PRK: { en: 'North Korea', es: 'Corea del Norte' },
  IRN: { en: 'Iran', es: 'Irán' },
  SYR: { en: 'Syria', es: 'Siria' },
  LAO: { en: 'Laos', es: 'Laos' },
  TWN: { en: 'Taiwan', es: 'Taiwán' },
  TZA: { en: 'Tanzania', es: 'Tanzania' },
  COD: { en: 'DR Congo', es: 'RD del Congo' },
  COG: { en: 'Congo', es: 'Congo' },
  MDA: { en: 'Moldova', es: 'Moldavia' },
  FSM: { en: 'Micronesia', es: 'Micronesia' },
  MKD: { en: 'North Macedonia', es: 'Macedonia del Norte' },
  CZE: { en: 'Czechia', es: 'Chequia' },
  BRN: { en: 'Brunei', es: 'Brunéi' },
  VAT: { en: 'Vatican City', es: 'Ciudad del Vaticano' },
  GMB: { en: 'Gambia', es: 'Gambia' },
  FLK: { en: 'Falkland Islands', es: 'Islas Malvinas' },
  PSE: { en: 'Palestine', es: 'Palestina' },
  CIV: { en: "Côte d'Ivoire", es: 'Costa de Marfil' },
  VGB: { en: 'British Virgin Islands' },
  VIR: { en: 'US Virgin Islands' },
  SHN: { es: 'Santa Elena' },
  XKX: { en: 'Kosovo', es: 'Kosovo' },
};

/**
 * Names that take the definite article in running text ("the United States sends…",
 * "el Reino Unido envía…"). The article is left out of {@link countryName}, which labels things.
 */
const ARTICLES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    USA: 'the', GBR: 'the', NLD: 'the', PHL: 'the', ARE: 'the', DOM: 'the', CAF: 'the', BHS: 'the',
    MDV: 'the', SLB: 'the', MHL: 'the', CYM: 'the', COM: 'the', COD: 'the', GMB: 'the', VGB: 'the',
    VIR: 'the', FLK: 'the', TCA: 'the', FRO: 'the', CCK: 'the', VAT: 'the',
  },
  es: {
    GBR: 'el', NLD: 'los', ARE: 'los', DOM: 'la', CAF: 'la',
  },
};

/**
 * The country's name in `lang` ("United States", "Estados Unidos"), the one name every view prints
 * (reader text and map labels); the code itself when no list knows it (see {@link knownCountryName}).
 */
export function countryName(iso3: string, lang: Lang): string {
  const code = iso3.trim().toUpperCase();
  const short = SHORT_NAMES[code]?.[lang];
  if (short) return short;
  return isoCountries.getName(code, lang) ?? code;
}

/** {@link countryName} for a code the lists know, else `undefined` (a caller with its own fallback). */
export function knownCountryName(iso3: string, lang: Lang): string | undefined {
  return isKnownCountry(iso3) ? countryName(iso3, lang) : undefined;
}

/** The name as it reads inside a sentence: "the United States", "el Reino Unido", "Perú". */
export function countryNameInText(iso3: string, lang: Lang): string {
  const code = iso3.trim().toUpperCase();
  const article = ARTICLES[lang][code];
  const name = countryName(code, lang);
  return article ? `${article} ${name}` : name;
}
