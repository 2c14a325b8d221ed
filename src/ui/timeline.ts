/**
 * The `timeline` bar at the bottom of the map: play/pause and a year slider over the years in the
 * data. A native range input, so arrows, Page Up/Down, Home and End work and screen readers say
 * the year; it never plays by itself.
 */
import { html, type TemplateResult } from 'lit';
import { strings, type Lang } from '../i18n/strings.js';
import { pauseIcon, playIcon } from './controls.js';

export interface TimelineModel {
  lang: Lang;
  /** First and last year in the data. */
  first: number;
  last: number;
  /** The year shown. */
  year: number;
  playing: boolean;
  onYear(year: number): void;
  onTogglePlay(): void;
}

export function timelineTemplate(model: TimelineModel): TemplateResult {
  const t = strings(model.lang);
  const playLabel = model.playing ? t.pauseTimeline : t.playTimeline;
  return html`<div class="timeline" role="group" aria-label=${t.timelineLabel}>
    <button type="button" class="control" aria-pressed=${model.playing ? 'true' : 'false'} aria-label=${playLabel} title=${playLabel}
      @click=${model.onTogglePlay}>${model.playing ? pauseIcon : playIcon}</button>
    <label class="timeline-label" for="timeline-year">${t.year}</label>
    <input id="timeline-year" type="range" min=${model.first} max=${model.last} step="1" .value=${String(model.year)}
      aria-valuetext=${String(model.year)} @input=${(event: Event) => model.onYear(Number((event.target as HTMLInputElement).value))}>
    <output for="timeline-year" class="timeline-year">${model.year}</output>
  </div>`;
}
