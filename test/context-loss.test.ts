/** After the browser takes the WebGL context away and gives it back, everything comes back. */
import { expect } from 'chai';
import '../src/index.js';
import type { PrisonMapElement } from '../src/index.js';
import { FLOW_LAYER_ID } from '../src/map/flow-layer.js';
import { cleanup, colorDistance, mapOf, mount, nextEvent, readMapPixels } from './support/mount.js';
import { flowLayerOf, loseAndRestoreContext, mapIdle, waitFor } from './support/wait.js';

afterEach(cleanup);

function inkAlong(el: PrisonMapElement): { facility: number; arc: number } {
  const map = mapOf(el);
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
  it('draws facilities and arcs again after webglcontextlost and webglcontextrestored', async function () {
    this.timeout(90000);
    const el = mount(`<prison-map loading="eager" no-animation no-legend center="10,-90" zoom="3"
      facilities="/test/fixtures/flows-facilities.geojson" transfers="/test/fixtures/flows-transfers.json"
      style="width:700px;height:400px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    const before = inkAlong(el);
    expect(before.facility).to.be.above(60);
    expect(before.arc).to.be.above(10);

    const map = mapOf(el);
    const layer = flowLayerOf(map);
    await loseAndRestoreContext(map);
    const framesAtRestore = layer.frameCount;
    // The rebuilt style loads, the flow layer re-adds itself, the map settles and the layer draws.
    await waitFor(() => map.getLayer(FLOW_LAYER_ID) && map.isStyleLoaded(), { message: 'the flow layer to be back in a loaded style' });
    expect(flowLayerOf(map), 'the same flow layer, re-added').to.equal(layer);
    await mapIdle(map);
    await waitFor(() => layer.frameCount > framesAtRestore, { message: 'the flow layer to draw after the context came back' });
    const after = inkAlong(el);
    expect(after.facility, 'facility drawn again').to.be.above(60);
    expect(after.arc, 'arc drawn again').to.be.above(10);
  });
});
