import { expect } from 'chai';
import '../src/index.js';
import type { PrisonMapElement, PrisonMapReadyDetail } from '../src/index.js';
import { cleanup, mapOf, mount, nextEvent } from './support/mount.js';

afterEach(cleanup);

const shadow = (el: PrisonMapElement) => el.shadowRoot!;

async function openCard(el: PrisonMapElement, id: string): Promise<Element> {
  el.selected = id;
  await el.updateComplete;
  return shadow(el).querySelector('[part=details]')!;
}

describe('<prison-map> bundled dataset and text', () => {
  it('shows CECOT in English with 40,000 places and its sources as safe links', async () => {
    const el = mount(`<prison-map loading="eager" style="width:800px;height:500px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    const card = await openCard(el, 'cecot');
    expect(card.textContent).to.contain('40,000');
    expect(card.textContent).to.match(/CECOT/);
    expect(card.textContent).to.contain('El Salvador');
    const links = [...card.querySelectorAll('a')];
    expect(links.length).to.be.above(0);
    for (const a of links) {
      expect(a.href).to.match(/^https?:/);
      expect(a.rel).to.contain('noopener');
      expect(a.rel).to.contain('noreferrer');
    }
  });

  it('speaks Spanish with lang="es": 40.000, Spanish labels, and re-renders in place', async () => {
    const el = mount(`<prison-map loading="eager" lang="es" style="width:800px;height:500px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    const map = el.map;
    const legend = shadow(el).querySelector('[part=legend]')!;
    expect(legend.textContent).to.contain('40.000');
    expect(legend.textContent).to.contain('En funcionamiento');
    const card = await openCard(el, 'cecot');
    expect(card.textContent).to.contain('40.000');
    expect(shadow(el).querySelector('[part=map]')!.getAttribute('aria-label')).to.equal('Mapa de cárceles y traslados de presos');
    el.lang = 'en';
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=legend]')!.textContent).to.contain('40,000');
    expect(el.map).to.equal(map);
  });

  it('inherits the page language from the closest ancestor with lang', async () => {
    const holder = mount<HTMLDivElement>(`<div lang="es-SV"><prison-map loading="eager" style="width:600px;height:400px"></prison-map></div>`);
    const el = holder.querySelector('prison-map')!;
    await nextEvent(el, 'prison-map-ready');
    expect(shadow(el).querySelector('[part=legend]')!.textContent).to.contain('Capacidad');
    holder.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=legend]')!.textContent).to.contain('Capacity');
  });

  it('lists every facility and transfer in the data tables', async () => {
    const el = mount(`<prison-map loading="eager" style="width:800px;height:500px"></prison-map>`);
    const ready = await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready');
    const rows = [...shadow(el).querySelectorAll('[part=table] tr[data-id]')].map((tr) => tr.getAttribute('data-id'));
    expect(rows).to.include.members(['cecot']);
    expect(rows.length).to.equal(ready.detail.facilities + ready.detail.transfers);
  });

  it('has a summary in the current language naming the largest facility', async () => {
    const el = mount(`<prison-map loading="eager" style="width:800px;height:500px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    const summary = shadow(el).getElementById('summary')!;
    expect(summary.textContent).to.contain('40,000');
    expect(shadow(el).querySelector('[part=map]')!.getAttribute('aria-describedby')!.split(' ')).to.include('summary');
  });
});

describe('<prison-map> CSV and hostile input', () => {
  it('loads the good CSV rows, reports the bad one by spreadsheet row, and never links javascript:', async () => {
    const el = mount(`<prison-map loading="eager" facilities="/test/fixtures/facilities-bad-row.csv" style="width:800px;height:500px"></prison-map>`);
    const ready = await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready');
    // Beta's capacity ("lots") is unreadable: Beta is drawn with capacity unknown, and reported.
    expect(ready.detail.facilities).to.equal(3);
    expect(ready.detail.issues.map((i) => [i.row, i.field])).to.deep.include.members([[3, 'capacity']]);
    expect(shadow(el).querySelector('tr[data-id="beta"]')!.textContent).to.contain('Beta Prison');
    const card = await openCard(el, 'gamma');
    expect(card.querySelector('a')).to.equal(null);
    expect(card.textContent).to.contain('Bad link');
    const alpha = await openCard(el, 'alpha');
    expect(alpha.querySelector('a')!.href).to.equal('https://example.org/report');
  });

  // Spanish (CLDR) groups only from five digits: 1200, but 40.000.
  for (const [lang, shown] of [['en', '1,200'], ['es', '1200']] as const) {
    it(`draws spreadsheet-formatted capacities ("1,200" and 1.200) as 1,200 places (lang=${lang})`, async () => {
      const el = mount(`<prison-map loading="eager" lang="${lang}" facilities="/test/fixtures/facilities-formatted-numbers.csv" style="width:800px;height:500px"></prison-map>`);
      const ready = await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready');
      expect(ready.detail.facilities).to.equal(3);
      const issues = ready.detail.issues.map((i) => [i.row, i.field]);
      // The unreadable population is reported and its row drawn; the row without coordinates is left out.
      expect(issues).to.deep.include.members([[4, 'population']]);
      expect(issues.some(([row, field]) => row === 5 && (field === 'lat' || field === 'lon'))).to.equal(true);
      expect(issues.some(([, field]) => field === 'capacity')).to.equal(false);
      for (const id of ['comma', 'dot']) {
        const row = shadow(el).querySelector(`tr[data-id="${id}"]`);
        expect(row, id).to.not.equal(null);
        expect(row!.querySelector('td.num')!.textContent!.trim()).to.equal(shown);
      }
      expect(shadow(el).querySelector('tr[data-id="plain"]')).to.not.equal(null);
      expect(shadow(el).querySelector('tr[data-id="nowhere"]')).to.equal(null);
      // On the map: both are the largest capacity, so both get the full radius; 300 gets half of it.
      const map = mapOf(el);
      const points = map.querySourceFeatures('prison-map-facilities');
      const radius = (id: string) => points.find((f) => f.properties.id === id)?.properties.radius;
      expect(radius('comma')).to.equal(el.maxRadius);
      expect(radius('dot')).to.equal(el.maxRadius);
      expect(radius('plain')).to.be.closeTo(el.maxRadius / 2, 0.01);
    });
  }

  it('shows a name made of HTML as text', async () => {
    let alerted = false;
    const original = window.alert;
    window.alert = () => { alerted = true; };
    try {
      const el = mount<PrisonMapElement>(`<prison-map loading="eager" style="width:800px;height:500px"></prison-map>`);
      el.facilitiesData = {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [-88, 13] },
          properties: { id: 'x', name: '<img src=x onerror=alert(1)>', country: 'SLV', capacity: 10 } }],
      };
      await nextEvent(el, 'prison-map-ready');
      const card = await openCard(el, 'x');
      expect(card.textContent).to.contain('<img src=x onerror=alert(1)>');
      expect(shadow(el).querySelector('img')).to.equal(null);
      await new Promise((r) => setTimeout(r, 100));
      expect(alerted).to.equal(false);
    } finally {
      window.alert = original;
    }
  });

  it('closes the card with Escape and fires a cleared selection', async () => {
    const el = mount(`<prison-map loading="eager" style="width:800px;height:500px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    await openCard(el, 'cecot');
    const cleared = nextEvent(el, 'prison-map-select');
    shadow(el).querySelector('.frame')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect((await cleared).detail).to.deep.equal({ kind: null, id: null });
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=details]')).to.equal(null);
    expect(el.hasAttribute('selected')).to.equal(false);
  });
});
