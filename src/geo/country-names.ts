/**
 * The Natural Earth units that have no ISO code, with their names; a coded country's name is
 * `knownCountryName` (i18n/countries.ts, the one country name), re-exported here. Apart from the
 * outlines (countries.ts), so that the basemap's labels need neither turf nor the TopoJSON reader.
 */
import { knownCountryName } from '../i18n/countries.js';

export type CountryLang = 'en' | 'es';

/**
 * Natural Earth units without an ISO numeric code. Kosovo gets the code the EU, IMF and World Bank
 * use (XK / XKX) so data can refer to it; the others stay without a code.
 */
export const UNCODED: Record<string, {iso3: string; en: string; es: string}> = {
  Kosovo: {iso3: 'XKX', en: 'Kosovo', es: 'Kosovo'},
  Somaliland: {iso3: '', en: 'Somaliland', es: 'Somalilandia'},
  'N. Cyprus': {iso3: '', en: 'Northern Cyprus', es: 'Chipre del Norte'},
  'Cyprus U.N. Buffer Zone': {iso3: '', en: 'UN Buffer Zone in Cyprus', es: 'Zona de amortiguamiento de la ONU en Chipre'},
  'USNB Guantanamo Bay': {iso3: '', en: 'Guantánamo Bay Naval Base', es: 'Base naval de la bahía de Guantánamo'},
  'Siachen Glacier': {iso3: '', en: 'Siachen Glacier', es: 'Glaciar de Siachen'},
  'Spratly Is.': {iso3: '', en: 'Spratly Islands', es: 'Islas Spratly'},
  'Scarborough Reef': {iso3: '', en: 'Scarborough Shoal', es: 'Bajo de Masinloc'},
  'Serranilla Bank': {iso3: '', en: 'Serranilla Bank', es: 'Banco Serranilla'},
  'Bajo Nuevo Bank': {iso3: '', en: 'Bajo Nuevo Bank', es: 'Bajo Nuevo'},
  'Clipperton I.': {iso3: '', en: 'Clipperton Island', es: 'Isla Clipperton'},
  'Coral Sea Is.': {iso3: '', en: 'Coral Sea Islands', es: 'Islas del Mar del Coral'},
  'Indian Ocean Ter.': {iso3: '', en: 'Indian Ocean Territories', es: 'Territorios del Océano Índico'},
  Akrotiri: {iso3: '', en: 'Akrotiri', es: 'Acrotiri'},
  Dhekelia: {iso3: '', en: 'Dhekelia', es: 'Dekelia'},
  Baikonur: {iso3: '', en: 'Baikonur', es: 'Baikonur'},
};

export { knownCountryName };
