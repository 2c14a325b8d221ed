/** The legend entry for the occupancy shading of countries: five classes, with their colours. */
import { html, type TemplateResult } from 'lit';
import { PALETTES, type Theme } from '../encodings/palette.js';
import { OCCUPANCY_THRESHOLDS } from '../encodings/scales.js';
import { formatPercent, strings, type Lang } from '../i18n/reader-strings.js';

/** The class labels, lowest first: "Under 100%", "100–150%", …, "250% or more". */
export function occupancyClassLabels(lang: Lang): string[] {
  const t = strings(lang);
  const pct = (value: number) => formatPercent(value, lang);
  const bounds = OCCUPANCY_THRESHOLDS;
  return [
    t.occupancyBelow(pct(bounds[0])),
    ...bounds.slice(1).map((upper, i) => t.occupancyRange(String(bounds[i]), pct(upper))),
    t.occupancyAtLeast(pct(bounds[bounds.length - 1])),
  ];
}

/** Put it inside the element's `.legend` box, next to {@link legendTemplate}'s sections. */
export function occupancyLegendTemplate(lang: Lang, theme: Theme = 'light'): TemplateResult {
  const t = strings(lang);
  const colors = PALETTES[theme].occupancy;
  return html`<div class="legend-section occupancy-legend">
    <div class="legend-title">${t.occupancyLegendTitle}</div>
    <ul class="legend-statuses">
      ${occupancyClassLabels(lang).map((label, i) => html`<li>
        <svg class="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          <rect x="1" y="1" width="12" height="12" rx="2" fill=${colors[i]} stroke="currentColor" stroke-opacity="0.4"></rect>
        </svg>${label}</li>`)}
    </ul>
  </div>`;
}
