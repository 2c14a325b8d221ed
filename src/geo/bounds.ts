/** The view that shows a set of places. */
import { bbox, featureCollection, point } from '@turf/turf';

export type BBox = [number, number, number, number];

/**
 * Bounds of the given [lng, lat] positions, or undefined when there are none. A single place gets
 * a box around it, so "fit to the data" does not zoom in to street level.
 */
export function boundsOf(positions: ReadonlyArray<readonly [number, number]>, minSpanDegrees = 4): BBox | undefined {
  if (positions.length === 0) return undefined;
  const [west, south, east, north] = bbox(featureCollection(positions.map((p) => point([p[0], p[1]])))) as BBox;
  const padLng = Math.max(0, (minSpanDegrees - (east - west)) / 2);
  const padLat = Math.max(0, (minSpanDegrees - (north - south)) / 2);
  return [west - padLng, Math.max(-85, south - padLat), east + padLng, Math.min(85, north + padLat)];
}

/** Parses the `center` attribute, "lat,lng" (latitude first, as in <gmp-map>). */
export function parseCenter(value: string | undefined | null): [number, number] | undefined {
  if (!value) return undefined;
  const parts = value.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [lat, lng] = parts;
  if (lat < -90 || lat > 90 || lng < -180 || lng > 180) return undefined;
  return [lng, lat];
}
