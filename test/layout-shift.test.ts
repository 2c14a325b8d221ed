// No layout shift (issue 26): the embed codes a newsroom copies (the README's, read from README.md
// at test time, and the configurator's) reserve the map's height before any script runs, so the
// text under the map stays where it was first painted; and the element never changes its own
// outer height after it upgrades. Each article is a fresh document (an iframe at a phone's and a
// desktop's width) whose layout shifts are observed from its first line.
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import type { PrisonMapElement } from '../src/index.js';
import { iframeEmbedCode, scriptEmbedCode, type EmbedCodeOptions } from '../demo/embed-code.js';
import { readmeEmbeds } from '../scripts/readme-embed.mjs';
import { cleanup, mount, nextEvent } from './support/mount.js';
import { waitFor } from './support/wait.js';

afterEach(cleanup);

const HEIGHT = 480;
const WIDTHS = [375, 1280];
/**
 * The element's script, served a second late: the article is painted before the element is
 * defined (as on a phone's connection), so a box that grows on upgrade is a layout shift.
 */
const LATE_SCRIPT = '/src/index.ts?test-delay-ms=1000';

/** The README's embed codes, loading the element from source and the iframe page from this server. */
async function readmeSnippets(): Promise<{ script: string; iframe: string }> {
  return readmeEmbeds(await (await fetch('/README.md')).text(), (file) => (file === 'prison-map.js' ? LATE_SCRIPT : `/${file}`));
}

const configuratorOptions: EmbedCodeOptions = {
  script: LATE_SCRIPT, embedPage: '/embed.html', stepsScript: '/src/story/steps-helper.ts', iframeTitle: 'Map of prison facilities and transfers',
};

/** Observes the page's layout shifts from its first line, and when the element is defined and ready. */
const PROBE = `window.shifts = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) shifts.push({ value: e.value, at: e.startTime, nodes: e.sources.map((s) => s.node && s.node.nodeName) }); })
  .observe({ type: 'layout-shift', buffered: true });
customElements.whenDefined('prison-map').then(() => { window.definedAt = performance.now(); });`;

/** A news article: a paragraph, the embed code as pasted, a paragraph under it. */
function article(snippet: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0; font: 17px/1.5 Georgia, serif } p { margin: 16px }</style>
<script>${PROBE}</script></head><body>
<p>A paragraph above the map, as in any article.</p>
${snippet}
<p id="below">The paragraph under the map: it must not move.</p>
<script>window.belowTopBefore = document.getElementById('below').getBoundingClientRect().top;</script>
</body></html>`;
}

interface ArticleWindow extends Window {
  shifts: Array<{ value: number; at: number; nodes: string[] }>;
  definedAt?: number;
  belowTopBefore: number;
}

type Measured = {
  cls: number; shifts: ArticleWindow['shifts']; belowBefore: number; belowAfter: number; height: number; paintedBeforeDefined: boolean;
  /** An iframe embed: the layout shift inside its own page. */
  inside?: number;
};

/** The layout shift a document has had so far (its buffered entries). */
async function layoutShiftOf(win: Window & typeof globalThis): Promise<number> {
  let sum = 0;
  const observer = new win.PerformanceObserver((list) => { for (const e of list.getEntries() as Array<PerformanceEntry & { value: number }>) sum += e.value; });
  observer.observe({ type: 'layout-shift', buffered: true });
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer.disconnect();
  return sum;
}

const frames = (win: Window, n = 2) => new Promise<void>((resolve) => {
  const step = (left: number) => (left === 0 ? resolve() : win.requestAnimationFrame(() => step(left - 1)));
  step(n);
});

/** Loads the article at `width` and waits for its map, in the page or in an iframe embed, to be ready. */
async function measure(snippet: string, width: number): Promise<Measured> {
  const frame = mount<HTMLIFrameElement>(`<iframe style="display:block;width:${width}px;height:900px;border:0"></iframe>`);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = article(snippet);
  await loaded;
  const win = frame.contentWindow as ArticleWindow & typeof globalThis;
  const doc = frame.contentDocument!;
  // The map: in the article itself, or in the page of an iframe embed.
  const element = await waitFor(() => doc.querySelector('prison-map') ?? doc.querySelector('iframe')?.contentDocument?.querySelector('prison-map'), {
    timeout: 25000, message: 'a <prison-map> in the article or its iframe',
  }) as PrisonMapElement;
  await waitFor(() => typeof element.whenReady === 'function', { timeout: 25000, message: 'the element defined' });
  await element.whenReady();
  await frames(element.ownerDocument.defaultView!);
  await frames(win);
  const box = doc.querySelector('prison-map, iframe')!.getBoundingClientRect();
  // The article painted before the element (or the iframe's page) ran: a growing box would have shifted.
  const firstPaint = win.performance.getEntriesByType('paint')[0]?.startTime ?? Infinity;
  return {
    cls: win.shifts.reduce((sum, s) => sum + s.value, 0),
    shifts: win.shifts,
    belowBefore: win.belowTopBefore,
    belowAfter: doc.getElementById('below')!.getBoundingClientRect().top,
    height: box.height,
    paintedBeforeDefined: doc.querySelector('iframe') ? true : firstPaint < (win.definedAt ?? Infinity),
    inside: element.ownerDocument === doc ? undefined : await layoutShiftOf(element.ownerDocument.defaultView as Window & typeof globalThis),
  };
}

function expectNoShift(result: Measured, expectedHeight: number): void {
  const detail = JSON.stringify(result.shifts);
  expect(result.paintedBeforeDefined, 'the article was painted before the element was defined').to.equal(true);
  expect(result.cls, `cumulative layout shift to prison-map-ready: ${detail}`).to.be.at.most(0.01);
  expect(result.belowAfter, 'top of the paragraph under the map, before the script and once ready').to.equal(result.belowBefore);
  expect(result.height, 'the map box').to.equal(expectedHeight);
  expect(result.inside ?? 0, "layout shift inside the iframe's page").to.be.at.most(0.01);
}

describe('embed code reserves the map\'s height: no layout shift', function () {
  this.timeout(120000);
  before(() => setViewport({ width: 1320, height: 1000 }));

  for (const width of WIDTHS) {
    it(`the README's script embed, ${width}px wide`, async () => {
      const result = await measure((await readmeSnippets()).script, width);
      console.log(`layout shift, README script embed at ${width}px: ${result.cls.toFixed(4)}`);
      expectNoShift(result, HEIGHT);
    });

    it(`the README's iframe embed, ${width}px wide (and none inside the iframe)`, async () => {
      const snippet = (await readmeSnippets()).iframe;
      const result = await measure(snippet, width);
      console.log(`layout shift, README iframe embed at ${width}px: ${result.cls.toFixed(4)} (inside the iframe: ${result.inside?.toFixed(4)})`);
      expectNoShift(result, Number(/height: (\d+)px/.exec(snippet)![1]));
    });

    it(`the configurator's script embed, ${width}px wide, default height and 420px`, async () => {
      for (const height of [undefined, 420]) {
        const result = await measure(scriptEmbedCode({ attributes: [['lang', 'es'], ['focus-on', 'SLV']], height }, configuratorOptions), width);
        console.log(`layout shift, configurator script embed (height ${height ?? 'default'}) at ${width}px: ${result.cls.toFixed(4)}`);
        expectNoShift(result, height ?? HEIGHT);
        cleanup();
      }
    });

    it(`the configurator's iframe embed, ${width}px wide`, async () => {
      const result = await measure(iframeEmbedCode({ attributes: [['no-animation', '']], height: 420 }, configuratorOptions), width);
      console.log(`layout shift, configurator iframe embed at ${width}px: ${result.cls.toFixed(4)} (inside the iframe: ${result.inside?.toFixed(4)})`);
      expectNoShift(result, 420);
    });
  }
});

describe('<prison-map> keeps its own height', function () {
  this.timeout(90000);
  const part = (el: PrisonMapElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
  const within = (inner: DOMRect, outer: DOMRect) =>
    inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5 && inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5;

  /** Every height the element had from its upgrade on. */
  function heightsOf(el: Element): { heights: Set<number>; stop: () => void } {
    const heights = new Set([el.getBoundingClientRect().height]);
    const observer = new ResizeObserver(() => heights.add(el.getBoundingClientRect().height));
    observer.observe(el);
    return { heights, stop: () => observer.disconnect() };
  }

  it('320px wide with the timeline on: 480px from upgrade to ready, the timeline, legend and its open panel inside', async () => {
    const el = mount('<prison-map loading="eager" timeline no-animation style="width:320px"></prison-map>');
    const watch = heightsOf(el);
    await nextEvent(el, 'prison-map-ready');
    await el.updateComplete;
    part(el, '.legend-strip button').click();
    await el.updateComplete;
    watch.stop();
    expect([...watch.heights]).to.deep.equal([HEIGHT]);
    const host = el.getBoundingClientRect();
    for (const selector of ['.map', '.timeline', '.legend-dock', '.controls', '#legend-panel']) {
      expect(within(part(el, selector).getBoundingClientRect(), host), `${selector} inside the element`).to.equal(true);
    }
  });

  it('a long error message, 320px wide: the element keeps its height and the message stays inside it', async () => {
    const long = `/no-such-folder/${'a-long-path-segment-'.repeat(40)}/prisons.csv`;
    const el = mount(`<prison-map loading="eager" timeline facilities="${long}" style="width:320px"></prison-map>`);
    const watch = heightsOf(el);
    await nextEvent(el, 'prison-map-error');
    await el.updateComplete;
    watch.stop();
    const status = part(el, '.status');
    expect(status.textContent!.length, 'a long message').to.be.greaterThan(300);
    expect([...watch.heights]).to.deep.equal([HEIGHT]);
    expect(within(status.getBoundingClientRect(), el.getBoundingClientRect()), 'the message inside the element').to.equal(true);
    expect(status.scrollHeight > status.clientHeight ? getComputedStyle(status).overflowY : 'fits', 'a message taller than the map scrolls').to.be.oneOf(['auto', 'scroll', 'fits']);
  });

  it("shows the page's content inside the tag (a fallback image) until the first prison-map-ready, then hides it", async () => {
    const el = mount('<prison-map loading="eager" no-animation style="width:500px"><img alt="A picture of the map" style="display:block;width:100%;height:100%" src="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%2210%22 height=%2210%22/%3E"></prison-map>');
    const img = el.querySelector('img')!;
    await el.updateComplete;
    expect(img.assignedSlot, 'slotted before the map draws').to.not.equal(null);
    expect(img.getBoundingClientRect().height, 'the image fills the map area').to.equal(part(el, '.map').getBoundingClientRect().height);
    await nextEvent(el, 'prison-map-ready');
    await el.updateComplete;
    expect(img.assignedSlot, 'no slot once drawn').to.equal(null);
    expect(img.getBoundingClientRect().height, 'not rendered once drawn').to.equal(0);
  });
});
