// A lazy <prison-map> (the default) that has painted its preview: the bench taps it, and the page
// records when the tap came and when the interactive map was ready (`prison-map-ready`).
import '../../src/index.js';

const element = document.createElement('prison-map');
element.setAttribute('no-legend', '');
// The same view as the baseline page, so both draw the same basemap tiles.
element.setAttribute('center', '8,-82');
element.setAttribute('zoom', '3');
element.style.cssText = 'display:block;width:1000px;height:600px';
const results = window as unknown as { benchPreview?: number; benchTap?: number; benchReady?: number };
element.addEventListener('prison-map-preview', () => { results.benchPreview ??= performance.now(); });
element.addEventListener('pointerdown', () => { results.benchTap ??= performance.now(); });
element.addEventListener('prison-map-ready', () => { results.benchReady ??= performance.now(); });
document.body.append(element);
