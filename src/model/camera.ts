/**
 * Where the camera goes: the page's own centre and zoom, or the view of everything drawn (the
 * model's bounds). With views.ts (`focus-on`), the one place that decides a view; the map
 * controller only moves to it. Light enough for the element's shell: no turf, no country data.
 */
import type { BBox } from '../geo/bounds.js';
import { parseCenter } from '../geo/center.js';
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

