/** After the browser takes the WebGL context away and gives it back, everything comes back. */
import { expect } from 'chai';
import '../src/index.js';
import type { PrisonMapElement } from '../src/index.js';
import { cleanup, colorDistance, mount, nextEvent, readMapPixels } from './support/mount.js';

afterEach(cleanup);

function inkAlong(el: PrisonMapElement): { facility: number; arc: number } {
  const map = el.map!;
  const pixels = readMapPixels(map);
  const sea = pixels.at(5, 5);
  const west = map.project([-100, 10]);
  const facility = colorDistance(pixels.at(west.x, west.y), sea);
  let arc = 0;
  const a = map.project([-96, 10]);
  const b = map.project([-84, 10]);
  for (let x = a.x; x <= b.x; x += 2) for (let dy = -12; dy <= 12; dy += 2) if (colorDistance(pixels.at(x, a.y + dy), sea) > 60) arc++;
  return { facility, arc };
}

describe('<prison-map> WebGL context loss', () => {
  it('draws facilities and arcs again after webglcontextlost and webglcontextrestored', async () => {
    const el = mount(`<prison-map loading="eager" no-animation no-legend center="10,-90" zoom="3"
      facilities="/test/fixtures/flows-facilities.geojson" transfers="/test/fixtures/flows-transfers.json"
      style="width:700px;height:400px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    const before = inkAlong(el);
    expect(before.facility).to.be.above(60);
    expect(before.arc).to.be.above(10);

    const gl = el.map!.getCanvas().getContext('webgl2')!;
    const lose = gl.getExtension('WEBGL_lose_context')!;
    lose.loseContext();
    await new Promise((r) => setTimeout(r, 300));
    const restored = el.map!.once('webglcontextrestored');
    lose.restoreContext();
    await restored;
    await new Promise((r) => setTimeout(r, 1500));
    const after = inkAlong(el);
    expect(after.facility, 'facility drawn again').to.be.above(60);
    expect(after.arc, 'arc drawn again').to.be.above(10);
  });
});
