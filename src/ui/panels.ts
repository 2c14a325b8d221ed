/**
 * What the reader's panels show for an item: the tooltip while pointing at it, the details card
 * once it is selected, and the name the live region announces. Loaded with the data (it needs
 * country names), so the element's first download stays small.
 */
import { nothing, type TemplateResult } from 'lit';
import type { CountryContext, Facility, Transfer } from '../data/types.js';
import { endpointName, facilityNamer } from '../i18n/names.js';
import { strings, type Lang } from '../i18n/reader-strings.js';
import { countryCardTemplate, facilityCardTemplate, transferCardTemplate } from './details-card.js';
import { countryTooltipTemplate, facilityTooltipTemplate, transferTooltipTemplate } from './tooltip.js';

export interface PanelData {
  facilities: readonly Facility[];
  transfers: readonly Transfer[];
  countries: readonly CountryContext[];
}

export type ItemKind = 'facility' | 'transfer' | 'country';

function find(data: PanelData, kind: ItemKind, id: string): Facility | Transfer | CountryContext | undefined {
  if (kind === 'facility') return data.facilities.find((f) => f.id === id);
  if (kind === 'transfer') return data.transfers.find((t) => t.id === id);
  return data.countries.find((c) => c.iso3 === id);
}

export function tooltipFor(data: PanelData, kind: ItemKind, id: string, lang: Lang): TemplateResult | typeof nothing {
  const ctx = { lang, facilityName: facilityNamer(data.facilities, lang) };
  const item = find(data, kind, id);
  if (!item) return nothing;
  if (kind === 'facility') return facilityTooltipTemplate(item as Facility, ctx);
  if (kind === 'transfer') return transferTooltipTemplate(item as Transfer, ctx);
  return countryTooltipTemplate(item as CountryContext, ctx);
}

/** The card of the selected facility or transfer, else of the open country, else nothing. */
export function cardFor(
  data: PanelData,
  open: { selected?: string; country?: string },
  lang: Lang,
  onClose: () => void,
): TemplateResult | undefined {
  const ctx = { lang, facilityName: facilityNamer(data.facilities, lang), onClose };
  const facility = open.selected ? find(data, 'facility', open.selected) as Facility | undefined : undefined;
  if (facility) return facilityCardTemplate(facility, ctx);
  const transfer = open.selected ? find(data, 'transfer', open.selected) as Transfer | undefined : undefined;
  if (transfer) return transferCardTemplate(transfer, ctx);
  const country = open.country ? find(data, 'country', open.country) as CountryContext | undefined : undefined;
  return country ? countryCardTemplate(country, ctx) : undefined;
}

/** "CECOT", or "United States → CECOT": what the live region says when an item is reached. */
export function itemName(data: PanelData, kind: 'facility' | 'transfer', id: string, lang: Lang): string {
  const name = facilityNamer(data.facilities, lang);
  if (kind === 'facility') return name(id) ?? id;
  const transfer = find(data, 'transfer', id) as Transfer | undefined;
  return transfer ? strings(lang).fromTo(endpointName(transfer.from, lang, name), endpointName(transfer.to, lang, name)) : id;
}
