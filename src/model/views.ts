/**
 * The view for `focus-on` (a facility's surroundings; a country's main landmass with its
 * facilities), in the lazily loaded pipeline: it needs turf and the country table. The page's
 * own centre and the fit to the data are in camera.ts, which the element's shell can import.
 */
import { boundsOf } from '../geo/bounds.js';
import { countryBounds } from '../geo/country-table.js';
import type { Camera } from './camera.js';
import type { MapModel } from './model.js';

export type { Camera };

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
  const landmass = countryBounds(code);
  if (!landmass) {
    const bounds = boundsOf(inCountry, 6);
    return bounds ? { kind: 'bounds', bounds, maxZoom: 6 } : undefined;
  }
  const [west, south, east, north] = landmass;
  return { kind: 'bounds', bounds: boundsOf([[west, south], [east, north], ...inCountry])!, maxZoom: 6 };
}
