// One level for every view (issue 25): on clustered data with max-flows, the WebGL map, the no-WebGL
// picture and the exported PNG draw the same level, and their legends say the same, word for word.
import { expect } from 'chai';
import '../src/index.js';
import type { PrisonMapElement } from '../src/index.js';
import { cleanup, mount, nextEvent } from './support/mount.js';
import { syntheticData } from './support/synthetic-data.js';
import { mapIdle, waitFor } from './support/wait.js';

afterEach(cleanup);

const DATA = syntheticData(3000, 5000);
const SIZE = 'width:1000px;height:700px';

function withData(el: PrisonMapElement): PrisonMapElement {
  el.facilitiesData = DATA.facilities;
  el.transfersData = DATA.transfers;
  el.countriesData = [];
  return el;
}

/** A legend's words, without the spaces layout puts between them. */
const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, '');

/** The full legend panel (not the narrow map's strip). */
const panel = (el: PrisonMapElement) => el.shadowRoot!.querySelector('#legend-panel')!;

/** Without WebGL, as test/no-webgl.test.ts: the static picture and its legend, once drawn. */
async function mountWithoutWebGL(attributes: string): Promise<PrisonMapElement> {
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    if (/webgl/.test(type)) return null;
    return (original as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
  } as typeof HTMLCanvasElement.prototype.getContext;
  try {
    const el = withData(mount(`<prison-map loading="eager" no-animation ${attributes} style="${SIZE}"></prison-map>`));
    await nextEvent(el, 'prison-map-error', 120000);
    await waitFor(() => el.shadowRoot!.querySelector('.static-map svg[data-level]') && el.shadowRoot!.querySelector('#legend-panel .flow-legend'), { timeout: 120000, message: 'the static picture and its legend' });
    await el.updateComplete;
    return el;
  } finally {
    HTMLCanvasElement.prototype.getContext = original;
  }
}

async function mountWebGL(attributes: string): Promise<PrisonMapElement> {
  const el = withData(mount(`<prison-map loading="eager" no-animation ${attributes} style="${SIZE}"></prison-map>`));
  await nextEvent(el, 'prison-map-ready', 120000);
  await mapIdle(el.map as unknown as import('maplibre-gl').Map);
  await el.updateComplete;
  return el;
}

/** Every text `toImage()` writes on its canvas, in order. */
async function imageTexts(el: PrisonMapElement): Promise<string[]> {
  const texts: string[] = [];
  const original = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
    texts.push(text);
    return maxWidth === undefined ? original.call(this, text, x, y) : original.call(this, text, x, y, maxWidth);
  };
  try {
    await el.toImage();
  } finally {
    CanvasRenderingContext2D.prototype.fillText = original;
  }
  return texts;
}

/** The image's legend texts: everything before the credit line. */
function legendOfImage(texts: string[], credit: RegExp): string {
  const end = texts.findIndex((t) => credit.test(t));
  expect(end, 'the credit line is drawn').to.be.above(0);
  return words(texts.slice(0, end).join(''));
}

describe('one level for every view: clustered data, max-flows="40"', function () {
  this.timeout(600000);

  it('the WebGL map\'s legend, the no-WebGL picture\'s and the exported image\'s say the same', async () => {
    const fallback = await mountWithoutWebGL('cluster="on" max-flows="40"');
    const svg = fallback.shadowRoot!.querySelector('.static-map svg')!;
    const level = Number(svg.getAttribute('data-level'));
    const staticText = panel(fallback).textContent!;
    expect(staticText).to.match(/[\d,]+ people/);
    expect(staticText).to.match(/[\d,]+ smaller transfers not drawn/);
    expect(staticText).to.contain('nearby facilities, their combined capacity');
    // The picture draws what its legend says: at most 40 arcs, clusters.
    expect(svg.querySelectorAll('path.transfer').length).to.be.within(1, 40);
    expect(svg.querySelectorAll('g.cluster').length).to.be.above(0);
    console.log(`no-WebGL picture (zoom ${svg.getAttribute('data-zoom')}): ${staticText.replace(/\s+/g, ' ').trim()}`);
    const fallbackLegend = fallback.shadowRoot!.querySelector('[part=legend]')!.textContent;
    const fallbackImage = legendOfImage(await imageTexts(fallback), /^Sources:/);
    fallback.remove();

    // The WebGL map at the same zoom level and size.
    const el = await mountWebGL(`cluster="on" max-flows="40" center="0,-80" zoom="${level + 0.5}"`);
    const map = el.map!;
    expect(Math.floor(map.getZoom())).to.equal(level);
    const webglText = panel(el).textContent!;
    console.log(`WebGL map (zoom ${map.getZoom()}): ${webglText.replace(/\s+/g, ' ').trim()}`);
    expect(words(webglText)).to.equal(words(staticText));
    expect(words(el.shadowRoot!.querySelector('[part=legend]')!.textContent)).to.equal(words(fallbackLegend));

    // The PNG's legend: the same words, drawn from the same description.
    const texts = await imageTexts(el);
    console.log(`PNG: ${texts.join(' | ')}`);
    expect(legendOfImage(texts, /^Sources:/)).to.equal(words(webglText));
    expect(fallbackImage, 'the no-WebGL picture\'s PNG').to.equal(words(staticText));
  });

  it('the PNG draws the year line and the cluster note, in Spanish too', async () => {
    const el = await mountWebGL('cluster="on" max-flows="40" lang="es" year="2020"');
    const html = panel(el).textContent!;
    expect(html).to.contain('En 2020');
    expect(html).to.contain('centros cercanos');
    const texts = await imageTexts(el);
    console.log(`PNG (es, 2020): ${texts.join(' | ')}`);
    expect(texts[0], 'the year line first').to.equal('En 2020');
    expect(texts.some((t) => t.includes('centros')), 'the cluster note').to.equal(true);
    expect(legendOfImage(texts, /^Fuentes:/)).to.equal(words(html));
  });
});
