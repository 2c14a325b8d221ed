/** Twenty maps in one long article: at most 8 WebGL contexts alive, and every map works when reached. */
import { expect } from 'chai';
import '../src/index.js';
import type { PrisonMapElement } from '../src/index.js';
import { MAX_LIVE_MAPS } from '../src/map/context-budget.js';
import { cleanup, mount, nextEvent } from './support/mount.js';
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
