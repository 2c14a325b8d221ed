/**
 * The HTML legend: the legend description (model/legend.ts: year, capacity circles and the
 * cluster note, statuses, unknown capacity, transfers and what `max-flows` left out, occupancy) as
 * Lit templates. Every word and swatch comes from the description, which the exported image's
 * legend draws too, so both say what the view draws.
 */
import { html, svg, nothing, type TemplateResult } from 'lit';
import { strings, type Lang } from '../i18n/strings.js';
import { LEGEND_LINE_LENGTH, legendLabelPositions, legendStrip, type LegendDescription, type LegendEntry, type LegendSection, type LegendSwatch } from '../model/legend.js';
import type { LegendModel } from '../model/model.js';

const SECTION_CLASS: Record<LegendSection['kind'], string> = {
  year: 'legend-section',
  capacity: 'legend-section',
  statuses: 'legend-section',
  transfers: 'legend-section flow-legend',
  occupancy: 'legend-section occupancy-legend',
};

export function legendTemplate(legend: LegendDescription): TemplateResult {
  return html`${legend.sections.map((section) => html`<div class=${SECTION_CLASS[section.kind]}>
      <div class=${section.kind === 'year' ? 'legend-title legend-year' : 'legend-title'}>${section.title}</div>
      ${section.circles.length ? nestedCircles(section.circles) : nothing}
      ${section.entries.length ? html`<ul class="legend-statuses">${section.entries.map(entry)}</ul>` : nothing}
      ${section.notes.map((note) => html`<p class="legend-note">${note}</p>`)}
    </div>`)}`;
}

/**
 * The narrow map's legend: the status colours in a line or two, and a button that opens the full
 * legend over the map (the strip stays visible under it, so the button closes it again).
 */
export function legendStripTemplate(legend: LegendModel, lang: Lang, open: boolean, onToggle: () => void): TemplateResult {
  const t = strings(lang);
  return html`<ul class="legend-strip-items">${legendStrip(legend, lang).map(entry)}</ul>
    <button type="button" class="legend-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="legend-panel"
      @click=${onToggle}>${open ? t.hideLegend : t.showLegend}<svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
      <path d=${open ? 'M1 3l4 4 4-4' : 'M1 7l4-4 4 4'} fill="none" stroke="currentColor" stroke-width="1.6"></path></svg></button>`;
}

function entry({ swatch, label }: LegendEntry): TemplateResult {
  return html`<li>${swatchTemplate(swatch)}${label}</li>`;
}

function nestedCircles(circles: LegendSection['circles']): TemplateResult {
  const largest = circles[0].radius;
  const labelGap = 8;
  // Room above the largest circle for its label's half height.
  const top = 7;
  const cx = largest + 1;
  const bottom = largest * 2 + top + 1;
  const labels = legendLabelPositions(circles.map(({ radius }) => bottom - radius * 2));
  const width = largest * 2 + labelGap + 64;
  const height = Math.max(bottom + 1, labels[labels.length - 1] + 7);
  const lineEnd = largest * 2 + labelGap;
  return html`<svg class="legend-circles" width=${width} height=${height} viewBox="0 0 ${width} ${height}" aria-hidden="true">
    ${circles.map(({ radius, label }, i) => {
      const circleTop = bottom - radius * 2;
      return svg`
        <circle cx=${cx} cy=${bottom - radius} r=${radius}></circle>
        <polyline points="${cx},${circleTop} ${lineEnd - 4},${circleTop} ${lineEnd},${labels[i]}" fill="none"></polyline>
        <text x=${lineEnd + 2} y=${labels[i]} dominant-baseline="middle">${label}</text>`;
    })}
  </svg>`;
}

export { legendLabelPositions };

/** Colours go in SVG presentation attributes, not inline styles, which a strict CSP blocks. */
function swatchTemplate(swatch: LegendSwatch): TemplateResult {
  switch (swatch.kind) {
    case 'disc':
      return html`<svg class="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
        <circle cx="7" cy="7" r=${swatch.radius} fill=${swatch.color} fill-opacity=${swatch.fillOpacity}
          stroke=${swatch.color} stroke-width=${swatch.strokeWidth}></circle></svg>`;
    case 'ring':
      return html`<svg class="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
        <circle cx="7" cy="7" r=${swatch.radius} fill="none" stroke=${swatch.color ?? 'currentColor'} stroke-width=${swatch.strokeWidth}></circle></svg>`;
    case 'square': {
      const at = 7 - swatch.size / 2;
      return html`<svg class="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
        <rect x=${at} y=${at} width=${swatch.size} height=${swatch.size} rx=${swatch.cornerRadius} fill=${swatch.color}
          stroke="currentColor" stroke-opacity=${swatch.strokeOpacity}></rect></svg>`;
    }
    case 'line':
      return html`<svg class="swatch" width=${LEGEND_LINE_LENGTH + 4} height="14" viewBox="0 0 ${LEGEND_LINE_LENGTH + 4} 14" aria-hidden="true">${svg`
        <line x1="2" y1="7" x2=${LEGEND_LINE_LENGTH + 2} y2="7" stroke=${swatch.color} stroke-opacity=${swatch.opacity} stroke-width=${swatch.width}
          stroke-linecap=${swatch.cap} stroke-dasharray=${swatch.dash.length ? swatch.dash.join(' ') : 'none'}></line>`}</svg>`;
  }
}
