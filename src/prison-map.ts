import { adoptStyles, html, type PropertyValues, type TemplateResult } from 'lit';
import { PrisonMapProperties } from './prison-map-properties.js';
import type { PrisonMapBody } from './prison-map-body.js';
import type { DataIssue } from './data/types.js';
import { mapEvent, type ErrorSource, type PrisonMapErrorDetail, type PrisonMapReadyDetail, type PrisonMapSelectDetail } from './shared/events.js';
import type { PrisonMapMapLibre } from './map/public-map.js';
import { LAZY_ROOT_MARGIN } from './shared/near-viewport.js';
import { hostStyles } from './ui/host-styles.js';

export type { ErrorSource, PrisonMapErrorDetail, PrisonMapReadyDetail, PrisonMapSelectDetail };

/**
 * A map of prison facilities, sized by capacity, and the transfers of inmates between countries.
 * Its public API (attributes, properties, events, parts, CSS properties) is declared in
 * prison-map-properties.ts.
 */
// Until it nears the viewport (300 px, as `<img loading="lazy">`), is eager, or its API is called,
// the element is only that API, its box (the height the page set) and the page's fallback content.
// What it does from then on, its body (prison-map-body.ts), is a chunk of its own: a page with a
// map further down pays for this shell alone before the reader gets there.
export class PrisonMapElement extends PrisonMapProperties {
  static override styles = hostStyles;

  private body?: PrisonMapBody;
  private bodyLoad?: Promise<PrisonMapBody>;
  private nearObserver?: IntersectionObserver;
  /** What changed before the body came: its first update sees all of it, as a first update does. */
  private changedBeforeBody = new Map<PropertyKey, unknown>();
  /** What the current update passes the body (willUpdate and updated see the same). */
  private bodyChanges?: ReadonlyMap<PropertyKey, unknown>;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.bodyLoad) this.wakeWhenNear();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.nearObserver?.disconnect();
    this.nearObserver = undefined;
  }

  /** The MapLibre `Map` once created, else undefined. An escape hatch, not the main API. */
  get map(): PrisonMapMapLibre | undefined {
    return this.body?.map;
  }

  /** Problems found in the data of the last load; each names its dataset, row and field. */
  get issues(): DataIssue[] {
    return this.body?.issues ?? [];
  }

  /** Resolves once the map has drawn the current data; rejects when data or map creation fails. */
  whenReady(): Promise<void> {
    return this.wake().then((body) => body.whenReady());
  }

  /** Fits the view to a facility id or country code, as `focus-on` does, without changing the attribute. */
  flyTo(target: string): void {
    if (this.body) this.body.flyTo(target);
    else void this.wake().then((body) => body.flyTo(target), () => undefined);
  }

  /**
   * What the reader sees as a PNG (at the device's pixel ratio), or with `{type: 'image/svg+xml'}` an editable SVG: the map,
   * the legend (unless `no-legend`) and a credit line naming the data's sources, in the current language and theme.
   */
  async toImage(options: { type?: 'image/png' | 'image/svg+xml' } = {}): Promise<Blob> {
    return (await this.wake()).toImage(options);
  }

  /** While the body is on its way (near the viewport, eager, or the API was called), an update ends with its render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.bodyLoad || this.body) return done;
    await this.bodyLoad.catch(() => undefined);
    return super.getUpdateComplete();
  }

  /** @internal */
  protected override automaticMaxRadius(): number {
    return this.body?.automaticRadius() ?? super.automaticMaxRadius();
  }

  protected override willUpdate(changedHere: PropertyValues<this>): void {
    const changed = changedHere as ReadonlyMap<PropertyKey, unknown>;
    if (changed.has('loading') && this.loading === 'eager' && this.isConnected) this.wakeForMap();
    if (!this.body) {
      for (const [name, old] of changed) if (!this.changedBeforeBody.has(name)) this.changedBeforeBody.set(name, old);
      return;
    }
    this.bodyChanges = changed;
    if (this.changedBeforeBody.size > 0) {
      this.bodyChanges = new Map([...this.changedBeforeBody, ...changed]);
      this.changedBeforeBody = new Map();
    }
    this.body.willUpdate(this.bodyChanges);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.body) this.body.updated(this.bodyChanges ?? changed);
    this.bodyChanges = undefined;
  }

  protected override render(): TemplateResult {
    if (this.body) return this.body.render();
    // The frame in the page's theme, with the page's fallback content: what the body's first
    // render shows too, so nothing moves when it arrives.
    const dark = this.theme === 'dark' || (this.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
    return html`<div class="frame ${dark ? 'dark' : 'light'}"><div class="map" part="map"><slot class="placeholder"></slot></div></div>`;
  }

  private wakeWhenNear(): void {
    if (this.loading === 'eager') {
      this.wakeForMap();
      return;
    }
    // Near the viewport: the observer reports after the page's first layout, so nothing here forces
    // one (reading the element's box while the page is parsed laid the article out inside this
    // task). A map in the article's first screen then waits for the article's own first
    // contentful paint, so that the element's work does not delay it.
    this.nearObserver ??= new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.wakeForMap(afterFirstPaint());
    }, { rootMargin: LAZY_ROOT_MARGIN });
    this.nearObserver.observe(this);
  }

  /** Near the viewport, or eager: the data and the map are wanted (once `when` has come). */
  private wakeForMap(when?: Promise<void>): void {
    void this.wake(when).catch(() => undefined);
    // The body's first request, once it runs, is the data pipeline: asked for beside the body,
    // it is one round trip fewer before the preview.
    void (when ?? Promise.resolve()).then(() => import('./pipeline.js')).catch(() => undefined);
  }

  /** Loads the body (once): near the viewport, when eager, or when the page calls the API. */
  private wake(when?: Promise<void>): Promise<PrisonMapBody> {
    this.nearObserver?.disconnect();
    this.nearObserver = undefined;
    this.bodyLoad ??= (when ?? Promise.resolve()).then(() => import('./prison-map-body.js')).then(({ PrisonMapBody, bodyStyles }) => {
      adoptStyles(this.renderRoot as ShadowRoot, [hostStyles, ...bodyStyles]);
      this.body = new PrisonMapBody(this);
      this.requestUpdate();
      return this.body;
    }, (error: unknown) => {
      // Without its code the element keeps the page's fallback content, and says why.
      const message = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(mapEvent<PrisonMapErrorDetail>('prison-map-error', { source: 'webgl', message }));
      throw error;
    });
    return this.bodyLoad;
  }
}

/**
 * Once the page has had its first contentful paint (the article's headline or text), as the
 * browser reports it; at most 200 ms, for a page with nothing contentful of its own (an iframe's
 * page holding only the map).
 */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    let observer: PerformanceObserver | undefined;
    const done = () => {
      observer?.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 200);
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length > 0) done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      done();
    }
  });
}
