/**
 * Great-circle arcs for transfers, ready to draw on a flat (Web Mercator) map.
 *
 * - Longitudes are continuous: an arc across the Pacific steps from 179 to 181, not to -179, so it
 *   does not draw across the whole map. It starts exactly at `from` (as given) and may end at
 *   `to` shifted by a multiple of 360; a renderer that draws world copies shows it on both sides.
 * - Each arc bends to the right of its direction of travel, so A→B and B→A are two separate
 *   curves rather than one line drawn twice.
 *
 * Pure functions: no input is mutated.
 */
import { greatCircle } from '@turf/turf';
import type { Position } from 'geojson';
import { MERCATOR_MAX_LAT, unwrapLongitudes } from './antimeridian.js';
import { angularDistance } from './sphere.js';

export { angularDistance };

export type LngLat = [number, number];

export interface ArcOptions {
  /** Number of points on the arc (at least 2). Default: about one per 4° of arc, 8 to 48. */
  points?: number;
  /**
   * How far the middle of the arc is pushed to the right of travel, as a fraction of the distance
   * between the ends measured on the map (Mercator). Default 0.12; 0 draws the plain great circle.
   */
  bend?: number;
}

export const DEFAULT_ARC_BEND = 0.12;

const RAD = Math.PI / 180;

function defaultPoints(from: LngLat, to: LngLat): number {
  return Math.max(8, Math.min(48, Math.ceil(angularDistance(from, to) / 4) + 1));
}

/** Web Mercator y for a latitude, in units where x = longitude in degrees (so the plane is conformal). */
function mercatorY(lat: number): number {
  const clamped = Math.max(-MERCATOR_MAX_LAT, Math.min(MERCATOR_MAX_LAT, lat));
  return Math.log(Math.tan(Math.PI / 4 + (clamped * RAD) / 2)) / RAD;
}

function latitudeOf(y: number): number {
  return (2 * Math.atan(Math.exp(y * RAD)) - Math.PI / 2) / RAD;
}

/** The great circle from `from` to `to` as one continuous line of `n` points. */
function greatCirclePath(from: LngLat, to: LngLat, n: number): Position[] {
  if (angularDistance(from, to) < 1e-9) return Array.from({ length: n }, () => [from[0], from[1]]);
  let line: Position[];
  try {
    const geometry = greatCircle(from, to, { npoints: n }).geometry;
    // turf splits a crossing of the antimeridian into two lines meeting at ±180; join them.
    line = geometry.type === 'LineString' ? geometry.coordinates : geometry.coordinates.flat();
  } catch {
    // Antipodal points have no single great circle; any straight path is as honest.
    line = Array.from({ length: n }, (_, i) => [from[0] + ((to[0] - from[0]) * i) / (n - 1), from[1] + ((to[1] - from[1]) * i) / (n - 1)]);
  }
  const continuous = unwrapLongitudes(line);
  // Drop the repeated meeting point of a split line (180 and -180 unwrap to the same place).
  const deduped = continuous.filter((p, i) => i === 0 || Math.abs(p[0] - continuous[i - 1][0]) > 1e-9 || Math.abs(p[1] - continuous[i - 1][1]) > 1e-9);
  // Start exactly at `from` as given (turf may return it normalised to [-180, 180]).
  const shift = from[0] - deduped[0][0];
  return deduped.map(([lng, lat]) => [lng + shift, lat]);
}

/**
 * The arc from `from` to `to`: a great circle with continuous longitudes, bent to the right of
 * travel. The first point is `from` and the last is `to` (its longitude possibly ±360).
 */
export function arcBetween(from: LngLat, to: LngLat, options: ArcOptions = {}): LngLat[] {
  const n = Math.max(2, Math.round(options.points ?? defaultPoints(from, to)));
  const bend = options.bend ?? DEFAULT_ARC_BEND;
  const path = greatCirclePath(from, to, n);
  // The bend is applied on the Mercator plane, where "to the right" is what a reader sees.
  const xy = path.map(([lng, lat]) => [lng, mercatorY(lat)]);
  const [x0, y0] = xy[0];
  const [x1, y1] = xy[xy.length - 1];
  const dx = x1 - x0;
  const dy = y1 - y0;
  const chord = Math.hypot(dx, dy);
  if (bend === 0 || chord === 0) return path.map(([lng, lat]) => [lng, lat]);
  // Right of travel with north up: (dx, dy) turned clockwise is (dy, -dx) in a y-up plane.
  const nx = dy / chord;
  const ny = -dx / chord;
  // Offset by fraction of the path length travelled, so uneven point spacing keeps a smooth bow.
  const cumulative = [0];
  for (let i = 1; i < xy.length; i++) cumulative.push(cumulative[i - 1] + Math.hypot(xy[i][0] - xy[i - 1][0], xy[i][1] - xy[i - 1][1]));
  const total = cumulative[cumulative.length - 1] || 1;
  return xy.map(([x, y], i) => {
    if (i === 0) return [from[0], from[1]] as LngLat;
    if (i === xy.length - 1) return [path[i][0], to[1]] as LngLat;
    const offset = bend * chord * Math.sin((Math.PI * cumulative[i]) / total);
    return [x + nx * offset, latitudeOf(y + ny * offset)] as LngLat;
  });
}
