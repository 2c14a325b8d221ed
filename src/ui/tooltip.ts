/**
 * Hover tooltips: a title line and one short line of facts. The element puts the result inside its
 * `<div class="tooltip" part="tooltip">` and positions that box; these templates are its content.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CountryContext, Facility, Transfer } from '../data/types.js';
import { formatNumber, formatPercent, formatUsd, strings, type Lang } from '../i18n/reader-strings.js';
import { countryName } from '../i18n/countries.js';
import { endpointName, facilityDisplayName, type FacilityNamer } from '../i18n/names.js';

export interface TooltipContext {
  lang: Lang;
  facilityName?: FacilityNamer;
}

/** "CECOT" / "40,000 places · Operational". */
export function facilityTooltipTemplate(facility: Facility, ctx: TooltipContext): TemplateResult {
  const t = strings(ctx.lang);
  const capacity = facility.capacity === null
    ? t.capacityUnknown
    : t.places(formatNumber(facility.capacity, ctx.lang));
  return lines(facilityDisplayName(facility, ctx.lang), [capacity, t.status[facility.status]]);
}

/** "United States → CECOT" / "260 inmates · Active · 2025 · US$6,000,000 a year". */
export function transferTooltipTemplate(transfer: Transfer, ctx: TooltipContext): TemplateResult {
  const { lang } = ctx;
  const t = strings(lang);
  const what = transfer.kind === 'inmates'
    ? (transfer.count === undefined ? t.transferKind.inmates : t.inmatesCount(formatNumber(transfer.count, lang)))
    : t.transferKind.assistance;
  return lines(t.fromTo(endpointName(transfer.from, lang, ctx.facilityName), endpointName(transfer.to, lang, ctx.facilityName)), [
    what,
    t.transferStatus[transfer.status],
    transfer.year,
    transfer.feeUsdPerYear === undefined ? undefined : t.perYear(formatUsd(transfer.feeUsdPerYear, lang)),
  ]);
}

/** "Honduras" / "Prisons at 149% of capacity". */
export function countryTooltipTemplate(country: CountryContext, ctx: TooltipContext): TemplateResult {
  const name = countryName(country.iso3, ctx.lang);
  const t = strings(ctx.lang);
  return lines(name, [
    country.occupancyPct === undefined ? undefined : t.occupancyOfCapacity(formatPercent(country.occupancyPct, ctx.lang)),
    country.occupancyPct !== undefined ? country.year : undefined,
  ]);
}

export function lines(title: string, facts: Array<string | undefined>): TemplateResult {
  const shown = facts.filter((fact): fact is string => Boolean(fact));
  return html`<span class="tooltip-title">${title}</span>${shown.length
    ? html`<span class="tooltip-line">${shown.join(' · ')}</span>`
    : nothing}`;
}
