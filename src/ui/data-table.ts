/**
 * The data as real tables, for screen readers and the "Data" view: one row per facility and per
 * transfer (`data-id`), and one per country with context (`data-iso3`). The element puts them in
 * `part="table"`. Empty datasets get no table.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CountryContext, Facility, Transfer } from '../data/types.js';
import { countryName } from '../i18n/countries.js';
import { endpointName, facilityDisplayName, facilityNamer, type FacilityNamer } from '../i18n/names.js';
import { formatDate, formatNumber, formatPercent, formatUsd, strings, type Lang } from '../i18n/reader-strings.js';
import { localized } from './details-card.js';
import { INITIAL_TABLE_VIEW, LARGE_TABLE_ROWS, browseRows, type TableSort, type TableView } from './table-view.js';

export interface DataTablesModel {
  facilities: readonly Facility[];
  transfers: readonly Transfer[];
  countries: readonly CountryContext[];
  lang: Lang;
  /** The data is the state in this year (`year`): the captions say so. */
  year?: number;
  /** Defaults to the names of `facilities`. */
  facilityName?: FacilityNamer;
  /** Id of the selected facility or transfer: its row is marked `aria-current="true"`. */
  selected?: string;
  /** The "Data" view is open: a large table is rendered (a page at a time) only then. */
  open?: boolean;
  /** Search, order and page of each large table, and how the reader changes them. */
  views?: Partial<Record<LargeTable, Partial<TableView>>>;
  /** A change of search, order or page (a patch: merged into the latest view, not this render's). */
  onView?: (table: LargeTable, patch: Partial<TableView>) => void;
}

export type LargeTable = 'facilities' | 'transfers';

export function dataTablesTemplate(model: DataTablesModel): TemplateResult {
  const { lang } = model;
  const ctx = {
    lang,
    countryName: (iso3: string) => countryName(iso3, lang),
    facilityName: model.facilityName ?? facilityNamer(model.facilities, lang),
  };
  const countries = model.countries.filter((c) => c.occupancyPct !== undefined || c.note || c.noteEs || c.year);
  return html`<div class="data-tables" lang=${lang}>
    ${model.facilities.length ? facilitiesTable(model.facilities, ctx, model) : nothing}
    ${model.transfers.length ? transfersTable(model.transfers, ctx, model) : nothing}
    ${countries.length ? countriesTable(countries, ctx) : nothing}
  </div>`;
}

type Ctx = { lang: Lang; countryName: (iso3: string) => string; facilityName: FacilityNamer };

function facilitiesTable(facilities: readonly Facility[], ctx: Ctx, model: DataTablesModel): TemplateResult {
  const { lang } = ctx;
  const t = strings(lang);
  const head = html`<thead><tr>
      <th scope="col">${t.name}</th>
      <th scope="col">${t.country}</th>
      <th scope="col">${t.statusTitle}</th>
      <th scope="col" class="num">${t.capacity}</th>
      <th scope="col" class="num">${t.population}</th>
      <th scope="col">${t.year}</th>
      <th scope="col">${t.location}</th>
    </tr></thead>`;
  const row = (f: Facility) => html`<tr data-id=${f.id} aria-current=${f.id === model.selected ? 'true' : nothing}>
        <th scope="row">${facilityDisplayName(f, lang)}</th>
        <td>${ctx.countryName(f.country)}</td>
        <td>${t.status[f.status]}</td>
        <td class="num">${f.capacity === null ? t.capacityValueUnknown : formatNumber(f.capacity, lang)}</td>
        <td class="num">${f.population === undefined ? '—' : formatNumber(f.population, lang)}</td>
        <td>${f.opened ? formatDate(f.opened, lang) : '—'}</td>
        <td>${t.precision[f.precision]}</td>
      </tr>`;
  if (facilities.length > LARGE_TABLE_ROWS) {
    return largeTable('facilities', facilities, ctx, model, {
      caption: captionIn(t.facilitiesCaption, model.year, lang), head, row, search: t.findFacilities, sizeSort: t.sortCapacity,
      keys: {
        searchText: (f) => `${f.name} ${f.nameEs ?? ''} ${f.shortName ?? ''} ${ctx.countryName(f.country)} ${f.id}`,
        size: (f) => f.capacity ?? undefined,
        name: (f) => facilityDisplayName(f, lang),
      },
    });
  }
  return html`<table class="data-table">
    <caption>${captionIn(t.facilitiesCaption, model.year, lang)}</caption>
    ${head}
    <tbody>${facilities.map(row)}</tbody>
  </table>`;
}

function transfersTable(transfers: readonly Transfer[], ctx: Ctx, model: DataTablesModel): TemplateResult {
  const { lang } = ctx;
  const t = strings(lang);
  const head = html`<thead><tr>
      <th scope="col">${t.from}</th>
      <th scope="col">${t.to}</th>
      <th scope="col">${t.kind}</th>
      <th scope="col" class="num">${t.countLabel.inmates}</th>
      <th scope="col">${t.statusTitle}</th>
      <th scope="col">${t.year}</th>
      <th scope="col" class="num">${t.feePerYear}</th>
      <th scope="col">${t.note}</th>
    </tr></thead>`;
  const row = (tr: Transfer) => html`<tr data-id=${tr.id} aria-current=${tr.id === model.selected ? 'true' : nothing}>
        <td>${endpointName(tr.from, ctx.lang, ctx.facilityName)}</td>
        <td>${endpointName(tr.to, ctx.lang, ctx.facilityName)}</td>
        <td>${t.transferKind[tr.kind]}</td>
        <td class="num">${tr.count === undefined ? '—' : formatNumber(tr.count, lang)}</td>
        <td>${t.transferStatus[tr.status]}</td>
        <td>${tr.year ?? '—'}</td>
        <td class="num">${tr.feeUsdPerYear === undefined ? '—' : formatUsd(tr.feeUsdPerYear, lang)}</td>
        <td class="note">${localized(tr.note, tr.noteEs, lang) ?? ''}</td>
      </tr>`;
  if (transfers.length > LARGE_TABLE_ROWS) {
    return largeTable('transfers', transfers, ctx, model, {
      caption: captionIn(t.transfersCaption, model.year, lang), head, row, search: t.findTransfers, sizeSort: t.sortCount,
      keys: {
        searchText: (tr) => `${endpointName(tr.from, ctx.lang, ctx.facilityName)} ${endpointName(tr.to, ctx.lang, ctx.facilityName)} ${tr.from} ${tr.to} ${tr.id}`,
        size: (tr) => tr.count,
        name: (tr) => endpointName(tr.from, ctx.lang, ctx.facilityName),
      },
    });
  }
  return html`<table class="data-table">
    <caption>${captionIn(t.transfersCaption, model.year, lang)}</caption>
    ${head}
    <tbody>${transfers.map(row)}</tbody>
  </table>`;
}

interface LargeTableParts<T> {
  caption: string;
  head: TemplateResult;
  row: (item: T) => TemplateResult;
  search: string;
  sizeSort: string;
  keys: { searchText(item: T): string; size(item: T): number | undefined; name(item: T): string };
}

/**
 * A table over LARGE_TABLE_ROWS rows: while the "Data" view is closed, one sentence saying what
 * it holds (so that 10,000 rows never sit in the page unseen); open, a search box, an order and a
 * page of rows, with the range announced.
 */
function largeTable<T>(table: LargeTable, items: readonly T[], ctx: Ctx, model: DataTablesModel, parts: LargeTableParts<T>): TemplateResult {
  const { lang } = ctx;
  const t = strings(lang);
  if (!model.open) return html`<p class="large-table-closed">${t.largeTableClosed(parts.caption, formatNumber(items.length, lang))}</p>`;
  const view: TableView = { ...INITIAL_TABLE_VIEW, ...model.views?.[table] };
  const change = (patch: Partial<TableView>) => model.onView?.(table, patch);
  const shown = browseRows(items, view, { ...parts.keys, locale: lang });
  const range = shown.matching
    ? t.rowsShown(formatNumber(shown.first + 1, lang), formatNumber(shown.first + shown.rows.length, lang), formatNumber(shown.matching, lang))
    : t.noMatches;
  const sorts: Array<[TableSort, string]> = [['data', t.sortData], ['size', parts.sizeSort], ['name', t.sortName]];
  return html`<section class="large-table" data-table=${table}>
    <div class="table-tools">
      <label>${parts.search} <input type="search" .value=${view.query}
        @input=${(e: Event) => change({ query: (e.target as HTMLInputElement).value, page: 0 })}></label>
      <label>${t.sortLabel} <select @change=${(e: Event) => change({ sort: (e.target as HTMLSelectElement).value as TableSort, page: 0 })}>
        ${sorts.map(([value, label]) => html`<option value=${value} ?selected=${view.sort === value}>${label}</option>`)}
      </select></label>
    </div>
    <table class="data-table">
      <caption>${parts.caption} <span class="table-range" role="status">${range}</span></caption>
      ${parts.head}
      <tbody>${shown.rows.map(parts.row)}</tbody>
    </table>
    <div class="pager">
      <button type="button" ?disabled=${shown.page === 0} @click=${() => change({ page: shown.page - 1 })}>${t.previousPage}</button>
      <button type="button" ?disabled=${shown.page >= shown.pages - 1} @click=${() => change({ page: shown.page + 1 })}>${t.nextPage}</button>
    </div>
  </section>`;
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

/** "Prison facilities (as of 2023)" when the data is the state in one year. */
function captionIn(caption: string, year: number | undefined, lang: Lang): string {
  return year === undefined ? caption : `${caption} (${strings(lang).asOfYear(String(year)).toLowerCase()})`;
}
