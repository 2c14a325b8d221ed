/**
 * The data as real tables, for screen readers and the "Data" view: one row per facility and per
 * transfer (`data-id`), and one per country with context (`data-iso3`). The element puts them in
 * `part="table"`. Empty datasets get no table.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CountryContext, Facility, Transfer } from '../data/types.js';
import { countryName as isoCountryName } from '../i18n/countries.js';
import { formatDate, formatNumber, formatPercent, formatUsd, strings, type Lang } from '../i18n/reader-strings.js';
import { endpointName, facilityDisplayName, facilityNamer, localized } from './details-card.js';

export interface DataTablesModel {
  facilities: readonly Facility[];
  transfers: readonly Transfer[];
  countries: readonly CountryContext[];
  lang: Lang;
  countryName?: (iso3: string) => string;
  /** Defaults to the names of `facilities`. */
  facilityName?: (id: string) => string | undefined;
  /** Id of the selected facility or transfer: its row is marked `aria-current="true"`. */
  selected?: string;
}

export function dataTablesTemplate(model: DataTablesModel): TemplateResult {
  const { lang } = model;
  const ctx = {
    lang,
    countryName: model.countryName ?? ((iso3: string) => isoCountryName(iso3, lang)),
    facilityName: model.facilityName ?? facilityNamer(model.facilities, lang),
  };
  const countries = model.countries.filter((c) => c.occupancyPct !== undefined || c.note || c.noteEs || c.year);
  return html`<div class="data-tables" lang=${lang}>
    ${model.facilities.length ? facilitiesTable(model.facilities, ctx, model.selected) : nothing}
    ${model.transfers.length ? transfersTable(model.transfers, ctx, model.selected) : nothing}
    ${countries.length ? countriesTable(countries, ctx) : nothing}
  </div>`;
}

type Ctx = { lang: Lang; countryName: (iso3: string) => string; facilityName: (id: string) => string | undefined };

function facilitiesTable(facilities: readonly Facility[], ctx: Ctx, selected?: string): TemplateResult {
  const { lang } = ctx;
  const t = strings(lang);
  return html`<table class="data-table">
    <caption>${t.facilitiesCaption}</caption>
    <thead><tr>
      <th scope="col">${t.name}</th>
      <th scope="col">${t.country}</th>
      <th scope="col">${t.statusTitle}</th>
      <th scope="col" class="num">${t.capacity}</th>
      <th scope="col" class="num">${t.population}</th>
      <th scope="col">${t.year}</th>
      <th scope="col">${t.location}</th>
    </tr></thead>
    <tbody>
      ${facilities.map((f) => html`<tr data-id=${f.id} aria-current=${f.id === selected ? 'true' : nothing}>
        <th scope="row">${facilityDisplayName(f, lang)}</th>
        <td>${ctx.countryName(f.country)}</td>
        <td>${t.status[f.status]}</td>
        <td class="num">${f.capacity === null ? t.capacityValueUnknown : formatNumber(f.capacity, lang)}</td>
        <td class="num">${f.population === undefined ? '—' : formatNumber(f.population, lang)}</td>
        <td>${f.opened ? formatDate(f.opened, lang) : '—'}</td>
        <td>${t.precision[f.precision]}</td>
      </tr>`)}
    </tbody>
  </table>`;
}

function transfersTable(transfers: readonly Transfer[], ctx: Ctx, selected?: string): TemplateResult {
  const { lang } = ctx;
  const t = strings(lang);
  return html`<table class="data-table">
    <caption>${t.transfersCaption}</caption>
    <thead><tr>
      <th scope="col">${t.from}</th>
      <th scope="col">${t.to}</th>
      <th scope="col">${t.kind}</th>
      <th scope="col" class="num">${t.countLabel.inmates}</th>
      <th scope="col">${t.statusTitle}</th>
      <th scope="col">${t.year}</th>
      <th scope="col" class="num">${t.feePerYear}</th>
      <th scope="col">${t.note}</th>
    </tr></thead>
    <tbody>
      ${transfers.map((tr) => html`<tr data-id=${tr.id} aria-current=${tr.id === selected ? 'true' : nothing}>
        <td>${endpointName(tr.from, ctx)}</td>
        <td>${endpointName(tr.to, ctx)}</td>
        <td>${t.transferKind[tr.kind]}</td>
        <td class="num">${tr.count === undefined ? '—' : formatNumber(tr.count, lang)}</td>
        <td>${t.transferStatus[tr.status]}</td>
        <td>${tr.year ?? '—'}</td>
        <td class="num">${tr.feeUsdPerYear === undefined ? '—' : formatUsd(tr.feeUsdPerYear, lang)}</td>
        <td class="note">${localized(tr.note, tr.noteEs, lang) ?? ''}</td>
      </tr>`)}
    </tbody>
  </table>`;
}

function countriesTable(countries: readonly CountryContext[], ctx: Ctx): TemplateResult {
  const { lang } = ctx;
  const t = strings(lang);
  return html`<table class="data-table">
    <caption>${t.countriesCaption}</caption>
    <thead><tr>
      <th scope="col">${t.country}</th>
      <th scope="col" class="num">${t.occupancy}</th>
      <th scope="col">${t.year}</th>
      <th scope="col">${t.note}</th>
    </tr></thead>
    <tbody>
      ${countries.map((c) => html`<tr data-iso3=${c.iso3}>
        <th scope="row">${ctx.countryName(c.iso3)}</th>
        <td class="num">${c.occupancyPct === undefined ? '—' : formatPercent(c.occupancyPct, lang)}</td>
        <td>${c.year ?? '—'}</td>
        <td class="note">${localized(c.note, c.noteEs, lang) ?? ''}</td>
      </tr>`)}
    </tbody>
  </table>`;
}
