/** The legend entry for transfers: what the colours, patterns and widths of the arcs mean. */
import { html, svg, type TemplateResult } from 'lit';
import { formatNumber, strings, type Lang } from '../i18n/reader-strings.js';
import { FLOW_KIND_STYLES, FLOW_STATUS_STYLES } from '../encodings/flow-style.js';
import { PALETTES, type Theme } from '../encodings/palette.js';
import type { LegendModel } from '../model/model.js';

/** Only what the data holds: the kinds and statuses present, and the width of the largest count. */
export function flowLegendTemplate(flows: NonNullable<LegendModel['flows']>, lang: Lang, theme: Theme): TemplateResult {
  const t = strings(lang);
  const colors = PALETTES[theme].flows;
  const ink = colors.inmates;
  return html`<div class="legend-section flow-legend">
    <div class="legend-title">${t.transfersLegendTitle}</div>
    <ul class="legend-statuses">
      ${flows.kinds.map((kind) => html`<li>${lineSwatch(colors[kind], 3, FLOW_KIND_STYLES[kind].dotted, false, 1)}${t.transferKind[kind]}</li>`)}
      ${flows.statuses.map((status) => html`<li>${lineSwatch(ink, 2.5, false, FLOW_STATUS_STYLES[status].dashed, FLOW_STATUS_STYLES[status].opacity)}${t.transferStatus[status]}</li>`)}
      ${flows.largest ? html`<li>${lineSwatch(ink, flows.largest.widthPx, false, false, 0.9)}${t.people(formatNumber(flows.largest.count, lang))}</li>` : ''}
    </ul>
    ${flows.omitted > 0 ? html`<p class="legend-note">${t.flowsOmitted(flows.omitted, formatNumber(flows.omitted, lang))}</p>` : ''}
  </div>`;
}

function lineSwatch(color: string, widthPx: number, dotted: boolean, dashed: boolean, opacity: number): TemplateResult {
  const pattern = dotted ? `0 ${widthPx * 2}` : dashed ? '5 3' : '';
  return html`<svg class="swatch" width="26" height="14" viewBox="0 0 26 14" aria-hidden="true">${svg`
    <line x1="2" y1="7" x2="24" y2="7" stroke=${color} stroke-opacity=${opacity} stroke-width=${widthPx}
      stroke-linecap=${dotted ? 'round' : 'butt'} stroke-dasharray=${pattern || 'none'}></line>`}</svg>`;
}
