// toImage(), the "download image" control and printing (issue 12): what a newsroom gets out of the map.
import { expect } from 'chai';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/index.js';
import type { PrisonMapElement } from '../src/index.js';
import { cleanup, mapOf, mount, nextEvent } from './support/mount.js';
import { nextDownload } from './support/download.js';
import { mapIdle } from './support/wait.js';

afterEach(async () => {
  cleanup();
  await emulateMedia({ media: 'screen' });
});

async function mountReady(attributes: string, width = 800, height = 500): Promise<PrisonMapElement> {
  const el = mount(`<prison-map loading="eager" no-animation ${attributes} style="width:${width}px;height:${height}px"></prison-map>`);
  await nextEvent(el, 'prison-map-ready');
  await mapIdle(mapOf(el));
  return el;
}

/** The image's pixels, decoded as a browser would show them. */
async function pixelsOf(blob: Blob): Promise<{ width: number; height: number; band(top: number, bottom: number): { colours: number; luminance: number } }> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return {
    width: bitmap.width,
    height: bitmap.height,
    /** Distinct colours (coarsely binned) and mean luminance of the rows top..bottom (image px). */
    band(top, bottom) {
      const colours = new Set<number>();
      let sum = 0;
      let n = 0;
      for (let y = Math.floor(top); y < Math.min(bottom, bitmap.height); y += 2) {
        for (let x = 0; x < bitmap.width; x += 2) {
          const i = (y * bitmap.width + x) * 4;
          colours.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
          sum += 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
          n++;
        }
      }
      return { colours: colours.size, luminance: sum / n };
    },
  };
}

describe('<prison-map> toImage()', function () {
  this.timeout(90000);

  it('resolves to a PNG of the map, the legend and a credit line, in both themes, at the device pixel ratio', async () => {
    const luminance: Record<string, number> = {};
    for (const theme of ['light', 'dark']) {
      const el = await mountReady(`theme="${theme}"`);
      const blob = await el.toImage();
      expect(blob.type).to.equal('image/png');
      const signature = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
      expect([...signature]).to.deep.equal([137, 80, 78, 71, 13, 10, 26, 10]);
      const image = await pixelsOf(blob);
      const ratio = devicePixelRatio;
      const mapArea = el.shadowRoot!.querySelector('.map')!.getBoundingClientRect();
      expect(image.width).to.equal(Math.round(mapArea.width * ratio));
      expect(image.height, 'map + legend + credit').to.be.above(mapArea.height * ratio + 60 * ratio);
      const map = image.band(0, mapArea.height * ratio);
      expect(map.colours, `${theme}: the map is drawn (sea, land, circles, arcs)`).to.be.above(20);
      const legend = image.band(mapArea.height * ratio, image.height);
      expect(legend.colours, `${theme}: the legend is drawn (swatches, text)`).to.be.above(12);
      luminance[theme] = legend.luminance;
      el.remove();
    }
    expect(luminance.dark, 'the dark theme\'s legend is dark').to.be.below(luminance.light - 80);
  });

  it('omits the legend with no-legend', async () => {
    const el = await mountReady('no-legend');
    const withoutLegend = await pixelsOf(await el.toImage());
    const mapHeight = el.shadowRoot!.querySelector('.map')!.getBoundingClientRect().height * devicePixelRatio;
    // Only the credit line under the map.
    expect(withoutLegend.height - mapHeight).to.be.below(40 * devicePixelRatio);
  });
});

describe('<prison-map> "download image" control', function () {
  this.timeout(90000);

  it('saves the same PNG as prison-map.png, labelled in the reader\'s language; no-export hides it', async () => {
    const el = await mountReady('lang="es"');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Descargar imagen"]');
    expect(button, 'labelled control').to.not.equal(null);
    const clicked = nextDownload();
    button!.click();
    const link = await clicked;
    expect(link.download).to.equal('prison-map.png');
    expect(link.href).to.match(/^blob:/);
    const saved = await (await fetch(link.href)).blob();
    expect(saved.type).to.equal('image/png');
    expect(saved.size).to.be.above(10_000);

    el.setAttribute('no-export', '');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button[aria-label="Descargar imagen"]')).to.equal(null);
    expect((await el.toImage()).type, 'toImage() still works').to.equal('image/png');
    el.setAttribute('no-export', 'false');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button[aria-label="Descargar imagen"]')).to.not.equal(null);
  });
});

describe('<prison-map> printing', function () {
  this.timeout(90000);

  it('prints the map as an image of its view, with the whole legend and no controls', async () => {
    const el = await mountReady('', 375, 600);
    const root = el.shadowRoot!;
    window.dispatchEvent(new Event('beforeprint'));
    await emulateMedia({ media: 'print' });
    const image = root.querySelector<HTMLImageElement>('.print-image');
    expect(image, 'an image of the map').to.not.equal(null);
    expect(image!.src).to.match(/^data:image\//);
    await image!.decode();
    expect(image!.naturalWidth).to.be.above(100);
    expect(getComputedStyle(image!).display).to.equal('block');
    expect(getComputedStyle(root.querySelector('.controls')!).display).to.equal('none');
    // On a narrow map the legend is a strip on screen; printed, it is whole.
    expect(getComputedStyle(root.querySelector('#legend-panel')!).display).to.equal('flex');
    expect(getComputedStyle(root.querySelector('.legend-strip')!).display).to.equal('none');

    window.dispatchEvent(new Event('afterprint'));
    await emulateMedia({ media: 'screen' });
    expect(root.querySelector('.print-image')).to.equal(null);
    expect(getComputedStyle(root.querySelector('.controls')!).display).to.not.equal('none');
  });
});
