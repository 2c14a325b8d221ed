import type { PropertyValues } from 'lit';
import { DataLoader } from './controllers/data-loader.js';
import { PrisonMapProperties } from './prison-map-properties.js';
import { EnvironmentController, statusColorsOf } from './controllers/environment.js';
import { Interaction } from './controllers/interaction.js';
import { MapLifecycleController } from './controllers/map-lifecycle.js';
import { PrintController } from './controllers/print.js';
import type { DataIssue } from './data/types.js';
import type { Theme } from './encodings/palette.js';
import { isDatasetSource, mapEvent, type ErrorSource, type PrisonMapErrorDetail, type PrisonMapReadyDetail, type PrisonMapSelectDetail } from './shared/events.js';
import { normalizeLang, strings, type Lang } from './i18n/strings.js';
import type { MapController } from './map/controller.js';
import type { PrisonMapMapLibre } from './map/public-map.js';
import type { MapModel } from './model/model.js';
import type { ViewLevel } from './model/level.js';
import { MapDrawing, ModelRebuilds } from './controllers/map-drawing.js';
import { MapSizeController } from './controllers/map-size.js';
import { TimelineController } from './controllers/timeline.js';
import { StoryStepsController } from './controllers/story-steps.js';
import { MapSync } from './controllers/map-sync.js';
import { PreviewController } from './controllers/preview.js';
import { StaticFallback } from './controllers/static-fallback.js';
import { SelectionController } from './controllers/selection.js';
import { elementTemplate, statusLine } from './ui/element-template.js';
import type { LargeTable } from './ui/data-table.js';
import type { TableView } from './ui/table-view.js';
import { panelStyles } from './ui/panel-styles.js';
import { elementStyles } from './ui/styles.js';

export type { ErrorSource, PrisonMapErrorDetail, PrisonMapReadyDetail, PrisonMapSelectDetail };

/**
 * A map of prison facilities, sized by capacity, and the transfers of inmates between countries.
 * Its public API (attributes, properties, events, parts, CSS properties) is declared in
 * prison-map-properties.ts; this class wires the controllers that implement it.
 */
export class PrisonMapElement extends PrisonMapProperties {
  static override styles = [elementStyles, panelStyles];

  static override properties = {
    ...PrisonMapProperties.properties,
    _model: { state: true, attribute: false },
    _status: { state: true, attribute: false },
    _panels: { state: true, attribute: false },
    _level: { state: true, attribute: false },
  };

  declare private _model: MapModel | undefined;
  /** What the map draws at its zoom level (clusters, grouped arcs): the legend's arcs follow it. */
  declare private _level: ViewLevel | undefined;
  /** The status line's state: a failure, a slow start (not an error), a long load's progress (0..1). */
  declare private _status: { error?: { source: ErrorSource; message: string }; slow: boolean; progress?: number };
  /**
   * What the reader opened or paused: the data tables, the full legend over a narrow map (else a
   * strip), the motion (WCAG 2.2.2), and the large tables' search, order and page.
   */
  declare private _panels: { tablesOpen: boolean; legendOpen: boolean; paused: boolean; tableViews: Partial<Record<LargeTable, Partial<TableView>>> };
  private readonly size = new MapSizeController(this);
  private readonly timelineBar = new TimelineController(this, {
    years: () => (this.timeline && this.loader.value && this.loader.pipeline ? this.loader.pipeline.yearsIn(this.loader.value.data) : []),
    shown: () => this.shownYear(this.effectiveLang),
    // The reader moved the timeline (or it played): show that year, then say what it holds.
    showYear: (year) => { this.year = String(year); void this.updateComplete.then(() => this.interaction.announceYear(year)); },
  });

  private readonly env = new EnvironmentController(this, () => this.syncMotion());
  private readonly loader = new DataLoader(this, {
    request: () => this.dataRequest(),
    active: () => this.lifecycle.activated,
    onError: (dataset, message) => this.fail(dataset, message),
    onProgress: (progress) => { this._status = { ...this._status, progress }; },
  });
  private readonly lifecycle = new MapLifecycleController(this, {
    container: () => this.renderRoot.querySelector('.map-canvas') as HTMLElement,
    eager: () => this.loading === 'eager',
    builtInBasemap: () => !this.basemap,
    onActivate: () => this.requestUpdate(),
    mapOptions: () => ({
      ...this.sync.mapOptions(),
      theme: this.effectiveTheme,
      lang: this.effectiveLang,
      projection: this.shownProjection(this.effectiveLang),
      onPointer: (hit, type) => this.interaction.onPointer(hit, type),
      onLevel: (level) => this.onLevel(level),
      framePadding: () => this.size.framePadding(),
      onSlowStart: (slow) => { this._status = { ...this._status, slow }; },
    }),
    onMap: (controller, restored) => this.onMap(controller, restored),
    onError: (source, message) => {
      this.fail(source, message);
      if (source === 'webgl') void this.fallback.draw();
    },
    onResize: (width, height) => this.size.resized(width, height),
  });
  /** What every controller reads of the element's state. */
  private readonly state = {
    model: () => this._model,
    pipeline: () => this.loader.pipeline,
    controller: () => this.lifecycle.controller,
    lang: () => this.effectiveLang,
    reducedMotion: () => this.env.reducedMotion,
  };
  private readonly interaction = new Interaction({
    ...this.state,
    root: () => this.renderRoot,
    width: () => this.clientWidth,
    select: (item) => this.selection.select(item),
    openCountry: (iso3) => this.selection.openCountry(iso3),
    openCluster: (key) => this.selection.openCluster(key),
    highlight: () => this.sync.highlights(),
  });
  private readonly drawing = new MapDrawing(this, {
    ...this.state,
    firstView: (controller, model) => this.sync.firstView(controller, model),
    motion: () => this.env.allowsMotion && !this.noAnimation,
    afterSetModel: () => this.sync.highlights(),
    drawn: () => { this.lifecycle.drawn(); this.preview.drop(); },
  });
  private readonly selection = new SelectionController(this, {
    ...this.state,
    itemName: (item) => this.interaction.itemName(item),
    announce: (text) => this.interaction.announce(text),
    focusMap: () => this.map?.getCanvas().focus(),
  });
  private readonly sync = new MapSync(this, {
    ...this.state,
    keyboardFacility: () => (this.interaction.keyboardItem?.kind === 'facility' ? this.interaction.keyboardItem.id : undefined),
  });
  private readonly rebuilds = new ModelRebuilds();
  private readonly fallback = new StaticFallback(this, {
    model: () => this._model,
    container: () => this.renderRoot.querySelector('.map-canvas')!,
    picture: () => ({ selected: this.selected, theme: this.effectiveTheme, lang: this.effectiveLang, label: this.label || strings(this.effectiveLang).mapLabel, projection: this.shownProjection(this.effectiveLang) }),
    onLevel: (level) => { this._level = level; },
  });
  private readonly preview = new PreviewController(this, {
    wanted: () => this.loading !== 'eager' && this.lifecycle.activated && !this.drawing.drawnOnce && !this.lifecycle.webglUnavailable,
    model: () => this._model,
    request: () => ({
      camera: this.sync.mapOptions().camera, padding: this.size.framePadding(), theme: this.effectiveTheme, lang: this.effectiveLang,
      projection: this.shownProjection(this.effectiveLang), selected: this.selected,
    }),
    painted: () => this.lifecycle.previewPainted(),
  });

  constructor() {
    super();
    this._panels = { tablesOpen: false, legendOpen: false, paused: false, tableViews: {} };
    this._status = { slow: false };
    new StoryStepsController(this);
    // While the page prints, the WebGL canvas is swapped for an image of it (it registers itself).
    new PrintController(this, {
      mapArea: () => this.renderRoot.querySelector('.map'),
      snapshot: () => this.lifecycle.controller?.snapshot(),
    });
  }

  /** @internal */
  protected override automaticMaxRadius(): number {
    return this.size?.automaticRadius() ?? super.automaticMaxRadius();
  }

  /** The MapLibre `Map` once created, else undefined. An escape hatch, not the main API. */
  get map(): PrisonMapMapLibre | undefined {
    return this.lifecycle.controller?.map;
  }

  /** Problems found in the data of the last load; each names its dataset, row and field. */
  get issues(): DataIssue[] {
    return this._model ? [...this._model.issues] : [];
  }

  /** Resolves once the map has drawn the current data; rejects when data or map creation fails. */
  whenReady(): Promise<void> {
    return this.drawing.promise;
  }

  /** Fits the view to a facility id or country code, as `focus-on` does, without changing the attribute. */
  flyTo(target: string): void {
    this.sync.flyTo(target);
  }

  /**
   * What the reader sees as a PNG (at the device's pixel ratio), or with `{type: 'image/svg+xml'}` an editable SVG: the map,
   * the legend (unless `no-legend`) and a credit line naming the data's sources, in the current language and theme.
   */
  async toImage(options: { type?: 'image/png' | 'image/svg+xml' } = {}): Promise<Blob> {
    if (!this._model) await this.whenReady();
    await this.updateComplete;
    const model = this._model;
    if (!model) throw new Error('the map has no data to export yet');
    const { elementImage } = await import('./ui/element-image.js');
    const lang = this.effectiveLang;
    return elementImage({
      root: this.renderRoot, data: model.data, model, map: this.lifecycle.controller, still: this.lifecycle.still, label: this.label, selected: this.selected,
      // The legend of the level the map shows (or, without one, the no-WebGL picture's).
      legend: this.noLegend ? undefined : { model: model.legend, level: this.lifecycle.controller?.level ?? this._level },
      lang, theme: this.effectiveTheme, globe: this.shownProjection(lang) === 'globe', type: options.type,
    });
  }

  get effectiveLang(): Lang {
    return normalizeLang(this.lang || this.env.inheritedLang);
  }

  get effectiveTheme(): Theme {
    if (this.theme === 'light' || this.theme === 'dark') return this.theme;
    return this.env.systemDark ? 'dark' : 'light';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A story step, the timeline or the page changing the view wants the interactive map.
    if (this.hasUpdated && (['focusOn', 'selected', 'year', 'center', 'zoom', 'projection'] as const).some((p) => changed.has(p))) this.lifecycle.want();
    const dataChanged = (['facilities', 'transfers', 'countries', 'facilitiesData', 'transfersData', 'countriesData'] as const).some((p) => changed.has(p));
    if (dataChanged) this.drawing.dataRequested();
    const { value: input, pipeline } = this.loader;
    const rebuild = input && pipeline && this.rebuilds.next(input, this.maxRadius, (name) => changed.has(name as keyof PrisonMapElement));
    if (!input || !pipeline || !rebuild) return;
    if (rebuild.newData) {
      this._panels = { ...this._panels, tableViews: {} };
      if (input.data.errors.length === 0 && this._status.error && isDatasetSource(this._status.error.source)) this._status = { ...this._status, error: undefined };
      this.interaction.reset();
    }
    this.selection.openCluster(undefined);
    this._model = pipeline.buildModel(pipeline.dataInYear(input.data, this.shownYear(this.effectiveLang)), input.anchors, {
      maxRadius: this.maxRadius, statusColors: statusColorsOf(this), cluster: this.cluster, ...(this.maxFlows != null ? { maxFlows: Number(this.maxFlows) } : {}) });
    this._level = undefined;
    this.drawing.modelBuilt(this._model, !rebuild.newData && this.size.radiusFollowedSize, rebuild.yearOnly);
    this.size.radiusFollowedSize = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const has = (name: string) => changed.has(name as keyof PrisonMapElement);
    if (this.lifecycle.webglUnavailable && (has('_model') || has('lang') || has('theme') || has('projection'))) void this.fallback.draw();
    this.sync.update(has, { theme: this.effectiveTheme, lang: this.effectiveLang, projection: this.shownProjection(this.effectiveLang) });
    if (has('_model') && this.lifecycle.controller) this.drawing.draw(this.lifecycle.controller);
    if (has('noAnimation') || has('_panels')) this.syncMotion();
  }

  protected override render() {
    const lang = this.effectiveLang;
    const controller = this.lifecycle.controller;
    return elementTemplate({
      lang, theme: this.effectiveTheme, projection: this.shownProjection(lang), label: this.label,
      model: this._model, ui: this.loader.pipeline, level: this._level,
      fallback: this.lifecycle.webglUnavailable, still: controller ? undefined : this.lifecycle.still, preview: this.preview.canvas, staticMap: this.fallback.template,
      placeholder: !this.lifecycle.hasDrawn && !this.fallback.template && !this.preview.canvas,
      timeline: this.timelineBar.template(lang), card: this.selection.card(), status: statusLine({ ...this._status, loaded: !!this._model }, lang),
      selected: this.selected, motion: !this.noAnimation && !this.env.reducedMotion, ...this._panels,
      noLegend: this.noLegend, noExport: this.noExport,
      on: {
        keydown: this.selection.onKeydown,
        mapKeydown: this.interaction.onMapKeydown,
        download: (type) => void this.toImage({ type }).then(async (blob) => (await import('./ui/element-image.js')).saveBlob(blob)),
        zoom: (delta) => this.lifecycle.controller?.zoomBy(delta, !this.env.reducedMotion),
        reset: () => this.sync.resetView(),
        togglePause: () => this.panels({ paused: !this._panels.paused }),
        toggleTables: () => this.panels({ tablesOpen: !this._panels.tablesOpen }),
        toggleLegend: () => this.panels({ legendOpen: !this._panels.legendOpen }),
        tableView: (table, patch) => this.panels({ tableViews: { ...this._panels.tableViews, [table]: { ...this._panels.tableViews[table], ...patch } } }),
      },
    });
  }

  private onMap(controller: MapController, restored: boolean): void {
    this.drawing.mapCreated(restored);
    if (this._model) this.drawing.draw(controller);
    else if (this.focusOn) this.flyTo(this.focusOn);
    this.sync.highlights();
    this.syncMotion();
  }

  private panels(patch: Partial<PrisonMapElement['_panels']>): void {
    this._panels = { ...this._panels, ...patch };
  }

  private syncMotion(): void {
    this.lifecycle.controller?.setAnimated(!this.noAnimation && !this._panels.paused && this.env.allowsMotion);
  }



  /** The map's zoom level changed what is drawn (clusters, grouped arcs). */
  private onLevel(level: ViewLevel): void {
    if (this._level?.legendKey !== level.legendKey) this._level = level;
    this.interaction.onLevel(level);
  }

  private fail(source: ErrorSource, message: string): void {
    this._status = { ...this._status, error: { source, message } };
    this.drawing.failed(new Error(message));
    this.dispatchEvent(mapEvent<PrisonMapErrorDetail>('prison-map-error', { source, message }));
  }


}
