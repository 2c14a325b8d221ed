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
import { recordFigure } from './support/figures.js';

afterEach(cleanup);

const FAULTS = config.faults.filter((f) => f.file === 'fault-worker');
/** The fault the running test injects, and what the element was seen to do about it. */
let injected: { id: string; kind: string; source?: string; observed: string } | undefined;

// Each fault injected is recorded for the reliability report with its test's outcome.
afterEach(async function () {
  const done = injected;
  injected = undefined;
  if (!done) return;
  await recordFigure({
    group: 'faults', name: done.id, value: `${done.kind}${done.source ? ` (${done.source})` : ''}`,
    note: done.observed || 'nothing observed', outcome: this.currentTest?.state === 'passed' ? 'passed' : 'failed',
  });
});

describe('faults: the map worker', () => {
  for (const f of FAULTS) {
    it(`${f.id}: prison-map-error with source "${f.source}" within 10 s, first and only as "worker", and a message inside the element`, async function () {
      this.timeout(30000);
      injected = { id: f.id, kind: f.kind, source: f.source, observed: '' };
      const attrs = Object.entries(f.attrs ?? {}).map(([name, value]) => `${name}="${value}"`).join(' ');
      const el = mount(`<prison-map loading="eager" ${attrs} style="width:400px;height:300px"></prison-map>`);
      const errors: PrisonMapErrorDetail[] = [];
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
      expect(performance.now() - started, 'reported within 10 s').to.be.below(13000);
      await el.updateComplete;
      const status = el.shadowRoot!.querySelector('[part=status]')!;
      expect(status.getAttribute('role')).to.equal('alert');
      expect(status.textContent).to.contain(error.message);
      let rejected: unknown;
      await el.whenReady().catch((e: unknown) => { rejected = e; });
      expect(rejected).to.be.instanceOf(Error);
      // The worker failure is reported as "worker" at once, never (also) as "basemap".
      expect(errors[0].source, 'first error').to.equal('worker');
      expect(errors.map((e) => e.source), 'no basemap error for a worker failure').to.not.include('basemap');
      injected.observed = `prison-map-error ${errors.map((e) => e.source).join(', ')} after ${Math.round(performance.now() - started)} ms: ${JSON.stringify(error.message.slice(0, 120))}; message shown; whenReady rejected`;
    });
  }
});
