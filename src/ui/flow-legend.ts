/** The legend entry for transfers: what the colours, patterns and widths of the arcs mean. */
import { max } from 'd3-array';
import { html, svg, type TemplateResult } from 'lit';
import type { Transfer, TransferKind, TransferStatus } from '../data/types.js';
import { formatNumber, strings, type Lang } from '../i18n/reader-strings.js';
import { FLOW_KIND_STYLES, FLOW_STATUS_STYLES, flowWidth, type FlowTheme } from '../map/flow-style.js';

/** Only what the data holds: the kinds and statuses present, and the width of the largest count. */
export function flowLegendTemplate(transfers: readonly Transfer[], lang: Lang, theme: FlowTheme): TemplateResult {
  const t = strings(lang);
  const kinds = (Object.keys(FLOW_KIND_STYLES) as TransferKind[]).filter((k) => transfers.some((tr) => tr.kind === k));
  const statuses = (Object.keys(FLOW_STATUS_STYLES) as TransferStatus[])
    .filter((s) => s !== 'cancelled' && transfers.some((tr) => tr.status === s));
  const largest = max(transfers, (tr) => tr.count) ?? 0;
  const width = flowWidth(transfers);
  const ink = FLOW_KIND_STYLES.inmates.color[theme];
  return html`<div class="legend-section flow-legend">
    <div class="legend-title">${t.transfersLegendTitle}</div>
    <ul class="legend-statuses">
      ${kinds.map((kind) => html`<li>${lineSwatch(FLOW_KIND_STYLES[kind].color[theme], 3, FLOW_KIND_STYLES[kind].dotted, false, 1)}${t.transferKind[kind]}</li>`)}
      ${statuses.map((status) => html`<li>${lineSwatch(ink, 2.5, false, FLOW_STATUS_STYLES[status].dashed, FLOW_STATUS_STYLES[status].opacity)}${t.transferStatus[status]}</li>`)}
      ${largest > 0 ? html`<li>${lineSwatch(ink, width(largest), false, false, 0.9)}${t.people(formatNumber(largest, lang))}</li>` : ''}
    </ul>
  </div>`;
}

function lineSwatch(color: string, widthPx: number, dotted: boolean, dashed: boolean, opacity: number): TemplateResult {
  const pattern = dotted ? `0 ${widthPx * 2}` : dashed ? '5 3' : '';
  return html`<svg class="swatch" width="26" height="14" viewBox="0 0 26 14" aria-hidden="true">${svg`
    <line x1="2" y1="7" x2="24" y2="7" stroke=${color} stroke-opacity=${opacity} stroke-width=${widthPx}
      stroke-linecap=${dotted ? 'round' : 'butt'} stroke-dasharray=${pattern || 'none'}></line>`}</svg>`;
}
