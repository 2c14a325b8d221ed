/** Without WebGL the reader still gets the facts: a static picture, the summary and the tables. */
import { expect } from 'chai';
import '../src/index.js';
import type { PrisonMapErrorDetail } from '../src/index.js';
import { cleanup, mount, nextEvent } from './support/mount.js';

const originalGetContext = HTMLCanvasElement.prototype.getContext;
before(() => {
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    if (/webgl/.test(type)) return null;
    return (originalGetContext as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
  } as typeof HTMLCanvasElement.prototype.getContext;
});
after(() => { HTMLCanvasElement.prototype.getContext = originalGetContext; });
afterEach(cleanup);

describe('<prison-map> without WebGL', () => {
  it('fires prison-map-error (webgl) and shows a static map, the summary and the data tables', async () => {
    const el = mount(`<prison-map loading="eager" style="width:800px;height:500px"></prison-map>`);
    const error = await nextEvent<PrisonMapErrorDetail>(el, 'prison-map-error');
    expect(error.detail.source).to.equal('webgl');
    const root = el.shadowRoot!;
    const deadline = Date.now() + 15000;
    while (!root.querySelector('.static-map svg circle') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const svg = root.querySelector('.static-map svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.querySelectorAll('circle[data-id]').length).to.equal(5);
    expect(svg.querySelectorAll('path[data-id]').length).to.be.at.least(3);
    expect(root.querySelector('.fallback-summary')!.textContent).to.contain('40,000');
    expect(root.querySelectorAll('[part=table] tr[data-id]').length).to.be.at.least(8);
    expect(root.querySelector('[part=status]')!.textContent).to.contain('could not be shown');
  });
});
