// Phones first (issue 12): the layout at a phone's size and a desktop's, circle sizes that follow
// the map, labels from the story, overlapping circles, and framing, as a reader sees them.
import { expect } from 'chai';
import axe from 'axe-core';
import '../src/index.js';
import type { PrisonMapElement, PrisonMapSelectDetail } from '../src/index.js';
import { PALETTES } from '../src/encodings/palette.js';
import { BASEMAP_LAYER_IDS } from '../src/map/basemap.js';
import { FACILITY_HIGHLIGHT_LABEL_LAYER_ID, FACILITY_LABEL_LAYER_ID } from '../src/map/facility-layers.js';
import Color from 'color';
import { cleanup, colorDistance, mapOf, mount, nextEvent, readMapPixels } from './support/mount.js';
import { mapIdle, waitFor } from './support/wait.js';

afterEach(cleanup);

const part = (el: PrisonMapElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const box = (element: Element) => element.getBoundingClientRect();
const shown = (element: Element | null) => !!element && getComputedStyle(element).display !== 'none' && box(element).height > 0;
const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function mountAt(width: number, height: number, attributes = ''): Promise<PrisonMapElement> {
  const el = mount(`<prison-map loading="eager" no-animation ${attributes} style="width:${width}px;height:${height}px"></prison-map>`);
  await nextEvent(el, 'prison-map-ready');
  await el.updateComplete;
  return el;
}

/** The largest circle actually drawn: its radius in the map's source data (CSS px). */
function largestDrawnRadius(el: PrisonMapElement): number {
  const features = mapOf(el).queryRenderedFeatures({ layers: ['prison-map-facilities-fill'] });
  return Math.max(...features.map((f) => Number(f.properties.radius)));
}

async function axeViolations(el: Element): Promise<string[]> {
  const result = await axe.run(el, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('<prison-map> on a phone', function () {
  this.timeout(90000);

  for (const [width, height] of [[375, 667], [320, 480]]) {
    it(`at ${width}×${height}: the map keeps 60% of the height, the legend is a strip that opens over the map, nothing overlaps`, async () => {
      const el = await mountAt(width, height);
      const host = box(el);
      const map = box(part(el, '.map')!);
      expect(map.height / host.height, 'map share of the height').to.be.at.least(0.6);

      const strip = part(el, '.legend-strip')!;
      const panel = part(el, '#legend-panel')!;
      expect(shown(strip), 'legend strip').to.equal(true);
      expect(shown(panel), 'full legend closed').to.equal(false);
      expect(strip.textContent).to.contain('Operational');
      const controls = box(part(el, '.controls')!);
      expect(overlaps(controls, box(part(el, '.legend-dock')!)), 'controls over the legend').to.equal(false);

      const toggle = strip.querySelector('button')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(shown(panel), 'full legend open').to.equal(true);
      const open = box(panel);
      expect(open.top, 'legend below the controls').to.be.at.least(controls.bottom);
      expect(open.bottom, 'legend above its strip').to.be.at.most(box(strip).top + 1);
      expect(open.left).to.be.at.least(host.left - 0.5);
      expect(open.right).to.be.at.most(host.right + 0.5);
      // Never clipped: what does not fit scrolls inside the panel.
      expect(panel.scrollHeight <= panel.clientHeight || getComputedStyle(panel).overflowY === 'auto').to.equal(true);
      expect(panel.textContent).to.contain('Capacity (places)');
      // Small reference circles still get readable labels: one line apart at least.
      const labelYs = [...panel.querySelectorAll('.legend-circles text')].map((t) => Number(t.getAttribute('y')));
      expect(labelYs.length).to.be.at.least(2);
      for (let i = 1; i < labelYs.length; i++) expect(labelYs[i] - labelYs[i - 1], 'legend labels apart').to.be.at.least(12);

      // Tap targets: every visible button at least 24×24 CSS px.
      for (const button of el.shadowRoot!.querySelectorAll('button')) {
        if (!shown(button)) continue;
        const b = box(button);
        expect(Math.min(b.width, b.height), button.getAttribute('aria-label') ?? button.textContent!).to.be.at.least(24);
      }
      expect(await axeViolations(el)).to.deep.equal([]);
    });
  }

  it('the details card is a bottom sheet on a narrow map, clear of the controls', async () => {
    const el = await mountAt(375, 667);
    el.selected = 'cecot';
    await el.updateComplete;
    const card = box(part(el, '.details')!);
    const host = box(el);
    expect(card.bottom).to.be.closeTo(host.bottom, 1.5);
    expect(card.width).to.be.closeTo(host.width, 1.5);
    expect(overlaps(card, box(part(el, '.controls')!)), 'card over the controls').to.equal(false);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('at 1280×720 the full legend sits under the map and the strip is hidden', async () => {
    const el = await mountAt(1280, 720);
    expect(shown(part(el, '.legend-strip')), 'strip').to.equal(false);
    expect(shown(part(el, '#legend-panel')), 'legend').to.equal(true);
    expect(box(part(el, '.map')!).height / 720).to.be.at.least(0.6);
    const legend = box(part(el, '.legend-dock')!);
    expect(legend.top).to.be.closeTo(box(part(el, '.map')!).bottom, 1.5);
  });
});

describe('<prison-map> circle sizes follow the map', function () {
  this.timeout(90000);

  it('the largest circle is 6% of the map\'s shorter side (at least 12 px), recomputed on resize, and the legend follows', async () => {
    const el = await mountAt(375, 667);
    const expected = () => {
      const map = box(part(el, '.map')!);
      return Math.max(12, Math.floor(Math.min(map.width, map.height) * 0.06));
    };
    // 6% of the shorter side, floored; 1 px less where growing by 1 px would loop with the legend.
    expect(el.maxRadius).to.be.within(expected() - 1, expected());
    expect(el.maxRadius).to.be.at.most(0.06 * 375);
    await mapIdle(mapOf(el));
    expect(largestDrawnRadius(el)).to.be.closeTo(el.maxRadius, 0.01);

    let readyEvents = 0;
    el.addEventListener('prison-map-ready', () => readyEvents++);
    el.style.width = '1000px';
    el.style.height = '700px';
    await waitFor(() => expected() - el.maxRadius <= 1 && el.maxRadius <= expected() && el.maxRadius > 30, { message: 'radius after resize' });
    await el.updateComplete;
    await mapIdle(mapOf(el));
    expect(largestDrawnRadius(el)).to.be.closeTo(el.maxRadius, 0.01);
    // The legend's largest reference circle is the largest circle on the map.
    const legendCircle = part(el, '.legend-circles circle')!;
    expect(Number(legendCircle.getAttribute('r'))).to.be.closeTo(el.maxRadius, 0.5);
    expect(readyEvents, 'a new size is not new data').to.equal(0);

    el.style.width = '200px';
    el.style.height = '200px';
    await waitFor(() => el.maxRadius === 12, { message: 'the 12 px floor' });
  });

  it('a number in max-radius fixes it, whatever the size', async () => {
    const el = await mountAt(375, 667, 'max-radius="30"');
    expect(el.maxRadius).to.equal(30);
    el.style.width = '1200px';
    await waitFor(() => box(part(el, '.map')!).width > 1100);
    await mapIdle(mapOf(el));
    expect(el.maxRadius).to.equal(30);
    expect(largestDrawnRadius(el)).to.be.closeTo(30, 0.01);
    el.removeAttribute('max-radius');
    await waitFor(() => el.maxRadius <= expected(el) && expected(el) - el.maxRadius <= 1, { message: 'automatic again' });
  });
});

function expected(el: PrisonMapElement): number {
  const map = el.shadowRoot!.querySelector('.map')!.getBoundingClientRect();
  return Math.max(12, Math.floor(Math.min(map.width, map.height) * 0.06));
}

describe('<prison-map> labels from the story', function () {
  this.timeout(90000);

  const placedLabels = (el: PrisonMapElement, layers: string[]) => mapOf(el).queryRenderedFeatures({ layers });

  it('labels facilities by their short name and names the story\'s countries first, in English and Spanish', async () => {
    const el = await mountAt(1280, 720);
    await mapIdle(mapOf(el));
    const facilities = placedLabels(el, [FACILITY_LABEL_LAYER_ID]).map((f) => f.properties.label_en);
    expect(facilities).to.include('CECOT');
    // 3 of the 4 the data labels: no label may cross another circle, and the story's countries are named first (issue 27).
    expect(facilities.length, 'most facilities labelled on a desktop').to.be.at.least(3);
    const countries = new Set(placedLabels(el, [BASEMAP_LAYER_IDS.labels]).map((f) => f.properties.iso3));
    for (const iso3 of ['USA', 'ECU', 'PER', 'BOL']) expect(countries.has(iso3), iso3).to.equal(true);

    el.lang = 'es';
    await el.updateComplete;
    await mapIdle(mapOf(el));
    expect(mapOf(el).getLayoutProperty(FACILITY_LABEL_LAYER_ID, 'text-field')).to.deep.equal(['get', 'label_es']);
    const spanish = placedLabels(el, [FACILITY_LABEL_LAYER_ID]).map((f) => f.properties.label_es);
    expect(spanish).to.include('Cárcel de la costa');
  });

  it('names a small country of the story at a zoom where other countries its size are not named', async () => {
    const el = mount(`<prison-map loading="eager" no-animation no-legend style="width:900px;height:500px"></prison-map>`);
    el.facilitiesData = { type: 'FeatureCollection', features: [] };
    el.transfersData = [{ id: 'slv-esp', from: 'SLV', to: 'ESP' }];
    await nextEvent(el, 'prison-map-ready');
    await mapIdle(mapOf(el));
    expect(mapOf(el).getZoom(), 'a view wide enough that size alone would not name El Salvador').to.be.below(3);
    const countries = new Set(placedLabels(el, [BASEMAP_LAYER_IDS.labels]).map((f) => f.properties.iso3));
    expect(countries.has('SLV'), 'El Salvador, 21,000 km², in the story').to.equal(true);
    expect(countries.has('ESP')).to.equal(true);
    for (const neighbour of ['GTM', 'BLZ', 'CRI']) expect(countries.has(neighbour), `${neighbour}, not in the story`).to.equal(false);
  });

  it('always shows the selected facility\'s label, even where labels crowd (a phone)', async () => {
    const el = await mountAt(320, 480);
    el.selected = 'ecuador-amazon-max-security';
    await el.updateComplete;
    await mapIdle(mapOf(el));
    const selected = placedLabels(el, [FACILITY_HIGHLIGHT_LABEL_LAYER_ID]).map((f) => f.properties.id);
    expect(selected).to.deep.equal(['ecuador-amazon-max-security']);
    const others = placedLabels(el, [FACILITY_LABEL_LAYER_ID]).map((f) => f.properties.id);
    expect(others, 'not labelled twice').to.not.include('ecuador-amazon-max-security');
  });

  it('labels meet 4.5:1 against their halo in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const { text, halo } = PALETTES[theme].storyLabel;
      expect(Color(text).contrast(Color(halo)), theme).to.be.at.least(4.5);
      const { label, labelHalo } = PALETTES[theme].basemap;
      expect(Color(label).contrast(Color(labelHalo)), `${theme} basemap`).to.be.at.least(4.5);
    }
  });
});

describe('<prison-map> overlapping circles and framing', function () {
  this.timeout(90000);

  it('draws the smaller circle on top, picks it under the pointer, and raises the selected one', async () => {
    const el = await mountAt(700, 400, 'facilities="/test/fixtures/overlap.geojson" center="20,-100" zoom="4" no-legend');
    const map = mapOf(el);
    await mapIdle(map);
    const centre = map.project([-100, 20]);
    const colourAt = () => readMapPixels(map).at(centre.x, centre.y);
    const operational = [0xd5, 0x5e, 0x00];
    const underConstruction = [0x00, 0x72, 0xb2];
    const nearer = (pixel: number[]) => (colorDistance(pixel, underConstruction) < colorDistance(pixel, operational) ? 'small' : 'big');
    expect(nearer(colourAt()), 'small circle on top').to.equal('small');

    const selected = nextEvent<PrisonMapSelectDetail>(el, 'prison-map-select');
    const canvas = map.getCanvas();
    const rect = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: rect.left + centre.x, clientY: rect.top + centre.y, button: 0 }));
    canvas.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.left + centre.x, clientY: rect.top + centre.y, button: 0 }));
    canvas.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: rect.left + centre.x, clientY: rect.top + centre.y, button: 0 }));
    expect((await selected).detail).to.deep.equal({ kind: 'facility', id: 'small' });

    el.selected = 'big';
    await el.updateComplete;
    await mapIdle(map);
    expect(nearer(colourAt()), 'selected big circle raised').to.equal('big');
  });

  it('frames everything drawn clear of the control bar and the circles\' radius, filling the map', async () => {
    const el = await mountAt(1280, 720);
    const map = mapOf(el);
    await mapIdle(map);
    const area = box(part(el, '.map')!);
    const controls = box(part(el, '.controls')!);
    const features = map.queryRenderedFeatures({ layers: ['prison-map-facilities-fill', 'prison-map-facilities-unknown'] });
    expect(features.length).to.equal(5);
    for (const feature of features) {
      const { x, y } = map.project((feature.geometry as GeoJSON.Point).coordinates as [number, number]);
      const r = Number(feature.properties.radius);
      expect(x - r, `${feature.properties.id} left`).to.be.at.least(0);
      expect(x + r, `${feature.properties.id} right`).to.be.at.most(area.width);
      expect(y + r, `${feature.properties.id} bottom`).to.be.at.most(area.height);
      expect(y - r, `${feature.properties.id} top`).to.be.at.least(0);
    }
    // The arc from the United States starts below the control bar, near the top: the data fills the height.
    const usa = map.project([-98.6, 39.8]);
    expect(usa.y, 'below the controls').to.be.at.least(controls.bottom - area.top - 10);
    expect(usa.y, 'near the top').to.be.at.most(area.height * 0.25);
  });
});
