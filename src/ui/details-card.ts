/**
 * The details card of a selected facility, transfer or country: what the reader gets on click, tap
 * or Enter. Pure Lit templates; every value from the data goes through a text binding, so nothing
 * in the data is ever read as markup. Only http(s) source URLs become links.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { safeHttpUrl } from '../data/validate.js';
import type { CountryContext, Facility, Source, Transfer } from '../data/types.js';
import { countryName } from '../i18n/countries.js';
import { endpointName, facilityDisplayName, localized, type FacilityNamer } from '../i18n/names.js';
import {
  formatDate, formatNumber, formatPercent, formatUsd, strings, type Lang,
} from '../i18n/reader-strings.js';

export interface CardContext {
  lang: Lang;
  /** Name of a facility id in `lang` (`facilityNamer`), or undefined when the id is not a facility (then it is a country). */
  facilityName?: FacilityNamer;
  /** The close button's action; the element clears the selection. */
  onClose: () => void;
}

/** The id the card's heading carries (the card is labelled by it); one card per shadow root. */
export const DETAILS_TITLE_ID = 'prison-map-details-title';

export { localized };

/** Occupancy as population over capacity, in percent; undefined unless both are known and capacity > 0. */
export function facilityOccupancy(facility: Facility): number | undefined {
  if (facility.population === undefined || !facility.capacity) return undefined;
  return (facility.population / facility.capacity) * 100;
}

/** Yearly fee per person, when a fee and a positive count are both known. */
export function feePerPerson(transfer: Transfer): number | undefined {
  if (transfer.feeUsdPerYear === undefined || !transfer.count) return undefined;
  return transfer.feeUsdPerYear / transfer.count;
}

const UNBUILT = new Set(['under-construction', 'planned', 'on-hold', 'cancelled']);

export function facilityCardTemplate(facility: Facility, ctx: CardContext): TemplateResult {
  const { lang } = ctx;
  const t = strings(lang);
  const occupancy = facilityOccupancy(facility);
  const description = localized(facility.description, facility.descriptionEs, lang);
  return card(ctx, t.cardKind.facility, facilityDisplayName(facility, lang), html`
    <dl class="details-facts">
      ${fact(t.country, countryName(facility.country, lang))}
      ${fact(t.statusTitle, t.status[facility.status])}
      ${fact(t.capacity, facility.capacity === null ? t.capacityValueUnknown : formatNumber(facility.capacity, lang))}
      ${facility.population === undefined ? nothing : fact(t.population, formatNumber(facility.population, lang))}
      ${occupancy === undefined ? nothing : fact(t.occupancy, formatPercent(occupancy, lang))}
      ${facility.opened
        ? fact(UNBUILT.has(facility.status) ? t.announced : t.opened, formatDate(facility.opened, lang))
        : nothing}
      ${fact(t.location, t.precision[facility.precision])}
    </dl>
    ${description ? html`<p class="details-text">${description}</p>` : nothing}
    ${sourcesTemplate(facility.sources, lang)}`);
}

export function transferCardTemplate(transfer: Transfer, ctx: CardContext): TemplateResult {
  const { lang } = ctx;
  const t = strings(lang);
  const perPerson = feePerPerson(transfer);
  const note = localized(transfer.note, transfer.noteEs, lang);
  const title = t.fromTo(endpointName(transfer.from, ctx.lang, ctx.facilityName), endpointName(transfer.to, ctx.lang, ctx.facilityName));
  return card(ctx, t.cardKind.transfer, title, html`
    <dl class="details-facts">
      ${fact(t.kind, t.transferKindLong[transfer.kind])}
      ${transfer.count === undefined ? nothing : fact(t.countLabel[transfer.kind], formatNumber(transfer.count, lang))}
      ${fact(t.statusTitle, t.transferStatus[transfer.status])}
      ${transfer.year ? fact(t.year, transfer.year) : nothing}
      ${transfer.feeUsdPerYear === undefined ? nothing : fact(t.feePerYear, formatUsd(transfer.feeUsdPerYear, lang))}
      ${perPerson === undefined ? nothing : fact(t.feePerPersonPerYear, formatUsd(perPerson, lang))}
    </dl>
    ${note ? html`<p class="details-text">${note}</p>` : nothing}
    ${sourcesTemplate(transfer.sources, lang)}`);
}

export function countryCardTemplate(country: CountryContext, ctx: CardContext): TemplateResult {
  const { lang } = ctx;
  const t = strings(lang);
  const note = localized(country.note, country.noteEs, lang);
  const hasFacts = country.occupancyPct !== undefined || country.year;
  return card(ctx, t.cardKind.country, countryName(country.iso3, ctx.lang), html`
    ${hasFacts ? html`<dl class="details-facts">
      ${country.occupancyPct === undefined ? nothing : fact(t.occupancyLegendTitle, formatPercent(country.occupancyPct, lang))}
      ${country.year ? fact(t.year, country.year) : nothing}
    </dl>` : nothing}
    ${note ? html`<p class="details-text">${note}</p>` : nothing}
    ${sourcesTemplate(country.sources, lang)}`);
}

export function card(ctx: CardContext, kind: string, title: string, body: TemplateResult): TemplateResult {
  const t = strings(ctx.lang);
  return html`<section class="details" aria-labelledby=${DETAILS_TITLE_ID} lang=${ctx.lang}>
    <div class="details-header">
      <div>
        <p class="details-kind">${kind}</p>
        <h2 class="details-title" id=${DETAILS_TITLE_ID}>${title}</h2>
      </div>
      <button type="button" class="details-close" aria-label=${t.closeDetails} @click=${() => ctx.onClose()}>
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
          <path d="M2 2 L12 12 M12 2 L2 12" stroke="currentColor" stroke-width="2" stroke-linecap="round"></path>
        </svg>
      </button>
    </div>
    ${body}
  </section>`;
}

export function fact(label: string, value: string): TemplateResult {
  return html`<div class="details-fact"><dt>${label}</dt><dd>${value}</dd></div>`;
}

/**
 * Sources as a list: the title (a link only for an http(s) URL, re-checked here although the
 * parser checked it too, since a page may hand the card data another way), publisher and date.
 */
export function sourcesTemplate(sources: readonly Source[], lang: Lang): TemplateResult | typeof nothing {
  if (!sources.length) return nothing;
  const t = strings(lang);
  return html`<div class="details-sources">
    <h3 class="details-subtitle">${t.sources}</h3>
    <ul>
      ${sources.map((source) => {
        const href = safeHttpUrl(source.url);
        const meta = [source.publisher, source.date ? formatDate(source.date, lang) : undefined].filter(Boolean).join(', ');
        return html`<li>
          ${href
            ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${source.title}</a>`
            : html`<span class="source-title">${source.title}</span>`}${meta ? html`<span class="source-meta"> — ${meta}</span>` : nothing}
        </li>`;
      })}
    </ul>
  </div>`;
}
