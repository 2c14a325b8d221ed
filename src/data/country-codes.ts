/**
 * Which codes name a country: ISO 3166-1 alpha-3 (the code table of `i18n-iso-countries`, no
 * names, no locale) and XKX, Kosovo's user-assigned code (the EU, IMF and World Bank use it; the
 * basemap gives Kosovo this code too). A pure table, below the layers that need it: the model
 * checks a transfer's endpoints against it, and the reader's names (i18n/countries.ts) build on it.
 */
import isoCountries from 'i18n-iso-countries';

const USER_ASSIGNED = new Set(['XKX']);

/** Whether `code` (any case, surrounding spaces ignored) is an alpha-3 code of a known country. */
export function isKnownCountry(code: string): boolean {
  const value = code.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(value) && (isoCountries.isValid(value) || USER_ASSIGNED.has(value));
}
