/**
 * The element's shadow DOM: the map area, the summary and keyboard hint for screen readers, the
 * controls, the legend, the tooltip and card, the data tables and the status line. A function of
 * the element's state, so the element only gathers that state and wires the handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Theme } from '../encodings/palette.js';
import { strings, type Lang } from '../i18n/strings.js';
import type { MapModel } from '../model/model.js';
import { isDatasetSource, type ErrorSource } from '../shared/events.js';
import type { ViewLevel } from '../model/level.js';
import { controlsTemplate } from './controls.js';
import type { LargeTable } from './data-table.js';
import type { TableView } from './table-view.js';

type Pipeline = typeof import('../pipeline.js');

export interface ElementView {
  lang: Lang;
  theme: Theme;
  projection: 'mercator' | 'globe';
  /** The page's `label`, if any. */
  label?: string;
  model?: MapModel;
  /** The lazily loaded pipeline's templates, once loaded. */
  ui?: Pipeline;
  /** What the map draws at its zoom level: the legend's arcs follow it. */
  level?: ViewLevel;
  /** No WebGL: the static picture and a visible summary stand in for the map. */
  fallback: boolean;
  /** A still image of a map that gave its WebGL context back. */
  still?: string;
  /** The preview painted before MapLibre (a lazy map), until the map has drawn. */
  preview?: HTMLCanvasElement;
  /** Nothing drawn yet: what the page put inside the tag (a fallback image) is shown in the map area. */
  placeholder: boolean;
  staticMap?: TemplateResult;
  timeline: TemplateResult | typeof nothing;
  card: TemplateResult | typeof nothing;
  status: { text: string; alert: boolean };
  selected?: string;
  motion: boolean;
  paused: boolean;
  noLegend: boolean;
  noExport: boolean;
  legendOpen: boolean;
  tablesOpen: boolean;
  tableViews: Partial<Record<LargeTable, Partial<TableView>>>;
  on: {
    keydown(event: KeyboardEvent): void;
    mapKeydown(event: KeyboardEvent): void;
    download(type: 'image/png' | 'image/svg+xml'): void;
    zoom(delta: 1 | -1): void;
    reset(): void;
    togglePause(): void;
    toggleTables(): void;
    toggleLegend(): void;
    tableView(table: LargeTable, patch: Partial<TableView>): void;
  };
}

export function elementTemplate(view: ElementView): TemplateResult {
  const { lang, theme, model, ui, fallback } = view;
  const t = strings(lang);
  const summary = ui && model ? guard([model, lang], () => ui.summaryText(model.data, lang)) : '';
  return html`<div class="frame ${theme} ${view.projection}" @keydown=${view.on.keydown}>
      <div class="map" part="map" role="region" aria-label=${view.label || t.mapLabel} aria-describedby="summary keyboard-hint"
        @keydown=${view.on.mapKeydown}>
        <div class="map-canvas"></div>
        ${view.placeholder ? html`<slot class="placeholder"></slot>` : nothing}
        ${view.still ? html`<img class="still" src=${view.still} alt="">` : nothing}
        ${view.preview ?? nothing}
        ${view.staticMap ? html`<div class="static-map">${view.staticMap}</div>` : nothing}
      </div>
      ${fallback && summary ? html`<p class="fallback-summary">${summary}</p>` : nothing}
      ${view.timeline}
      <p id="summary" class="visually-hidden">${summary}</p>
      <p id="keyboard-hint" class="visually-hidden">${t.keyboardHint}</p>
      ${controlsTemplate({
        lang,
        navigation: !!model && !fallback,
        motion: view.motion && !!model?.flows.length && !fallback,
        paused: view.paused,
        data: !!model,
        tablesOpen: view.tablesOpen,
        download: !!model && !view.noExport,
        onDownload: view.on.download,
        onZoom: view.on.zoom,
        onReset: view.on.reset,
        onTogglePause: view.on.togglePause,
        onToggleTables: view.on.toggleTables,
      })}
      ${view.noLegend || !model || !ui ? nothing : html`<div class="legend-dock" part="legend">
        <div id="legend-panel" class=${view.legendOpen ? 'legend open' : 'legend'}>${guard([model, lang, theme, view.level?.legendKey], () => ui.legendTemplate(ui.describeLegend(model.legend, view.level, lang, theme)))}</div>
        <div class="legend-strip">${ui.legendStripTemplate(model.legend, lang, view.legendOpen, view.on.toggleLegend)}</div>
      </div>`}
      <div class="tooltip" part="tooltip" role="tooltip" hidden></div>
      ${view.card}
      <div id="tables" part="table" class=${view.tablesOpen ? 'tables open' : 'tables visually-hidden'}
        role="region" aria-label=${t.showData} tabindex=${view.tablesOpen ? '0' : '-1'}>
        ${ui && model ? guard([model, lang, view.selected, view.tablesOpen, view.tableViews], () => ui.dataTablesTemplate({
          ...model.data, lang, selected: view.selected, open: view.tablesOpen, views: view.tableViews, onView: view.on.tableView,
        })) : nothing}
      </div>
      <div class="status" part="status" role=${view.status.alert ? 'alert' : 'status'}>${view.status.text}</div>
      <div class="visually-hidden announcer" aria-live="polite"></div>
    </div>`;
}

/** The status line: an error (an alert), a slow start, or the loading progress; empty once loaded. */
export function statusLine(state: { error?: { source: ErrorSource; message: string }; slow: boolean; loaded: boolean; progress?: number }, lang: Lang): ElementView['status'] {
  const t = strings(lang);
  if (state.error) {
    const { source, message } = state.error;
    return { text: isDatasetSource(source) ? t.loadFailed(t.datasetName[source], message) : t.mapFailed(message), alert: true };
  }
  if (state.slow) return { text: t.slowStart, alert: false };
  if (state.loaded) return { text: '', alert: false };
  return { text: state.progress === undefined ? t.loading : t.loadingProgress(new Intl.NumberFormat(lang, { style: 'percent' }).format(state.progress)), alert: false };
}
