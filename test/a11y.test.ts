import { expect } from 'chai';
import axe from 'axe-core';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { PrisonMapElement, PrisonMapSelectDetail } from '../src/index.js';
import { cleanup, mount, nextEvent } from './support/mount.js';

afterEach(cleanup);

async function violations(el: Element): Promise<string[]> {
  const result = await axe.run(el, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function mountReady(attributes = ''): Promise<PrisonMapElement> {
  const before = mount<HTMLButtonElement>('<button id="before">before</button>');
  before.focus();
  const el = mount(`<prison-map loading="eager" no-animation ${attributes} style="width:900px;height:560px"></prison-map>`);
  await nextEvent(el, 'prison-map-ready');
  return el;
}

const live = (el: PrisonMapElement) => el.shadowRoot!.querySelector('[aria-live]')!.textContent!.trim();

describe('<prison-map> keyboard', () => {
  it('is one tab stop; arrows announce facilities; Enter opens the card; Escape closes it and returns focus', async () => {
    const el = await mountReady();
    await sendKeys({ press: 'Tab' });
    const canvas = el.map!.getCanvas();
    expect(el.shadowRoot!.activeElement).to.equal(canvas);

    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const first = live(el);
    expect(first).to.match(/\(1 \/ \d+\)$/);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const second = live(el);
    expect(second).to.not.equal(first);
    expect(el.shadowRoot!.querySelector('[part=tooltip]')!.hasAttribute('hidden')).to.equal(false);

    const selected = nextEvent<PrisonMapSelectDetail>(el, 'prison-map-select');
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.detail.kind).to.equal('facility');
    await el.updateComplete;
    const card = el.shadowRoot!.querySelector('[part=details]')!;
    expect(card.textContent).to.contain(second.replace(/ \(\d+ \/ \d+\)$/, ''));

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=details]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(canvas);
  });

  it('zooms with + and -', async () => {
    const el = await mountReady();
    el.map!.getCanvas().focus();
    const zoom = el.map!.getZoom();
    await sendKeys({ press: '+' });
    await el.map!.once('zoomend');
    expect(el.map!.getZoom()).to.be.closeTo(zoom + 1, 0.01);
    await sendKeys({ press: '-' });
    await el.map!.once('zoomend');
    expect(el.map!.getZoom()).to.be.closeTo(zoom, 0.01);
  });

  it('labels every control', async () => {
    const el = await mountReady();
    for (const button of el.shadowRoot!.querySelectorAll('button')) {
      const name = button.getAttribute('aria-label') || button.textContent!.trim() || button.getAttribute('title');
      expect(name, button.outerHTML).to.not.equal('');
    }
  });
});

describe('<prison-map> axe-core', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`finds no violation with the map, the card and the table open (${theme})`, async () => {
      const el = await mountReady(`theme="${theme}"`);
      expect(await violations(el), 'map').to.deep.equal([]);
      el.selected = 'cecot';
      await el.updateComplete;
      expect(await violations(el), 'card').to.deep.equal([]);
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-controls=tables]')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part=table]')!.classList.contains('open')).to.equal(true);
      expect(await violations(el), 'table').to.deep.equal([]);
    });
  }
});

describe('<prison-map> map controls', () => {
  it('zooms with labelled buttons and shows everything again with "Show everything"', async () => {
    const el = await mountReady('lang="es"');
    const button = (label: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
    const map = el.map!;
    const zoom = map.getZoom();
    button('Acercar').click();
    await map.once('zoomend');
    expect(map.getZoom()).to.be.closeTo(zoom + 1, 0.01);
    map.jumpTo({ center: [100, 40], zoom: 6 });
    button('Ver todo').click();
    await map.once('moveend');
    const bounds = map.getBounds();
    expect(bounds.contains([-88.8, 13.5]), 'CECOT in view again').to.equal(true);
    expect(bounds.contains([100, 40]), 'the far-away view is left').to.equal(false);
    button('Alejar').click();
    await map.once('zoomend');
  });
});
