// Time from <prison-map> connected to the first frame with its facilities drawn.
import '../../src/index.js';

const start = performance.now();
const element = document.createElement('prison-map');
element.setAttribute('loading', 'eager');
element.setAttribute('no-legend', '');
element.style.cssText = 'width:1000px;height:600px';
element.addEventListener('prison-map-ready', () => {
  (window as unknown as { benchResult: number }).benchResult = performance.now() - start;
}, { once: true });
document.body.append(element);
