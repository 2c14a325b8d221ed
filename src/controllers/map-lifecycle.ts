/**
 * The map's life: created lazily (as `<img loading="lazy">`, when the element nears the viewport,
 * or at once with `loading="eager"`), within the page's WebGL context budget (a map far from the
 * viewport gives its context back and shows a still image of its view until scrolled to again),
 * resized with its container, and destroyed when the element leaves the page (but not when it is
 * only moved). MapLibre itself is imported here, lazily, the first time a map is needed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MapController, MapControllerOptions, MapErrorSource } from '../map/controller.js';
import { acquireContext, forgetContext, type ContextHolder } from '../map/context-budget.js';
import type { Camera } from '../model/camera.js';
import { distanceToViewport, LAZY_ROOT_MARGIN } from '../shared/near-viewport.js';
import { markStartup } from '../shared/timing.js';

/** A map near the viewport waits at most this long for the visible ones (one that fails must not block it). */
export const VIEWPORT_PRIORITY_MAX_WAIT_MS = 8000;

/**
 * Priority to the viewport: lazy maps that started while on screen and are not drawn yet. A map
 * that neared the viewport without entering it waits until these are drawn (or it is scrolled
 * into view itself), so that on a 2-core phone it never takes CPU from what the reader sees.
 */
const startingOnScreen = new Set<MapLifecycleController>();
const waitingForScreen = new Set<MapLifecycleController>();
/** Lazy maps not started yet (their observers may report in any order). */
const notStarted = new Set<MapLifecycleController>();

/** Whether a map on screen is starting, or about to (its observer has not reported yet). */
function screenBusy(except: MapLifecycleController): boolean {
  if (startingOnScreen.size > 0) return true;
  for (const map of notStarted) if (map !== except && map.distanceToViewport() === 0) return true;
  return false;
}

function doneStarting(map: MapLifecycleController): void {
  if (!startingOnScreen.delete(map) || startingOnScreen.size > 0) return;
  for (const waiting of [...waitingForScreen]) waiting.startWhenFree();
}

export interface MapLifecycleHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly hasUpdated: boolean;
}

export interface MapLifecycleOptions {
  /** Where the map goes (queried when the map is created). */
  container(): HTMLElement;
  /** Everything MapLibre needs, read when the map is created. */
  mapOptions(): Omit<MapControllerOptions, 'container' | 'camera' | 'onError'> & { camera: Camera };
  eager(): boolean;
  /** The map uses the built-in basemap (no `basemap` URL): its archive is asked for at activation. */
  builtInBasemap(): boolean;
  /** The element neared the viewport for the first time: time to load data. */
  onActivate(): void;
  /** A map was created (first time, or again after giving its context back with `restored`). */
  onMap(controller: MapController, restored: boolean): void;
  onError(source: MapErrorSource, message: string): void;
  /** The map area changed size (also before any map exists): CSS px. */
  onResize?(width: number, height: number): void;
}

export class MapLifecycleController implements ReactiveController, ContextHolder {
  controller?: MapController;
  /** A still image of the last view while the context is given back. */
  still?: string;
  /** WebGL could not be had at all: the host shows its static fallback. */
  webglUnavailable = false;
  /** A map has drawn data (the first `prison-map-ready`): the page's own fallback content is no longer shown. */
  hasDrawn = false;
  /** The element has neared the viewport (or is eager): its data and map are wanted. */
  activated = false;
  private creating?: Promise<void>;
  private lazyObserver?: IntersectionObserver;
  private resizeObserver?: ResizeObserver;
  private teardownTimer?: ReturnType<typeof setTimeout>;
  /** The view to come back to when a released map is created again. */
  private releasedView?: Camera;
  /** While waiting for the maps on screen: watches for this one entering the viewport itself. */
  private screenObserver?: IntersectionObserver;
  private waitTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: MapLifecycleHost, private readonly options: MapLifecycleOptions) {
    host.addController(this);
  }

  hostConnected(): void {
    clearTimeout(this.teardownTimer);
    // The first connection waits for the render that makes the container.
    if (this.host.hasUpdated && this.options.container()) this.start();
  }

  hostUpdated(): void {
    if (!this.resizeObserver && this.host.isConnected) this.start();
  }

  hostDisconnected(): void {
    this.stopAwaitingReader();
    this.cancelIdle?.();
    this.cancelIdle = undefined;
    this.lazyObserver?.disconnect();
    this.lazyObserver = undefined;
    this.stopWaiting();
    notStarted.delete(this);
    doneStarting(this);
    // Moving the element (remove then insert in the same task) keeps its map; a real removal
    // releases the WebGL context.
    this.teardownTimer = setTimeout(() => this.teardown(), 0);
  }

  private start(): void {
    this.resizeObserver ??= new ResizeObserver(([entry]) => {
      this.controller?.resize();
      if (entry) this.options.onResize?.(entry.contentRect.width, entry.contentRect.height);
    });
    this.resizeObserver.observe(this.options.container());
    this.schedule(LAZY_ROOT_MARGIN, this.options.eager());
  }

  private schedule(rootMargin: string, eager: boolean): void {
    if (this.controller || this.creating || this.lazyObserver) return;
    if (eager) {
      this.activate();
      return;
    }
    notStarted.add(this);
    this.lazyObserver = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      this.lazyObserver?.disconnect();
      this.lazyObserver = undefined;
      this.startWhenFree();
    }, { rootMargin });
    this.lazyObserver.observe(this.host);
  }

  /** Starts now if on screen or if no map on screen is still starting; else waits for them. @internal */
  startWhenFree(): void {
    if (!this.host.isConnected || this.controller || this.creating) return;
    const onScreen = this.distanceToViewport() === 0;
    if (!onScreen && screenBusy(this) && !this.waitedLongEnough) {
      if (waitingForScreen.has(this)) return;
      waitingForScreen.add(this);
      this.screenObserver = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.startWhenFree();
      });
      this.screenObserver.observe(this.host);
      this.waitTimer = setTimeout(() => {
        this.waitedLongEnough = true;
        this.startWhenFree();
      }, VIEWPORT_PRIORITY_MAX_WAIT_MS);
      return;
    }
    this.stopWaiting();
    notStarted.delete(this);
    if (onScreen) startingOnScreen.add(this);
    this.activate();
  }
  private waitedLongEnough = false;

  private stopWaiting(): void {
    waitingForScreen.delete(this);
    this.screenObserver?.disconnect();
    this.screenObserver = undefined;
    clearTimeout(this.waitTimer);
  }

  private activate(): void {
    if (!this.activated) {
      this.activated = true;
      markStartup('activate');
      this.options.onActivate();
    }
    // A lazy map paints its preview first; MapLibre starts when it is wanted (see `want`).
    if (this.options.eager() || this.mapWanted) this.startMap();
    else this.awaitReader();
  }

  /**
   * The interactive map is wanted now: the reader reached for it (pointer over or down, touch,
   * focus, a key), a story step, the timeline or an attribute change needs it, or the page went
   * idle after the preview painted.
   */
  want(): void {
    if (this.mapWanted) return;
    this.mapWanted = true;
    this.stopAwaitingReader();
    this.cancelIdle?.();
    this.cancelIdle = undefined;
    if (this.activated && this.host.isConnected) this.startMap();
  }

  /** The preview has painted: the map starts once the page has gone idle, or sooner if wanted. */
  previewPainted(): void {
    if (this.mapWanted || this.cancelIdle) return;
    this.cancelIdle = whenPageIdle(() => {
      this.cancelIdle = undefined;
      this.want();
    });
  }

  private mapWanted = false;
  private cancelIdle?: () => void;
  private readonly readerEvents = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'keydown'] as const;
  private readonly onReader = () => this.want();

  private awaitReader(): void {
    for (const type of this.readerEvents) this.host.addEventListener(type, this.onReader, { passive: true });
  }

  private stopAwaitingReader(): void {
    for (const type of this.readerEvents) this.host.removeEventListener(type, this.onReader);
  }

  private startMap(): void {
    this.mapWanted = true;
    this.stopAwaitingReader();
    // One map per element: a map that is there or on its way is not made again.
    if (this.controller || this.creating) return;
    // Everything a map needs is asked for at once: MapLibre, and the built-in basemap archive's
    // header and directory, which would otherwise wait for MapLibre's chunk to arrive.
    if (this.options.builtInBasemap()) prefetchBuiltInBasemap();
    void this.create();
  }

  private create(): Promise<void> {
    this.creating ??= (async () => {
      try {
        const { MapController, maplibreStyleSheet } = await import('../map/controller.js');
        markStartup('maplibre-loaded');
        const root = this.host.renderRoot as ShadowRoot;
        if (!root.adoptedStyleSheets.includes(maplibreStyleSheet())) {
          root.adoptedStyleSheets = [maplibreStyleSheet(), ...root.adoptedStyleSheets];
        }
        if (!this.host.isConnected) return;
        acquireContext(this);
        const options = this.options.mapOptions();
        const restored = this.releasedView !== undefined;
        const controller = await MapController.create({
          ...options,
          container: this.options.container(),
          camera: this.releasedView ?? options.camera,
          onError: (source, message) => this.options.onError(source, message),
        });
        if (!this.host.isConnected) {
          controller.destroy();
          forgetContext(this);
          return;
        }
        this.controller = controller;
        this.releasedView = undefined;
        this.options.onMap(controller, restored);
      } catch (error) {
        forgetContext(this);
        doneStarting(this);
        const source = (error as { source?: MapErrorSource }).source ?? 'webgl';
        if (source === 'webgl') this.webglUnavailable = true;
        this.options.onError(source, error instanceof Error ? error.message : String(error));
        this.host.requestUpdate();
      } finally {
        this.creating = undefined;
      }
    })();
    return this.creating;
  }

  /** The map has drawn the current data: the still image is no longer needed. */
  drawn(): void {
    doneStarting(this);
    if (!this.hasDrawn) {
      this.hasDrawn = true;
      this.host.requestUpdate();
    }
    if (this.still === undefined) return;
    this.still = undefined;
    this.host.requestUpdate();
  }

  /** Called by the context budget when another map needs this one's WebGL context. */
  releaseContext(): void {
    const controller = this.controller;
    if (!controller) return;
    this.still = controller.snapshot();
    const { lng, lat } = controller.map.getCenter();
    this.releasedView = { kind: 'center', center: [lng, lat], zoom: controller.map.getZoom() };
    this.controller = undefined;
    controller.destroy();
    this.host.requestUpdate();
    // Come back only when actually on screen, so maps near each other cannot take turns forever.
    this.schedule('0px', false);
  }

  distanceToViewport(): number {
    return distanceToViewport(this.host);
  }

  private teardown(): void {
    if (this.host.isConnected) return;
    forgetContext(this);
    this.controller?.destroy();
    this.controller = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }
}

/** Starts reading the built-in basemap's archive (its header and directory, shared by every map on the page). */
function prefetchBuiltInBasemap(): void {
  void import('../map/basemap-source.js')
    .then(({ prefetchBasemapArchive }) => prefetchBasemapArchive())
    // A failure here is reported by the map itself, which asks again.
    .catch(() => undefined);
}

/**
 * How long the page must go without a long task to count as idle: Time to Interactive's quiet
 * window. MapLibre's start is several long tasks on a phone; starting it in the first quiet
 * second would land them while the reader is still beginning the article.
 */
const PAGE_QUIET_MS = 5000;

/**
 * Runs `callback` once the page has gone idle: no long task for `PAGE_QUIET_MS` (each one starts
 * the wait again), then an idle callback. Returns a function that cancels it.
 */
function whenPageIdle(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idleHandle: number | undefined;
  const longTasks = PerformanceObserver.supportedEntryTypes?.includes('longtask') ? new PerformanceObserver(() => restart()) : undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(quiet, PAGE_QUIET_MS);
  };
  const quiet = () => {
    longTasks?.disconnect();
    idleHandle = typeof requestIdleCallback === 'function' ? requestIdleCallback(callback, { timeout: 2000 }) : window.setTimeout(callback, 0);
  };
  longTasks?.observe({ type: 'longtask' });
  restart();
  return () => {
    longTasks?.disconnect();
    clearTimeout(timer);
    if (idleHandle === undefined) return;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idleHandle);
    else clearTimeout(idleHandle);
  };
}
