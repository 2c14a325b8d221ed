// What framework bindings do to the element when they go wrong: objects written as attributes
// (Vue's `:facilities-data`, Svelte's `facilities-data={…}`, React before the element is defined)
// and booleans bound to false (`no-legend="false"`).
import { expect } from 'chai';
import '../src/index.js';
import type { PrisonMapErrorDetail, PrisonMapReadyDetail } from '../src/index.js';
import { cleanup, mount, nextEvent } from './support/mount.js';

const errors: string[] = [];
const originalError = console.error;
beforeEach(() => {
  errors.length = 0;
  console.error = (...args: unknown[]) => { errors.push(args.map(String).join(' ')); originalError.apply(console, args); };
});
afterEach(() => {
  console.error = originalError;
  cleanup();
});

const TINY = '/test/fixtures/three-sizes.geojson';
const statusOf = (el: Element) => el.shadowRoot!.querySelector('[part=status]')!.textContent ?? '';

describe('an object bound as a data attribute', () => {
  const cases = [
    ['Vue :facilities-data / Svelte facilities-data={…}', 'facilities-data', 'facilitiesData'],
    ['React before the element is defined', 'facilitiesdata', 'facilitiesData'],
    ['the URL attribute given an object', 'facilities', 'facilitiesData'],
  ] as const;
  for (const [name, attribute, property] of cases) {
    it(`${name}: reports ${attribute}, names ${property}, and shows no bundled data`, async () => {
      const el = mount(`<prison-map loading="eager" ${attribute}="[object Object]" style="height:300px"></prison-map>`);
      const failed = nextEvent<PrisonMapErrorDetail>(el, 'prison-map-error');
      const ready = await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready');
      const message = `<prison-map>: "${attribute}" is an attribute holding "[object Object]"; bind the ${property} property instead`;
      expect(errors).to.include(message);
      expect(ready.detail.facilities, 'the bundled facilities are not shown').to.equal(0);
      expect(ready.detail.transfers, 'nor the bundled transfers').to.equal(0);
      expect((await failed).detail.source).to.equal('facilities');
      await el.updateComplete;
      expect(statusOf(el)).to.contain(`bind the ${property} property instead`);
    });
  }

  it('transfers-data and countriesdata name their own properties', async () => {
    const el = mount(`<prison-map loading="eager" facilities="${TINY}" transfers-data="[object Object]" countriesdata="[object Array]" style="height:300px"></prison-map>`);
    const ready = await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready');
    expect(ready.detail.facilities, 'the facilities given still draw').to.equal(4);
    expect(ready.detail.transfers).to.equal(0);
    expect(errors).to.include('<prison-map>: "transfers-data" is an attribute holding "[object Object]"; bind the transfersData property instead');
    expect(errors).to.include('<prison-map>: "countriesdata" is an attribute holding "[object Array]"; bind the countriesData property instead');
  });

  it('an array of objects bound to the transfers URL attribute names transfersData', async () => {
    const el = mount(`<prison-map loading="eager" facilities="${TINY}" transfers="[object Object],[object Object]" style="height:300px"></prison-map>`);
    const ready = await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready');
    expect(ready.detail.transfers).to.equal(0);
    expect(errors).to.include('<prison-map>: "transfers" is an attribute holding "[object Object],[object Object]"; bind the transfersData property instead');
  });

  it('is caught when the attribute appears after the element is connected, and cleared by binding the property', async () => {
    const el = mount(`<prison-map loading="eager" facilities="${TINY}" style="height:300px"></prison-map>`);
    expect((await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready')).detail.facilities).to.equal(4);
    el.removeAttribute('facilities');
    el.setAttribute('facilities-data', '[object Object]');
    expect((await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready')).detail.facilities).to.equal(0);
    expect(errors.filter((line) => line.includes('"facilities-data"'))).to.have.length(1);
    el.facilitiesData = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 1] }, properties: { id: 'a', name: 'A', country: 'FRA', capacity: 1 } }],
    };
    expect((await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready')).detail.facilities).to.equal(1);
    await el.updateComplete;
    expect(statusOf(el)).to.equal('');
    expect(errors.filter((line) => line.includes('"facilities-data"')), 'reported once').to.have.length(1);
  });

  it('a URL that merely looks odd is still fetched as a URL', async () => {
    const el = mount(`<prison-map loading="eager" facilities="${TINY}?object=[object]" style="height:300px"></prison-map>`);
    expect((await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready')).detail.facilities).to.equal(4);
    expect(errors.filter((line) => line.includes('is an attribute holding'))).to.deep.equal([]);
  });
});

describe('boolean attributes bound to false', () => {
  it('no-legend="false" shows the legend; no-legend hides it', async () => {
    const off = mount(`<prison-map loading="eager" facilities="${TINY}" no-legend="false" no-animation="False" style="height:300px"></prison-map>`);
    await nextEvent(off, 'prison-map-ready');
    expect(off.noLegend).to.equal(false);
    expect(off.noAnimation).to.equal(false);
    expect(off.shadowRoot!.querySelector('[part=legend]'), 'legend shown').to.not.equal(null);
    off.setAttribute('no-legend', '');
    await off.updateComplete;
    expect(off.noLegend).to.equal(true);
    expect(off.shadowRoot!.querySelector('[part=legend]'), 'legend hidden').to.equal(null);
  });

  it('no-animation="false" animates; no-animation="no-animation" does not', async () => {
    const el = mount(`<prison-map loading="eager" no-animation="false" style="height:300px"></prison-map>`);
    expect(el.noAnimation).to.equal(false);
    el.setAttribute('no-animation', 'no-animation');
    expect(el.noAnimation).to.equal(true);
    el.setAttribute('no-animation', 'FALSE');
    expect(el.noAnimation).to.equal(false);
  });
});
