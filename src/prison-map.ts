import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { BindingGuard } from './binding-mistakes.js';
import { DataLoader } from './controllers/data-loader.js';
import { PrisonMapProperties } from './prison-map-properties.js';
import { EnvironmentController, statusColorsOf } from './controllers/environment.js';
import { Interaction } from './controllers/interaction.js';
import { MapLifecycleController } from './controllers/map-lifecycle.js';
import { PrintController } from './controllers/print.js';
import type { DataIssue } from './data/types.js';
import type { Theme } from './encodings/palette.js';
import { automaticMaxRadius } from './encodings/shell.js';
import { Deferred, isDatasetSource, mapEvent, type ErrorSource, type PrisonMapErrorDetail, type PrisonMapReadyDetail, type PrisonMapSelectDetail } from './shared/events.js';
import { formatNumber, normalizeLang, strings, type Lang } from './i18n/strings.js';
import type { MapController } from './map/controller.js';
import type { PrisonMapMapLibre } from './map/public-map.js';
import type { MapModel, SelectableItem } from './model/model.js';
import type { ViewLevel } from './model/level.js';
import { yieldToMain } from './shared/scheduling.js';
import { markStartup } from './shared/timing.js';
import { parseYear } from './model/year.js';
import { timelineTemplate } from './ui/timeline.js';
import { unwatchStoryStepsFor, watchStoryStepsFor } from './controllers/story-steps.js';
import { dataCamera, explicitCamera } from './model/camera.js';
import { controlsTemplate } from './ui/controls.js';
import type { LargeTable } from './ui/data-table.js';
import type { TableView } from './ui/table-view.js';
import { panelStyles } from './ui/panel-styles.js';
import { elementStyles } from './ui/styles.js';

/** The control bar over the map's top edge (styles.ts: 10 px inset + 32 px buttons) and a gap. */
const CONTROL_BAR_HEIGHT = 48;

export type { ErrorSource, PrisonMapErrorDetail, PrisonMapReadyDetail, PrisonMapSelectDetail };

/** The timeline plays a year every this many ms. */
export const TIMELINE_STEP_MS = 1500;

/**
 * A map of prison facilities, sized by capacity, and the transfers of inmates between countries.
 *
 * @fires {PrisonMapReadyDetail} prison-map-ready - The map has drawn the current data. Detail: `{facilities, transfers, issues}`.
 * @fires {PrisonMapSelectDetail} prison-map-select - The reader selected or cleared an item. Detail: `{kind, id}`.
 * @fires {PrisonMapErrorDetail} prison-map-error - A dataset could not be loaded, or the map could not be created. Detail: `{source, message}`.
 *
 * @csspart map - The map area.
 * @csspart legend - The legend.
 * @csspart tooltip - The hover tooltip.
 * @csspart details - The details card of the selected item.
 * @csspart table - The data tables.
 * @csspart status - Loading and error messages.
 *
 * @cssprop --prison-map-height - Height of the element (default 480px).
 * @cssprop --prison-map-font - Font family of all text.
 * @cssprop --prison-map-background - Background behind the map while it loads.
 * @cssprop --prison-map-space - Around the globe (`projection="globe"`).
 * @cssprop --prison-map-text - Text colour of the legend, cards and tables.
 * @cssprop --prison-map-panel - Background of the legend, cards and tables.
 * @cssprop --prison-map-radius - Corner radius of panels.
 * @cssprop --prison-map-muted - Secondary text colour.
 * @cssprop --prison-map-border - Border colour of panels.
 * @cssprop --prison-map-focus - Focus ring colour.
 * @cssprop --prison-map-status-operational - Circle colour of operational facilities.
 * @cssprop --prison-map-status-under-construction - Circle colour of facilities under construction.
 * @cssprop --prison-map-status-planned - Circle colour of planned facilities.
 * @cssprop --prison-map-status-on-hold - Circle colour of facilities on hold.
 * @cssprop --prison-map-status-cancelled - Circle colour of cancelled facilities.
 */
export class PrisonMapElement extends PrisonMapProperties {
  static override styles = [elementStyles, panelStyles];

  static override properties = {
    ...PrisonMapProperties.properties,
    _model: { state: true, attribute: false },
    _error: { state: true, attribute: false },
    _openCountry: { state: true, attribute: false },
    _openCluster: { state: true, attribute: false },
    _tablesOpen: { state: true, attribute: false },
    _paused: { state: true, attribute: false },
    _staticMap: { state: true, attribute: false },
    _legendOpen: { state: true, attribute: false },
    _tableViews: { state: true, attribute: false },
    _level: { state: true, attribute: false },
    _progress: { state: true, attribute: false },
    _playing: { state: true, attribute: false },
  };

  declare private _model: MapModel | undefined;
  /** What the map draws at its zoom level (clusters, grouped arcs): the legend's arcs follow it. */
  declare private _level: ViewLevel | undefined;
  /** A long load's progress (0..1), shown in the status part. */
  declare private _progress: number | undefined;
  /** The timeline is playing through the years. */
  declare private _playing: boolean;
  private playTimer?: ReturnType<typeof setInterval>;
  /** The model was rebuilt for a new `year`: the map animates the change. */
  private yearChanged = false;
  /** The value of each attribute a console warning was last given for, so that it is given once. */
  private readonly warned = new Map<'year' | 'projection', string>();
  declare private _error: { source: ErrorSource; message: string } | undefined;
  /** A shaded country whose card is open (countries are not `selected` items in the contract). */
  declare private _openCountry: string | undefined;
  /** A cluster the reader clicked (or expanded with Enter): its card describes it. */
  declare private _openCluster: string | undefined;
  declare private _tablesOpen: boolean;
  /** The reader paused the motion (WCAG 2.2.2). */
  declare private _paused: boolean;
  /** Without WebGL: a static SVG picture of the same facilities and transfers. */
  declare private _staticMap: TemplateResult | undefined;
  /** On a narrow map the legend is a strip; the reader opened the full legend over the map. */
  declare private _legendOpen: boolean;
  /** Search, order and page of the large tables (over 500 rows). */
  declare private _tableViews: Partial<Record<LargeTable, Partial<TableView>>>;
  /** The map area's size in CSS px, once laid out (the automatic `max-radius` follows it). */
  private mapBox?: { width: number; height: number };

  private readonly bindings = new BindingGuard();
  private readonly env = new EnvironmentController(this, () => this.syncMotion());
  private readonly loader = new DataLoader(this, {
    request: () => ({
      facilities: this.facilities, transfers: this.transfers, countries: this.countries,
      facilitiesData: this.facilitiesData, transfersData: this.transfersData, countriesData: this.countriesData,
      misbound: this.bindings.check(this),
    }),
    active: () => this.active,
    onError: (dataset, message) => this.fail(dataset, message),
    onProgress: (done) => { this._progress = done; },
  });
  private readonly lifecycle = new MapLifecycleController(this, {
    container: () => this.renderRoot.querySelector('.map-canvas') as HTMLElement,
    eager: () => this.loading === 'eager',
    onActivate: () => {
      this.active = true;
      this.requestUpdate();
      // Everything a map needs is asked for at once: the data (this update), MapLibre (the
      // lifecycle, next), and the built-in basemap archive's header and directory, which would
      // otherwise wait for MapLibre's chunk to arrive before being requested.
      if (!this.basemap) prefetchBuiltInBasemap();
    },
    mapOptions: () => ({
      basemapUrl: this.basemap ? new URL(this.basemap, document.baseURI).href : undefined,
      workerUrl: this.workerUrl ? new URL(this.workerUrl, document.baseURI).href : undefined,
      theme: this.effectiveTheme,
      lang: this.effectiveLang,
      camera: explicitCamera(this.center, this.zoom) ?? dataCamera(this._model) ?? { kind: 'world' },
      projection: this.shownProjection(),
      onPointer: (hit, type) => this.interaction.onPointer(hit, type),
      onLevel: (level) => this.onLevel(level),
      framePadding: () => this.framePadding(),
      onLateStart: () => {
        if (this._error?.source === 'worker') this._error = undefined;
      },
    }),
    onMap: (controller, restored) => this.onMap(controller, restored),
    onError: (source, message) => {
      this.fail(source, message);
      if (source === 'webgl') void this.drawStaticMap();
    },
    onResize: (width, height) => {
      // Detached or hidden: no size to follow (and nothing to redraw until it is back).
      if (width === 0 || height === 0) return;
      // In the next frame, not in the observer's callback: the new radius resizes the legend, which
      // resizes the map, and a size change inside the callback is a ResizeObserver loop error.
      cancelAnimationFrame(this.resizeFrame);
      this.resizeFrame = requestAnimationFrame(() => {
        const before = this.maxRadius;
        const previousBox = this.mapBox;
        this.mapBox = { width, height };
        const after = this.maxRadius;
        if (after === before) return;
        // The legend's circles follow the radius and the map's height follows the legend: a 1 px
        // growth could shrink the map back across a pixel boundary and loop. Shrinking always
        // applies (never over 6%); growing needs 2 px.
        if (previousBox && after > before && after - before < 2) {
          this.mapBox = previousBox;
          return;
        }
        this.radiusFollowedSize = true;
        this.requestUpdate('maxRadius', before);
      });
    },
  });
  private readonly interaction = new Interaction({
    root: () => this.renderRoot,
    width: () => this.clientWidth,
    model: () => this._model,
    pipeline: () => this.loader.pipeline,
    controller: () => this.lifecycle.controller,
    lang: () => this.effectiveLang,
    reducedMotion: () => this.env.reducedMotion,
    select: (item) => this.select(item),
    openCountry: (iso3) => { this._openCountry = iso3; },
    openCluster: (key) => { this._openCluster = key; },
    highlight: () => this.syncHighlights(),
  });
  /** Set once the element has neared the viewport (or at once with loading="eager"). */
  private active = false;
  private ready = new Deferred();
  /** The model the map shows, once drawn; undefined for a map that has not drawn yet. */
  private drawnModel?: MapModel;
  /** The load the model was built from: a new one rebuilds it. */
  private modelInput?: object;
  /** The largest circle's radius the model was built with: a new one (resize, `max-radius`) rebuilds it. */
  private modelRadius?: number;
  /** A model rebuilt only because the map's size changed: drawing it is not news (no `prison-map-ready`). */
  private resizedModel?: MapModel;
  /** The data the last `prison-map-ready` was fired for, and the map that drew it. */
  private announced?: { data: object; controller: MapController };
  /** A rebuild that is news (data, `max-flows`, `cluster`) has not been announced yet, even if a resize overtook it. */
  private announcePending = false;
  private resizeFrame = 0;
  /** The automatic radius changed with the map's size since the last model. */
  private radiusFollowedSize = false;

  constructor() {
    super();
    this._tablesOpen = false;
    this._paused = false;
    this._playing = false;
    this._legendOpen = false;
    this._tableViews = {};
    // While the page prints, the WebGL canvas is swapped for an image of it (it registers itself).
    new PrintController(this, {
      mapArea: () => this.renderRoot.querySelector('.map'),
      snapshot: () => this.lifecycle.controller?.snapshot(),
    });
  }

  /** @internal */
  protected override automaticMaxRadius(): number {
    const box = this.mapBox ?? this.measureMap();
    return box ? automaticMaxRadius(box.width, box.height) : super.automaticMaxRadius();
  }

  /**
   * Room around the data when the camera frames it: the largest circle's radius on every side,
   * and the control bar's band at the top, at most a quarter of the map each way so that a small
   * map still fits.
   */
  private framePadding(): { top: number; right: number; bottom: number; left: number } {
    const box = this.mapBox ?? this.measureMap() ?? { width: 0, height: 0 };
    const edge = this.maxRadius + 8;
    const clampX = (px: number) => Math.round(Math.min(px, box.width / 4));
    const clampY = (px: number) => Math.round(Math.min(px, box.height / 4));
    return { top: clampY(CONTROL_BAR_HEIGHT + Math.min(edge, 24)), bottom: clampY(edge), left: clampX(edge), right: clampX(edge) };
  }

  /** The map area's size before the resize observer first reports it (read once, at the first model). */
  private measureMap(): { width: number; height: number } | undefined {
    const area = this.renderRoot?.querySelector?.('.map');
    if (!area || area.clientWidth === 0) return undefined;
    return { width: area.clientWidth, height: area.clientHeight };
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
    return this.ready.promise;
  }

  /** Fits the view to a facility id or country code, as `focus-on` does, without changing the attribute. */
  flyTo(target: string): void {
    const controller = this.lifecycle.controller;
    const pipeline = this.loader.pipeline;
    if (!controller || !pipeline) return;
    void pipeline.focusCamera(this._model, target).then((camera) => {
      if (camera && this.lifecycle.controller === controller) controller.moveCamera(camera, !this.env.reducedMotion);
    });
  }

  /**
   * A PNG of what the reader sees: the map, the legend (unless `no-legend`) and a credit line
   * naming the data's sources, in the current language and theme, at the device's pixel ratio.
   */
  async toImage(): Promise<Blob> {
    if (!this._model) await this.whenReady();
    await this.updateComplete;
    const model = this._model;
    const area = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!model || !area) throw new Error('the map has no data to export yet');
    const { composeImage } = await import('./ui/image-export.js');
    const picture = await this.staticPicture();
    const controller = this.lifecycle.controller;
    const style = getComputedStyle(this.renderRoot.querySelector('.frame')!);
    const color = (name: string) => style.getPropertyValue(name).trim();
    const { clientWidth: width, clientHeight: height } = area;
    return composeImage({
      width, height, pixelRatio: window.devicePixelRatio || 1,
      drawMap: (context) => {
        if (controller) controller.drawInto(context, width, height);
        else if (picture) context.drawImage(picture, 0, 0, width, height);
      },
      legend: this.noLegend ? undefined : model.legend,
      data: model.data,
      lang: this.effectiveLang,
      theme: this.effectiveTheme,
      colors: {
        text: color('--_text'), muted: color('--_muted'), panel: color('--_panel'), font: style.fontFamily,
        // Behind the map as on screen: around the globe, space.
        background: color(this.shownProjection() === 'globe' ? '--_space' : '--_background'),
      },
    });
  }

  /** Without a live map: the still image of a released map, or the no-WebGL SVG, as a loaded image. */
  private async staticPicture(): Promise<HTMLImageElement | undefined> {
    if (this.lifecycle.controller) return undefined;
    const svgElement = this.renderRoot.querySelector('.static-map svg');
    const src = svgElement
      ? URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svgElement)], { type: 'image/svg+xml' }))
      : this.lifecycle.still;
    if (!src) return undefined;
    const image = new Image();
    image.src = src;
    try {
      await image.decode();
      return image;
    } catch {
      return undefined;
    } finally {
      if (svgElement) URL.revokeObjectURL(src);
    }
  }

  get effectiveLang(): Lang {
    return normalizeLang(this.lang || this.env.inheritedLang);
  }

  get effectiveTheme(): Theme {
    if (this.theme === 'light' || this.theme === 'dark') return this.theme;
    return this.env.systemDark ? 'dark' : 'light';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const dataChanged = (['facilities', 'transfers', 'countries', 'facilitiesData', 'transfersData', 'countriesData'] as const).some((p) => changed.has(p));
    if (dataChanged && this.ready.settled) this.ready = new Deferred();
    const input = this.loader.value;
    const pipeline = this.loader.pipeline;
    const radius = this.maxRadius;
    if (!input || !pipeline || (input === this.modelInput && radius === this.modelRadius && !changed.has('maxFlows') && !changed.has('cluster') && !changed.has('year'))) return;
    const sameData = input === this.modelInput;
    if (!sameData) {
      this.modelInput = input;
      this._tableViews = {};
      if (input.data.errors.length === 0 && this._error && isDatasetSource(this._error.source)) this._error = undefined;
      this.interaction.reset();
    }
    this.modelRadius = radius;
    this.yearChanged = sameData && changed.has('year');
    this._openCluster = undefined;
    this._model = pipeline.buildModel(pipeline.dataInYear(input.data, this.shownYear()), input.anchors, {
      maxRadius: radius, statusColors: statusColorsOf(this), ...(this.maxFlows !== undefined && this.maxFlows !== null ? { maxFlows: Number(this.maxFlows) } : {}),
      cluster: this.cluster,
    });
    this._level = undefined;
    this.resizedModel = sameData && this.radiusFollowedSize ? this._model : undefined;
    if (!this.resizedModel) this.announcePending = true;
    this.radiusFollowedSize = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const has = (name: string) => changed.has(name as keyof PrisonMapElement);
    if (this.lifecycle.webglUnavailable && (has('_model') || has('lang') || has('theme') || has('projection'))) void this.drawStaticMap();
    const controller = this.lifecycle.controller;
    if (!controller) return;
    controller.setTheme(this.effectiveTheme);
    controller.setLanguage(this.effectiveLang);
    if (has('basemap')) controller.setBasemap(this.basemap || undefined);
    if (has('projection')) controller.setProjection(this.shownProjection());
    if (has('_model')) this.drawModel(controller);
    if (has('center') || has('zoom')) {
      // Flown, as `focus-on` is (a story step may set them), unless the reader asked for less motion.
      const camera = explicitCamera(this.center, this.zoom);
      if (camera) controller.moveCamera(camera, !this.env.reducedMotion);
    }
    if (has('focusOn') && this.focusOn) this.flyTo(this.focusOn);
    if (has('focusOn') || has('selected') || has('_model')) this.syncHighlights();
    if (has('noAnimation') || has('_paused')) this.syncMotion();
  }

  protected override render() {
    const lang = this.effectiveLang;
    const theme = this.effectiveTheme;
    const t = strings(lang);
    const model = this._model;
    const ui = this.loader.pipeline;
    const fallback = this.lifecycle.webglUnavailable;
    const summary = ui && model ? guard([model, lang], () => ui.summaryText(model.data, lang)) : '';
    return html`<div class="frame ${theme} ${this.shownProjection()}" @keydown=${this.onKeydown}>
      <div class="map" part="map" role="region" aria-label=${this.label || t.mapLabel} aria-describedby="summary keyboard-hint"
        @keydown=${this.interaction.onMapKeydown}>
        <div class="map-canvas"></div>
        ${this.lifecycle.still && !this.lifecycle.controller ? html`<img class="still" src=${this.lifecycle.still} alt="">` : nothing}
        ${this._staticMap ? html`<div class="static-map">${this._staticMap}</div>` : nothing}
      </div>
      ${fallback && summary ? html`<p class="fallback-summary">${summary}</p>` : nothing}
      ${this.timelineContent(lang)}
      <p id="summary" class="visually-hidden">${summary}</p>
      <p id="keyboard-hint" class="visually-hidden">${t.keyboardHint}</p>
      ${controlsTemplate({
        lang,
        navigation: !!model && !fallback,
        motion: !!model?.flows.length && !this.noAnimation && !this.env.reducedMotion && !fallback,
        paused: this._paused,
        data: !!model,
        tablesOpen: this._tablesOpen,
        download: !!model && !this.noExport,
        onDownload: () => void this.downloadImage(),
        onZoom: (delta) => this.lifecycle.controller?.zoomBy(delta, !this.env.reducedMotion),
        onReset: () => this.resetView(),
        onTogglePause: () => { this._paused = !this._paused; },
        onToggleTables: () => { this._tablesOpen = !this._tablesOpen; },
      })}
      ${this.noLegend || !model || !ui ? nothing : html`<div class="legend-dock" part="legend">
        <div id="legend-panel" class=${this._legendOpen ? 'legend open' : 'legend'}>${guard([model, lang, theme, this._level?.omitted, this._level?.largest?.count], () => ui.legendTemplate(ui.levelLegend(model.legend, this._level), lang, theme))}</div>
        <div class="legend-strip">${ui.legendStripTemplate(model.legend, lang, this._legendOpen, this.toggleLegend)}</div>
      </div>`}
      <div class="tooltip" part="tooltip" role="tooltip" hidden></div>
      ${this.cardContent(lang)}
      <div id="tables" part="table" class=${this._tablesOpen ? 'tables open' : 'tables visually-hidden'}
        role="region" aria-label=${t.showData} tabindex=${this._tablesOpen ? '0' : '-1'}>
        ${ui && model ? guard([model, lang, this.selected, this._tablesOpen, this._tableViews], () => ui.dataTablesTemplate({
          ...model.data, lang, selected: this.selected, open: this._tablesOpen, views: this._tableViews,
          onView: (table, patch) => { this._tableViews = { ...this._tableViews, [table]: { ...this._tableViews[table], ...patch } }; },
        })) : nothing}
      </div>
      <div class="status" part="status" role=${this._error ? 'alert' : 'status'}>${this.statusText(lang)}</div>
      <div class="visually-hidden announcer" aria-live="polite"></div>
    </div>`;
  }

  private cardContent(lang: Lang) {
    const model = this._model;
    const pipeline = this.loader.pipeline;
    const cluster = !this.selected ? model?.clusters?.cluster(this._openCluster) : undefined;
    const card = model && pipeline && (cluster
      ? pipeline.clusterCardTemplate(model, cluster, lang, () => this.closeCard(), (id) => this.select({ kind: 'facility', id }))
      : pipeline.cardFor(model.data, { selected: this.selected, country: this._openCountry }, lang, () => this.closeCard()));
    return card ? html`<div class="card" part="details">${card}</div>` : nothing;
  }

  private statusText(lang: Lang): string {
    const t = strings(lang);
    if (!this._error) {
      if (this._model) return '';
      return this._progress === undefined ? t.loading : t.loadingProgress(new Intl.NumberFormat(lang, { style: 'percent' }).format(this._progress));
    }
    const { source, message } = this._error;
    return isDatasetSource(source) ? t.loadFailed(t.datasetName[source], message) : t.mapFailed(message);
  }

  private onMap(controller: MapController, restored: boolean): void {
    // A map coming back after giving its context away keeps the view the reader left.
    this.drawnModel = restored ? this._model : undefined;
    if (this._model) this.drawModel(controller);
    else if (this.focusOn) this.flyTo(this.focusOn);
    this.syncHighlights();
    this.syncMotion();
  }

  /** Pushes the model to the map and fires `prison-map-ready` once it is drawn. */
  private drawModel(controller: MapController): void {
    const model = this._model;
    if (!model) return;
    const first = this.drawnModel === undefined;
    this.drawnModel = model;
    // In a task of its own: with thousands of facilities, building the model and rendering its
    // panels, and handing it to the map, are each long; together they would block the page.
    void yieldToMain().then(() => {
      if (this._model !== model || this.lifecycle.controller !== controller) return;
      if (first) {
        // The legend rendered with this model may have just shrunk the map: fit to the size it has now.
        controller.resize();
        // The first view: `focus-on`, else the page's centre, else everything drawn. Before the
        // data, so that what is drawn for the zoom level (clusters, arcs) is computed once.
        if (this.focusOn) this.flyTo(this.focusOn);
        else if (!explicitCamera(this.center, this.zoom)) {
          const camera = dataCamera(model);
          if (camera) controller.moveCamera(camera, false);
        }
      }
      // A new year (and nothing else): facilities grow in and shrink out, unless motion is off.
      const yearOnly = !first && this.yearChanged && this.env.allowsMotion && !this.noAnimation;
      this.yearChanged = false;
      controller.setModel(model, yearOnly);
      if (first) markStartup('model-drawn');
      this.syncHighlights();
      this.drawn(model, controller);
    });
  }

  /** Once the map has drawn a model: ready, and `prison-map-ready` unless it was only resized. */
  private drawn(model: MapModel, controller: MapController): void {
    void controller.whenDrawn().then(() => {
      if (this._model !== model || this.lifecycle.controller !== controller) return;
      this.lifecycle.drawn();
      const errors = model.data.errors;
      if (errors.length > 0) this.ready.reject(new Error(errors.map((e) => e.message).join('; ')));
      else this.ready.resolve();
      // A rebuild for a new size is not news, unless this map's first drawing of the data was overtaken by it.
      if (model === this.resizedModel && !this.announcePending && this.announced?.data === model.data && this.announced.controller === controller) return;
      this.announced = { data: model.data, controller };
      this.announcePending = false;
      markStartup('ready');
      this.dispatchEvent(mapEvent<PrisonMapReadyDetail>('prison-map-ready', { facilities: model.facilities.length, transfers: model.flows.length, issues: this.issues }));
    }, () => undefined);
  }

  private syncHighlights(): void {
    const controller = this.lifecycle.controller;
    if (!controller) return;
    const model = this._model;
    const walked = this.interaction.keyboardItem;
    const keyboard = walked?.kind === 'facility' ? walked.id : undefined;
    controller.highlightFacility((model?.facility(this.selected) ?? model?.facility(keyboard) ?? model?.facility(this.focusOn))?.id);
    controller.highlightCountry(this.focusOn && !model?.facility(this.focusOn) ? this.focusOn : undefined);
    controller.selectTransfer(model?.transfer(this.selected)?.id);
  }

  private syncMotion(): void {
    this.lifecycle.controller?.setAnimated(!this.noAnimation && !this._paused && this.env.allowsMotion);
  }

  /** The `year` shown, if it is one (an invalid value is reported once and shows everything). */
  private shownYear(): number | undefined {
    const year = parseYear(this.year);
    if (year === undefined && this.year) this.warnOnce('year', this.year, strings(this.effectiveLang).invalidYear(this.year));
    return year;
  }

  /** The projection drawn: `globe` or else the flat map (an invalid value is reported once). */
  private shownProjection(): 'mercator' | 'globe' {
    const value = (this.projection ?? '').trim().toLowerCase();
    if (value === 'globe') return 'globe';
    if (value && value !== 'mercator') this.warnOnce('projection', this.projection, strings(this.effectiveLang).invalidProjection(this.projection));
    return 'mercator';
  }

  /** Reports an invalid attribute value on the console, once per value. */
  private warnOnce(attribute: 'year' | 'projection', value: string, message: string): void {
    if (this.warned.get(attribute) === value) return;
    this.warned.set(attribute, value);
    console.warn(`<prison-map> ${message}`);
  }

  /** The timeline bar, over the years the whole data names. */
  private timelineContent(lang: Lang) {
    const input = this.loader.value;
    const years = this.timeline && input && this.loader.pipeline ? this.loader.pipeline.yearsIn(input.data) : [];
    if (years.length === 0) return nothing;
    const first = years[0];
    const last = years[years.length - 1];
    const year = Math.min(last, Math.max(first, this.shownYear() ?? last));
    return timelineTemplate({
      lang, first, last, year, playing: this._playing,
      onYear: (value) => this.showYear(value),
      onTogglePlay: () => (this._playing ? this.stopPlaying() : this.play(first, last, year)),
    });
  }

  /** The reader moved the timeline (or it played): show that year and say what it holds. */
  private showYear(year: number): void {
    this.year = String(year);
    void this.updateComplete.then(() => {
      const model = this._model;
      if (!model) return;
      const n = (value: number) => formatNumber(value, this.effectiveLang);
      this.interaction.announce(strings(this.effectiveLang).yearShown(String(year), model.facilities.length, n(model.facilities.length), model.flows.length, n(model.flows.length)));
    });
  }

  /** Plays from `from` (the first year when already at the end), a year every {@link TIMELINE_STEP_MS}, stopping at the last. */
  private play(first: number, last: number, from: number): void {
    let year = from >= last ? first : from;
    this._playing = true;
    this.showYear(year);
    this.playTimer = setInterval(() => {
      year += 1;
      this.showYear(year);
      if (year >= last) this.stopPlaying();
    }, TIMELINE_STEP_MS);
  }

  private stopPlaying(): void {
    clearInterval(this.playTimer);
    this.playTimer = undefined;
    this._playing = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Story steps elsewhere in the page (`data-prison-map-step`) drive this map by its id.
    watchStoryStepsFor(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatchStoryStepsFor(this);
    this.stopPlaying();
  }

  /** The map's zoom level changed what is drawn (clusters, grouped arcs). */
  private onLevel(level: ViewLevel): void {
    if (this._level?.omitted !== level.omitted || this._level?.largest?.count !== level.largest?.count) this._level = level;
    this.interaction.onLevel(level);
  }

  /** A selection made by the reader: reflects to `selected`, announces it and fires `prison-map-select`. */
  private select(item: SelectableItem | undefined): void {
    this._openCluster = undefined;
    if ((item?.id ?? undefined) === (this.selected || undefined)) return;
    this.selected = item?.id;
    const name = item ? this.interaction.itemName(item) : '';
    this.interaction.announce(name ? strings(this.effectiveLang).selectedAnnouncement(name) : '');
    this.dispatchEvent(mapEvent<PrisonMapSelectDetail>('prison-map-select', item ? { kind: item.kind, id: item.id } : { kind: null, id: null }));
  }

  /** Back to the view that shows all the data (or the page's own centre and zoom). */
  private resetView(): void {
    const camera = explicitCamera(this.center, this.zoom) ?? dataCamera(this._model);
    if (camera) this.lifecycle.controller?.moveCamera(camera, !this.env.reducedMotion);
  }

  /** The "download image" control: saves what `toImage()` gives. */
  private async downloadImage(): Promise<void> {
    const blob = await this.toImage();
    const url = URL.createObjectURL(blob);
    const link = Object.assign(document.createElement('a'), { href: url, download: 'prison-map.png' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  private toggleLegend = () => {
    this._legendOpen = !this._legendOpen;
  };

  private closeCard(): void {
    this._openCountry = undefined;
    this._openCluster = undefined;
    this.select(undefined);
    this.map?.getCanvas().focus();
  }

  private onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && (this.selected || this._openCountry || this._openCluster)) {
      event.stopPropagation();
      this.closeCard();
    }
  };

  private fail(source: ErrorSource, message: string): void {
    this._error = { source, message };
    this.ready.reject(new Error(message));
    this.dispatchEvent(mapEvent<PrisonMapErrorDetail>('prison-map-error', { source, message }));
  }

  /** Without WebGL: the same marks as a static SVG picture (ui/static-map.ts), beside the summary and tables. */
  private async drawStaticMap(): Promise<void> {
    const model = this._model;
    if (!model) return;
    const { staticMapOf } = await import('./ui/static-map.js');
    const template = await staticMapOf(model, this.renderRoot.querySelector('.map-canvas')!, {
      selected: this.selected, theme: this.effectiveTheme, lang: this.effectiveLang, label: this.label || strings(this.effectiveLang).mapLabel,
      projection: this.shownProjection(),
    });
    if (this._model === model) this._staticMap = template;
  }
}

/** Starts reading the built-in basemap's archive (its header and directory, shared by every map on the page). */
function prefetchBuiltInBasemap(): void {
  void import('./map/basemap-source.js')
    .then(({ prefetchBasemapArchive }) => prefetchBasemapArchive())
    // A failure here is reported by the map itself, which asks again.
    .catch(() => undefined);
}

declare global {
  interface HTMLElementTagNameMap {
    'prison-map': PrisonMapElement;
  }
  interface HTMLElementEventMap {
    'prison-map-ready': CustomEvent<PrisonMapReadyDetail>;
    'prison-map-select': CustomEvent<PrisonMapSelectDetail>;
    'prison-map-error': CustomEvent<PrisonMapErrorDetail>;
  }
}
