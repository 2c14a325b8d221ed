/**
 * The reader's fallback when WebGL is unavailable: a static SVG picture of the facilities and
 * transfers, drawn with d3-geo from the same Natural Earth countries as the built-in basemap.
 *
 * - Web Mercator, like the interactive map, rotated so the data sits in the middle of the view
 *   (a view across the Pacific is not cut at the antimeridian) and fitted to every facility and
 *   every transfer arc, with room for the largest circle; everything is clipped to the view.
 * - With `projection: 'globe'`, an orthographic globe turned to face the data, as the globe map
 *   would show it: arcs are cut at the horizon, facilities on the far side are not drawn.
 * - What is drawn is the level of the picture's zoom and size (`model.levelAt`, as the WebGL map
 *   asks for its own): the zoom of the fitted d3 projection in web-mercator terms,
 *   log2(scale × 2π / 512). So the picture draws the same clusters, the same arcs (`max-flows`,
 *   grouped between clusters) at the same widths as the map would at that zoom, and the legend
 *   beside it says the same as the map's.
 * - Facilities: the model's marks (radius, status colour), as on the map; unknown capacity as a
 *   hollow ring, larger circles first so small ones stay visible on top; clusters with their count.
 * - Transfers: the level's flow marks (the same bent great-circle arcs, width, dots and dashes),
 *   coloured from the theme's palette, with an arrowhead at the `to` end. Hidden ones (cancelled,
 *   or not drawn at this level) are left out, as on the map, unless selected.
 *
 * Text from data only ever goes through Lit text bindings (`<title>`), never HTML. Colours are
 * SVG presentation attributes, never inline styles (a strict CSP blocks them).
 */
import { extent, max } from 'd3-array';
import { geoDistance, geoMercator, geoOrthographic, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, MultiLineString } from 'geojson';
import { html, svg, nothing, type TemplateResult } from 'lit';
import type { CountryContext, Facility, Transfer } from '../data/types.js';
import type { LngLat } from '../geo/arcs.js';
import { MERCATOR_MAX_LAT } from '../geo/antimeridian.js';
import { loadCountryShapes, type CountryCollection } from '../geo/countries.js';
import { endpointName, facilityDisplayName, facilityNamer } from '../i18n/names.js';
import { PALETTES, type Theme } from '../encodings/palette.js';
import { occupancyColor } from '../encodings/scales.js';
import {
  CLUSTER_FILL_OPACITY, CLUSTER_STROKE_WIDTH, FACILITY_FILL_OPACITY, FACILITY_STROKE_WIDTH, UNKNOWN_RING_WIDTH, arcStroke, arrowHalfWidth, arrowLength,
} from '../encodings/mark-styles.js';
import type { FlowMark, MapModel } from '../model/model.js';
import type { FacilityCluster } from '../model/clusters.js';
import type { ViewLevel } from '../model/level.js';
import { DEFAULT_MAX_FLOW_WIDTH } from '../encodings/scales.js';
import { strings } from '../i18n/reader-strings.js';
import { clusterName, flowGroupName } from './cluster-panels.js';

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
}

/** The web-mercator zoom of a d3 projection: MapLibre's world is 512 × 2^zoom px around, d3's 2π × scale. */
export function zoomOfProjection(projection: GeoProjection): number {
  return Math.log2((projection.scale() * 2 * Math.PI) / 512);
}

const round = (v: number) => Math.round(v * 10) / 10;

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

/** How the SVG draws a flow mark: the patterns and arrowheads of the GPU layer's shader (encodings/mark-styles.ts). */
function arcStyle(flow: FlowMark, theme: StaticMapTheme) {
  const width = flow.widthPx;
  const stroke = arcStroke(width, flow.dotted, flow.dashed);
  return {
    color: PALETTES[theme].flows[flow.transfer.kind],
    opacity: flow.opacity,
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
  const { width, height, theme } = input;
  const { model } = input;
  // The view is fitted to every transfer the map may draw (the model's bounds): cancelled ones only when selected.
  const placed = model.flows.filter((flow) => !flow.hidden || flow.transfer.id === input.selected);

  // Everything the view must show, as [lng, lat].
  const points: LngLat[] = [
    ...model.facilities.map((f) => f.position),
    ...placed.flatMap((p) => p.path),
  ];
  const centerLng = centralLongitude(points.map((p) => p[0]));
  const relLngs = points.map((p) => near(p[0], centerLng));
  const lats = points.map((p) => clampLat(p[1]));
  const fitPoints: Array<[number, number]> = points.map((_, i) => [relLngs[i], lats[i]]);
  // The data's middle latitude: the globe is tilted to face it.
  let centerLat = 15;
  if (points.length === 0) {
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
  // The globe: the whole sphere in the box, its face towards the data (clipped at the horizon).
  const projection = (globe
    ? geoOrthographic().rotate([-centerLng, -centerLat]).clipAngle(90).fitExtent(box, { type: 'Sphere' })
    : geoMercator().rotate([-centerLng, 0]).fitExtent(box, { type: 'MultiPoint', coordinates: fitPoints })
  ).clipExtent([
    [0, 0],
    [width, height],
  ]);
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
  }

  // What the map draws at this zoom and size: its clusters, arcs and widths.
  const zoom = zoomOfProjection(projection);
  const level = model.levelAt(zoom, { width, height });
  const inView = (c: { cx: number; cy: number }) => Number.isFinite(c.cx) && Number.isFinite(c.cy);
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

  // Arcs end under circles and clusters: an arrow stops at their edge.
  const ends = [...circles, ...clusters];
  const drawn = level.flows.filter((flow) => !flow.hidden || flow.transfer.id === input.selected);
  const arcs: StaticArc[] = drawn.flatMap((flow) => {
    const projected = flow.path.map((p) => project(p)).map(([x, y]) => [round(x), round(y)] as [number, number]);
    const pts = projected.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    // On the globe the line is d3's, cut where it passes the horizon; an arc wholly behind is not drawn.
    const d = globe ? path({ type: 'LineString', coordinates: flow.path }) : `M${pts.map(([x, y]) => `${x},${y}`).join('L')}`;
    if (!d || pts.length < 2) return [];
    const { strokeWidth, ...style } = arcStyle(flow, theme);
    // The arrowhead sits where the arc ends: only when that end is in view.
    const endInView = Number.isFinite(projected[projected.length - 1][0]);
    return [{
      transfer: flow.transfer,
      points: pts,
      d,
      width: round(strokeWidth),
      ...style,
      ...(endInView ? {} : { arrowLength: 0, arrowHalfWidth: 0 }),
      arrowInset: endInView ? round(insetFromEnd(pts, ends)) : 0,
    }];
  });

  return {
    width,
    height,
    projection,
    centerLng,
    countries,
    borders: input.borders ? (path(input.borders) ?? '') : '',
    sphere: globe ? (path({ type: 'Sphere' }) ?? '') : '',
    zoom,
    level,
    circles,
    clusters,
    arcs,
  };
}

export interface StaticMapInput extends Omit<StaticMapGeometryInput, 'countries' | 'borders'> {
  lang: StaticMapLang;
  /** The accessible name of the picture (e.g. the element's `label`). */
  label: string;
}

let renderCount = 0;

/**
 * The static picture as a Lit template: `<svg role="img" aria-label=…>` sized `width`×`height`
 * CSS px. Async because it loads the (cached, lazily imported) 50m countries and borders.
 */
export async function staticMapTemplate(input: StaticMapInput): Promise<TemplateResult> {
  return (await staticMap(input)).template;
}

/** The picture and the level it draws (its legend is that level's: `describeLegend`). */
export async function staticMap(input: StaticMapInput): Promise<{ template: TemplateResult; level: ViewLevel }> {
  const [countries, borders] = await loadCountryShapes('50m');
  const g = staticMapGeometry({ ...input, countries, borders });
  const { model, lang } = input;
  const colors = PALETTES[input.theme].basemap;
  const stroke = PALETTES[input.theme].markStroke;
  const t = strings(lang);
  const prefix = `prison-map-static-${++renderCount}`;
  const names = facilityNamer(model.data.facilities, lang);
  const facilityName = (f: Facility) => facilityDisplayName(f, lang);
  const arcName = (transfer: Transfer) => {
    const group = g.level.groups.get(transfer.id);
    return group ? flowGroupName(model, group, lang) : t.fromTo(endpointName(transfer.from, lang, names), endpointName(transfer.to, lang, names));
  };
  const count = new Intl.NumberFormat(lang, { notation: 'compact' });

  const markers = g.arcs.map(
    // The tip (x = 10) sits `arrowInset` px before the end of the arc, along its last segment.
    (arc, i) => arc.arrowLength === 0 ? nothing : svg`<marker id="${prefix}-arrow-${i}" viewBox="0 0 10 10" refX=${round(10 + (arc.arrowInset * 10) / arc.arrowLength)} refY="5"
      markerUnits="userSpaceOnUse" markerWidth=${round(arc.arrowLength)} markerHeight=${round(arc.arrowHalfWidth * 2)}
      preserveAspectRatio="none" orient="auto"><path d="M0,0L10,5L0,10z" fill=${arc.color} fill-opacity=${arc.opacity}></path></marker>`,
  );

  const template = html`<svg class="static-map" xmlns="http://www.w3.org/2000/svg" role="img" aria-label=${input.label}
    width=${g.width} height=${g.height} viewBox="0 0 ${g.width} ${g.height}" data-zoom=${round(g.zoom)} data-level=${g.level.zoom}>
    <defs>
      <clipPath id="${prefix}-clip"><rect width=${g.width} height=${g.height}></rect></clipPath>
      ${markers}
    </defs>
    <g clip-path="url(#${prefix}-clip)">
      ${g.sphere
        ? svg`<path class="sea sphere" d=${g.sphere} fill=${colors.sea} stroke=${colors.coastline}></path>`
        : svg`<rect class="sea" width=${g.width} height=${g.height} fill=${colors.sea}></rect>`}
      <g class="land" stroke=${colors.coastline} stroke-width="0.5" stroke-linejoin="round">
        ${g.countries.map((c) => svg`<path data-iso3=${c.iso3} d=${c.d} fill=${c.fill}></path>`)}
      </g>
      ${g.borders
        ? svg`<path class="borders" d=${g.borders} fill="none" stroke=${colors.border} stroke-width="0.6" stroke-linejoin="round" stroke-linecap="round"></path>`
        : nothing}
      <g class="transfers" fill="none">
        ${g.arcs.map(
          (arc, i) => svg`<path class="transfer" data-id=${arc.transfer.id} d=${arc.d} stroke=${arc.color}
            stroke-opacity=${arc.opacity} stroke-width=${arc.width} stroke-linecap=${arc.linecap}
            stroke-linejoin="round" stroke-dasharray=${arc.dasharray ?? nothing}
            marker-end=${arc.arrowLength === 0 ? nothing : `url(#${prefix}-arrow-${i})`}><title>${arcName(arc.transfer)}</title></path>`,
        )}
      </g>
      <g class="facilities">
        ${g.clusters.map((c) => svg`<g class="cluster" data-cluster=${c.cluster.key}>
          <circle cx=${c.cx} cy=${c.cy} r=${c.r} fill=${c.color} fill-opacity=${CLUSTER_FILL_OPACITY} stroke=${stroke}
            stroke-width=${CLUSTER_STROKE_WIDTH}><title>${clusterName(model, c.cluster, lang)}</title></circle>
          <text x=${c.cx} y=${c.cy} text-anchor="middle" dominant-baseline="central" font-size="11" fill=${stroke}>${count.format(c.cluster.count)}</text></g>`)}
        ${g.circles.map((c) =>
          c.hollow
            ? svg`<circle class="facility unknown-capacity" data-id=${c.facility.id} cx=${c.cx} cy=${c.cy} r=${c.r}
                fill="none" stroke=${c.color} stroke-width=${UNKNOWN_RING_WIDTH}><title>${facilityName(c.facility)}</title></circle>`
            : svg`<circle class="facility" data-id=${c.facility.id} cx=${c.cx} cy=${c.cy} r=${c.r}
                fill=${c.color} fill-opacity=${FACILITY_FILL_OPACITY} stroke=${stroke} stroke-width=${FACILITY_STROKE_WIDTH}><title>${facilityName(c.facility)}</title></circle>`,
        )}
      </g>
    </g>
  </svg>`;
  return { template, level: g.level };
}

/** The static picture of a model, sized to the box it replaces the map in, and the level it draws. */
export function staticMapOf(
  model: MapModel, box: Element, view: Pick<StaticMapInput, 'selected' | 'theme' | 'lang' | 'label' | 'projection'>,
): Promise<{ template: TemplateResult; level: ViewLevel }> {
  const { width, height } = box.getBoundingClientRect();
  return staticMap({
    ...view, model, occupancy: model.data.countries,
    width: Math.max(200, Math.round(width)), height: Math.max(150, Math.round(height)),
  });
}
