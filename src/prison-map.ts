import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FACILITY_STATUSES, type CountriesInput, type DataIssue, type Facility, type FacilitiesInput, type FacilityStatus, type Transfer, type TransfersInput } from './data/types.js';
import { parseCenter } from './geo/center.js';
import { normalizeLang, strings, type Lang } from './i18n/strings.js';
import type { Camera, MapController, PointerHit, Theme } from './map/controller.js';
import type { LoadedData, MapModel } from './pipeline.js';

/** Radius in CSS px of the largest capacity, when `max-radius` is absent or invalid. */
const DEFAULT_MAX_RADIUS = 36;
import { legendTemplate } from './ui/legend.js';
import { acquireContext, distanceToViewport, forgetContext, type ContextHolder } from './map/context-budget.js';
import { keyAction, navigationOrder } from './ui/keyboard.js';
import { MotionPolicy } from './ui/motion.js';
import { panelStyles } from './ui/panel-styles.js';
import { elementStyles } from './ui/styles.js';

export type ErrorSource = 'facilities' | 'transfers' | 'countries' | 'basemap' | 'webgl' | 'worker';

export interface PrisonMapReadyDetail {
  facilities: number;
  transfers: number;
  issues: DataIssue[];
}
export interface PrisonMapErrorDetail {
  source: ErrorSource;
  message: string;
}
export interface PrisonMapSelectDetail {
  kind: 'facility' | 'transfer' | null;
  id: string | null;
}

/** How far outside the viewport a lazy map starts loading, as on `<img loading="lazy">`. */
const LAZY_ROOT_MARGIN = '300px';

/**
 * A map of prison facilities, sized by capacity, and the transfers of inmates between countries.
 *
 * @fires prison-map-ready - The map has drawn the current data. Detail: `{facilities, transfers, issues}`.
 * @fires prison-map-select - The reader selected or cleared an item. Detail: `{kind, id}`.
 * @fires prison-map-error - A dataset could not be loaded, or the map could not be created. Detail: `{source, message}`.
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
export class PrisonMapElement extends LitElement implements ContextHolder {
  static override styles = [elementStyles, panelStyles];

  static override properties = {
    facilities: { type: String },
    transfers: { type: String },
    countries: { type: String },
    lang: { type: String },
    center: { type: String },
    zoom: { type: Number },
    focusOn: { type: String, attribute: 'focus-on', reflect: true },
    selected: { type: String, reflect: true },
    basemap: { type: String },
    theme: { type: String },
    maxRadius: { type: Number, attribute: 'max-radius' },
    label: { type: String },
    loading: { type: String },
    workerUrl: { type: String, attribute: 'worker-url' },
    noAnimation: { type: Boolean, attribute: 'no-animation' },
    noLegend: { type: Boolean, attribute: 'no-legend' },
    facilitiesData: { attribute: false },
    transfersData: { attribute: false },
    countriesData: { attribute: false },
    _model: { state: true, attribute: false },
    _error: { state: true, attribute: false },
    _systemDark: { state: true, attribute: false },
    _inheritedLang: { state: true, attribute: false },
    _hover: { state: true, attribute: false },
    _openCountry: { state: true, attribute: false },
    _tablesOpen: { state: true, attribute: false },
    _paused: { state: true, attribute: false },
    _announcement: { state: true, attribute: false },
    _still: { state: true, attribute: false },
    _staticMap: { state: true, attribute: false },
  };

  /** URL of the facilities (GeoJSON or CSV). Without any data URL or property, the bundled dataset is shown. */
  declare facilities: string | undefined;
  /** URL of the transfers (JSON or CSV). */
  declare transfers: string | undefined;
  /** URL of the country context (JSON or CSV). */
  declare countries: string | undefined;
  /** `en` or `es`; when absent, the closest ancestor's `lang`, else `en`. */
  declare lang: string;
  /** Initial centre as "lat,lng"; when absent, the view fits the data. */
  declare center: string | undefined;
  /** Initial zoom; when absent, the view fits the data. */
  declare zoom: number | undefined;
  /** A facility id or ISO 3166-1 alpha-3 code to fit the view to and highlight. */
  declare focusOn: string | undefined;
  /** Id of the facility or transfer whose details are open. */
  declare selected: string | undefined;
  /** URL of a MapLibre style JSON that replaces the built-in offline basemap. */
  declare basemap: string | undefined;
  /** `light`, `dark` or `auto` (follows `prefers-color-scheme`). */
  declare theme: 'light' | 'dark' | 'auto';
  /** Radius in CSS px of the largest capacity in the data. */
  declare maxRadius: number;
  /** Accessible name of the map; defaults to a localized "Map of prison facilities and transfers". */
  declare label: string | undefined;
  /** `lazy` creates the map only when the element nears the viewport; `eager` at once. */
  declare loading: 'lazy' | 'eager';
  /** URL of the MapLibre worker script, for self-hosting under a strict CSP. */
  declare workerUrl: string | undefined;
  /** Draw transfers without motion. */
  declare noAnimation: boolean;
  /** Hide the legend. */
  declare noLegend: boolean;
  /** Facilities as a GeoJSON FeatureCollection; wins over the `facilities` URL. */
  declare facilitiesData: FacilitiesInput | undefined;
  /** Transfers as an array of objects; wins over the `transfers` URL. */
  declare transfersData: TransfersInput | undefined;
  /** Country context as an array of objects; wins over the `countries` URL. */
  declare countriesData: CountriesInput | undefined;

  declare private _model: MapModel | undefined;
  declare private _error: { source: ErrorSource; message: string } | undefined;
  declare private _systemDark: boolean;
  declare private _inheritedLang: string | undefined;
  /** What the pointer is over, for the tooltip. */
  declare private _hover: PointerHit | undefined;
  /** A shaded country whose card is open (countries are not `selected` items in the contract). */
  declare private _openCountry: string | undefined;
  declare private _tablesOpen: boolean;
  /** The reader paused the motion (WCAG 2.2.2). */
  declare private _paused: boolean;
  /** Text for the live region: what was just selected. */
  declare private _announcement: string;
  /** A still image of the last view, shown while this map has given its WebGL context back. */
  declare private _still: string | undefined;
  /** Without WebGL: a static SVG picture of the same facilities and transfers. */
  declare private _staticMap: TemplateResult | undefined;
  private webglUnavailable = false;
  /** The view to come back to when a released map is created again. */
  private releasedView?: Camera;
  private readonly motion = new MotionPolicy(this, () => this.syncMotion());
  /** The item the arrow keys are on. */
  private keyboardItem?: { kind: 'facility' | 'transfer'; id: string };

  private controller?: MapController;
  private controllerPromise?: Promise<void>;
  private loadAbort?: AbortController;
  private lazyObserver?: IntersectionObserver;
  private resizeObserver?: ResizeObserver;
  private langObserver?: MutationObserver;
  private darkQuery?: MediaQueryList;
  private teardownTimer?: ReturnType<typeof setTimeout>;
  private pipeline?: typeof import('./pipeline.js');
  /** Set once the element has neared the viewport (or at once with loading="eager"): data and map load from then on. */
  private activated = false;
  private ready = new Deferred();
  private drawnGeneration = -1;
  private dataGeneration = 0;
  /** Issues only the map can find (an endpoint with no place on it), for the current data. */
  private mapIssues: DataIssue[] = [];

  constructor() {
    super();
    this.theme = 'auto';
    this.maxRadius = DEFAULT_MAX_RADIUS;
    this.loading = 'lazy';
    this.noAnimation = false;
    this.noLegend = false;
    this._systemDark = false;
    this._tablesOpen = false;
    this._paused = false;
    this._announcement = '';
  }

  /** The MapLibre `Map` once created, else undefined. An escape hatch, not the main API. */
  get map(): import('maplibre-gl').Map | undefined {
    return this.controller?.map;
  }

  /** Problems found in the data of the last load; each names its dataset, row and field. */
  get issues(): DataIssue[] {
    return this._model ? [...this._model.data.issues, ...this.mapIssues] : [];
  }

  /** Resolves once the map has drawn the current data; rejects when data or map creation fails. */
  whenReady(): Promise<void> {
    return this.ready.promise;
  }

  /** Fits the view to a facility id or country code, as `focus-on` does, without changing the attribute. */
  flyTo(target: string): void {
    const controller = this.controller;
    if (!controller) return;
    const animate = !this.motion.reducedMotion;
    const camera = this.cameraFor(target);
    if (camera) {
      controller.moveCamera(camera, animate);
      return;
    }
    // A country: its main landmass and every facility of the data in it.
    const code = target.trim().toUpperCase();
    const inCountry = (this.mapData?.facilities ?? []).filter((f) => f.country === code);
    void controller.countryBounds(code, inCountry.map((f) => [f.longitude, f.latitude])).then((bounds) => {
      if (bounds && this.controller === controller) controller.moveCamera({ kind: 'bounds', bounds, maxZoom: 6 }, animate);
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    clearTimeout(this.teardownTimer);
    this.darkQuery = matchMedia('(prefers-color-scheme: dark)');
    this._systemDark = this.darkQuery.matches;
    this.darkQuery.addEventListener('change', this.onSystemThemeChange);
    this.watchInheritedLang();
    this.motion.connect();
    if (this.hasUpdated) {
      this.observeSize();
      this.scheduleActivation();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.darkQuery?.removeEventListener('change', this.onSystemThemeChange);
    this.langObserver?.disconnect();
    this.motion.disconnect();
    this.lazyObserver?.disconnect();
    this.lazyObserver = undefined;
    // Moving the element (remove then insert in the same task) keeps its map; a real removal
    // releases the WebGL context.
    this.teardownTimer = setTimeout(() => this.releaseMap(), 0);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const dataChanged = (['facilities', 'transfers', 'countries', 'facilitiesData', 'transfersData', 'countriesData'] as const)
      .some((name) => changed.has(name));
    if (dataChanged && this.activated) this.startLoad();
    else if (changed.has('maxRadius') && this._model && this.pipeline) {
      this._model = this.pipeline.buildModel(this._model.data, this.effectiveMaxRadius, this.statusPalette());
    }
  }

  protected override firstUpdated(): void {
    this.scheduleActivation();
    this.observeSize();
  }

  /** The map follows its container's size (CSS changes, hidden then shown, moved). */
  private observeSize(): void {
    if (this.resizeObserver) return;
    this.resizeObserver = new ResizeObserver(() => this.controller?.resize());
    this.resizeObserver.observe(this.mapContainer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.webglUnavailable && (['_model', 'lang', '_inheritedLang', 'theme', '_systemDark'] as const)
      .some((name) => changed.has(name as keyof PrisonMapElement))) void this.drawStaticMap();
    const controller = this.controller;
    if (!controller) return;
    if (changed.has('theme') || changed.has('_systemDark' as keyof PrisonMapElement)) controller.setTheme(this.effectiveTheme);
    if (changed.has('lang') || changed.has('_inheritedLang' as keyof PrisonMapElement)) controller.setLanguage(this.effectiveLang);
    if (changed.has('basemap')) controller.setBasemap(this.basemap || undefined);
    if (changed.has('_model' as keyof PrisonMapElement)) this.drawData();
    if (changed.has('center') || changed.has('zoom')) {
      const camera = this.explicitCamera();
      if (camera) controller.moveCamera(camera, false);
    }
    if (changed.has('focusOn') && this.focusOn) this.flyTo(this.focusOn);
    if (changed.has('focusOn') || changed.has('selected')) {
      controller.highlightFacility(this.highlightedFacility());
      controller.highlightCountry(this.focusOn && !this.findFacility(this.focusOn) ? this.focusOn : undefined);
      controller.selectTransfer(this.findTransfer(this.selected)?.id);
    }
    if (changed.has('noAnimation') || changed.has('_paused' as keyof PrisonMapElement)) this.syncMotion();
    if (changed.has('_hover' as keyof PrisonMapElement)) this.placeTooltip();
  }

  /**
   * The reader's fallback when WebGL is missing: the same facilities and transfers as a static SVG
   * (d3-geo, Natural Earth), beside the summary and the data tables.
   */
  private async drawStaticMap(): Promise<void> {
    const model = this._model;
    if (!model || !this.webglUnavailable) return;
    const { staticMapTemplate } = await import('./ui/static-map.js');
    const props = new Map(model.facilityFeatures.features.map((f) => [f.properties.id, f.properties]));
    const box = this.mapContainer.getBoundingClientRect();
    const template = await staticMapTemplate({
      facilities: model.data.facilities,
      transfers: model.data.transfers,
      occupancy: model.data.countries,
      facilityRadius: (f) => props.get(f.id)?.radius ?? 0,
      facilityColor: (f) => props.get(f.id)?.color ?? '#888',
      selected: this.selected,
      theme: this.effectiveTheme,
      lang: this.effectiveLang,
      width: Math.max(200, Math.round(box.width)),
      height: Math.max(150, Math.round(box.height)),
      label: this.label || strings(this.effectiveLang).mapLabel,
    });
    if (this._model === model) this._staticMap = template;
  }

  protected override render() {
    const t = strings(this.effectiveLang);
    const model = this._model;
    const lang = this.effectiveLang;
    const ui = this.pipeline;
    const data = model?.data;
    const hasMotion = !!data?.transfers.length && !this.noAnimation && !this.motion.reducedMotion && !this.webglUnavailable;
    return html`<div class="frame ${this.effectiveTheme}" @keydown=${this.onKeydown}>
      <div class="map" part="map" role="region" aria-label=${this.label || t.mapLabel} aria-describedby="summary keyboard-hint"
        @keydown=${this.onMapKeydown}>
        <div class="map-canvas"></div>
        ${this._still && !this.controller ? html`<img class="still" src=${this._still} alt="">` : nothing}
        ${this._staticMap ? html`<div class="static-map">${this._staticMap}</div>` : nothing}
      </div>
      ${this.webglUnavailable && ui && data ? html`<p class="fallback-summary">${ui.summaryText(data, lang)}</p>` : nothing}
      <p id="summary" class="visually-hidden">${ui && data ? ui.summaryText(data, lang) : ''}</p>
      <p id="keyboard-hint" class="visually-hidden">${t.keyboardHint}</p>
      <div class="controls">
        ${data && !this.webglUnavailable ? html`
          <button type="button" class="control" aria-label=${t.zoomIn} title=${t.zoomIn} @click=${() => this.controller?.zoomBy(1, !this.motion.reducedMotion)}>${plusIcon}</button>
          <button type="button" class="control" aria-label=${t.zoomOut} title=${t.zoomOut} @click=${() => this.controller?.zoomBy(-1, !this.motion.reducedMotion)}>${minusIcon}</button>
          <button type="button" class="control" aria-label=${t.resetView} title=${t.resetView} @click=${() => this.resetView()}>${resetIcon}</button>` : nothing}
        ${hasMotion ? html`<button type="button" class="control" aria-pressed=${this._paused ? 'true' : 'false'}
            aria-label=${this._paused ? t.playAnimation : t.pauseAnimation} title=${this._paused ? t.playAnimation : t.pauseAnimation}
            @click=${() => { this._paused = !this._paused; }}>${this._paused ? playIcon : pauseIcon}</button>` : nothing}
        ${data ? html`<button type="button" class="control text" aria-expanded=${this._tablesOpen ? 'true' : 'false'}
            aria-controls="tables" @click=${() => { this._tablesOpen = !this._tablesOpen; }}>${this._tablesOpen ? t.hideData : t.showData}</button>` : nothing}
      </div>
      ${this.noLegend || !model || !ui ? nothing : html`
        <div class="legend" part="legend">
          ${model.data.facilities.length ? legendTemplate({ ...model.legend, lang }) : nothing}
          ${model.data.transfers.length ? ui.flowLegendTemplate(model.data.transfers, lang, this.effectiveTheme) : nothing}
          ${model.data.countries.some((c) => c.occupancyPct !== undefined) ? ui.occupancyLegendTemplate(lang, this.effectiveTheme) : nothing}
        </div>`}
      <div class="tooltip" part="tooltip" role="tooltip" ?hidden=${!this._hover}>${this.tooltipContent()}</div>
      ${this.cardContent()}
      <div id="tables" part="table" class=${this._tablesOpen ? 'tables open' : 'tables visually-hidden'}
        role="region" aria-label=${t.showData} tabindex=${this._tablesOpen ? '0' : '-1'}>
        ${ui && data ? ui.dataTablesTemplate({
          facilities: data.facilities, transfers: data.transfers, countries: data.countries, lang, selected: this.selected,
        }) : nothing}
      </div>
      <div class="status" part="status" role=${this._error ? 'alert' : 'status'}>${this.statusText()}</div>
      <div class="visually-hidden" aria-live="polite">${this._announcement}</div>
    </div>`;
  }

  private tooltipContent() {
    const hover = this._hover;
    return hover && this.pipeline && this.mapData
      ? this.pipeline.tooltipFor(this.mapData, hover.kind, hover.id, this.effectiveLang) : nothing;
  }

  private cardContent() {
    const card = this.pipeline && this.mapData && this.pipeline.cardFor(
      this.mapData, { selected: this.selected, country: this._openCountry }, this.effectiveLang, () => this.closeCard());
    return card ? html`<div class="card" part="details">${card}</div>` : nothing;
  }

  /** Positions the tooltip beside the pointer through CSSOM, which a strict CSP allows. */
  private placeTooltip(): void {
    const tooltip = this.renderRoot.querySelector<HTMLElement>('.tooltip');
    const hover = this._hover;
    if (!tooltip || !hover) return;
    const width = this.clientWidth;
    const flip = hover.x > width - 220;
    tooltip.style.left = flip ? '' : `${hover.x + 14}px`;
    tooltip.style.right = flip ? `${width - hover.x + 14}px` : '';
    tooltip.style.top = `${Math.max(4, hover.y - 10)}px`;
  }

  private onPointer(hit: PointerHit | undefined, type: 'hover' | 'click'): void {
    if (type === 'hover') {
      this._hover = hit;
      return;
    }
    if (hit?.kind === 'country') {
      this.select(undefined);
      this._openCountry = hit.id;
      return;
    }
    this._openCountry = undefined;
    this.select(hit ? { kind: hit.kind, id: hit.id } : undefined);
  }

  /** A selection made by the reader: reflects to `selected`, announces it and fires `prison-map-select`. */
  private select(item: { kind: 'facility' | 'transfer'; id: string } | undefined): void {
    if ((item?.id ?? undefined) === (this.selected || undefined)) return;
    this.selected = item?.id;
    const ui = this.pipeline;
    const name = item && ui && this.mapData ? this.itemName(item.kind, item.id) : '';
    this._announcement = name ? strings(this.effectiveLang).selectedAnnouncement(name) : '';
    this.dispatchEvent(new CustomEvent<PrisonMapSelectDetail>('prison-map-select', {
      bubbles: true, composed: true, detail: item ? { kind: item.kind, id: item.id } : { kind: null, id: null },
    }));
  }

  private itemName(kind: 'facility' | 'transfer', id: string): string {
    return this.pipeline && this.mapData ? this.pipeline.itemName(this.mapData, kind, id, this.effectiveLang) : id;
  }

  /** Back to the view that shows all the data (or the page's own centre and zoom). */
  private resetView(): void {
    const controller = this.controller;
    if (!controller) return;
    const bounds = controller.dataBounds();
    const camera = this.explicitCamera() ?? (bounds ? { kind: 'bounds' as const, bounds } : this.dataCamera());
    if (camera) controller.moveCamera(camera, !this.motion.reducedMotion);
  }

  private closeCard(): void {
    this._openCountry = undefined;
    this.select(undefined);
    this.map?.getCanvas().focus();
  }

  /** Arrow keys walk the items, Enter opens one, +/- zoom: the map is one tab stop, not dozens. */
  private onMapKeydown = (event: KeyboardEvent) => {
    const data = this.mapData;
    const controller = this.controller;
    if (!data || !controller || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = navigationOrder(data.facilities, data.transfers);
    const current = this.keyboardItem ? items.findIndex((i) => i.kind === this.keyboardItem!.kind && i.id === this.keyboardItem!.id) : -1;
    const action = keyAction(event.key, current < 0 ? undefined : current, items.length);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    const animate = !this.motion.reducedMotion;
    if (action.type === 'zoom') {
      controller.zoomBy(action.delta, animate);
    } else if (action.type === 'select') {
      this._openCountry = undefined;
      this.select(this.keyboardItem);
    } else {
      const item = items[action.index];
      this.keyboardItem = item;
      controller.reveal(item.kind, item.id, false);
      const point = controller.screenPointOf(item.kind, item.id);
      this._hover = point ? { kind: item.kind, id: item.id, ...point } : undefined;
      controller.highlightFacility(this.highlightedFacility());
      const name = this.itemName(item.kind, item.id);
      this._announcement = `${name} (${action.index + 1} / ${items.length})`;
    }
  };

  private onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && (this.selected || this._openCountry)) {
      event.stopPropagation();
      this.closeCard();
    }
  };

  private syncMotion(): void {
    this.controller?.setAnimated(!this.noAnimation && !this._paused && this.motion.allowsMotion);
  }

  private get mapContainer(): HTMLElement {
    return this.renderRoot.querySelector('.map-canvas') as HTMLElement;
  }

  get effectiveLang(): Lang {
    return normalizeLang(this.lang || this._inheritedLang);
  }

  get effectiveTheme(): Theme {
    if (this.theme === 'light' || this.theme === 'dark') return this.theme;
    return this._systemDark ? 'dark' : 'light';
  }

  private get effectiveMaxRadius(): number {
    const value = Number(this.maxRadius);
    return Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_RADIUS;
  }

  /** Status colours the page set with `--prison-map-status-<status>` (read when the data is drawn). */
  private statusPalette(): Partial<Record<FacilityStatus, string>> {
    const style = getComputedStyle(this);
    const palette: Partial<Record<FacilityStatus, string>> = {};
    for (const status of FACILITY_STATUSES) {
      const value = style.getPropertyValue(`--prison-map-status-${status}`).trim();
      if (value) palette[status] = value;
    }
    return palette;
  }

  private get mapData(): LoadedData | undefined {
    return this._model?.data;
  }

  private onSystemThemeChange = (event: MediaQueryListEvent) => {
    this._systemDark = event.matches;
  };

  /** The page's language, from the closest ancestor with `lang`, followed as it changes. */
  private watchInheritedLang(): void {
    const readLang = () => {
      let node: Node | null = this.parentNode;
      while (node) {
        if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? undefined;
        node = node instanceof ShadowRoot ? node.host : node.parentNode;
      }
      return undefined;
    };
    this._inheritedLang = readLang();
    this.langObserver = new MutationObserver(() => { this._inheritedLang = readLang(); });
    this.langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  private startLoad(): void {
    this.loadAbort?.abort();
    const abort = new AbortController();
    this.loadAbort = abort;
    const generation = ++this.dataGeneration;
    if (this.ready.settled) this.ready = new Deferred();
    const request = {
      facilities: this.facilities, transfers: this.transfers, countries: this.countries,
      facilitiesData: this.facilitiesData, transfersData: this.transfersData, countriesData: this.countriesData,
    };
    (async () => {
      this.pipeline ??= await import('./pipeline.js');
      const data = await this.pipeline.loadData(request, document.baseURI, abort.signal);
      if (abort.signal.aborted || generation !== this.dataGeneration) return;
      for (const issue of data.issues) console.warn(`<prison-map> ${this.pipeline.describeIssue(issue)}`);
      for (const error of data.errors) this.fail(error.dataset, error.message);
      if (data.errors.length === 0 && this._error && isDatasetSource(this._error.source)) this._error = undefined;
      this.mapIssues = [];
      this._hover = undefined;
      this._model = this.pipeline.buildModel(data, this.effectiveMaxRadius, this.statusPalette());
    })().catch((error: unknown) => {
      if (!abort.signal.aborted) this.fail('facilities', String(error));
    });
  }

  /** As `<img loading="lazy">`: nothing is fetched until the element nears the viewport. */
  private scheduleActivation(rootMargin = LAZY_ROOT_MARGIN, eager = this.loading === 'eager'): void {
    if (this.controller || this.controllerPromise || this.lazyObserver) return;
    if (eager) {
      this.activate();
      return;
    }
    this.lazyObserver = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        this.lazyObserver?.disconnect();
        this.lazyObserver = undefined;
        this.activate();
      }
    }, { rootMargin });
    this.lazyObserver.observe(this);
  }

  private activate(): void {
    if (!this.activated) {
      this.activated = true;
      this.startLoad();
    }
    void this.createMap();
  }

  private createMap(): Promise<void> {
    this.controllerPromise ??= (async () => {
      try {
        const { MapController, maplibreStyleSheet } = await import('./map/controller.js');
        const root = this.renderRoot as ShadowRoot;
        if (!root.adoptedStyleSheets.includes(maplibreStyleSheet())) {
          root.adoptedStyleSheets = [maplibreStyleSheet(), ...root.adoptedStyleSheets];
        }
        if (!this.isConnected) return;
        acquireContext(this);
        const controller = await MapController.create({
          container: this.mapContainer,
          basemapUrl: this.basemap ? new URL(this.basemap, document.baseURI).href : undefined,
          workerUrl: this.workerUrl ? new URL(this.workerUrl, document.baseURI).href : undefined,
          theme: this.effectiveTheme,
          lang: this.effectiveLang,
          camera: this.releasedView ?? this.explicitCamera() ?? this.dataCamera() ?? { kind: 'world' },
          onError: (source, message) => this.fail(source, message),
          onPointer: (hit, type) => this.onPointer(hit, type),
        });
        if (!this.isConnected) {
          controller.destroy();
          forgetContext(this);
          return;
        }
        this.controller = controller;
        // A map coming back after giving its context away keeps the view the reader left.
        this.drawnGeneration = this.releasedView ? this.dataGeneration : -1;
        this.releasedView = undefined;
        if (this._model) this.drawData();
        const focus = this.focusOn;
        if (focus) this.flyTo(focus);
        controller.highlightFacility(this.highlightedFacility());
        controller.highlightCountry(this.focusOn && !this.findFacility(this.focusOn) ? this.focusOn : undefined);
        controller.selectTransfer(this.findTransfer(this.selected)?.id);
        this.syncMotion();
      } catch (error) {
        forgetContext(this);
        const source = (error as { source?: ErrorSource }).source ?? 'webgl';
        if (source === 'webgl') {
          this.webglUnavailable = true;
          void this.drawStaticMap();
        }
        this.fail(source, error instanceof Error ? error.message : String(error));
      } finally {
        this.controllerPromise = undefined;
      }
    })();
    return this.controllerPromise;
  }

  /** Called by the context budget when another map needs this one's WebGL context. */
  releaseContext(): void {
    const controller = this.controller;
    if (!controller) return;
    this._still = controller.snapshot();
    const { lng, lat } = controller.map.getCenter();
    this.releasedView = { kind: 'center', center: [lng, lat], zoom: controller.map.getZoom() };
    this.controller = undefined;
    controller.destroy();
    this.requestUpdate();
    // Come back only when actually on screen, so maps near each other cannot take turns forever.
    this.scheduleActivation('0px', false);
  }

  distanceToViewport(): number {
    return distanceToViewport(this);
  }

  private releaseMap(): void {
    if (this.isConnected) return;
    forgetContext(this);
    this.controller?.destroy();
    this.controller = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  /** Pushes the current data to the map and fires `prison-map-ready` once it is drawn. */
  private drawData(): void {
    const controller = this.controller;
    const model = this._model;
    if (!controller || !model) return;
    const data = model.data;
    const generation = this.dataGeneration;
    controller.setFacilities(model.facilityFeatures);
    controller.setCountries(data.countries);
    if (this.drawnGeneration === -1 && this.focusOn) {
      // Now that the data is here, `focus-on` can take in the country's facilities too.
      this.flyTo(this.focusOn);
    } else if (this.drawnGeneration === -1 && !this.explicitCamera()) {
      const camera = this.dataCamera();
      if (camera) controller.moveCamera(camera, false);
    }
    controller.setTransfers(data.transfers, data.facilities).then(async (unplaced) => {
      const bounds = controller.dataBounds();
      if (this.drawnGeneration === -1 && !this.explicitCamera() && !this.focusOn && bounds && data.transfers.length) {
        controller.moveCamera({ kind: 'bounds', bounds }, false);
      }
      await controller.whenDrawn();
      if (generation !== this.dataGeneration || this.controller !== controller) return;
      this.mapIssues = unplaced.map(({ transfer, field }) => ({
        dataset: 'transfers', row: transfer.row ?? 0, field, message: `${field} ${JSON.stringify(transfer[field])} has no place on the map`,
      }));
      for (const issue of this.mapIssues) console.warn(`<prison-map> ${this.pipeline?.describeIssue(issue)}`);
      this.drawnGeneration = generation;
      this._still = undefined;
      controller.enableDetail();
      if (data.errors.length > 0) this.ready.reject(new Error(data.errors.map((e) => e.message).join('; ')));
      else this.ready.resolve();
      this.dispatchEvent(new CustomEvent<PrisonMapReadyDetail>('prison-map-ready', {
        bubbles: true, composed: true,
        detail: { facilities: data.facilities.length, transfers: data.transfers.length - new Set(unplaced.map((u) => u.transfer)).size, issues: this.issues },
      }));
    }, () => undefined);
  }

  private fail(source: ErrorSource, message: string): void {
    this._error = { source, message };
    this.ready.reject(new Error(message));
    this.dispatchEvent(new CustomEvent<PrisonMapErrorDetail>('prison-map-error', {
      bubbles: true, composed: true, detail: { source, message },
    }));
  }

  private statusText(): string {
    const t = strings(this.effectiveLang);
    if (this._error) {
      const { source, message } = this._error;
      return isDatasetSource(source) ? t.loadFailed(t.datasetName[source], message) : t.mapFailed(message);
    }
    return this._model ? '' : t.loading;
  }

  private explicitCamera(): Camera | undefined {
    const center = parseCenter(this.center);
    const zoom = Number(this.zoom);
    if (center) return { kind: 'center', center, zoom: this.zoom !== undefined && this.zoom !== null && Number.isFinite(zoom) ? zoom : 4 };
    return undefined;
  }

  private dataCamera(): Camera | undefined {
    const bounds = this._model?.bounds;
    return bounds ? { kind: 'bounds', bounds } : undefined;
  }

  private cameraFor(target: string): Camera | undefined {
    const view = this.pipeline && this.mapData && this.pipeline.boundsForTarget(this.mapData.facilities, target);
    return view ? { kind: 'bounds', ...view } : undefined;
  }

  private findFacility(id: string | undefined): Facility | undefined {
    return id ? this.mapData?.facilities.find((f) => f.id === id) : undefined;
  }

  private findTransfer(id: string | undefined): Transfer | undefined {
    return id ? this.mapData?.transfers.find((t) => t.id === id) : undefined;
  }

  private highlightedFacility(): string | undefined {
    const keyboard = this.keyboardItem?.kind === 'facility' ? this.keyboardItem.id : undefined;
    return (this.findFacility(this.selected) ?? this.findFacility(keyboard) ?? this.findFacility(this.focusOn))?.id;
  }
}

const plusIcon = html`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><path d="M7 2v10M2 7h10" stroke="currentColor" stroke-width="2"></path></svg>`;
const minusIcon = html`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><path d="M2 7h10" stroke="currentColor" stroke-width="2"></path></svg>`;
const resetIcon = html`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><path d="M1.5 5V1.5H5M9 1.5h3.5V5M12.5 9v3.5H9M5 12.5H1.5V9" fill="none" stroke="currentColor" stroke-width="1.6"></path></svg>`;
const pauseIcon = html`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><rect x="3" y="2" width="3" height="10" fill="currentColor"></rect><rect x="8" y="2" width="3" height="10" fill="currentColor"></rect></svg>`;
const playIcon = html`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><path d="M4 2 L12 7 L4 12 Z" fill="currentColor"></path></svg>`;

function isDatasetSource(source: ErrorSource): source is 'facilities' | 'transfers' | 'countries' {
  return source === 'facilities' || source === 'transfers' || source === 'countries';
}


/** A promise with its settle functions; rejections are marked handled so an unobserved one is not an uncaught error. */
class Deferred {
  settled = false;
  resolve!: () => void;
  reject!: (error: Error) => void;
  readonly promise = new Promise<void>((resolve, reject) => {
    this.resolve = () => { this.settled = true; resolve(); };
    this.reject = (error) => { this.settled = true; reject(error); };
  });
  constructor() {
    this.promise.catch(() => undefined);
  }
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
