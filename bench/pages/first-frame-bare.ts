// The baseline: MapLibre alone drawing the same built-in basemap and the same facilities as
// plain circles, from a page that starts with MapLibre already imported as the element does.
import { Map, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { builtInBasemapStyle } from '../../src/map/basemap.js';
import facilitiesText from '../../data/facilities.geojson?raw';

const start = performance.now();
setWorkerUrl(new URL(workerUrl, import.meta.url).href);
const facilities = JSON.parse(facilitiesText);
const style = await builtInBasemapStyle({ theme: 'light', lang: 'en' });
const map = new Map({ container: 'map', style, bounds: [-92, -4, -78, 20], fitBoundsOptions: { padding: 48 } });
map.on('load', () => {
  map.addSource('facilities', { type: 'geojson', data: facilities });
  map.addLayer({
    id: 'facilities', type: 'circle', source: 'facilities',
    paint: { 'circle-radius': ['*', 36, ['sqrt', ['/', ['coalesce', ['get', 'capacity'], 0], 40000]]], 'circle-color': '#D55E00' },
  });
  map.once('idle', () => {
    (window as unknown as { benchResult: number }).benchResult = performance.now() - start;
  });
});
