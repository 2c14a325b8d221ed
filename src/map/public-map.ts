/**
 * What the element's `map` getter promises: the part of MapLibre's `Map` that a page may use on
 * the element's map (read the camera, move it, listen to the map's events, find what is drawn at
 * a point), typed without MapLibre's own declarations, which the package does not install.
 * The object is MapLibre's `Map` itself: for all of it, with MapLibre's types, a page that
 * installs `maplibre-gl` writes `el.map as unknown as import('maplibre-gl').Map`
 * (README, "API": `map`). MapLibre's `Map` must stay assignable to this interface: checked when
 * the repository type-checks (public-map-check.ts).
 */

/** A longitude and latitude in degrees (MapLibre's `LngLat`). */
export interface PrisonMapLngLat {
  lng: number;
  lat: number;
  /** `[lng, lat]`. */
  toArray(): [number, number];
}

/** A position as MapLibre takes one: `[lng, lat]` or an object with `lng` and `lat`. */
export type PrisonMapLngLatLike = [number, number] | { lng: number; lat: number };

/** A geographical box (MapLibre's `LngLatBounds`). */
export interface PrisonMapLngLatBounds {
  getWest(): number;
  getSouth(): number;
  getEast(): number;
  getNorth(): number;
  getCenter(): PrisonMapLngLat;
  contains(lngLat: PrisonMapLngLatLike): boolean;
  /** `[[west, south], [east, north]]`. */
  toArray(): [[number, number], [number, number]];
}

/** A box as MapLibre takes one: `[[west, south], [east, north]]` or `[west, south, east, north]`. */
export type PrisonMapLngLatBoundsLike = [PrisonMapLngLatLike, PrisonMapLngLatLike] | [number, number, number, number];

/** A point on the map's canvas in CSS pixels from its top left corner. */
export interface PrisonMapPoint {
  x: number;
  y: number;
}

/** A point as MapLibre takes one: `{x, y}` or `[x, y]`. */
export type PrisonMapPointLike = PrisonMapPoint | [number, number];

/** Pixels kept free on each of the map's sides when the camera moves. */
export interface PrisonMapPadding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Where the camera looks; what is left out stays as it is. */
export interface PrisonMapCameraOptions {
  center?: PrisonMapLngLatLike;
  zoom?: number;
  /** Degrees clockwise from north that are "up". */
  bearing?: number;
  /** Degrees of tilt towards the horizon. */
  pitch?: number;
}

/** How the camera moves there. */
export interface PrisonMapAnimationOptions {
  /** In milliseconds. */
  duration?: number;
  /** From 0..1 (time) to 0..1 (progress). */
  easing?: (t: number) => number;
  /** `false` jumps. */
  animate?: boolean;
  /** `true` moves even when the reader asked for reduced motion. */
  essential?: boolean;
}

/** `easeTo` and `flyTo`: where the camera goes and how. */
export interface PrisonMapEaseToOptions extends PrisonMapCameraOptions, PrisonMapAnimationOptions {
  padding?: number | PrisonMapPadding;
}

/** `fitBounds`: how the box is framed and the camera moves. */
export interface PrisonMapFitBoundsOptions extends PrisonMapAnimationOptions {
  padding?: number | PrisonMapPadding;
  maxZoom?: number;
  /** `true` eases (`easeTo`) rather than flies (`flyTo`). */
  linear?: boolean;
}

/** An event of the map (`move`, `moveend`, `zoom`, `click`, `idle`, `render`…). */
export interface PrisonMapMapEvent {
  type: string;
  /** The browser's event behind a pointer, touch or wheel event. */
  originalEvent?: Event;
  /** Of a pointer event: where on the canvas. */
  point?: PrisonMapPoint;
  /** Of a pointer event: where on the map. */
  lngLat?: PrisonMapLngLat;
}

/** What `on` returns: `unsubscribe()` removes the listener. */
export interface PrisonMapSubscription {
  unsubscribe(): void;
}

/** Which features `queryRenderedFeatures` looks at. */
export interface PrisonMapQueryOptions {
  /** Style layer ids (`getStyle().layers`); all layers when left out. */
  layers?: string[] | Set<string>;
}

/** A feature the map has drawn, as `queryRenderedFeatures` gives it. */
export interface PrisonMapRenderedFeature {
  type: 'Feature';
  id: string | number | undefined;
  geometry: { type: string };
  properties: { [name: string]: unknown };
  /** The style layer it was drawn by. */
  layer: { id: string; type: string };
  source: string;
  sourceLayer?: string;
}

/** The map's style, as `getStyle` gives it (a MapLibre style document). */
export interface PrisonMapStyle {
  version: 8;
  name?: string;
  layers: Array<{ id: string; type: string }>;
  sources: { [id: string]: { type: string } };
}

/**
 * The element's MapLibre map (`el.map`): MapLibre's `Map`, typed by the methods a page may need.
 * The element owns the map (its layers, sources and style, and its removal): use it to read and
 * move the camera and to listen, not to restyle or remove it.
 */
export interface PrisonMapMapLibre {
  /** The canvas the map draws on. */
  getCanvas(): HTMLCanvasElement;
  /** The element in the shadow root that holds the canvas and MapLibre's controls. */
  getContainer(): HTMLElement;
  getCenter(): PrisonMapLngLat;
  getZoom(): number;
  getBearing(): number;
  getPitch(): number;
  /** The box the map shows. */
  getBounds(): PrisonMapLngLatBounds;
  /** The map's style, with the element's layers. */
  getStyle(): PrisonMapStyle;
  /** `true` once the style and every tile in view have loaded. */
  loaded(): boolean;
  /** `true` while the camera moves (a gesture or an animation). */
  isMoving(): boolean;
  /** Where on the canvas a position is drawn. */
  project(lngLat: PrisonMapLngLatLike): PrisonMapPoint;
  /** Which position is drawn at a point of the canvas. */
  unproject(point: PrisonMapPointLike): PrisonMapLngLat;
  /**
   * The features drawn at a point or in a box `[topLeft, bottomRight]` of the canvas, or on all of
   * it when no point or box is given.
   */
  queryRenderedFeatures(
    geometryOrOptions?: PrisonMapPointLike | [PrisonMapPointLike, PrisonMapPointLike] | PrisonMapQueryOptions,
    options?: PrisonMapQueryOptions,
  ): PrisonMapRenderedFeature[];
  jumpTo(options: PrisonMapCameraOptions): this;
  easeTo(options: PrisonMapEaseToOptions): this;
  flyTo(options: PrisonMapEaseToOptions): this;
  fitBounds(bounds: PrisonMapLngLatBoundsLike, options?: PrisonMapFitBoundsOptions): this;
  /** Fits the canvas to its container again (the element does so itself when its size changes). */
  resize(): this;
  /** Draws a new frame. */
  triggerRepaint(): void;
  on(type: string, listener: (event: PrisonMapMapEvent) => void): PrisonMapSubscription;
  off(type: string, listener: (event: PrisonMapMapEvent) => void): this;
  once(type: string, listener: (event: PrisonMapMapEvent) => void): this;
  /** The next event of that type. */
  once(type: string): Promise<PrisonMapMapEvent>;
}
