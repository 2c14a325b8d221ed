// The baselines: MapLibre alone drawing the built-in basemap and the same facilities as plain
// circles. `?basemap=tiles` draws the basemap the element draws (the PMTiles archive);
// `?basemap=geojson` the basemap as it was before, world-size GeoJSON cut by MapLibre's worker.
import { Map, addProtocol, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { builtInBasemapStyle } from '../../src/map/basemap.js';
import { registerBasemapProtocol } from '../../src/map/basemap-source.js';
import { geojsonBasemapStyle } from './geojson-basemap.js';
import facilitiesText from '../../data/facilities.geojson?raw';
import { whenFacilitiesRendered } from './first-frame-probe.js';

const start = performance.now();
setWorkerUrl(new URL(workerUrl, import.meta.url).href);
registerBasemapProtocol(addProtocol);
const facilities = JSON.parse(facilitiesText);
const options = { theme: 'light', lang: 'en' } as const;
const style = new URLSearchParams(location.search).get('basemap') === 'geojson' ? await geojsonBasemapStyle(options) : builtInBasemapStyle(options);
// The same view as the element's bench page.
const map = new Map({ container: 'map', style, center: [-82, 8], zoom: 3 });
map.on('load', () => {
  map.addSource('facilities', { type: 'geojson', data: facilities });
  map.addLayer({
    id: 'facilities', type: 'circle', source: 'facilities',
    paint: { 'circle-radius': ['*', 36, ['sqrt', ['/', ['coalesce', ['get', 'capacity'], 0], 40000]]], 'circle-color': '#D55E00' },
  });
  void whenFacilitiesRendered(map, 'facilities').then(() => {
    const results = window as unknown as { benchResult: number; benchFromNavigation: number };
    results.benchResult = performance.now() - start;
    // As a reader waits for it: from navigation, MapLibre's download and start included.
    results.benchFromNavigation = performance.now();
  });
});
