/**
 * The `timeline` bar's behaviour: the years it spans, and playing through them a year every
 * {@link TIMELINE_STEP_MS} (only when the reader presses play; stopped when the element leaves).
 */
import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Lang } from '../i18n/strings.js';
import { timelineTemplate } from '../ui/timeline.js';

/** The timeline plays a year every this many ms. */
export const TIMELINE_STEP_MS = 1500;

export interface TimelineOptions {
  /** The years the whole data names, ascending; none while the timeline is off or the data loads. */
  years(): readonly number[];
  /** The year shown (`year`), if any. */
  shown(): number | undefined;
  /** Show this year (the reader moved the slider, or it played). */
  showYear(year: number): void;
}

export class TimelineController implements ReactiveController {
  private playing = false;
  private timer?: ReturnType<typeof setInterval>;

  constructor(private readonly host: ReactiveControllerHost, private readonly options: TimelineOptions) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** The bar over the data's years at the year shown (none shown: everything, the last year). */
  template(lang: Lang) {
    const years = this.options.years();
    const shown = this.options.shown();
    if (years.length === 0) return nothing;
    const first = years[0];
    const last = years[years.length - 1];
    const year = Math.min(last, Math.max(first, shown ?? last));
    return timelineTemplate({
      lang, first, last, year, playing: this.playing,
      onYear: (value) => this.options.showYear(value),
      onTogglePlay: () => (this.playing ? this.stop() : this.play(first, last, year)),
    });
  }

  /** Plays from `from` (the first year when already at the end), stopping at the last. */
  private play(first: number, last: number, from: number): void {
    let year = from >= last ? first : from;
    this.playing = true;
    this.host.requestUpdate();
    this.options.showYear(year);
    this.timer = setInterval(() => {
      year += 1;
      this.options.showYear(year);
      if (year >= last) this.stop();
    }, TIMELINE_STEP_MS);
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (!this.playing) return;
    this.playing = false;
    this.host.requestUpdate();
  }
}
