/**
 * Where the camera goes: the page's own centre and zoom, the view of everything drawn, or the view
 * for `focus-on` (a facility's surroundings; a country's main landmass with its facilities). The
 * one place that decides a view; the map controller only moves to it.
 */
import { boundsOf, largestPolygonBounds, type BBox } from '../geo/bounds.js';
import { parseCenter } from '../geo/center.js';
import { loadCountries } from '../geo/countries.js';
import type { MapModel } from './model.js';

export type Camera =
  | { kind: 'center'; center: [number, number]; zoom: number }
  | { kind: 'bounds'; bounds: BBox; maxZoom?: number }
  | { kind: 'world' };

/** Zoom used with `center` when `zoom` is absent or not a number. */
const DEFAULT_CENTER_ZOOM = 4;

/** The page's `center` ("lat,lng") and `zoom`, if it gave a valid centre. */
export function explicitCamera(center: string | undefined, zoom: number | undefined): Camera | undefined {
  const position = parseCenter(center);
  if (!position) return undefined;
  const z = Number(zoom);
  return { kind: 'center', center: position, zoom: zoom !== undefined && zoom !== null && Number.isFinite(z) ? z : DEFAULT_CENTER_ZOOM };
}

/** Everything drawn: facilities and whole arcs. */
export function dataCamera(model: MapModel | undefined): Camera | undefined {
  return model?.bounds ? { kind: 'bounds', bounds: model.bounds } : undefined;
}

/**
 * The view for `focus-on`: a facility id frames its surroundings; an ISO 3166-1 alpha-3 code frames
 * the country's main landmass together with the data's facilities in it (which may lie offshore,
 * like Honduras's Swan Islands). Undefined for a target that is neither.
 */
export async function focusCamera(model: MapModel | undefined, target: string): Promise<Camera | undefined> {
  const facility = model?.facility(target);
  if (facility) return { kind: 'bounds', bounds: boundsOf([[facility.longitude, facility.latitude]], 3)!, maxZoom: 7 };
  const code = target.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return undefined;
  const inCountry = (model?.data.facilities ?? []).filter((f) => f.country === code).map((f) => [f.longitude, f.latitude] as [number, number]);
  const countries = await loadCountries('50m');
  const feature = countries.features.find((f) => f.properties.iso3 === code);
  if (!feature) {
    const bounds = boundsOf(inCountry, 6);
    return bounds ? { kind: 'bounds', bounds, maxZoom: 6 } : undefined;
  }
  const [west, south, east, north] = largestPolygonBounds(feature);
  return { kind: 'bounds', bounds: boundsOf([[west, south], [east, north], ...inCountry])!, maxZoom: 6 };
}
