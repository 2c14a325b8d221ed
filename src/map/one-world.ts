/**
 * The flat map's view of data that spans the world, drawn once (no copies side by side).
 * MapLibre keeps the world's height filling the map: on a portrait phone the square Mercator world
 * is then wider than the map and the data is cut at both sides (about 220° of 360° at 375x667).
 * With one world the view may zoom out until the world fills the map's width, the sea colour
 * above and below it, and is kept on the world: centred on it along an axis where the world is
 * smaller than the map, never past its edges along one where it is larger.
 */
import { LngLat, type TransformConstrainFunction } from 'maplibre-gl';
import { latitudeAt, mercatorX, mercatorY } from '../geo/mercator.js';
import { worldMinZoom } from '../model/camera.js';

export function oneWorldConstrain(size: () => { width: number; height: number }, zoomRange: () => [number, number]): TransformConstrainFunction {
  return (lngLat, asked) => {
    const { width, height } = size();
    // Replacing MapLibre's rule replaces its zoom limits too: the map's own minimum (one world across) and maximum.
    const [minZoom, maxZoom] = zoomRange();
    const zoom = Math.min(maxZoom, Math.max(minZoom, worldMinZoom(width), asked));
    const worldPx = 512 * 2 ** zoom;
    const keep = (at: number, view: number) => (worldPx <= view ? worldPx / 2 : Math.min(Math.max(at, view / 2), worldPx - view / 2));
    const x = keep(mercatorX(lngLat.lng) * worldPx, width);
    const y = keep(mercatorY(lngLat.lat) * worldPx, height);
    return { center: new LngLat((x / worldPx) * 360 - 180, latitudeAt(y / worldPx)), zoom };
  };
}
