/**
 * A plain-language summary of the data, generated from it (never hard-coded): how many facilities
 * in how many countries, the largest, what is not yet built, the transfers and their status, and
 * the country notes that have no place on the map. For a reader who cannot see the map, and as the
 * element's description. Pure (no DOM): also the `<desc>` of the exported SVG (render/svg.ts).
 */
import { rollups } from 'd3-array';
import type { CountryContext, Facility, FacilityStatus, Transfer, TransferKind, TransferStatus } from '../data/types.js';
import { countryName, countryNameInText } from '../i18n/countries.js';
import {
  formatList, formatNumber, formatPercent, formatUsdInText, strings, type Lang,
} from '../i18n/reader-strings.js';
import { endpointName, facilityDisplayName, facilityNamer, localized } from '../i18n/names.js';

export interface SummaryModel {
  facilities: readonly Facility[];
  transfers: readonly Transfer[];
  countries: readonly CountryContext[];
  /** The data is the state in this year (`year`). */
  year?: number;
}

/** The statuses the summary counts, in the order it names them. */
const COUNTED_STATUSES: readonly FacilityStatus[] = ['under-construction', 'planned', 'on-hold', 'cancelled'];
const TRANSFER_ORDER: readonly TransferStatus[] = ['active', 'agreed', 'considered', 'cancelled'];

export function summaryText(model: SummaryModel, lang: Lang): string {
  const t = strings(lang).summary;
  const n = (value: number) => formatNumber(value, lang);
  const sentences: string[] = [];
  const facilities = model.facilities;
  if (model.year !== undefined) sentences.push(strings(lang).summaryYear(String(model.year)));

  if (facilities.length === 0) {
    sentences.push(t.noFacilities);
  } else {
    const countries = new Set(facilities.map((f) => f.country));
    sentences.push(t.facilitiesInCountries(facilities.length, n(facilities.length), countries.size, n(countries.size)));
    const largest = largestFacility(facilities);
    if (largest) {
      sentences.push(t.largest(facilityDisplayName(largest, lang), countryNameInText(largest.country, lang), n(largest.capacity!)));
    }
    const clauses = COUNTED_STATUSES
      .map((status) => ({ status, count: facilities.filter((f) => f.status === status).length }))
      .filter(({ count }) => count > 0)
      .map(({ status, count }) => t.statusClause(status, count, n(count)));
    if (clauses.length) sentences.push(`${t.statusesLead}${formatList(clauses, lang)}.`);
    if (facilities.length > AGGREGATE_ABOVE && countries.size > 1) {
      const top = rollups(facilities, (group) => group.length, (f) => f.country)
        .sort((a, b) => b[1] - a[1]).slice(0, 3)
        .map(([iso3, count]) => `${countryNameInText(iso3, lang)} (${n(count)})`);
      sentences.push(t.mostIn(formatList(top, lang)));
    }
  }

  const transferClauses = transferSentences(model, lang);
  if (transferClauses.length > AGGREGATE_ABOVE) sentences.push(largestTransfersSentence(model, lang));
  else if (transferClauses.length) sentences.push(`${capitalize(transferClauses.join('; '))}.`);
  else if (facilities.length) sentences.push(t.noTransfers);

  const crowded = [...model.countries]
    .filter((c) => c.occupancyPct !== undefined)
    .sort((a, b) => b.occupancyPct! - a.occupancyPct!)[0];
  if (crowded) {
    sentences.push(t.highestOccupancy(countryNameInText(crowded.iso3, lang), formatPercent(crowded.occupancyPct!, lang), crowded.year));
  }

  for (const country of countriesOffMap(model)) {
    const note = localized(country.note, country.noteEs, lang)!;
    sentences.push(t.notOnMap(countryName(country.iso3, lang), endSentence(note)));
  }
  return sentences.join(' ');
}

/**
 * Above this many facilities (or transfer clauses) the summary aggregates — where most facilities
 * are, the largest transfers — instead of naming everything: a screen reader reads it whole.
 */
const AGGREGATE_ABOVE = 12;

function largestTransfersSentence(model: SummaryModel, lang: Lang): string {
  const t = strings(lang).summary;
  const facilityName = facilityNamer(model.facilities, lang);
  const name = (id: string) => endpointName(id, lang, facilityName, { inText: true });
  const largest = [...model.transfers].sort((a, b) => (b.count ?? -1) - (a.count ?? -1)).slice(0, 3)
    .map((tr) => t.transferBrief(name(tr.from), name(tr.to), tr.count === undefined ? undefined : formatNumber(tr.count, lang)));
  return t.manyTransfers(formatNumber(model.transfers.length, lang), formatList(largest, lang));
}

function largestFacility(facilities: readonly Facility[]): Facility | undefined {
  let largest: Facility | undefined;
  for (const f of facilities) {
    if (f.capacity !== null && (!largest || f.capacity > largest.capacity!)) largest = f;
  }
  return largest;
}

/**
 * One clause per transfer, except that transfers alike in all but their origin ("Ecuador and Peru
 * are considering sending inmates to El Salvador") share one. Ordered active first.
 */
function transferSentences(model: SummaryModel, lang: Lang): string[] {
  const t = strings(lang).summary;
  const byId = new Map(model.facilities.map((f) => [f.id, f]));
  const endpoint = (id: string) => {
    const facility = byId.get(id);
    return facility
      ? t.facilityIn(facilityDisplayName(facility, lang), countryNameInText(facility.country, lang))
      : endpointName(id, lang, undefined, { inText: true });
  };
  interface Group { to: string; kind: TransferKind; status: TransferStatus; count?: string; fee?: string; from: string[] }
  const groups = new Map<string, Group>();
  const sorted = [...model.transfers].sort((a, b) => TRANSFER_ORDER.indexOf(a.status) - TRANSFER_ORDER.indexOf(b.status));
  for (const transfer of sorted) {
    const count = transfer.kind === 'inmates' && transfer.count !== undefined ? formatNumber(transfer.count, lang) : undefined;
    const fee = transfer.feeUsdPerYear === undefined ? undefined : formatUsdInText(transfer.feeUsdPerYear, lang);
    // Only transfers without their own figures merge: a count or fee belongs to one origin.
    const key = count || fee ? `#${transfer.id}` : `${transfer.to}|${transfer.kind}|${transfer.status}`;
    const group = groups.get(key);
    if (group) {
      if (!group.from.includes(transfer.from)) group.from.push(transfer.from);
    } else {
      groups.set(key, { to: transfer.to, kind: transfer.kind, status: transfer.status, count, fee, from: [transfer.from] });
    }
  }
  return [...groups.values()].map((group) => t.transfer({
    from: formatList(group.from.map(endpoint), lang),
    plural: group.from.length > 1,
    to: endpoint(group.to),
    kind: group.kind,
    status: group.status,
    count: group.count,
    fee: group.fee,
  }));
}

/**
 * Countries whose note the map cannot show: not shaded (no occupancy), no facility in them, and
 * not an end of any transfer (as a code or through one of its facilities).
 */
function countriesOffMap(model: SummaryModel): CountryContext[] {
  const onMap = new Set(model.facilities.map((f) => f.country));
  const facilityCountry = new Map(model.facilities.map((f) => [f.id, f.country]));
  for (const transfer of model.transfers) {
    for (const end of [transfer.from, transfer.to]) onMap.add(facilityCountry.get(end) ?? end.toUpperCase());
  }
  return model.countries.filter((c) => c.occupancyPct === undefined && (c.note || c.noteEs) && !onMap.has(c.iso3));
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function endSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
