// Time from <prison-map> connected to the first frame that shows its facilities (the figure the
// baseline page measures the same way), and to `prison-map-ready` (everything drawn, transfers too).
import '../../src/index.js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { whenFacilitiesRendered } from './first-frame-probe.js';

const start = performance.now();
const element = document.createElement('prison-map');
element.setAttribute('loading', 'eager');
element.setAttribute('no-legend', '');
// The same view as the baseline page, so both draw the same basemap tiles.
element.setAttribute('center', '8,-82');
element.setAttribute('zoom', '3');
element.style.cssText = 'width:1000px;height:600px';
const results = window as unknown as { benchResult?: number; benchReady?: number; benchTimeline?: Array<[string, number]> };
element.addEventListener('prison-map-ready', () => {
  results.benchReady = performance.now() - start;
  // The element's start-up stages (src/shared/timing.ts), ms from the element's creation.
  results.benchTimeline = performance.getEntriesByType('mark')
    .filter((mark) => mark.name.startsWith('prison-map:'))
    .map((mark): [string, number] => [mark.name.slice('prison-map:'.length), mark.startTime - start])
    .concat([['first frame with facilities', results.benchResult ?? NaN]])
    .sort((a, b) => a[1] - b[1]);
}, { once: true });
document.body.append(element);
const poll = setInterval(() => {
  const map = element.map as MapLibreMap | undefined;
  if (!map) return;
  clearInterval(poll);
  void whenFacilitiesRendered(map, 'prison-map-facilities-fill').then(() => { results.benchResult = performance.now() - start; });
}, 4);
