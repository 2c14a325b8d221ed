// Cartography at every scale (issue 27): one world at the fitted view of data that spans it;
// labels placed by priority (the story's countries, then the largest facilities), none across a circle.
import { expect } from 'chai';
import '../src/index.js';
import { cleanup, mapOf, mount, mountData, nextEvent, readMapPixels } from './support/mount.js';
import { mapIdle, waitFor } from './support/wait.js';

/** Waits until `condition` holds for the map (its size follows the element's a frame or two later). */
const waitForMap = (_map: unknown, condition: () => boolean) => waitFor(condition, { message: 'the map took its new size' });
import { BASEMAP_LAYER_IDS } from '../src/map/basemap.js';
import { CLUSTER_COUNT_LAYER_ID, FACILITY_FILL_LAYER_ID, FACILITY_HIGHLIGHT_LABEL_LAYER_ID, FACILITY_LABEL_LAYER_ID, FACILITY_UNKNOWN_LAYER_ID } from '../src/map/facility-layers.js';
import { worldSyntheticData } from './support/synthetic-data.js';

afterEach(cleanup);

const SIZES = [[1280, 720], [375, 667]] as const;

const mountWorld = (width: number, height: number) => mountData(worldSyntheticData(3000, 5000), width, height);

describe('the world once: worldwide data at its fitted view', function () {
  this.timeout(240000);

  for (const [width, height] of SIZES) {
    it(`shows one world at ${width}x${height}: at most 360° across, no facility or cluster drawn twice`, async () => {
      const el = await mountWorld(width, height);
      const map = mapOf(el);
      const canvas = map.getCanvas();
      const [w, h] = [canvas.clientWidth, canvas.clientHeight];
      const west = map.unproject([0, h / 2]).lng;
      const east = map.unproject([w, h / 2]).lng;
      const bounds = map.getBounds();
      console.log(`${width}x${height}: zoom ${map.getZoom().toFixed(2)}, ${west.toFixed(1)}° to ${east.toFixed(1)}°`);
      expect(east - west, 'longitudes across the canvas').to.be.at.most(360.5);
      // And the whole world: a tall phone is not cut at the sides.
      expect(east - west, 'the whole world across').to.be.at.least(359.5);
      expect(bounds.getEast() - bounds.getWest(), 'getBounds').to.be.at.most(360.5);
      expect(map.getRenderWorldCopies()).to.equal(false);
      // Every circle drawn, clusters and lone facilities: where its copy one world east or west
      // would be, if that is on the canvas, nothing of it is drawn.
      const layers = ['prison-map-clusters', 'prison-map-facilities-fill'].filter((id) => map.getLayer(id));
      const drawn = map.queryRenderedFeatures({ layers });
      expect(drawn.length, 'circles drawn').to.be.above(5);
      const worldPx = 512 * 2 ** map.getZoom();
      let copiesLooked = 0;
      for (const feature of drawn) {
        const at = map.project((feature.geometry as GeoJSON.Point).coordinates as [number, number]);
        for (const dx of [-worldPx, worldPx]) {
          const x = at.x + dx;
          if (x < 0 || x > w || at.y < 0 || at.y > h) continue;
          copiesLooked++;
          const there = map.queryRenderedFeatures([x, at.y], { layers });
          expect(there.some((f) => f.properties.id === feature.properties.id), `${feature.properties.id} drawn again one world away`).to.equal(false);
        }
      }
      console.log(`${drawn.length} circles, ${copiesLooked} copy places looked at`);

      // No country name across a cluster's count: the names' placed boxes keep off each count.
      const counts = map.queryRenderedFeatures({ layers: [CLUSTER_COUNT_LAYER_ID] });
      expect(counts.length, 'cluster counts written').to.be.above(3);
      let crossed = 0;
      for (const count of counts) {
        const at = map.project((count.geometry as GeoJSON.Point).coordinates as [number, number]);
        const names = map.queryRenderedFeatures([[at.x - 8, at.y - 5], [at.x + 8, at.y + 5]], { layers: [BASEMAP_LAYER_IDS.labels] });
        if (names.length) console.log(`count ${count.properties.label_en ?? ''} under ${names.map((n) => n.properties.name_en).join(', ')}`);
        crossed += names.length;
      }
      expect(crossed, 'country names across cluster counts').to.equal(0);
    });
  }
});

describe('the globe fills its frame: worldwide data on the sphere', function () {
  this.timeout(240000);

  for (const [width, height] of SIZES) {
    it(`draws a globe about the map's shorter side across at ${width}x${height}`, async () => {
      const el = await mountData(worldSyntheticData(1500, 1500), width, height, 'projection="globe"');
      const map = mapOf(el);
      await mapIdle(map);
      const canvas = map.getCanvas();
      const [w, h] = [canvas.clientWidth, canvas.clientHeight];
      // The sphere as drawn: the canvas is transparent around it (space is the element's colour behind).
      const pixels = readMapPixels(map);
      const run = (points: Array<[number, number]>) => {
        const inked = points.filter(([x, y]) => pixels.at(x, y)[3] > 0);
        return inked.length ? Math.hypot(inked[inked.length - 1][0] - inked[0][0], inked[inked.length - 1][1] - inked[0][1]) : 0;
      };
      const across = run(Array.from({ length: Math.floor(w) }, (_, x) => [x, Math.floor(h / 2)]));
      const down = run(Array.from({ length: Math.floor(h) }, (_, y) => [Math.floor(w / 2), y]));
      const shorter = Math.min(w, h);
      console.log(`${width}x${height} globe: map ${w}x${h}, sphere ${across.toFixed(0)} px across, ${down.toFixed(0)} px down, zoom ${map.getZoom().toFixed(2)}`);
      // Round: the sphere is whole on the shorter side, and fills most of it.
      expect(Math.min(across, down) / shorter, 'the sphere across the shorter side').to.be.within(0.8, 1);
    });
  }
});

describe('the data stays in frame when the map changes size', function () {
  this.timeout(120000);

  it('fits the data again when the element shrinks, until the reader moves the view', async () => {
    const el = mount(`<prison-map loading="eager" no-animation style="width:768px;height:1024px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready', 60000);
    const map = mapOf(el);
    await mapIdle(map);
    const facilities = (el as unknown as { body: { _model: { facilities: Array<{ position: [number, number] }> } } }).body._model.facilities;
    const outside = () => {
      const canvas = map.getCanvas();
      return facilities.filter(({ position }) => {
        const at = map.project(position);
        return at.x < 0 || at.y < 0 || at.x > canvas.clientWidth || at.y > canvas.clientHeight;
      }).length;
    };
    expect(outside(), 'facilities off the map at 768x1024').to.equal(0);
    // Half as tall: the view is fitted again, every facility still on the map.
    el.style.height = '520px';
    await waitForMap(map, () => map.getCanvas().clientHeight < 450);
    await mapIdle(map);
    expect(outside(), 'facilities off the map at 768x520').to.equal(0);
    // The reader zooms in (the + control): a change of size leaves their view alone.
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Zoom in"]')!.click();
    await mapIdle(map);
    const zoom = map.getZoom();
    el.style.height = '700px';
    await waitForMap(map, () => map.getCanvas().clientHeight > 450);
    await mapIdle(map);
    expect(Math.abs(map.getZoom() - zoom), "the reader's zoom kept").to.be.below(0.01);
  });
});

describe('labels with priorities: the bundled story', function () {
  this.timeout(120000);

  for (const theme of ['light', 'dark'] as const) {
    for (const [width, height] of SIZES) {
      it(`names the story's countries and CECOT, and no facility label crosses another circle (${width}x${height}, ${theme})`, async () => {
        const el = mount(`<prison-map loading="eager" no-animation theme="${theme}" style="width:${width}px;height:${height}px"></prison-map>`);
        await nextEvent(el, 'prison-map-ready', 60000);
        await el.updateComplete;
        const map = mapOf(el);
        await mapIdle(map);
        const countries = map.queryRenderedFeatures({ layers: [BASEMAP_LAYER_IDS.labels] }).map((f) => String(f.properties.name_en));
        const facilityLabels = map.queryRenderedFeatures({ layers: [FACILITY_LABEL_LAYER_ID, FACILITY_HIGHLIGHT_LABEL_LAYER_ID] });
        const facilities = facilityLabels.map((f) => String(f.properties.label_en));
        console.log(`${width}x${height} ${theme}: countries ${countries.join(', ')}; facilities ${facilities.join(', ')}`);
        for (const name of ['El Salvador', 'Honduras', 'Ecuador', 'Bolivia']) expect(countries, name).to.include(name);
        expect(facilities.some((label) => label.startsWith('CECOT')), 'CECOT').to.equal(true);
        // Symbols are queried by the boxes they were placed in: inside each circle (its inscribed
        // square), no other facility's label.
        const circles = map.queryRenderedFeatures({ layers: [FACILITY_FILL_LAYER_ID, FACILITY_UNKNOWN_LAYER_ID] });
        expect(circles.length).to.be.above(2);
        for (const circle of circles) {
          const at = map.project((circle.geometry as GeoJSON.Point).coordinates as [number, number]);
          const half = Number(circle.properties.radius) * Math.SQRT1_2;
          const over = map.queryRenderedFeatures([[at.x - half, at.y - half], [at.x + half, at.y + half]], { layers: [FACILITY_LABEL_LAYER_ID] })
            .filter((label) => label.properties.id !== circle.properties.id);
          expect(over.map((label) => label.properties.label_en), `labels across ${circle.properties.id}`).to.deep.equal([]);
        }
      });
    }
  }
});
