/**
 * Distances on the sphere, without dependencies: the map's GPU and picking code needs them
 * without pulling in the arc geometry (and turf) that builds the model.
 */
const RAD = Math.PI / 180;

/** Angular distance in degrees between two points on the sphere (haversine). */
export function angularDistance(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLng = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  return (2 * Math.asin(Math.min(1, Math.sqrt(h)))) / RAD;
}
