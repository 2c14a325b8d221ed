/** Twenty maps in one long article: at most 8 WebGL contexts alive, and every map works when reached. */
import { expect } from 'chai';
import '../src/index.js';
import type { PrisonMapElement } from '../src/index.js';
import { MAX_LIVE_MAPS } from '../src/map/context-budget.js';
import { cleanup, mount, nextEvent } from './support/mount.js';
import { waitFor } from './support/wait.js';
import { liveContexts, trackWebglContexts } from './support/webgl-contexts.js';

let stopTracking: () => void;
const warnings: string[] = [];
const originalWarn = console.warn;
before(() => {
  stopTracking = trackWebglContexts();
  console.warn = (...args: unknown[]) => { warnings.push(args.join(' ')); originalWarn.apply(console, args); };
});
after(() => {
  stopTracking();
  console.warn = originalWarn;
  cleanup();
});

describe('20 maps on one page', () => {
  it(`never has more than ${MAX_LIVE_MAPS} live contexts, and each map draws when scrolled to`, async function () {
    this.timeout(10 * 60 * 1000);
    const article = mount<HTMLDivElement>('<div></div>');
    const maps: PrisonMapElement[] = [];
    for (let i = 0; i < 20; i++) {
      const p = document.createElement('p');
      p.style.height = '500px';
      p.textContent = `Paragraph ${i}`;
      const el = document.createElement('prison-map');
      el.style.cssText = 'display:block;width:400px;height:300px';
      el.setAttribute('no-animation', '');
      article.append(p, el);
      maps.push(el);
    }
    let maxLive = 0;
    const drawn = new Set<number>();
    maps.forEach((el, i) => el.addEventListener('prison-map-ready', () => drawn.add(i)));
    for (let i = 0; i < maps.length; i++) {
      maps[i].scrollIntoView({ block: 'center' });
      if (!drawn.has(i)) await nextEvent(maps[i], 'prison-map-ready', 60000);
      maxLive = Math.max(maxLive, liveContexts());
      expect(maps[i].map, `map ${i} is live when in view`).to.not.equal(undefined);
    }
    // Back to the top: the first map was released on the way down and comes back.
    const first = maps[0];
    expect(first.map, 'the first map gave its context away').to.equal(undefined);
    expect(first.shadowRoot!.querySelector('img.still'), 'and shows a still image of its view').to.not.equal(null);
    first.scrollIntoView({ block: 'center' });
    await nextEvent(first, 'prison-map-ready', 60000);
    maxLive = Math.max(maxLive, liveContexts());
    expect(first.map).to.not.equal(undefined);
    expect(maxLive).to.be.at.most(MAX_LIVE_MAPS);
    expect(warnings.filter((w) => /too many active webgl contexts/i.test(w))).to.deep.equal([]);
  });
});

describe('priority to the viewport', () => {
  it('starts a map just below the viewport only once the map on screen has drawn', async function () {
    this.timeout(120000);
    cleanup();
    window.scrollTo(0, 0);
    const page = mount<HTMLDivElement>(`<div>
      <prison-map no-animation style="display:block;width:400px;height:250px"></prison-map>
      <div style="height:${innerHeight}px"></div>
      <prison-map no-animation style="display:block;width:400px;height:250px"></prison-map>
    </div>`);
    const [onScreen, below] = [...page.querySelectorAll('prison-map')] as PrisonMapElement[];
    // Below the fold but within the 300 px a lazy map starts loading at.
    expect(below.getBoundingClientRect().top - innerHeight).to.be.within(0, 300);
    const activations = () => performance.getEntriesByName('prison-map:activate').length;
    const before = activations();
    const ready = nextEvent(onScreen, 'prison-map-ready', 60000);
    await waitFor(() => onScreen.map, { message: 'the map on screen to be created' });
    expect(activations() - before, 'maps started while the one on screen is starting').to.equal(1);
    expect(below.map, 'the map below waits').to.equal(undefined);
    await ready;
    await waitFor(() => below.map, { message: 'the map below to start once the one on screen has drawn', timeout: 30000 });
    await nextEvent(below, 'prison-map-ready', 60000);
    expect(activations() - before).to.equal(2);
    page.remove();
  });
});
