/**
 * The legend: nested reference circles at rounded capacities, the status colours, unknown
 * capacity; then the transfers and the occupancy shading when the data has them. Everything it
 * shows comes from the model's legend, so it says what the map draws.
 */
import { html, svg, nothing, type TemplateResult } from 'lit';
import type { Theme } from '../encodings/palette.js';
import { formatNumber, strings, type Lang } from '../i18n/strings.js';
import { strings as readerStrings } from '../i18n/reader-strings.js';
import type { LegendModel } from '../model/model.js';
import { flowLegendTemplate } from './flow-legend.js';
import { occupancyLegendTemplate } from './occupancy-legend.js';

export function legendTemplate(legend: LegendModel, lang: Lang, theme: Theme): TemplateResult {
  return html`
    ${legend.year !== undefined ? html`<div class="legend-section"><div class="legend-title legend-year">${readerStrings(lang).asOfYear(String(legend.year))}</div></div>` : nothing}
    ${legend.statuses.length || legend.showUnknown ? facilityLegendTemplate(legend, lang) : nothing}
    ${legend.flows ? flowLegendTemplate(legend.flows, lang, theme) : nothing}
    ${legend.occupancy ? occupancyLegendTemplate(lang, theme) : nothing}`;
}

/**
 * The narrow map's legend: the status colours in a line or two, and a button that opens the full
 * legend over the map (the strip stays visible under it, so the button closes it again).
 */
export function legendStripTemplate(legend: LegendModel, lang: Lang, open: boolean, onToggle: () => void): TemplateResult {
  const t = strings(lang);
  return html`<ul class="legend-strip-items">
      ${legend.statuses.map(({ status, color }) => html`<li>${swatch(color, false)}${t.status[status]}</li>`)}
      ${legend.showUnknown ? html`<li>${swatch('currentColor', true)}${t.capacityUnknown}</li>` : nothing}
    </ul>
    <button type="button" class="legend-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="legend-panel"
      @click=${onToggle}>${open ? t.hideLegend : t.showLegend}<svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
      <path d=${open ? 'M1 3l4 4 4-4' : 'M1 7l4-4 4 4'} fill="none" stroke="currentColor" stroke-width="1.6"></path></svg></button>`;
}

function facilityLegendTemplate(model: LegendModel, lang: Lang): TemplateResult {
  const t = strings(lang);
  return html`
    <div class="legend-section">
      <div class="legend-title">${t.legendTitle}</div>
      ${model.circles.length ? nestedCircles(model, lang) : nothing}
      ${model.clusters ? html`<p class="legend-note">${readerStrings(lang).clusterLegend}</p>` : nothing}
    </div>
    <div class="legend-section">
      <div class="legend-title">${t.statusTitle}</div>
      <ul class="legend-statuses">
        ${model.statuses.map(({ status, color }) => html`
          <li>${swatch(color, false)}${t.status[status]}</li>`)}
        ${model.showUnknown ? html`<li>${swatch('currentColor', true)}${t.capacityUnknown}</li>` : nothing}
      </ul>
    </div>`;
}

function nestedCircles(model: LegendModel, lang: Lang): TemplateResult {
  const largest = model.circles[0].radius;
  const labelGap = 8;
  // Room above the largest circle for its label's half height.
  const top = 7;
  const cx = largest + 1;
  const bottom = largest * 2 + top + 1;
  const labels = legendLabelPositions(model.circles.map(({ radius }) => bottom - radius * 2));
  const width = largest * 2 + labelGap + 64;
  const height = Math.max(bottom + 1, labels[labels.length - 1] + 7);
  const lineEnd = largest * 2 + labelGap;
  return html`<svg class="legend-circles" width=${width} height=${height} viewBox="0 0 ${width} ${height}" aria-hidden="true">
    ${model.circles.map(({ capacity, radius }, i) => {
      const circleTop = bottom - radius * 2;
      return svg`
        <circle cx=${cx} cy=${bottom - radius} r=${radius}></circle>
        <polyline points="${cx},${circleTop} ${lineEnd - 4},${circleTop} ${lineEnd},${labels[i]}" fill="none"></polyline>
        <text x=${lineEnd + 2} y=${labels[i]} dominant-baseline="middle">${formatNumber(capacity, lang)}</text>`;
    })}
  </svg>`;
}

/** Label heights for the circles' tops (top to bottom), pushed apart so that small circles' labels never overlap. */
export function legendLabelPositions(circleTops: readonly number[], lineHeight = 12): number[] {
  const out: number[] = [];
  for (const y of circleTops) out.push(out.length ? Math.max(y, out[out.length - 1] + lineHeight) : y);
  return out;
}

/** Colours go in SVG presentation attributes, not inline styles, which a strict CSP blocks. */
function swatch(color: string, hollow: boolean): TemplateResult {
  return html`<svg class="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
    <circle cx="7" cy="7" r=${hollow ? 5 : 6} fill=${hollow ? 'none' : color} fill-opacity="0.8"
      stroke=${color} stroke-width=${hollow ? 2 : 1}></circle></svg>`;
}
