/**
 * Everything that touches MapLibre lives behind this module, which the element imports lazily
 * (`import('./map/controller.js')`) the first time it needs a map: MapLibre, its worker and the
 * basemap data are never part of the page's first download.
 */
import { least } from 'd3-array';
import { Map as MapLibreMap, addProtocol, setWorkerUrl, getWorkerUrl, getGlobalDispatcher, prewarm, clearPrewarmedResources, type LngLatBoundsLike, type StyleSpecification } from 'maplibre-gl';
import defaultWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import type { CountryContext } from '../data/types.js';
import { PALETTES, type Theme } from '../encodings/palette.js';
import type { LngLat } from '../geo/arcs.js';
import type { Lang } from '../i18n/strings.js';
import type { MapModel } from '../model/model.js';
import { clusterLevel } from '../model/clusters.js';
import type { ViewLevel } from '../model/level.js';
import { globeFillZoom, spansTheWorld, worldMinZoom, type Camera } from '../model/camera.js';
import { BASEMAP_LAYER_IDS, applyBasemapLanguage, applyBasemapTheme, applyStoryCountries, builtInBasemapStyle } from './basemap.js';
import { registerBasemapProtocol } from './basemap-source.js';
import { oneWorldConstrain } from './one-world.js';
import { COUNTRY_SHADING_LAYER_ID, applyCountryHighlightTheme, applyCountryShading, outlineCountry, withCountryLayers } from './country-layer.js';
import {
  CLUSTER_COUNT_LAYER_ID, CLUSTER_LAYER_ID, FACILITY_FILL_LAYER_ID, FACILITY_HIGHLIGHT_LAYER_ID, FACILITY_HIGHLIGHT_LABEL_LAYER_ID, FACILITY_SOURCE_ID, FACILITY_HIGHLIGHT_SOURCE_ID, addObstacleIcon, FACILITY_UNKNOWN_LAYER_ID, facilityFeatures, facilityLayers, facilitySource,
  APPEAR_MS, animateAppearance, facilityThemePaint, highlightFacilityLayers, highlightFeatures, setFacilityLabelLanguage, type FacilityFeatureProps,
} from './facility-layers.js';
import type { FeatureCollection, Point } from 'geojson';
import { FLOW_LAYER_ID, FlowLayer, screenProjection } from './flow-layer.js';
import { isInView } from './flow-picking.js';
import { boundsOf } from '../geo/bounds.js';
import { ensureWorkerUrlPolicy } from './trusted-types.js';
import { tween } from '../shared/scheduling.js';
import { markStartup } from '../shared/timing.js';

export type { Theme, Camera };
/** How the map is drawn: flat (Web Mercator) or on MapLibre's globe. */
export type Projection = 'mercator' | 'globe';
export type MapErrorSource = 'basemap' | 'webgl' | 'worker';

export interface MapControllerOptions {
  container: HTMLElement;
  /** URL of a MapLibre style JSON; undefined for the built-in offline basemap. */
  basemapUrl?: string;
  workerUrl?: string;
  theme: Theme;
  lang: Lang;
  camera: Camera;
  projection: Projection;
  onError: (source: MapErrorSource, message: string) => void;
  /** The map has not started within {@link SLOW_START_MS} (`true`; a slow connection or a busy phone), or has now started after all (`false`). */
  onSlowStart?: (slow: boolean) => void;
  /** Room to keep around data when the camera frames it (overlays, circles' radius), CSS px. */
  framePadding: () => FramePadding;
  /** The reader's pointer over (or off) an item; `click` is a click or tap. */
  onPointer: (event: PointerHit | undefined, type: 'hover' | 'click') => void;
  /** What is drawn changed with the zoom level (clusters, grouped arcs) or the data. */
  onLevel?: (level: ViewLevel) => void;
}

export interface FramePadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PointerHit {
  kind: 'facility' | 'transfer' | 'country' | 'cluster' | 'flow-group';
  id: string;
  /** CSS px from the map's top left. */
  x: number;
  y: number;
}

export { COUNTRY_HIGHLIGHT_LAYER_ID } from './country-layer.js';

/**
 * After this long without `load` the reader is told the map is slow to start. Slow is not broken:
 * a worker script on a poor phone connection can take longer, and the map still comes up. A worker
 * that cannot load at all is reported as soon as the browser says so (see `confirmWorkerFailure`).
 */
export const SLOW_START_MS = 10_000;
/** How long the workers get to answer before an `error` from one of them is taken as a failure to load. */
const WORKER_PING_MS = 3000;

let sharedSheet: CSSStyleSheet | undefined;
/**
 * MapLibre's CSS as a constructable stylesheet for the element's shadow root: it works under a
 * CSP without 'unsafe-inline' and is parsed once for every map on the page.
 */
export function maplibreStyleSheet(): CSSStyleSheet {
  sharedSheet ??= new CSSStyleSheet();
  if (sharedSheet.cssRules.length === 0) sharedSheet.replaceSync(maplibreCss);
  return sharedSheet;
}

export class MapController {
  readonly map: MapLibreMap;
  private theme: Theme;
  private lang: Lang;
  private projection: Projection;
  private facilities: FeatureCollection<Point, FacilityFeatureProps> = { type: 'FeatureCollection', features: [] };
  private loaded = false;
  private failedBeforeLoad = false;
  private slow = false;
  private slowTimer?: ReturnType<typeof setTimeout>;
  private destroyed = false;
  private highlighted?: string;
  private readonly usesBuiltInBasemap: boolean;
  private readonly flows: FlowLayer;
  private countries: readonly CountryContext[] = [];
  private shadedIso3: ReadonlySet<string> = new Set<string>();
  /** The data's countries, named first on the built-in basemap. */
  private storyCountries: readonly string[] = [];
  private highlightedCountry?: string;
  private model?: MapModel;
  /** Facilities shrinking out before the new data replaces them (a year change). */
  private pendingData?: Promise<void>;
  /** What is drawn at the current zoom level. */
  level?: ViewLevel;

  /** Creates the map; rejects with a `MapCreateError` when WebGL or the worker is unavailable. */
  static async create(options: MapControllerOptions): Promise<MapController> {
    startWorkers(options.workerUrl ?? new URL(defaultWorkerUrl, import.meta.url).href);
    registerBasemapProtocol(addProtocol);
    const style = options.basemapUrl ?? withCountryLayers(builtInBasemapStyle({ theme: options.theme, lang: options.lang }), options.theme);
    markStartup('basemap-built');
    const controller = new MapController(options, style);
    markStartup('map-created');
    return controller;
  }

  private constructor(private readonly options: MapControllerOptions, style: string | StyleSpecification) {
    this.theme = options.theme;
    this.lang = options.lang;
    this.projection = options.projection;
    this.flows = new FlowLayer({ beforeId: FACILITY_FILL_LAYER_ID, animated: false, theme: options.theme });
    this.usesBuiltInBasemap = options.basemapUrl === undefined;
    const camera = options.camera;
    this.camera = camera;
    this.container = options.container;
    try {
      this.map = new MapLibreMap({
        container: options.container,
        style,
        ...(camera.kind === 'center' ? { center: camera.center, zoom: camera.zoom } : {}),
        ...(camera.kind === 'bounds' ? { bounds: camera.bounds as LngLatBoundsLike, fitBoundsOptions: { padding: options.framePadding(), maxZoom: camera.maxZoom ?? 6 } } : {}),
        ...(camera.kind === 'world' ? { center: [0, 15], zoom: 1 } : {}),
        // The article owns the page's scroll: zooming needs ctrl/⌘ + wheel or two fingers.
        cooperativeGestures: true,
        // Arrow keys walk between facilities and +/- zoom (the element's keyboard model), so
        // MapLibre's own keyboard panning is off.
        keyboard: false,
        attributionControl: { compact: true },
        // Never zoomed out past one world's width; data that spans the world is one world, without
        // copies: every facility and arc drawn once.
        renderWorldCopies: !(camera.kind === 'bounds' && spansTheWorld(camera.bounds)),
        // The map starts flat (the globe is set when the style has loaded): one world, whole.
        transformConstrain: camera.kind === 'bounds' && spansTheWorld(camera.bounds) ? this.oneWorld : null,
        minZoom: worldMinZoom(options.container.clientWidth),
        maxPitch: 0,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
      });
    } catch (error) {
      releaseUnusedWorkers();
      // MapLibre's own text points readers at a wiki page; say what happened and what they get.
      throw new MapCreateError('webgl', `this browser cannot draw interactive maps (WebGL is unavailable: ${messageOf(error).split('.')[0]}); a static picture is shown instead`);
    }
    liveMaps++;
    this.map.touchZoomRotate.disableRotation();
    this.slowTimer = setTimeout(() => {
      if (this.loaded || this.failedBeforeLoad) return;
      this.slow = true;
      options.onSlowStart?.(true);
    }, SLOW_START_MS);
    this.map.on('error', (event) => {
      if (this.loaded || this.failedBeforeLoad) return;
      // Before `load`, an error is the worker or the basemap failing, and the map will not start:
      // report it once. Later ones are tiles and retries that MapLibre recovers from itself.
      const message = messageOf(event.error);
      if (/worker/i.test(message)) {
        void this.confirmWorkerFailure(message);
        return;
      }
      this.failBeforeLoad('basemap', message);
    });
    this.map.on('style.load', () => {
      markStartup('style-loaded');
      // A style brings its own projection (none: Mercator), the built-in one and every swap alike.
      this.applyProjection();
      this.addDataLayers();
    });
    // A move with an input event behind it is the reader's (drag, wheel, pinch, the +/- keys): from
    // then on the view is theirs, and a change of size does not fit it to the data again.
    this.map.on('movestart', (event) => { if ((event as { originalEvent?: Event }).originalEvent) this.readerMoved = true; });
    this.map.on('mousemove', (event) => this.pointer(event.point, 'hover'));
    this.map.on('mouseout', () => options.onPointer(undefined, 'hover'));
    this.map.on('click', (event) => this.pointer(event.point, 'click'));
    // Clusters and the arcs between them change at integer zoom levels, as tiles do.
    this.map.on('zoom', () => {
      if (this.level && clusterLevel(this.map.getZoom()) !== this.level.zoom) this.updateLevel();
    });
    // The arcs move once the first view is complete (the map's first `idle`): before that each
    // frame of motion redraws every layer while the worker cuts tiles and shaders compile, and on
    // a phone (or in software rendering) it delayed the map being ready by about a third.
    this.map.once('idle', () => {
      this.settled = true;
      this.flows.setAnimated(this.motionWanted);
    });
    this.map.once('load', () => {
      markStartup('map-loaded');
      this.loaded = true;
      clearTimeout(this.slowTimer);
      if (this.slow) options.onSlowStart?.(false);
    });
  }

  private failBeforeLoad(source: MapErrorSource, message: string): void {
    if (this.failedBeforeLoad || this.destroyed) return;
    this.failedBeforeLoad = true;
    clearTimeout(this.slowTimer);
    this.options.onError(source, message);
  }

  /**
   * MapLibre reports any `error` event of a shared worker to every map as "Worker failed to
   * load", including an exception thrown inside a worker that is up and serving the other maps
   * (seen while pages add and remove maps quickly). Only workers that do not answer are a failure
   * to load (a missing or blocked script); workers that answer keep this map starting.
   */
  private async confirmWorkerFailure(message: string): Promise<void> {
    const answered = await getGlobalDispatcher().ping(WORKER_PING_MS).catch(() => false);
    if (this.loaded || this.destroyed) return;
    if (answered) {
      console.warn(`<prison-map> a map worker reported an error but is running: ${message}`);
      return;
    }
    this.failBeforeLoad('worker', message);
  }

  /** Resolves when the map has drawn everything it has been given. */
  async whenDrawn(): Promise<void> {
    if (!this.loaded) await this.map.once('load');
    await this.pendingData;
    if (!this.map.loaded()) await this.map.once('idle');
    else {
      // Already idle: wait for the frame that shows the latest data.
      this.map.triggerRepaint();
      await this.map.once('idle');
    }
  }

  /**
   * Draws the model: facility circles, arcs and country shading. With `transition` (a new year),
   * facilities that leave shrink out first and those that arrive grow in.
   */
  setModel(model: MapModel, transition = false): void {
    const animate = transition && this.loaded;
    this.model = model;
    const clusters = model.clusters;
    const before = this.facilities.features.filter((f) => !f.properties.cluster).map((f) => f.properties.id);
    this.facilities = facilityFeatures(model.facilities, clusters?.levels.flat().map(model.clusterMark), clusters?.ownFrom);
    const after = new Set(model.facilities.map((m) => m.facility.id));
    const previous = new Set(before);
    const leaving = animate ? before.filter((id) => !after.has(id)) : [];
    const arriving = this.loaded ? [...after].filter((id) => !previous.has(id)) : [];
    // Arcs, by what the current zoom level draws before and after.
    const oldLevel = this.level;
    const nextLevel = animate ? this.levelOf(model) : undefined;
    const oldArcs = drawnArcs(oldLevel);
    const newArcs = drawnArcs(nextLevel);
    const leavingArcs = new Set([...oldArcs].filter((id) => !newArcs.has(id)));
    const arrivingArcs = new Set([...newArcs].filter((id) => !oldArcs.has(id)));
    const facilities = this.facilities;
    const draw = () => {
      if (this.facilities !== facilities) return;
      const source = this.map.getSource(FACILITY_SOURCE_ID);
      if (source && 'setData' in source) (source as { setData(d: FeatureCollection): void }).setData(facilities);
      // A facility that shrank out earlier keeps its `appear: 0` state: it grows back, or is reset.
      if (animate) void animateAppearance(this.map, arriving, 'in');
      else for (const id of arriving) this.map.removeFeatureState({ source: FACILITY_SOURCE_ID, id }, 'appear');
      this.updateLevel(animate && arrivingArcs.size ? arrivingArcs : undefined);
      if (animate && arrivingArcs.size) void tween(APPEAR_MS, (t) => this.flows.setFade(t));
    };
    const out: Array<Promise<void>> = [];
    if (leaving.length) out.push(animateAppearance(this.map, leaving, 'out'));
    if (animate && oldLevel && leavingArcs.size) {
      this.flows.setFlows(oldLevel.flows, leavingArcs);
      out.push(tween(APPEAR_MS, (t) => this.flows.setFade(1 - t)));
    }
    this.pendingData = out.length ? Promise.all(out).then(draw) : undefined;
    if (!out.length) draw();
    // The highlighted facility as the new model draws it (or gone from it).
    if (this.highlighted !== undefined) this.highlightFacility(this.highlighted);
    this.countries = model.data.countries;
    this.shadedIso3 = model.shadedCountries;
    this.storyCountries = model.storyCountries;
    // Whenever the source exists: isStyleLoaded() is false while tiles load, and a change then would be lost.
    applyCountryShading(this.map, this.countries, this.theme);
    // Not only once the style is loaded (tiles may still be loading then): whenever the layer exists.
    if (this.usesBuiltInBasemap) applyStoryCountries(this.map, this.storyCountries, this.theme);
  }

  /** What a model draws at the map's current zoom and size. */
  private levelOf(model: MapModel): ViewLevel {
    const canvas = this.map.getCanvas();
    return model.levelAt(this.map.getZoom(), { width: canvas.clientWidth, height: canvas.clientHeight });
  }

  /** Draws the arcs of the current zoom level and tells the element what is drawn; `fading` arcs start transparent. */
  private updateLevel(fading?: ReadonlySet<string>): void {
    if (!this.model) return;
    this.level = this.levelOf(this.model);
    if (fading) this.flows.setFade(0);
    this.flows.setFlows(this.level.flows, fading);
    this.map.triggerRepaint();
    this.options.onLevel?.(this.level);
  }

  /** Zooms in until a cluster splits, centred on it. */
  expandCluster(key: string, animate: boolean): void {
    const clusters = this.model?.clusters;
    const cluster = clusters?.cluster(key);
    if (!clusters || !cluster) return;
    this.readerMoved = true;
    this.map[animate ? 'easeTo' : 'jumpTo']({ center: cluster.position, zoom: Math.max(this.map.getZoom(), clusters.expansionZoom(cluster)) });
  }

  /** Frames a set of places (a grouped arc's two ends, a cluster's members). */
  frame(positions: readonly LngLat[], animate: boolean): void {
    const bounds = boundsOf(positions, 0);
    if (!bounds) return;
    this.map.fitBounds(bounds, { padding: this.options.framePadding(), maxZoom: 12, animate });
  }

  /**
   * Flat or globe, without recreating the map: every layer, MapLibre's own and the arcs' (which
   * compiles its globe program the first time), follows the projection.
   */
  setProjection(projection: Projection): void {
    if (projection === this.projection) return;
    this.projection = projection;
    this.applyProjection();
  }

  private applyProjection(): void {
    // Before the style has loaded there is nothing to set it on: the `style.load` handler does it.
    if (!this.map.style?._loaded) return;
    if (this.map.getProjection()?.type !== this.projection) this.map.setProjection({ type: this.projection });
    this.constrainToOneWorld();
    this.fillFrameWithGlobe(false);
  }

  /** How the flat map keeps one world whole (map/one-world.ts); MapLibre's own rule elsewhere. */
  private readonly oneWorld = oneWorldConstrain(
    () => ({ width: this.container.clientWidth, height: this.container.clientHeight }),
    // While MapLibre is being constructed there is no map yet: its minimum is one world across (worldMinZoom), its maximum MapLibre's.
    () => (this.map ? [this.map.getMinZoom(), this.map.getMaxZoom()] : [-2, 22]),
  );
  /** The element the map fills (read while MapLibre is still being constructed). */
  private container!: HTMLElement;

  private constrainToOneWorld(): void {
    const oneWorld = this.projection === 'mercator' && !this.map.getRenderWorldCopies();
    this.map.setTransformConstrain(oneWorld ? this.oneWorld : null);
  }

  /** The camera last asked for (the view of the data, a place, or the world). */
  private camera: Camera;
  /** The reader has moved the view since the camera was last set. */
  private readerMoved = false;

  /**
   * Data that spans the world, on the globe: a view fitted to its bounds is computed flat and
   * shows a small globe in a large frame. The globe is brought to fill the frame instead (about
   * the map's shorter side across), never zoomed out from where the fit left it.
   */
  private fillFrameWithGlobe(animate: boolean): void {
    if (this.projection !== 'globe' || this.camera.kind !== 'bounds' || !spansTheWorld(this.camera.bounds)) return;
    const canvas = this.map.getCanvas();
    const zoom = globeFillZoom({ width: canvas.clientWidth, height: canvas.clientHeight }, this.map.getCenter().lat);
    if (zoom > this.map.getZoom()) this.map[animate ? 'easeTo' : 'jumpTo']({ zoom });
  }

  /**
   * Motion on or off; off means the layer asks for no frames at all. Until the first view is
   * complete the arcs stand still and motion starts then, if still wanted.
   */
  setAnimated(animated: boolean): void {
    this.motionWanted = animated;
    if (this.settled) this.flows.setAnimated(animated);
  }
  private motionWanted = false;
  private settled = false;

  selectTransfer(id: string | undefined): void {
    this.flows.setSelected(id);
    this.map.triggerRepaint();
  }

  /** Where a place is on screen, in CSS px from the map's top left. */
  screenPoint(position: LngLat): { x: number; y: number } {
    const { x, y } = this.map.project(position);
    return { x, y };
  }

  /** Brings a place into view if it is off screen (or behind the globe), without changing the zoom. */
  reveal(position: LngLat, animate: boolean): void {
    const point = this.screenPoint(position);
    const canvas = this.map.getCanvas();
    const onScreen = point.x > 0 && point.y > 0 && point.x < canvas.clientWidth && point.y < canvas.clientHeight;
    if (onScreen && (this.projection !== 'globe' || isInView(position, screenProjection(this.map)))) return;
    this.readerMoved = true;
    this.map[animate ? 'easeTo' : 'jumpTo']({ center: position });
  }

  /** Keyboard zoom: steps add up even while a previous step is still animating. */
  zoomBy(delta: 1 | -1, animate: boolean): void {
    const target = (this.zoomTarget ?? this.map.getZoom()) + delta;
    this.zoomTarget = target;
    this.map.once('zoomend', () => { if (this.zoomTarget === target) this.zoomTarget = undefined; });
    this.readerMoved = true;
    this.map.zoomTo(target, { animate });
  }
  private zoomTarget?: number;

  /** Outlines the country `focus-on` names (built-in basemap only). */
  highlightCountry(iso3: string | undefined): void {
    const previous = this.highlightedCountry;
    this.highlightedCountry = iso3?.trim().toUpperCase() || undefined;
    outlineCountry(this.map, this.highlightedCountry, previous);
  }

  setTheme(theme: Theme): void {
    if (theme === this.theme) return;
    this.theme = theme;
    if (this.usesBuiltInBasemap) {
      applyBasemapTheme(this.map, theme);
      applyStoryCountries(this.map, this.storyCountries, theme);
    }
    for (const [layer, property, value] of facilityThemePaint(PALETTES[theme])) {
      if (this.map.getLayer(layer)) this.map.setPaintProperty(layer, property, value);
    }
    applyCountryShading(this.map, this.countries, theme);
    applyCountryHighlightTheme(this.map, theme);
    this.flows.setTheme(theme);
  }

  setLanguage(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    if (this.usesBuiltInBasemap) applyBasemapLanguage(this.map, lang);
    setFacilityLabelLanguage(this.map, lang);
  }

  /** Replaces the basemap; the data layers are added again on top when the new style loads. */
  setBasemap(url: string | undefined): void {
    this.map.setStyle(url ?? withCountryLayers(builtInBasemapStyle({ theme: this.theme, lang: this.lang }), this.theme), { diff: false });
  }

  moveCamera(camera: Camera, animate: boolean): void {
    this.camera = camera;
    this.readerMoved = false;
    if (camera.kind === 'center') {
      this.map[animate ? 'flyTo' : 'jumpTo']({ center: camera.center, zoom: camera.zoom });
    } else if (camera.kind === 'bounds') {
      this.map.setRenderWorldCopies(!spansTheWorld(camera.bounds));
      this.constrainToOneWorld();
      this.fitBounds(camera, animate);
    }
  }

  /** The bounds in the frame (inside the legend's and controls' padding), the globe filling it for world-wide data. */
  private fitBounds(camera: Extract<Camera, { kind: 'bounds' }>, animate: boolean): void {
    this.map.fitBounds(camera.bounds, { padding: this.options.framePadding(), maxZoom: camera.maxZoom ?? 6, animate });
    if (animate) this.map.once('moveend', () => this.fillFrameWithGlobe(true));
    else this.fillFrameWithGlobe(false);
  }

  /** Raises and outlines one facility (the selected or focused one) and always shows its label. */
  highlightFacility(id: string | undefined): void {
    this.highlighted = id;
    highlightFacilityLayers(this.map, id === undefined ? undefined : this.model?.facilities.find((m) => m.facility.id === id));
  }

  /** The current view as an image: rendered and read in the same task, before the buffer is cleared. */
  snapshot(): string | undefined {
    try {
      this.map.redraw();
      return this.map.getCanvas().toDataURL('image/jpeg', 0.85);
    } catch {
      return undefined;
    }
  }

  /** Draws the current view into a 2D context at the map's CSS size: rendered and read in one task. */
  drawInto(context: CanvasRenderingContext2D, width: number, height: number): void {
    this.map.redraw();
    context.drawImage(this.map.getCanvas(), 0, 0, width, height);
  }

  resize(): void {
    const canvas = this.map.getCanvas();
    const before = [canvas.clientWidth, canvas.clientHeight];
    this.map.resize();
    this.map.setMinZoom(worldMinZoom(canvas.clientWidth));
    // A view fitted to the data follows the map's size until the reader moves it: the legend
    // wrapping onto a second row, or a phone turned, would otherwise cut the data at the edges.
    this.refitPending ||= before[0] !== canvas.clientWidth || before[1] !== canvas.clientHeight;
    // The arcs' ink budget is a share of the map's area. In the next frame: this runs inside the
    // element's ResizeObserver callback, where a legend change would be a ResizeObserver loop.
    cancelAnimationFrame(this.levelFrame);
    this.levelFrame = requestAnimationFrame(() => {
      const refit = this.refitPending;
      this.refitPending = false;
      if (refit && !this.readerMoved && this.camera.kind === 'bounds') this.fitBounds(this.camera, false);
      this.updateLevel();
    });
  }
  private levelFrame = 0;
  private refitPending = false;

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.slowTimer);
    cancelAnimationFrame(this.levelFrame);
    this.map.remove();
    liveMaps--;
    releaseUnusedWorkers();
  }

  private addDataLayers(): void {
    if (this.map.getSource(FACILITY_SOURCE_ID)) return;
    applyCountryShading(this.map, this.countries, this.theme);
    this.map.addSource(FACILITY_SOURCE_ID, facilitySource(this.facilities));
    this.map.addSource(FACILITY_HIGHLIGHT_SOURCE_ID, { type: 'geojson', data: highlightFeatures(undefined) });
    addObstacleIcon(this.map);
    for (const layer of facilityLayers(PALETTES[this.theme], this.lang)) this.map.addLayer(layer);
    if (this.usesBuiltInBasemap) {
      // Names go above circles and arcs (a name under a translucent circle is unreadable), and are
      // placed first (the story's countries first): then the circles' obstacles, then the
      // facilities' labels, largest first, around both.
      this.map.moveLayer(BASEMAP_LAYER_IDS.labels, FACILITY_HIGHLIGHT_LABEL_LAYER_ID);
      // Clusters' counts above the names, so placed before them: a name gives way to a count.
      this.map.moveLayer(CLUSTER_COUNT_LAYER_ID, FACILITY_HIGHLIGHT_LABEL_LAYER_ID);
      applyStoryCountries(this.map, this.storyCountries, this.theme);
    }
    // Arcs under the circles: a facility's edge must stay visible where an arc ends on it.
    if (!this.map.getLayer(FLOW_LAYER_ID)) this.map.addLayer(this.flows, FACILITY_FILL_LAYER_ID);
    if (this.highlighted !== undefined) this.highlightFacility(this.highlighted);
    if (this.highlightedCountry !== undefined) this.highlightCountry(this.highlightedCountry);
  }

  /**
   * What is under a screen point: a facility first (drawn on top), the smallest one where circles
   * overlap (the large one has room to be hit elsewhere), then an arc, then a shaded country.
   */
  hitAt(point: { x: number; y: number }): PointerHit | undefined {
    const box: [[number, number], [number, number]] = [[point.x - 3, point.y - 3], [point.x + 3, point.y + 3]];
    const layers = [FACILITY_HIGHLIGHT_LAYER_ID, FACILITY_FILL_LAYER_ID, FACILITY_UNKNOWN_LAYER_ID].filter((id) => this.map.getLayer(id));
    const facilities = layers.length ? this.map.queryRenderedFeatures(box, { layers }) : [];
    const facility = least(facilities, (f) => Number(f.properties.radius));
    if (facility) return { kind: 'facility', id: String(facility.properties.id), ...point };
    const cluster = this.map.getLayer(CLUSTER_LAYER_ID) ? least(this.map.queryRenderedFeatures(box, { layers: [CLUSTER_LAYER_ID] }), (f) => Number(f.properties.radius)) : undefined;
    if (cluster) return { kind: 'cluster', id: String(cluster.properties.id), ...point };
    const transfer = this.map.getLayer(FLOW_LAYER_ID) ? this.flows.pick(point, this.map) : undefined;
    if (transfer) return { kind: this.level?.groups.has(transfer) ? 'flow-group' : 'transfer', id: transfer, ...point };
    if (this.shadedIso3.size && this.map.getLayer(COUNTRY_SHADING_LAYER_ID)) {
      const country = this.map.queryRenderedFeatures([point.x, point.y], { layers: [COUNTRY_SHADING_LAYER_ID] })[0];
      const iso3 = country?.properties.iso3;
      if (typeof iso3 === 'string' && this.shadedIso3.has(iso3)) return { kind: 'country', id: iso3, ...point };
    }
    return undefined;
  }

  private pointer(point: { x: number; y: number }, type: 'hover' | 'click'): void {
    const hit = this.hitAt(point);
    this.map.getCanvas().style.cursor = hit && hit.kind !== 'country' ? 'pointer' : '';
    this.options.onPointer(hit, type);
  }
}

/** Maps alive on the page. */
let liveMaps = 0;
let workersStarted = false;

/**
 * Starts MapLibre's worker pool (shared by every map on the page) before the first map is made,
 * so that loading the worker script runs alongside building the basemap rather than after it.
 * The first map's worker URL is the one used.
 */
function startWorkers(workerUrl: string): void {
  if (!getWorkerUrl()) {
    // Under Trusted Types the browser refuses MapLibre's plain-string worker URL without this.
    ensureWorkerUrlPolicy(workerUrl);
    setWorkerUrl(workerUrl);
  }
  if (workersStarted) return;
  workersStarted = true;
  prewarm();
}

/** With no map left on the page (or none could be made), the workers started ahead are let go. */
function releaseUnusedWorkers(): void {
  if (liveMaps > 0 || !workersStarted) return;
  workersStarted = false;
  clearPrewarmedResources();
}

/** The ids of the arcs a level draws (not those drawn only while selected). */
function drawnArcs(level: ViewLevel | undefined): Set<string> {
  return new Set(level ? level.flows.filter((f) => !f.hidden).map((f) => f.transfer.id) : []);
}

export class MapCreateError extends Error {
  constructor(readonly source: MapErrorSource, message: string) {
    super(message);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error ?? 'unknown error');
}
