/**
 * Every colour that depends on the theme reaches the map in both themes: at creation and after a
 * switch. Checked by what the canvas shows where a reader would look.
 */
import { expect } from 'chai';
import Color from 'color';
import { median } from 'd3-array';
import '../src/index.js';
import type { PrisonMapElement } from '../src/index.js';
import { PALETTES } from '../src/encodings/palette.js';
import { cleanup, colorDistance, mount, nextEvent, readMapPixels } from './support/mount.js';

afterEach(cleanup);

/** Two facilities in the open Pacific and one transfer between them: nothing but sea around the arc. */
const OCEAN = `center="0,-130" zoom="3" no-legend no-animation style="width:700px;height:400px"`;
const oceanData = {
  facilities: {
    type: 'FeatureCollection' as const,
    features: [
      { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [-140, 0] as [number, number] }, properties: { id: 'west', name: 'West', country: 'KIR', capacity: 100 } },
      { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [-120, 0] as [number, number] }, properties: { id: 'east', name: 'East', country: 'ECU', capacity: 100 } },
    ],
  },
  transfers: [{ id: 'west-east', from: 'west', to: 'east', count: 500 }],
};

function mountOcean(theme: 'light' | 'dark'): PrisonMapElement {
  const el = mount(`<prison-map loading="eager" theme="${theme}" ${OCEAN}></prison-map>`);
  el.facilitiesData = oceanData.facilities;
  el.transfersData = oceanData.transfers;
  return el;
}

const rgb = (pixel: readonly number[]) => Color.rgb(pixel[0], pixel[1], pixel[2]);

async function drawn(el: PrisonMapElement): Promise<void> {
  await nextEvent(el, 'prison-map-ready');
  if (!el.map!.loaded()) await el.map!.once('idle');
}

async function repainted(el: PrisonMapElement): Promise<void> {
  el.map!.triggerRepaint();
  await el.map!.once('idle');
}

/** Columns of pixels across the middle part of the arc, 50 px either side of its chord. */
function columns(el: PrisonMapElement): number[][][] {
  const map = el.map!;
  const pixels = readMapPixels(map);
  const west = map.project([-134, 0]);
  const east = map.project([-126, 0]);
  const out: number[][][] = [];
  for (let x = west.x; x <= east.x; x += 3) {
    const column: number[][] = [];
    for (let dy = -50; dy <= 50; dy++) column.push(pixels.at(x, west.y + dy));
    out.push(column);
  }
  return out;
}

/**
 * The contrast against the sea of the selected arc's outermost ring, as a reader sees it: in each
 * column, the run of pixels that are not sea is the arc, and its two outermost pixels on each side
 * are its outline. The median over the columns leaves out the few where an arrowhead, wider than
 * the outline, is drawn.
 */
function outlineContrast(picture: number[][][], sea: string): number {
  const background = Color(sea);
  const contrast = (px: number[]) => rgb(px).contrast(background);
  const seaPixel = Color(sea).rgb().array();
  const perColumn = picture.flatMap((column) => {
    const drawn = column.map((px) => colorDistance(px, seaPixel) > 6);
    const first = drawn.indexOf(true);
    const last = drawn.lastIndexOf(true);
    if (first < 0) return [];
    return [Math.min(
      Math.max(contrast(column[first]), contrast(column[first + 1])),
      Math.max(contrast(column[last]), contrast(column[last - 1])),
    )];
  });
  expect(perColumn.length, 'columns that show the arc').to.be.at.least(picture.length / 2);
  return median(perColumn)!;
}

describe('<prison-map> themes', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`outlines the selected arc with at least 3:1 contrast against the ${theme} sea`, async () => {
      const el = mountOcean(theme);
      await drawn(el);
      el.selected = 'west-east';
      await el.updateComplete;
      await repainted(el);
      expect(outlineContrast(columns(el), PALETTES[theme].basemap.sea)).to.be.at.least(3);
    });
  }

  it('keeps the outline readable after switching from light to dark and back', async () => {
    const el = mountOcean('light');
    await drawn(el);
    el.selected = 'west-east';
    for (const theme of ['dark', 'light'] as const) {
      el.theme = theme;
      await el.updateComplete;
      await repainted(el);
      expect(outlineContrast(columns(el), PALETTES[theme].basemap.sea), theme).to.be.at.least(3);
    }
  });
});
