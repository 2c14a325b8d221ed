/**
 * A MapLibre worker script that arrives 15 s late (a phone on a poor connection) is slow, not
 * broken: the map comes up once it arrives, no `prison-map-error` is fired, and meanwhile the
 * status line says the map is taking long. In a file of its own: the page's worker pool takes the
 * first map's worker URL.
 */
import { expect } from 'chai';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import '../src/index.js';
import type { PrisonMapErrorDetail } from '../src/index.js';
import { cleanup, mount, nextEvent } from './support/mount.js';
import { waitFor } from './support/wait.js';

afterEach(cleanup);

const LATE_MS = 15000;

describe('a worker script that arrives late', () => {
  it(`delivered ${LATE_MS / 1000} s late: no prison-map-error, a "taking long" status meanwhile, then the map is ready`, async function () {
    this.timeout(LATE_MS + 60000);
    const late = `${new URL(workerUrl, location.href).href}?test-delay-ms=${LATE_MS}`;
    const el = mount(`<prison-map loading="eager" lang="en" worker-url="${late}" style="width:400px;height:300px"></prison-map>`);
    const errors: PrisonMapErrorDetail[] = [];
    el.addEventListener('prison-map-error', (e) => errors.push((e as CustomEvent<PrisonMapErrorDetail>).detail));
    const started = performance.now();
    const ready = nextEvent(el, 'prison-map-ready', LATE_MS + 50000);
    const status = () => el.shadowRoot?.querySelector('[part=status]');
    // While the worker is on its way, the reader is told it is slow, not that it failed.
    await waitFor(() => /taking longer/i.test(status()?.textContent ?? ''), { timeout: LATE_MS, message: () => `a "taking longer" status; status says ${JSON.stringify(status()?.textContent)}` });
    expect(status()?.getAttribute('role'), 'a status, not an alert').to.equal('status');
    expect(errors, 'no error while waiting').to.deep.equal([]);
    await ready;
    expect(performance.now() - started, 'ready only after the late worker arrived').to.be.above(LATE_MS - 1000);
    expect(errors, 'prison-map-error events').to.deep.equal([]);
    await el.updateComplete;
    expect(status()?.textContent?.trim(), 'the status line is cleared once the map is up').to.equal('');
    await el.whenReady();
  });
});
