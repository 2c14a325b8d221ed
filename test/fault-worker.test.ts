/**
 * A MapLibre worker script that cannot load → `prison-map-error` with source "worker". In a file of
 * its own: the worker pool is shared by the page and the first map's worker URL wins, so this page
 * must not have made a map before.
 */
import { expect } from 'chai';
import '../src/index.js';
import type { PrisonMapErrorDetail } from '../src/index.js';
import config from './reliability-config.json';
import { cleanup, mount, nextEvent } from './support/mount.js';

afterEach(cleanup);

const FAULTS = config.faults.filter((f) => f.file === 'fault-worker');

describe('faults: the map worker', () => {
  for (const f of FAULTS) {
    it(`${f.id}: prison-map-error with source "${f.source}" and a message inside the element`, async function () {
      this.timeout(30000);
      const attrs = Object.entries(f.attrs ?? {}).map(([name, value]) => `${name}="${value}"`).join(' ');
      const el = mount(`<prison-map loading="eager" ${attrs} style="width:400px;height:300px"></prison-map>`);
      const started = performance.now();
      const error = await nextEvent<PrisonMapErrorDetail>(el, 'prison-map-error', 20000);
      expect(error.detail.source).to.equal(f.source);
      // MAP_LOAD_TIMEOUT_MS is 10 s; allow the page some slack.
      expect(performance.now() - started, 'reported within about 10 s').to.be.below(13000);
      await el.updateComplete;
      const status = el.shadowRoot!.querySelector('[part=status]')!;
      expect(status.getAttribute('role')).to.equal('alert');
      expect(status.textContent).to.contain(error.detail.message);
      let rejected: unknown;
      await el.whenReady().catch((e: unknown) => { rejected = e; });
      expect(rejected).to.be.instanceOf(Error);
    });
  }

  it('ran every worker fault listed in reliability-config.json', () => {
    expect(FAULTS.length).to.be.above(0);
    console.log(`RELIABILITY ${JSON.stringify({ kind: 'faults', file: 'fault-worker', count: FAULTS.length })}`);
  });
});
