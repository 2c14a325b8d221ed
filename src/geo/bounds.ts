/** The view that shows a set of places. */
import { area, bbox, featureCollection, point, polygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

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

/**
 * Bounds of a country's largest polygon: "focus on the United States" should frame the 48
 * contiguous states, not Alaska, Hawaii and the islands in between.
 */
export function largestPolygonBounds(feature: Feature<Polygon | MultiPolygon>): BBox {
  const geometry = feature.geometry;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let largest = polygons[0];
  let largestArea = -1;
  for (const rings of polygons) {
    const size = area(polygon(rings));
    if (size > largestArea) {
      largest = rings;
      largestArea = size;
    }
  }
  return bbox(polygon(largest)) as BBox;
}
