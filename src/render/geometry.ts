/**
 * The geometry of every static picture of the map: the no-WebGL picture in the page
 * (ui/static-map.ts), the SVG of `toImage({type: 'image/svg+xml'})` and the `prison-map render`
 * command (render/svg.ts). Pure: no DOM, no Lit, no MapLibre.
 *
 * - Web Mercator, like the interactive map, rotated so the data sits in the middle of the view
 *   (a view across the Pacific is not cut at the antimeridian) and fitted to every facility and
 *   every transfer arc, with room for the largest circle; or fitted to a given frame (`focus-on`);
 *   or, given the live map's camera (`view`: centre and zoom), MapLibre's own Web Mercator of
 *   512 px tiles, so every mark sits where the WebGL map draws it.
 * - With `projection: 'globe'`, an orthographic globe turned to face the data, as the globe map
 *   would show it: arcs are cut at the horizon, facilities on the far side are not drawn.
 * - What is drawn is the level of the picture's zoom and size (`model.levelAt`, as the WebGL map
 *   asks for its own): the zoom of the d3 projection in web-mercator terms,
 *   log2(scale × 2π / 512): the same clusters, arcs (`max-flows`, grouped between clusters) and
 *   widths as the map at that zoom.
 * - Facilities: the model's marks (radius, status colour); unknown capacity as a hollow ring,
 *   larger circles first so small ones stay visible on top; clusters with their count; the
 *   labelled facilities' labels beside their circle.
 * - Transfers: the level's flow marks (the same bent great-circle arcs, width, dots and dashes),
 *   coloured from the theme's palette, with an arrowhead at the `to` end. Hidden ones (cancelled,
 *   or not drawn at this level) are left out, as on the map, unless selected.
 */
import { extent, max } from 'd3-array';
import { geoDistance, geoMercator, geoOrthographic, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, MultiLineString } from 'geojson';
import type { Facility, CountryContext, Transfer } from '../data/types.js';
import type { LngLat } from '../geo/arcs.js';
import type { BBox } from '../geo/bounds.js';
import { MERCATOR_MAX_LAT } from '../geo/antimeridian.js';
import type { CountryCollection } from '../geo/countries.js';
import { PALETTES, type Theme } from '../encodings/palette.js';
import { occupancyColor, DEFAULT_MAX_FLOW_WIDTH } from '../encodings/scales.js';
import { UNKNOWN_RING_WIDTH, arcStroke, arrowHalfWidth, arrowLength } from '../encodings/mark-styles.js';
import type { FlowMark, MapModel } from '../model/model.js';
import type { FacilityCluster } from '../model/clusters.js';
import type { ViewLevel } from '../model/level.js';
import type { Lang } from '../i18n/strings.js';
import { runToEnd } from '../shared/scheduling.js';

export type StaticMapTheme = Theme;
export type StaticMapLang = 'en' | 'es';

/** Smallest span of the fitted view, in degrees, so one facility is not blown up to a street map. */
const MIN_SPAN_DEGREES = 4;

export interface StaticMapGeometryInput {
  /** The model: facility marks, placed transfers, and the level of a zoom and size (`levelAt`). */
  model: MapModel;
  /** Country polygons (`loadCountries('50m')`). */
  countries: CountryCollection;
  /** Land borders (`loadCountryBorders('50m')`); optional. */
  borders?: Feature<MultiLineString>;
  /** Occupancy context: countries with an `occupancyPct` are shaded, as on the map. */
  occupancy?: readonly CountryContext[];
  /** A selected hidden (cancelled) transfer is drawn. */
  selected?: string;
  theme: StaticMapTheme;
  width: number;
  height: number;
  /** `mercator` (default) or `globe` (orthographic). */
  projection?: 'mercator' | 'globe';
  /**
   * The live map's camera: MapLibre's Web Mercator (512 px tiles) at this centre and zoom, so each
   * mark sits where the WebGL map draws it. Wins over `frame`. On the globe, its centre is faced.
   */
  view?: { center: LngLat; zoom: number };
  /** What to draw, when the live map has its own (`MapController.level`); else the level at the projection's zoom. */
  level?: ViewLevel;
  /** A frame to fit instead of the data (`focus-on`), zoomed in no further than `maxZoom`. */
  frame?: { bounds: BBox; maxZoom?: number };
  /** The labels' language; without it no label is placed. */
  lang?: Lang;
}

/** A facility's label beside its circle (the labelled facilities, as the map's label layer). */
export interface StaticLabel {
  facility: Facility;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

export interface StaticCountryShape {
  iso3: string;
  d: string;
  fill: string;
}

export interface StaticCircle {
  facility: Facility;
  cx: number;
  cy: number;
  r: number;
  color: string;
  hollow: boolean;
}

export interface StaticCluster {
  cluster: FacilityCluster;
  cx: number;
  cy: number;
  r: number;
  color: string;
}

export interface StaticArc {
  transfer: Transfer;
  /** Projected points, `from` first. */
  points: Array<[number, number]>;
  d: string;
  color: string;
  width: number;
  opacity: number;
  /** `stroke-dasharray`, or undefined for a solid line. */
  dasharray?: string;
  /** Round caps turn a `0 gap` dash array into dots. */
  linecap: 'round' | 'butt';
  /** Arrowhead size in CSS px. */
  arrowLength: number;
  arrowHalfWidth: number;
  /**
   * How far (CSS px, along the arc) before its end the arrowhead's tip sits: at the edge of the
   * largest facility circle covering the `to` end, so the circle does not hide it; 0 in the open.
   */
  arrowInset: number;
}

export interface StaticMapGeometry {
  width: number;
  height: number;
  projection: GeoProjection;
  /** Centre longitude of the view (the projection is rotated to it). */
  centerLng: number;
  countries: StaticCountryShape[];
  /** Land borders path, or '' when none given or none in view. */
  borders: string;
  /** The globe's outline (the sea is drawn inside it), or '' on the flat map. */
  sphere: string;
  /** The web-mercator zoom the projection is at: log2(scale × 2π / 512). */
  zoom: number;
  /** What is drawn: the level of {@link zoom} and the picture's size. */
  level: ViewLevel;
  /** Facilities drawn on their own, largest first (drawing order). */
  circles: StaticCircle[];
  /** The level's clusters, largest first. */
  clusters: StaticCluster[];
  arcs: StaticArc[];
  /** Labels of the labelled facilities drawn, largest first, none overlapping another. */
  labels: StaticLabel[];
}

/** The web-mercator zoom of a d3 projection: MapLibre's world is 512 × 2^zoom px around, d3's 2π × scale. */
export function zoomOfProjection(projection: GeoProjection): number {
  return Math.log2((projection.scale() * 2 * Math.PI) / 512);
}

/** To a tenth of a CSS px: what every writer prints. */
export const round = (v: number) => Math.round(v * 10) / 10;

/** `lng` moved by whole turns into [center - 180, center + 180). */
function near(lng: number, center: number): number {
  return lng - 360 * Math.round((lng - center) / 360);
}

function clampLat(lat: number): number {
  return Math.max(-MERCATOR_MAX_LAT, Math.min(MERCATOR_MAX_LAT, lat));
}

/**
 * The middle of the shortest longitude interval holding every given longitude: the opposite side
 * of the widest empty gap around the globe.
 */
export function centralLongitude(lngs: readonly number[]): number {
  if (lngs.length === 0) return 0;
  const sorted = lngs.map((l) => ((((l + 180) % 360) + 360) % 360) - 180).sort((a, b) => a - b);
  let gap = sorted[0] + 360 - sorted[sorted.length - 1];
  let start = sorted[0]; // the interval starts after the widest gap
  for (let i = 1; i < sorted.length; i++) {
    const g = sorted[i] - sorted[i - 1];
    if (g > gap) {
      gap = g;
      start = sorted[i];
    }
  }
  const span = 360 - gap;
  return near(start + span / 2, 0);
}

/**
 * Length along the polyline, from its end backwards, to where it leaves every circle (with its
 * outline) that covers the end point; 0 when no circle does.
 */
function insetFromEnd(points: ReadonlyArray<[number, number]>, circles: ReadonlyArray<{ cx: number; cy: number; r: number; hollow?: boolean }>): number {
  const end = points[points.length - 1];
  const covering = circles
    .map((c) => ({ x: c.cx, y: c.cy, r: c.r + (c.hollow ? UNKNOWN_RING_WIDTH / 2 : 0.5) }))
    .filter((c) => Math.hypot(end[0] - c.x, end[1] - c.y) < c.r);
  if (covering.length === 0) return 0;
  const inside = (p: readonly [number, number]) => covering.some((c) => Math.hypot(p[0] - c.x, p[1] - c.y) < c.r);
  let length = 0;
  for (let i = points.length - 1; i > 0; i--) {
    const a = points[i];
    const b = points[i - 1];
    const segment = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (!inside(b)) {
      // Bisect for the crossing on this segment.
      let lo = 0;
      let hi = 1;
      for (let k = 0; k < 20; k++) {
        const mid = (lo + hi) / 2;
        if (inside([a[0] + (b[0] - a[0]) * mid, a[1] + (b[1] - a[1]) * mid])) lo = mid;
        else hi = mid;
      }
      return length + segment * hi;
    }
    length += segment;
  }
  // The whole arc lies inside a circle: leave the arrow at the end.
  return 0;
}

/**
 * A flat arc's path: where it crosses the antimeridian (a step of more than half the world's
 * width), it leaves the picture at one edge and comes back in at the other, as on the map, instead
 * of a line drawn across the whole picture.
 */
function flatLine(points: ReadonlyArray<[number, number]>, worldWidth: number): string {
  return points.map(([x, y], i) => `${i > 0 && Math.abs(x - points[i - 1][0]) <= worldWidth / 2 ? 'L' : 'M'}${x},${y}`).join('');
}

/** How the SVG draws a flow mark: the patterns and arrowheads of the GPU layer's shader (encodings/mark-styles.ts). */
function arcStyle(flow: FlowMark, theme: StaticMapTheme) {
  const width = flow.widthPx;
  const stroke = arcStroke(width, flow.dotted, flow.dashed);
  return {
    color: PALETTES[theme].flows[flow.transfer.kind],
    // The status's opacity times the arc's emphasis by magnitude (level.ts), as the map's shader multiplies them.
    opacity: Math.round(flow.opacity * (flow.emphasis ?? 1) * 1000) / 1000,
    dasharray: stroke.dash.length ? stroke.dash.map(round).join(' ') : undefined,
    strokeWidth: stroke.strokeWidth,
    linecap: stroke.cap,
    arrowHalfWidth: arrowHalfWidth(width),
    arrowLength: arrowLength(width),
  };
}

/**
 * Pure geometry of the static picture: the projection fitted to the data and every mark in SVG
 * user units (= CSS px). No DOM.
 */
export function staticMapGeometry(input: StaticMapGeometryInput): StaticMapGeometry {
  return runToEnd(staticMapGeometrySteps(input));
}

/**
 * The same geometry as steps: it yields after each country and each arc, so that a page's copy
 * (ui/preview.ts) can hand the main thread back between slices; the SVG and the command line run
 * it through in one go.
 */
export function* staticMapGeometrySteps(input: StaticMapGeometryInput): Generator<void, StaticMapGeometry> {
  const { width, height, theme } = input;
  const { model } = input;
  // The view is fitted to every transfer the map may draw (the model's bounds): cancelled ones only when selected.
  const placed = model.flows.filter((flow) => !flow.hidden || flow.transfer.id === input.selected);

  // Everything the view must show, as [lng, lat].
  const points: LngLat[] = [
    ...model.facilities.map((f) => f.position),
    ...placed.flatMap((p) => p.path),
  ];
  const view = input.view;
  const frame = view ? undefined : input.frame;
  const frameMiddle = frame ? near((frame.bounds[0] + frame.bounds[2]) / 2 + (frame.bounds[2] < frame.bounds[0] ? 180 : 0), 0) : undefined;
  const centerLng = view ? view.center[0] : frameMiddle ?? centralLongitude(points.map((p) => p[0]));
  const relLngs = points.map((p) => near(p[0], centerLng));
  const lats = points.map((p) => clampLat(p[1]));
  const fitPoints: Array<[number, number]> = points.map((_, i) => [relLngs[i], lats[i]]);
  // The data's middle latitude: the globe is tilted to face it.
  let centerLat = 15;
  if (view) {
    centerLat = view.center[1];
  } else if (frame) {
    const [west, south, east, north] = frame.bounds;
    const span = (east - west + 360) % 360 || 360;
    fitPoints.length = 0;
    fitPoints.push([near(west, centerLng), clampLat(south)], [near(west, centerLng) + span, clampLat(north)]);
    centerLat = Math.max(-60, Math.min(60, (south + north) / 2));
  } else if (points.length === 0) {
    fitPoints.push([centerLng - 170, -60], [centerLng + 170, 75]);
  } else {
    // A minimum span around the data's middle.
    const [west, east] = extent(relLngs) as [number, number];
    const [south, north] = extent(lats) as [number, number];
    const midLng = (west + east) / 2;
    const midLat = (south + north) / 2;
    centerLat = Math.max(-60, Math.min(60, midLat));
    const h = MIN_SPAN_DEGREES / 2;
    fitPoints.push([midLng - h, clampLat(midLat - h)], [midLng + h, clampLat(midLat + h)]);
  }
  const globe = input.projection === 'globe';

  const maxRadius = max(model.facilities, (f) => f.radius) ?? 0;
  const maxArrow = placed.length ? arrowHalfWidth(DEFAULT_MAX_FLOW_WIDTH) : 0;
  const padding = Math.min(Math.max(16, maxRadius + 6, maxArrow + 6), Math.min(width, height) * 0.25);

  const box: [[number, number], [number, number]] = [
    [padding, padding],
    [Math.max(padding + 1, width - padding), Math.max(padding + 1, height - padding)],
  ];
  let fitted: GeoProjection;
  if (view) {
    // MapLibre's world is 512 × 2^zoom px around; d3's is 2π × scale.
    const scale = (512 * 2 ** view.zoom) / (2 * Math.PI);
    fitted = globe
      ? geoOrthographic().rotate([-centerLng, -centerLat]).clipAngle(90).scale(scale).translate([width / 2, height / 2])
      : geoMercator().rotate([-centerLng, 0]).center([0, clampLat(centerLat)]).scale(scale).translate([width / 2, height / 2]);
  } else if (globe) {
    // The globe: the whole sphere in the box, its face towards the data (clipped at the horizon).
    fitted = geoOrthographic().rotate([-centerLng, -centerLat]).clipAngle(90).fitExtent(box, { type: 'Sphere' });
  } else {
    fitted = geoMercator().rotate([-centerLng, 0]).fitExtent(box, { type: 'MultiPoint', coordinates: fitPoints });
    const maxZoom = frame?.maxZoom;
    if (maxZoom !== undefined && zoomOfProjection(fitted) > maxZoom) {
      // Zoomed out to the frame's limit around the frame's middle.
      const middle = fitted.invert!([(box[0][0] + box[1][0]) / 2, (box[0][1] + box[1][1]) / 2])!;
      fitted = geoMercator().rotate([-centerLng, 0]).center([0, middle[1]]).scale((512 * 2 ** maxZoom) / (2 * Math.PI)).translate([width / 2, height / 2]);
    }
  }
  const projection = fitted.clipExtent([
    [0, 0],
    [width, height],
  ]);
  // Flat, a country's edges are straight between its points, as MapLibre draws them (d3 would
  // resample each edge as a great circle): faithful to the map, and a phone's preview is the
  // cheaper for it. The globe keeps d3's resampling, which curves edges onto the sphere.
  if (!globe) projection.precision(0);
  const facing: LngLat = [centerLng, centerLat];
  const project = ([lng, lat]: LngLat): [number, number] => {
    // Behind the globe: nowhere on the picture.
    if (globe && geoDistance([lng, lat], facing) > Math.PI / 2) return [NaN, NaN];
    const xy = projection(globe ? [lng, lat] : [near(lng, centerLng), clampLat(lat)]) ?? [NaN, NaN];
    return [xy[0], xy[1]];
  };
  const path = geoPath(projection).digits(1);

  const colors = PALETTES[theme].basemap;
  const shade = occupancyColor(theme);
  const occupancy = new Map<string, number>();
  for (const c of input.occupancy ?? []) {
    if (c.occupancyPct !== undefined && Number.isFinite(c.occupancyPct) && !occupancy.has(c.iso3)) occupancy.set(c.iso3, c.occupancyPct);
  }
  const countries: StaticCountryShape[] = [];
  for (const f of input.countries.features) {
    const d = path(f);
    if (!d) continue;
    const pct = occupancy.get(f.properties.iso3);
    countries.push({ iso3: f.properties.iso3, d, fill: pct === undefined ? colors.land : shade(pct) });
    yield;
  }

  const borders = input.borders ? (path(input.borders) ?? '') : '';
  yield;

  // What the map draws at this zoom and size: its clusters, arcs and widths.
  const zoom = zoomOfProjection(projection);
  const level = input.level ?? model.levelAt(zoom, { width, height });
  // On the picture: projected, and not wholly outside it (a view of the live map leaves some out).
  const inView = (c: { cx: number; cy: number; r: number }) => Number.isFinite(c.cx) && Number.isFinite(c.cy)
    && c.cx > -c.r && c.cy > -c.r && c.cx < width + c.r && c.cy < height + c.r;
  const clusters: StaticCluster[] = level.clusters
    .map((cluster) => {
      const mark = model.clusterMark(cluster);
      const [cx, cy] = project(cluster.position);
      return { cluster, cx: round(cx), cy: round(cy), r: mark.radius, color: mark.color };
    })
    .filter(inView)
    .sort((a, b) => b.r - a.r);
  const circles: StaticCircle[] = model.facilities
    .filter((mark) => !level.clusterOf(mark.facility.id))
    .map((mark) => {
      const [cx, cy] = project(mark.position);
      return { facility: mark.facility, cx: round(cx), cy: round(cy), r: mark.radius, color: mark.color, hollow: mark.hollow };
    })
    .filter(inView)
    .sort((a, b) => b.r - a.r);
  const labels = input.lang ? placeLabels(model, circles, input.lang, width, height) : [];

  // Arcs end under circles and clusters: an arrow stops at their edge.
  const ends = [...circles, ...clusters];
  // The level lists arcs largest first; they are drawn smallest first, so the largest lie on top (as on the map).
  const drawn = level.flows.filter((flow) => !flow.hidden || flow.transfer.id === input.selected).reverse();
  // The world's width on the picture: an arc that crosses the antimeridian jumps by most of it.
  const worldWidth = 2 * Math.PI * projection.scale();
  const arcs: StaticArc[] = [];
  for (const flow of drawn) {
    yield;
    const projected = flow.path.map((p) => project(p)).map(([x, y]) => [round(x), round(y)] as [number, number]);
    const pts = projected.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    // On the globe the line is d3's, cut where it passes the horizon; an arc wholly behind is not drawn.
    const d = globe ? path({ type: 'LineString', coordinates: flow.path }) : flatLine(pts, worldWidth);
    if (!d || pts.length < 2) continue;
    const { strokeWidth, ...style } = arcStyle(flow, theme);
    // The arrowhead sits where the arc ends: only when that end is in view.
    const endInView = Number.isFinite(projected[projected.length - 1][0]);
    arcs.push({
      transfer: flow.transfer,
      points: pts,
      d,
      width: round(strokeWidth),
      ...style,
      ...(endInView ? {} : { arrowLength: 0, arrowHalfWidth: 0 }),
      arrowInset: endInView ? round(insetFromEnd(pts, ends)) : 0,
    });
  }

  return {
    width,
    height,
    projection,
    centerLng,
    countries,
    borders,
    sphere: globe ? (path({ type: 'Sphere' }) ?? '') : '',
    zoom,
    level,
    circles,
    clusters,
    arcs,
    labels,
  };
}

/** Size of a facility label, as the map's label layer (CSS px). */
export const LABEL_FONT_SIZE = 12;

/** A label's width without a DOM to measure it: a generous average glyph width of a sans-serif. */
export function estimatedTextWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.58;
}

/**
 * The labelled facilities' labels, largest circle first, right of the circle (left when that
 * leaves the picture), and dropped when they would cover a label already placed: as the map's
 * label layer, which places by priority and hides what collides.
 */
function placeLabels(model: MapModel, circles: readonly StaticCircle[], lang: Lang, width: number, height: number): StaticLabel[] {
  const marks = new Map(model.facilities.map((m) => [m.facility, m]));
  const placed: StaticLabel[] = [];
  const boxes: Array<[number, number, number, number]> = [];
  for (const c of circles) {
    const mark = marks.get(c.facility);
    if (!mark?.labelled) continue;
    const text = mark.label[lang];
    const w = estimatedTextWidth(text, LABEL_FONT_SIZE);
    const gap = c.r + LABEL_FONT_SIZE * 0.35;
    const anchor = c.cx + gap + w > width && c.cx - gap - w >= 0 ? 'end' : 'start';
    const x = anchor === 'start' ? c.cx + gap : c.cx - gap;
    const box: [number, number, number, number] = [anchor === 'start' ? x : x - w, c.cy - LABEL_FONT_SIZE / 2, anchor === 'start' ? x + w : x, c.cy + LABEL_FONT_SIZE / 2];
    if (box[3] < 0 || box[1] > height) continue;
    if (boxes.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
    boxes.push(box);
    placed.push({ facility: c.facility, text, x: round(x), y: round(c.cy), anchor });
  }
  return placed;
}

