/**
 * Without WebGL: the no-WebGL picture (ui/static-map.ts), the same marks as a static SVG beside the
 * summary and tables, redrawn when the data, language, theme or projection change. The legend then
 * says what the picture draws: its level.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { Theme } from '../encodings/palette.js';
import type { Lang } from '../i18n/strings.js';
import type { ViewLevel } from '../model/level.js';
import type { MapModel } from '../model/model.js';

export interface StaticFallbackOptions {
  model(): MapModel | undefined;
  container(): HTMLElement;
  picture(): { selected?: string; theme: Theme; lang: Lang; label: string; projection: 'mercator' | 'globe' };
  /** The level the picture draws (the legend follows it). */
  onLevel(level: ViewLevel): void;
}

export class StaticFallback {
  /** The picture, once drawn. */
  template?: TemplateResult;

  constructor(private readonly host: ReactiveControllerHost, private readonly options: StaticFallbackOptions) {}

  async draw(): Promise<void> {
    const model = this.options.model();
    if (!model) return;
    const { staticMapOf } = await import('../ui/static-map.js');
    const { template, level } = await staticMapOf(model, this.options.container(), this.options.picture());
    if (this.options.model() !== model) return;
    this.template = template;
    this.options.onLevel(level);
    this.host.requestUpdate();
  }
}
