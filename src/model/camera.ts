/**
 * Where the camera goes: the page's own centre and zoom, or the view of everything drawn (the
 * model's bounds). With views.ts (`focus-on`), the one place that decides a view; the map
 * controller only moves to it. Light enough for the element's shell: no turf, no country data.
 */
import type { BBox } from '../geo/bounds.js';
import { parseCenter } from '../geo/center.js';
import { latitudeAt, mercatorX, mercatorY } from '../geo/mercator.js';
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

/**
 * The least zoom of a flat map `width` CSS px wide: the world (512 px at zoom 0) fills the map's
 * width once, never side by side with its copies (MapLibre's floor is -2). A fitted camera that
 * asks for less (data spanning the world) stops here, showing one world.
 */
export function worldMinZoom(width: number): number {
  return Math.max(-2, Math.log2(Math.max(1, width) / 512));
}

/**
 * Data that spans the world (more than half of it across, arcs included): its map shows one
 * world, centred on the data, without copies side by side. Narrower data keeps the copies, so
 * that a view across the Pacific stays whole.
 */
export function spansTheWorld(bounds: BBox): boolean {
  return bounds[2] - bounds[0] > 180;
}

/** How much of the map's shorter side the whole globe spans when data covers the world. */
export const GLOBE_FILL = 0.9;

/**
 * The zoom at which MapLibre's globe, seen from `latitude`, looks `GLOBE_FILL` of the map's
 * shorter side across. MapLibre sizes the sphere so that the centre keeps the flat map's scale
 * (radius R = worldSize / 2π / cos(latitude), the world 512 × 2^zoom px) and looks at it through
 * a perspective camera (field of view `fov`, 36.87° by default) c = height / 2 / tan(fov / 2) px
 * above the centre: the disc seen is c·tan(asin(R / (R + c))) px in radius, less than R.
 */
export function globeFillZoom(size: { width: number; height: number }, latitude: number, fov = 0.6435011087932844): number {
  const c = size.height / 2 / Math.tan(fov / 2);
  const seenRadius = (GLOBE_FILL * Math.max(1, Math.min(size.width, size.height))) / 2;
  const sin = Math.sin(Math.atan(seenRadius / c));
  const radius = (c * sin) / (1 - sin);
  return Math.log2((radius * 2 * Math.PI * Math.cos((Math.min(Math.abs(latitude), 85) * Math.PI) / 180)) / 512);
}

/**
 * Everything drawn: facilities and whole arcs. Data across more than half the world is framed
 * as the whole world's width, once: fitted to its own longitudes, a tall phone showed about 220°
 * of it and cut the rest at the sides.
 */
export function dataCamera(model: MapModel | undefined): Camera | undefined {
  if (!model?.bounds) return undefined;
  const [, south, , north] = model.bounds;
  // Not ±180 exactly: MapLibre reads -180..180 as one meridian and would fit the latitudes alone.
  return { kind: 'bounds', bounds: spansTheWorld(model.bounds) ? [-179.9, south, 179.9, north] : model.bounds };
}

/**
 * The centre and zoom a camera comes to on a flat map of this size, as MapLibre's `fitBounds`
 * computes it (512 px tiles, padding in CSS px, at most `maxZoom`, at least one world across): the
 * preview is painted at the view the interactive map will open on, so nothing jumps when it takes over.
 */
export function flatView(camera: Camera, size: { width: number; height: number }, padding: { top: number; right: number; bottom: number; left: number }): { center: [number, number]; zoom: number } {
  if (camera.kind === 'center') return { center: camera.center, zoom: camera.zoom };
  if (camera.kind === 'world') return { center: [0, 15], zoom: Math.max(1, worldMinZoom(size.width)) };
  const [west, south, east, north] = camera.bounds;
  const x0 = mercatorX(west);
  const x1 = mercatorX(east < west ? east + 360 : east);
  const y0 = mercatorY(north);
  const y1 = mercatorY(south);
  const room = { x: Math.max(1, size.width - padding.left - padding.right), y: Math.max(1, size.height - padding.top - padding.bottom) };
  const scale = Math.min(room.x / Math.max(1e-9, (x1 - x0) * 512), room.y / Math.max(1e-9, (y1 - y0) * 512));
  const zoom = Math.max(worldMinZoom(size.width), Math.min(camera.maxZoom ?? 6, Math.log2(scale)));
  // The padding shifts the centre: the data sits in the middle of the room left by it.
  const worldPx = 512 * 2 ** zoom;
  const cx = (x0 + x1) / 2 - (padding.left - padding.right) / 2 / worldPx;
  const cy = (y0 + y1) / 2 - (padding.top - padding.bottom) / 2 / worldPx;
  return { center: [cx * 360 - 180, latitudeAt(cy)], zoom };
}
