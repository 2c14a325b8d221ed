/**
 * What `<prison-map>` does once it nears the viewport (or is eager, or its API is called): the
 * controllers that load the data, paint the preview, start and sync the map, and the template.
 * The element (prison-map.ts) loads this module lazily, so that a page pays for it only when a
 * map is near: until then the element is its attributes, its reserved box and its fallback.
 */
import type { TemplateResult } from 'lit';
import { BindingGuard } from './binding-mistakes.js';
import { DataLoader, type Pipeline } from './controllers/data-loader.js';
import { EnvironmentController, statusColorsOf } from './controllers/environment.js';
import { Interaction } from './controllers/interaction.js';
import { MapLifecycleController } from './controllers/map-lifecycle.js';
import { PrintController } from './controllers/print.js';
import type { DataRequest } from './data/dataset.js';
import type { DataIssue } from './data/types.js';
import type { Theme } from './encodings/palette.js';
import { isDatasetSource, mapEvent, type ErrorSource, type PrisonMapErrorDetail } from './shared/events.js';
import { normalizeLang, strings, type Lang } from './i18n/strings.js';
import type { MapController } from './map/controller.js';
import type { PrisonMapMapLibre } from './map/public-map.js';
import type { MapModel, ModelData, ModelOptions, PreparedClusters } from './model/model.js';
import type { ViewLevel } from './model/level.js';
import { parseYear } from './model/year.js';
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
import type { PrisonMapProperties } from './prison-map-properties.js';

/** The styles the body's template needs, adopted beside the element's own when the body arrives. */
export const bodyStyles = [elementStyles, panelStyles];

type Changes = ReadonlyMap<PropertyKey, unknown>;

/** The status line's state: a failure, a slow start (not an error), a long load's progress (0..1). */
type Status = { error?: { source: ErrorSource; message: string }; slow: boolean; progress?: number };
/**
 * What the reader opened or paused: the data tables, the full legend over a narrow map (else a
 * strip), the motion (WCAG 2.2.2), and the large tables' search, order and page.
 */
type Panels = { tablesOpen: boolean; legendOpen: boolean; paused: boolean; tableViews: Partial<Record<LargeTable, Partial<TableView>>> };

interface BodyState {
  _model: MapModel | undefined;
  /** What the map draws at its zoom level (clusters, grouped arcs): the legend's arcs follow it. */
  _level: ViewLevel | undefined;
  _status: Status;
  _panels: Panels;
}

/** The element the body drives, set before any field below is initialised (they all use it). */
abstract class OfElement {
  constructor(protected readonly host: PrisonMapProperties) {}
}

/** How long a model waits for the map's new size to be followed before it is drawn anyway. */
const SIZE_FOLLOW_TIMEOUT_MS = 1000;

export class PrisonMapBody extends OfElement {
  /**
   * The body's own reactive state, as Lit's `state: true` properties are: setting one requests an
   * update of the element, and that update's `updated` sees its name as changed.
   */
  private readonly current: BodyState = {
    _model: undefined,
    _level: undefined,
    _status: { slow: false },
    _panels: { tablesOpen: false, legendOpen: false, paused: false, tableViews: {} },
  };
  /** State set since the last update read it, and what the current update changed. */
  private readonly dirty = new Set<keyof BodyState>();
  private cycle = new Set<PropertyKey>();
  /** The body has seen an update: later changes to the view are a story step's or the page's. */
  private updatedOnce = false;

  private setState<K extends keyof BodyState>(name: K, value: BodyState[K]): void {
    this.current[name] = value;
    this.dirty.add(name);
    this.host.requestUpdate();
  }

  private get _model() { return this.current._model; }
  private set _model(value) { this.setState('_model', value); }
  private get _level() { return this.current._level; }
  private set _level(value) { this.setState('_level', value); }
  private get _status() { return this.current._status; }
  private set _status(value) { this.setState('_status', value); }
  private get _panels() { return this.current._panels; }
  private set _panels(value) { this.setState('_panels', value); }

  private readonly size = new MapSizeController(this.host);
  private readonly timelineBar = new TimelineController(this.host, {
    years: () => (this.host.timeline && this.loader.value && this.loader.pipeline ? this.loader.pipeline.yearsIn(this.loader.value.data) : []),
    shown: () => this.shownYear(this.effectiveLang),
    // The reader moved the timeline (or it played): show that year, then say what it holds.
    showYear: (year) => { this.host.year = String(year); void this.host.updateComplete.then(() => this.interaction.announceYear(year)); },
  });

  private readonly env = new EnvironmentController(this.host, () => this.syncMotion());
  private readonly loader = new DataLoader(this.host, {
    request: () => this.dataRequest(),
    active: () => this.lifecycle.activated,
    onError: (dataset, message) => this.fail(dataset, message),
    onProgress: (progress) => { this._status = { ...this._status, progress }; },
  });
  private readonly lifecycle = new MapLifecycleController(this.host, {
    container: () => this.host.renderRoot.querySelector('.map-canvas') as HTMLElement,
    eager: () => this.host.loading === 'eager',
    builtInBasemap: () => !this.host.basemap,
    onActivate: () => this.host.requestUpdate(),
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
    root: () => this.host.renderRoot,
    width: () => this.host.clientWidth,
    select: (item) => this.selection.select(item),
    openCountry: (iso3) => this.selection.openCountry(iso3),
    openCluster: (key) => this.selection.openCluster(key),
    highlight: () => this.sync.highlights(),
  });
  private readonly drawing = new MapDrawing(this.host, {
    ...this.state,
    firstView: (controller, model) => this.sync.firstView(controller, model),
    motion: () => this.env.allowsMotion && !this.host.noAnimation,
    afterSetModel: () => this.sync.highlights(),
    drawn: () => { this.lifecycle.drawn(); this.preview.drop(); },
  });
  private readonly selection = new SelectionController(this.host, {
    ...this.state,
    itemName: (item) => this.interaction.itemName(item),
    announce: (text) => this.interaction.announce(text),
    focusMap: () => this.map?.getCanvas().focus(),
  });
  private readonly sync = new MapSync(this.host, {
    ...this.state,
    keyboardFacility: () => (this.interaction.keyboardItem?.kind === 'facility' ? this.interaction.keyboardItem.id : undefined),
  });
  private readonly rebuilds = new ModelRebuilds();
  /** The clusters of the last model (or of the next, once made): a rebuild for the same data and radius keeps them. */
  private preparedClusters?: PreparedClusters;
  /** Clusters being made in slices, and for what. */
  private clustering?: { facilities: ModelData['facilities']; radiusPx: number; abort: AbortController };
  private readonly fallback = new StaticFallback(this.host, {
    model: () => this._model,
    container: () => this.host.renderRoot.querySelector('.map-canvas')!,
    picture: () => ({ selected: this.host.selected, theme: this.effectiveTheme, lang: this.effectiveLang, label: this.host.label || strings(this.effectiveLang).mapLabel, projection: this.shownProjection(this.effectiveLang) }),
    onLevel: (level) => { this._level = level; },
  });
  private readonly preview = new PreviewController(this.host, {
    wanted: () => this.host.loading !== 'eager' && this.lifecycle.activated && !this.drawing.drawnOnce && !this.lifecycle.webglUnavailable,
    model: () => this._model,
    request: () => ({
      camera: this.sync.mapOptions().camera, padding: this.size.framePadding(), theme: this.effectiveTheme, lang: this.effectiveLang,
      projection: this.shownProjection(this.effectiveLang), selected: this.host.selected,
    }),
    painted: () => this.lifecycle.previewPainted(),
  });

  constructor(host: PrisonMapProperties) {
    super(host);
    new StoryStepsController(this.host);
    // While the page prints, the WebGL canvas is swapped for an image of it (it registers itself).
    new PrintController(this.host, {
      mapArea: () => this.host.renderRoot.querySelector('.map'),
      snapshot: () => this.lifecycle.controller?.snapshot(),
    });
  }

  /** The radius that follows the map's size, once it has one. */
  automaticRadius(): number | undefined {
    return this.size.automaticRadius();
  }

  get map(): PrisonMapMapLibre | undefined {
    return this.lifecycle.controller?.map;
  }

  get issues(): DataIssue[] {
    return this._model ? [...this._model.issues] : [];
  }

  whenReady(): Promise<void> {
    return this.drawing.promise;
  }

  flyTo(target: string): void {
    this.sync.flyTo(target);
  }

  async toImage(options: { type?: 'image/png' | 'image/svg+xml' } = {}): Promise<Blob> {
    if (!this._model) await this.whenReady();
    await this.host.updateComplete;
    const model = this._model;
    if (!model) throw new Error('the map has no data to export yet');
    const { elementImage } = await import('./ui/element-image.js');
    const lang = this.effectiveLang;
    return elementImage({
      root: this.host.renderRoot, data: model.data, model, map: this.lifecycle.controller, still: this.lifecycle.still, label: this.host.label, selected: this.host.selected,
      // The legend of the level the map shows (or, without one, the no-WebGL picture's).
      legend: this.host.noLegend ? undefined : { model: model.legend, level: this.lifecycle.controller?.level ?? this._level },
      lang, theme: this.effectiveTheme, globe: this.shownProjection(lang) === 'globe', type: options.type,
    });
  }

  get effectiveLang(): Lang {
    return normalizeLang(this.host.lang || this.env.inheritedLang);
  }

  get effectiveTheme(): Theme {
    if (this.host.theme === 'light' || this.host.theme === 'dark') return this.host.theme;
    return this.env.systemDark ? 'dark' : 'light';
  }

  willUpdate(changed: Changes): void {
    this.cycle = new Set([...changed.keys(), ...this.dirty]);
    this.dirty.clear();
    // A story step, the timeline or the page changing the view wants the interactive map.
    if (this.updatedOnce && (['focusOn', 'selected', 'year', 'center', 'zoom', 'projection'] as const).some((p) => changed.has(p))) this.lifecycle.want();
    const dataChanged = (['facilities', 'transfers', 'countries', 'facilitiesData', 'transfersData', 'countriesData'] as const).some((p) => changed.has(p));
    if (dataChanged) this.drawing.dataRequested();
    const { value: input, pipeline } = this.loader;
    const rebuild = input && pipeline && this.rebuilds.next(input, this.host.maxRadius, (name) => changed.has(name));
    if (!input || !pipeline || !rebuild) return;
    const data = pipeline.dataInYear(input.data, this.shownYear(this.effectiveLang));
    const options: ModelOptions = {
      maxRadius: this.host.maxRadius, statusColors: statusColorsOf(this.host), cluster: this.host.cluster, ...(this.host.maxFlows != null ? { maxFlows: Number(this.host.maxFlows) } : {}) };
    // Thousands of facilities are clustered in slices first; the model on screen stays until then.
    if (!pipeline.clustersPrepared(this.preparedClusters, data, options)) {
      this.prepareClusters(pipeline, data, options);
      return;
    }
    // Clusters still being made are for other data or another radius.
    this.clustering?.abort.abort();
    this.clustering = undefined;
    this.rebuilds.built();
    if (rebuild.newData) {
      this._panels = { ...this._panels, tableViews: {} };
      if (input.data.errors.length === 0 && this._status.error && isDatasetSource(this._status.error.source)) this._status = { ...this._status, error: undefined };
      this.interaction.reset();
    }
    this.selection.openCluster(undefined);
    this._model = pipeline.buildModel(data, input.anchors, options, this.preparedClusters);
    this._level = undefined;
    this.drawing.modelBuilt(this._model, !rebuild.newData && this.size.radiusFollowedSize, rebuild.yearOnly);
    this.size.radiusFollowedSize = false;
  }

  updated(changed: Changes): void {
    // What changed in this update: the element's properties, and the body's state set before or
    // during it (state set from here on is the next update's).
    const cycle = new Set([...this.cycle, ...changed.keys(), ...this.dirty]);
    this.dirty.clear();
    this.updatedOnce = true;
    const has = (name: string) => cycle.has(name);
    if (this.lifecycle.webglUnavailable && (has('_model') || has('lang') || has('theme') || has('projection'))) void this.fallback.draw();
    this.sync.update(has, { theme: this.effectiveTheme, lang: this.effectiveLang, projection: this.shownProjection(this.effectiveLang) });
    if (has('_model') && this.lifecycle.controller) this.drawModel(this.lifecycle.controller);
    if (has('noAnimation') || has('_panels')) this.syncMotion();
  }

  render(): TemplateResult {
    const lang = this.effectiveLang;
    const controller = this.lifecycle.controller;
    return elementTemplate({
      lang, theme: this.effectiveTheme, projection: this.shownProjection(lang), label: this.host.label,
      model: this._model, ui: this.loader.pipeline, level: this._level,
      fallback: this.lifecycle.webglUnavailable, still: controller ? undefined : this.lifecycle.still, preview: this.preview.canvas, staticMap: this.fallback.template,
      placeholder: !this.lifecycle.hasDrawn && !this.fallback.template && !this.preview.canvas,
      timeline: this.timelineBar.template(lang), card: this.selection.card(), status: statusLine({ ...this._status, loaded: !!this._model }, lang),
      selected: this.host.selected, motion: !this.host.noAnimation && !this.env.reducedMotion, ...this._panels,
      noLegend: this.host.noLegend, noExport: this.host.noExport,
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
    if (this._model) this.drawModel(controller);
    else if (this.host.focusOn) this.flyTo(this.host.focusOn);
    this.sync.highlights();
    this.syncMotion();
  }

  /** Makes the clusters the next model needs in slices (one making at a time: a newer one stops the older), then asks for an update. */
  private prepareClusters(pipeline: Pipeline, data: ModelData, options: ModelOptions): void {
    const making = this.clustering;
    if (making && pipeline.clustersPrepared(making, data, options)) return;
    making?.abort.abort();
    const clustering = { facilities: data.facilities, radiusPx: pipeline.clusterRadiusPx(options.maxRadius), abort: new AbortController() };
    this.clustering = clustering;
    pipeline.prepareClusters(data, options, undefined, clustering.abort.signal).then((prepared: PreparedClusters) => {
      if (this.clustering !== clustering) return;
      this.clustering = undefined;
      this.preparedClusters = prepared;
      this.host.requestUpdate();
    }, () => undefined);
  }

  /**
   * Draws the model on the map, unless a newer one is on its way, or the legend it brought takes enough room from the map to
   * change the automatic radius: then the model built for the new radius is drawn instead. Should
   * the radius stay (a radius the page fixed), this one is drawn once the size has been followed.
   */
  private drawModel(controller: MapController): void {
    // A newer model is being prepared (clustered in slices): it is drawn when built.
    if (this.rebuilds.waiting) return;
    if (!this.size.radiusAboutToShrink()) {
      this.drawing.draw(controller);
      return;
    }
    const model = this._model;
    // Should the observer not report (the element hidden meanwhile), the model is drawn anyway.
    const followed = Promise.race([this.size.nextSizeFollowed(), new Promise((resolve) => setTimeout(resolve, SIZE_FOLLOW_TIMEOUT_MS))]);
    void followed.then(() => this.host.updateComplete).then(() => {
      if (this._model === model && !this.rebuilds.waiting && this.lifecycle.controller === controller) this.drawing.draw(controller);
    });
  }

  private panels(patch: Partial<Panels>): void {
    this._panels = { ...this._panels, ...patch };
  }

  private syncMotion(): void {
    this.lifecycle.controller?.setAnimated(!this.host.noAnimation && !this._panels.paused && this.env.allowsMotion);
  }

  /** The map's zoom level changed what is drawn (clusters, grouped arcs). */
  private onLevel(level: ViewLevel): void {
    if (this._level?.legendKey !== level.legendKey) this._level = level;
    this.interaction.onLevel(level);
  }

  private fail(source: ErrorSource, message: string): void {
    this._status = { ...this._status, error: { source, message } };
    this.drawing.failed(new Error(message));
    this.host.dispatchEvent(mapEvent<PrisonMapErrorDetail>('prison-map-error', { source, message }));
  }

  private shownYear(lang: Lang): number | undefined {
    const year = parseYear(this.host.year);
    if (year === undefined && this.host.year) this.warnOnce('year', this.host.year, strings(lang).invalidYear(this.host.year));
    return year;
  }

  private shownProjection(lang: Lang): 'mercator' | 'globe' {
    const value = (this.host.projection ?? '').trim().toLowerCase();
    if (value === 'globe') return 'globe';
    if (value && value !== 'mercator') this.warnOnce('projection', this.host.projection, strings(lang).invalidProjection(this.host.projection));
    return 'mercator';
  }

  private readonly bindings = new BindingGuard();

  private dataRequest(): DataRequest {
    const host = this.host;
    return {
      facilities: host.facilities, transfers: host.transfers, countries: host.countries,
      facilitiesData: host.facilitiesData, transfersData: host.transfersData, countriesData: host.countriesData,
      misbound: this.bindings.check(host),
    };
  }

  private readonly warned = new Map<'year' | 'projection', string>();

  private warnOnce(attribute: 'year' | 'projection', value: string, message: string): void {
    if (this.warned.get(attribute) === value) return;
    this.warned.set(attribute, value);
    console.warn(`<prison-map> ${message}`);
  }
}
