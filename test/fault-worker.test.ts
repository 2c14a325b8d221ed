/**
 * A MapLibre worker script that cannot load → `prison-map-error` with source "worker". In a file of
 * its own: the worker pool is shared by the page and the first map's worker URL wins, so this page
 * must not have made a map before.
 */
import { expect } from 'chai';
import '../src/index.js';
import type { PrisonMapErrorDetail } from '../src/index.js';
import config from './reliability-config.json';
import { cleanup, mount } from './support/mount.js';

afterEach(cleanup);

const FAULTS = config.faults.filter((f) => f.file === 'fault-worker');

describe('faults: the map worker', () => {
  /** Every prison-map-error of each case, for the classification check below. */
  const seen = new Map<string, PrisonMapErrorDetail[]>();

  for (const f of FAULTS) {
    it(`${f.id}: prison-map-error with source "${f.source}" within about 10 s and a message inside the element`, async function () {
      this.timeout(30000);
      const attrs = Object.entries(f.attrs ?? {}).map(([name, value]) => `${name}="${value}"`).join(' ');
      const el = mount(`<prison-map loading="eager" ${attrs} style="width:400px;height:300px"></prison-map>`);
      const errors: PrisonMapErrorDetail[] = [];
      seen.set(f.id, errors);
      const started = performance.now();
      const wanted = new Promise<PrisonMapErrorDetail>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${f.source} error within 13 s; got ${JSON.stringify(errors)}`)), 13000);
        el.addEventListener('prison-map-error', (e) => {
          const detail = (e as CustomEvent<PrisonMapErrorDetail>).detail;
          errors.push(detail);
          if (detail.source === f.source) { clearTimeout(timer); resolve(detail); }
        });
      });
      const error = await wanted;
      // MAP_LOAD_TIMEOUT_MS is 10 s; allow the page some slack.
      expect(performance.now() - started, 'reported within about 10 s').to.be.below(13000);
      await el.updateComplete;
      const status = el.shadowRoot!.querySelector('[part=status]')!;
      expect(status.getAttribute('role')).to.equal('alert');
      expect(status.textContent).to.contain(error.message);
      let rejected: unknown;
      await el.whenReady().catch((e: unknown) => { rejected = e; });
      expect(rejected).to.be.instanceOf(Error);
    });
  }

  it('the worker failure is reported as "worker" at once, never as "basemap"', () => {
    for (const [id, errors] of seen) {
      expect(errors[0]?.source, `${id}: first error`).to.equal('worker');
      expect(errors.map((e) => e.source), `${id}: no basemap error for a worker failure`).to.not.include('basemap');
    }
  });

  it('ran every worker fault listed in reliability-config.json', () => {
    expect(FAULTS.length).to.be.above(0);
    expect([...seen.keys()].sort()).to.deep.equal(FAULTS.map((f) => f.id).sort());
    console.log(`RELIABILITY ${JSON.stringify({ kind: 'faults', file: 'fault-worker', count: FAULTS.length })}`);
  });
});
