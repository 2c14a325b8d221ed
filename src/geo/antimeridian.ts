/**
 * Planar fixes for geometry that crosses the antimeridian.
 *
 * world-atlas stitches Natural Earth's polygons back together for spherical rendering (d3-geo),
 * so a ring around Fiji or Chukotka steps from 179.9 to -179.9. Drawn on a flat map that step is a
 * line across the whole world. Unwrapping the longitudes keeps each ring continuous (it may then
 * extend past 180, e.g. to 190); MapLibre's geojson-vt wraps coordinates beyond ±180 onto the
 * neighbouring world copy, so the shape draws on both sides of the antimeridian.
 *
 * Pure functions: no input is mutated. Rings that need no fix share their positions with the input,
 * so treat both as immutable.
 */
import type {MultiLineString, LineString, MultiPolygon, Polygon, Position} from 'geojson';

/** Latitude used to close a ring that encircles a pole (the Web Mercator limit). */
export const MERCATOR_MAX_LAT = 85.051129;

/**
 * Returns a copy of `line` where each longitude differs from the previous one by at most 180°,
 * by adding or subtracting multiples of 360.
 */
export function unwrapLongitudes(line: readonly Position[]): Position[] {
  const out: Position[] = [];
  let offset = 0;
  for (let i = 0; i < line.length; i++) {
    const [lng, lat, ...rest] = line[i];
    if (i > 0) {
      const delta = lng + offset - out[i - 1][0];
      offset -= 360 * Math.round(delta / 360);
    }
    out.push([lng + offset, lat, ...rest]);
  }
  return out;
}

function isContinuous(line: readonly Position[]): boolean {
  for (let i = 1; i < line.length; i++) {
    if (Math.abs(line[i][0] - line[i - 1][0]) > 180) return false;
  }
  return true;
}

function meanLng(ring: readonly Position[]): number {
  let min = Infinity;
  let max = -Infinity;
  for (const [lng] of ring) {
    if (lng < min) min = lng;
    if (lng > max) max = lng;
  }
  return (min + max) / 2;
}

function shift(ring: readonly Position[], dLng: number): Position[] {
  return dLng === 0 ? ring.map((p) => [...p]) : ring.map(([lng, ...rest]) => [lng + dLng, ...rest]);
}

/** The multiple of 360 that brings `lng` closest to `target`. */
function shiftToward(lng: number, target: number): number {
  return 360 * Math.round((target - lng) / 360);
}

/**
 * Makes one ring continuous. A ring that, once unwrapped, ends a whole turn away from where it
 * started encircles a pole (Antarctica): it is closed along the Mercator limit on that pole's side.
 * The result is shifted by a multiple of 360 so that its middle lies closest to `near`
 * (0 by default, i.e. within [-180, 180] where possible).
 */
export function fixRing(ring: readonly Position[], near = 0): Position[] {
  if (ring.length === 0) return [];
  if (isContinuous(ring) && shiftToward(meanLng(ring), near) === 0) return ring.map((p) => p);
  let out = unwrapLongitudes(ring);
  const first = out[0];
  const last = out[out.length - 1];
  const turns = Math.round((last[0] - first[0]) / 360);
  if (turns !== 0) {
    const southern = out.reduce((sum, p) => sum + p[1], 0) / out.length < 0;
    const poleLat = southern ? -MERCATOR_MAX_LAT : MERCATOR_MAX_LAT;
    // Along the pole in steps of 90° so no segment spans more than 180°.
    const along: Position[] = [];
    const steps = Math.abs(turns) * 4;
    for (let i = 0; i <= steps; i++) along.push([last[0] + ((first[0] - last[0]) * i) / steps, poleLat]);
    out = [...out, ...along, [...first]];
  }
  return shift(out, shiftToward(meanLng(out), near));
}

/** Fixes a polygon's outer ring, and places its holes on the same world copy as that ring. */
export function fixPolygon(polygon: readonly (readonly Position[])[]): Position[][] {
  if (polygon.length === 0) return [];
  const outer = fixRing(polygon[0]);
  const centre = meanLng(outer);
  return [outer, ...polygon.slice(1).map((hole) => fixRing(hole, centre))];
}

/** Applies {@link fixPolygon} to a Polygon or to each part of a MultiPolygon. */
export function fixAntimeridian<G extends Polygon | MultiPolygon>(geometry: G): G {
  if (geometry.type === 'Polygon') {
    return {...geometry, coordinates: fixPolygon(geometry.coordinates)};
  }
  return {...geometry, coordinates: geometry.coordinates.map(fixPolygon)};
}

function fixLine(line: readonly Position[]): Position[] {
  const unwrapped = unwrapLongitudes(line);
  return shift(unwrapped, shiftToward(meanLng(unwrapped), 0));
}

/** Makes each line of a (Multi)LineString continuous across the antimeridian. */
export function fixLineAntimeridian<G extends LineString | MultiLineString>(geometry: G): G {
  if (geometry.type === 'LineString') {
    return {...geometry, coordinates: fixLine(geometry.coordinates)};
  }
  return {...geometry, coordinates: (geometry as MultiLineString).coordinates.map(fixLine)};
}

/** The largest longitude step between consecutive positions of any ring or line in `geometry`. */
export function maxLongitudeStep(geometry: Polygon | MultiPolygon | LineString | MultiLineString): number {
  const lines: Position[][] =
    geometry.type === 'Polygon'
      ? geometry.coordinates
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates.flat()
        : geometry.type === 'LineString'
          ? [geometry.coordinates]
          : geometry.coordinates;
  let max = 0;
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      max = Math.max(max, Math.abs(line[i][0] - line[i - 1][0]));
    }
  }
  return max;
}
