/**
 * Every colour that depends on the theme reaches the map in both themes: at creation and after a
 * switch. Checked by what the canvas shows where a reader would look.
 */
import { expect } from 'chai';
import Color from 'color';
import { median } from 'd3-array';
import '../src/index.js';
import type { PrisonMapElement } from '../src/index.js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { PALETTES, type ThemePalette } from '../src/encodings/palette.js';
import { BASEMAP_LAYER_IDS, COUNTRY_SOURCE_ID, COUNTRY_SOURCE_LAYER } from '../src/map/basemap.js';
import { COUNTRY_SHADING_LAYER_ID } from '../src/map/country-layer.js';
import { COUNTRY_HIGHLIGHT_LAYER_ID } from '../src/map/controller.js';
import { FACILITY_FILL_LAYER_ID, FACILITY_HIGHLIGHT_LABEL_LAYER_ID, FACILITY_HIGHLIGHT_LAYER_ID, FACILITY_LABEL_LAYER_ID } from '../src/map/facility-layers.js';
import { cleanup, colorDistance, mapOf, mount, nextEvent, readMapPixels } from './support/mount.js';
import { mapIdle } from './support/wait.js';

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
  if (!mapOf(el).loaded()) await mapOf(el).once('idle');
}

/** Columns of pixels across the middle part of the arc, 50 px either side of its chord. */
function columns(map: MapLibreMap): number[][][] {
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
      await mapIdle(mapOf(el));
      expect(outlineContrast(columns(mapOf(el)), PALETTES[theme].basemap.sea)).to.be.at.least(3);
    });
  }

  it('keeps the outline readable after switching from light to dark and back', async () => {
    const el = mountOcean('light');
    await drawn(el);
    el.selected = 'west-east';
    for (const theme of ['dark', 'light'] as const) {
      el.theme = theme;
      await el.updateComplete;
      await mapIdle(mapOf(el));
      expect(outlineContrast(columns(mapOf(el)), PALETTES[theme].basemap.sea), theme).to.be.at.least(3);
    }
  });
});

describe('<prison-map> every themed colour', function () {
  this.timeout(60000);

  /**
   * Where each entry of the theme's palette shows on the map, read back from the map itself. A
   * palette entry missing here fails the test below, so a new themed colour must be checked too.
   */
  const CHECKS: Record<keyof ThemePalette, (map: MapLibreMap, palette: ThemePalette) => void> = {
    basemap: (map, p) => {
      expect(map.getPaintProperty(BASEMAP_LAYER_IDS.background, 'background-color')).to.equal(p.basemap.sea);
      // Land is the theme's colour where no occupancy colour (feature state) is given.
      expect(map.getPaintProperty(BASEMAP_LAYER_IDS.land, 'fill-color')).to.deep.equal(['coalesce', ['feature-state', 'occupancyColor'], p.basemap.land]);
      expect(map.getPaintProperty(BASEMAP_LAYER_IDS.coastline, 'line-color')).to.equal(p.basemap.coastline);
      expect(map.getPaintProperty(BASEMAP_LAYER_IDS.borders, 'line-color')).to.equal(p.basemap.border);
      // Other countries' names; the story's own are checked under storyLabel.
      expect(JSON.stringify(map.getPaintProperty(BASEMAP_LAYER_IDS.labels, 'text-color'))).to.contain(`"${p.basemap.label}"`);
      expect(JSON.stringify(map.getPaintProperty(BASEMAP_LAYER_IDS.labels, 'text-halo-color'))).to.contain(`"${p.basemap.labelHalo}"`);
    },
    storyLabel: (map, p) => {
      expect(JSON.stringify(map.getPaintProperty(BASEMAP_LAYER_IDS.labels, 'text-color'))).to.contain(`"${p.storyLabel.text}"`);
      expect(JSON.stringify(map.getPaintProperty(BASEMAP_LAYER_IDS.labels, 'text-halo-color'))).to.contain(`"${p.storyLabel.halo}"`);
      for (const layer of [FACILITY_LABEL_LAYER_ID, FACILITY_HIGHLIGHT_LABEL_LAYER_ID]) {
        expect(map.getPaintProperty(layer, 'text-color'), layer).to.equal(p.storyLabel.text);
        expect(map.getPaintProperty(layer, 'text-halo-color'), layer).to.equal(p.storyLabel.halo);
      }
    },
    markStroke: (map, p) => expect(map.getPaintProperty(FACILITY_FILL_LAYER_ID, 'circle-stroke-color')).to.equal(p.markStroke),
    highlight: (map, p) => {
      expect(map.getPaintProperty(FACILITY_HIGHLIGHT_LAYER_ID, 'circle-stroke-color')).to.equal(p.highlight);
      expect(map.getPaintProperty(COUNTRY_HIGHLIGHT_LAYER_ID, 'line-color')).to.equal(p.highlight);
    },
    occupancy: (map, p) => {
      expect(map.getLayer(COUNTRY_SHADING_LAYER_ID), 'the shading layer').to.not.equal(undefined);
      // HND (149 %) is in the second class.
      expect(map.getFeatureState({ source: COUNTRY_SOURCE_ID, sourceLayer: COUNTRY_SOURCE_LAYER, id: 'HND' }).occupancyColor).to.equal(p.occupancy[1]);
    },
    // The arcs and the selected arc's outline are drawn by the flow layer: read from its pixels.
    flows: (map, p) => {
      const pixels = readMapPixels(map);
      const middle = map.project([-130, 0]);
      const sea = Color(p.basemap.sea).rgb().array();
      const ink = Color(p.flows.inmates).rgb().array();
      // The arc's body at its middle: the kind's colour over the sea, nearer the ink than the sea.
      let nearest = Infinity;
      for (let dy = -40; dy <= 40; dy++) nearest = Math.min(nearest, colorDistance(pixels.at(middle.x, middle.y + dy), ink));
      expect(nearest, 'an arc pixel close to the theme\'s arc colour').to.be.below(colorDistance(sea, ink) / 3);
    },
    selectedHalo: (map, p) => expect(outlineContrast(columns(map), p.basemap.sea)).to.be.at.least(3),
  };

  it('checks every entry of the palette', () => {
    expect(Object.keys(CHECKS).sort()).to.deep.equal(Object.keys(PALETTES.light).sort());
  });

  it('reaches the map in both themes, at creation and after each switch', async () => {
    const el = mountOcean('dark');
    el.countriesData = [{ iso3: 'HND', occupancy_pct: 149 }];
    el.focusOn = 'HND';
    await drawn(el);
    el.focusOn = undefined;
    el.setAttribute('center', '0,-130');
    el.selected = 'west-east';
    await el.updateComplete;
    // focus-on outlines HND; keep that layer while looking at the ocean arc.
    mapOf(el).jumpTo({ center: [-130, 0], zoom: 3 });
    await mapIdle(mapOf(el));
    for (const theme of ['dark', 'light', 'dark'] as const) {
      el.theme = theme;
      await el.updateComplete;
      await mapIdle(mapOf(el));
      for (const [entry, check] of Object.entries(CHECKS)) {
        try {
          check(mapOf(el), PALETTES[theme]);
        } catch (error) {
          throw new Error(`${theme} ${entry}: ${(error as Error).message}`);
        }
      }
    }
  });
});
