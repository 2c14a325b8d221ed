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
