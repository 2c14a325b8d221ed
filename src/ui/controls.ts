/**
 * The control bar over the map: zoom in and out, show everything, pause the motion (WCAG 2.2.2),
 * download an image (PNG, or SVG to edit) and open the data tables. Every button is labelled in the
 * reader's language.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { strings, type Lang } from '../i18n/strings.js';

export interface ControlsModel {
  lang: Lang;
  /** Zoom and "show everything" (there is an interactive map with data). */
  navigation: boolean;
  /** The pause button (transfers are moving or paused by the reader). */
  motion: boolean;
  paused: boolean;
  /** The "Data" button (there is data). */
  data: boolean;
  tablesOpen: boolean;
  /** The "download image" controls, PNG and SVG (there is something to export, and no `no-export`). */
  download: boolean;
  onDownload(type: 'image/png' | 'image/svg+xml'): void;
  onZoom(delta: 1 | -1): void;
  onReset(): void;
  onTogglePause(): void;
  onToggleTables(): void;
}

export function controlsTemplate(model: ControlsModel): TemplateResult {
  const t = strings(model.lang);
  const pauseLabel = model.paused ? t.playAnimation : t.pauseAnimation;
  return html`<div class="controls">
    ${model.navigation ? html`
      <button type="button" class="control" aria-label=${t.zoomIn} title=${t.zoomIn} @click=${() => model.onZoom(1)}>${plusIcon}</button>
      <button type="button" class="control" aria-label=${t.zoomOut} title=${t.zoomOut} @click=${() => model.onZoom(-1)}>${minusIcon}</button>
      <button type="button" class="control" aria-label=${t.resetView} title=${t.resetView} @click=${model.onReset}>${resetIcon}</button>` : nothing}
    ${model.motion ? html`<button type="button" class="control" aria-pressed=${model.paused ? 'true' : 'false'}
        aria-label=${pauseLabel} title=${pauseLabel} @click=${model.onTogglePause}>${model.paused ? playIcon : pauseIcon}</button>` : nothing}
    ${model.download ? html`<button type="button" class="control" aria-label=${t.downloadImage} title=${t.downloadImage}
        @click=${() => model.onDownload('image/png')}>${downloadIcon}</button>
      <button type="button" class="control text" aria-label=${t.downloadSvg} title=${t.downloadSvg}
        @click=${() => model.onDownload('image/svg+xml')}>SVG</button>` : nothing}
    ${model.data ? html`<button type="button" class="control text" aria-expanded=${model.tablesOpen ? 'true' : 'false'}
        aria-controls="tables" @click=${model.onToggleTables}>${model.tablesOpen ? t.hideData : t.showData}</button>` : nothing}
  </div>`;
}

const plusIcon = html`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><path d="M7 2v10M2 7h10" stroke="currentColor" stroke-width="2"></path></svg>`;
const minusIcon = html`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><path d="M2 7h10" stroke="currentColor" stroke-width="2"></path></svg>`;
const resetIcon = html`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><path d="M1.5 5V1.5H5M9 1.5h3.5V5M12.5 9v3.5H9M5 12.5H1.5V9" fill="none" stroke="currentColor" stroke-width="1.6"></path></svg>`;
export const pauseIcon = html`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><rect x="3" y="2" width="3" height="10" fill="currentColor"></rect><rect x="8" y="2" width="3" height="10" fill="currentColor"></rect></svg>`;
const downloadIcon = html`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><path d="M7 1.5v7.5M3.8 6 7 9.2 10.2 6M2 12.5h10" fill="none" stroke="currentColor" stroke-width="1.6"></path></svg>`;
export const playIcon = html`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><path d="M4 2 L12 7 L4 12 Z" fill="currentColor"></path></svg>`;
