/** Parses the `center` attribute, "lat,lng" (latitude first, as in <gmp-map>); undefined when invalid. */
export function parseCenter(value: string | undefined | null): [number, number] | undefined {
  if (!value) return undefined;
  const parts = value.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [lat, lng] = parts;
  if (lat < -90 || lat > 90 || lng < -180 || lng > 180) return undefined;
  return [lng, lat];
}
