// Cartography at every scale (issue 27): one world at the fitted view of data that spans it.
import { expect } from 'chai';
import '../src/index.js';
import { cleanup, mapOf, mountData } from './support/mount.js';
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
    });
  }
});
