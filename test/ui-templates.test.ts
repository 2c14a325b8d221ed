import { expect } from 'chai';
import axe from 'axe-core';
import { html, render, type TemplateResult } from 'lit';
import type { CountryContext, Facility, Transfer } from '../src/data/types.js';
import { defaultDataset } from '../src/data/default-dataset.js';
import { parseFacilities } from '../src/data/facilities.js';
import { parseCountries, parseTransfers } from '../src/data/transfers.js';
import { countryName, countryNameInText } from '../src/i18n/countries.js';
import { formatDate, formatPercent, formatUsd, formatUsdInText, strings } from '../src/i18n/reader-strings.js';
import { COUNTRY_SOURCE_ID } from '../src/map/basemap.js';
import {
  COUNTRY_SHADING_LAYER_ID, countryShadingExpression, countryShadingLayer, occupancyColor, OCCUPANCY_COLORS,
} from '../src/map/country-layer.js';
import {
  countryCardTemplate, facilityCardTemplate, facilityNamer, transferCardTemplate, type CardContext,
} from '../src/ui/details-card.js';
import { dataTablesTemplate } from '../src/ui/data-table.js';
import { occupancyLegendTemplate } from '../src/ui/occupancy-legend.js';
import { panelStyles } from '../src/ui/panel-styles.js';
import { elementStyles } from '../src/ui/styles.js';
import { summaryText } from '../src/ui/summary.js';
import { countryTooltipTemplate, facilityTooltipTemplate, transferTooltipTemplate } from '../src/ui/tooltip.js';

const cecot: Facility = {
  id: 'cecot',
  name: 'Terrorism Confinement Center (CECOT)',
  nameEs: 'Centro de Confinamiento del Terrorismo (CECOT)',
  country: 'SLV',
  longitude: -88.8,
  latitude: 13.5,
  capacity: 40000,
  population: 14500,
  status: 'operational',
  opened: '2023-01',
  precision: 'site',
  description: 'Mega-prison at Tecoluca.',
  descriptionEs: 'Megacárcel en Tecoluca.',
  sources: [
    { title: 'The article', url: 'https://example.org/a?b=1', publisher: 'ABC', date: '2025-06-24' },
    { title: 'Script source', url: 'javascript:alert(1)' },
    { title: 'Data source', url: 'data:text/html,<b>x</b>' },
  ],
};
const swan: Facility = {
  id: 'swan', name: 'Swan Island prison', country: 'HND', longitude: -83.9, latitude: 17.4,
  capacity: 2000, status: 'on-hold', opened: '2023', precision: 'city', sources: [],
};
const jungle: Facility = {
  id: 'jungle', name: 'Jungle prison', country: 'HND', longitude: -85, latitude: 15,
  capacity: null, status: 'planned', precision: 'region', sources: [],
};
const usaCecot: Transfer = {
  id: 'usa-cecot', from: 'USA', to: 'cecot', kind: 'inmates', count: 260, status: 'active', year: '2025',
  feeUsdPerYear: 6_000_000, note: 'Sent by the US.', noteEs: 'Enviados por EE. UU.', sources: [],
};
const ecuSlv: Transfer = { id: 'ecu-slv', from: 'ECU', to: 'SLV', kind: 'inmates', status: 'considered', sources: [] };
const perSlv: Transfer = { id: 'per-slv', from: 'PER', to: 'SLV', kind: 'inmates', status: 'considered', sources: [] };
const slvBol: Transfer = { id: 'slv-bol', from: 'SLV', to: 'BOL', kind: 'assistance', status: 'considered', sources: [] };
const honduras: CountryContext = {
  iso3: 'HND', occupancyPct: 149, year: '2025', note: 'Crowded.', noteEs: 'Hacinamiento.',
  sources: [{ title: 'Report', url: 'http://example.org/r' }],
};
const sweden: CountryContext = {
  iso3: 'SWE', year: '2025', note: 'Sweden wants foreigners to serve abroad', noteEs: 'Suecia quiere que cumplan fuera', sources: [],
};

const facilities = [cecot, swan, jungle];
const transfers = [usaCecot, ecuSlv, perSlv, slvBol];
const countries = [honduras, sweden];

const containers: HTMLElement[] = [];
function show(template: TemplateResult): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  containers.push(container);
  render(template, container);
  return container;
}
afterEach(() => {
  for (const c of containers.splice(0)) c.remove();
});

function ctx(lang: 'en' | 'es', onClose = () => {}): CardContext {
  return { lang, countryName: (iso3) => countryName(iso3, lang), facilityName: facilityNamer(facilities, lang), onClose };
}

/** The text a reader gets, whitespace collapsed (Intl's narrow spaces become plain ones). */
function text(el: Element): string {
  return (el.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Value of the `<dd>` whose `<dt>` reads `label`. */
function fact(el: Element, label: string): string | undefined {
  const dt = [...el.querySelectorAll('dt')].find((d) => text(d) === label);
  return dt ? text(dt.nextElementSibling!) : undefined;
}

describe('formats', () => {
  it('formats dates from YYYY, YYYY-MM and YYYY-MM-DD in each language', () => {
    expect(formatDate('2023', 'en')).to.equal('2023');
    expect(formatDate('2023-01', 'en')).to.equal('January 2023');
    expect(formatDate('2023-01', 'es')).to.equal('enero de 2023');
    expect(formatDate('2025-06-24', 'en')).to.equal('June 24, 2025');
    expect(formatDate('2025-06-24', 'es')).to.equal('24 de junio de 2025');
    expect(formatDate('2025-02-30', 'en')).to.equal('2025-02-30');
  });

  it('formats US dollars and percentages per language', () => {
    expect(formatUsd(6_000_000, 'en')).to.equal('US$6,000,000');
    expect(formatUsd(6_000_000, 'es').replace(/\s/g, ' ')).to.equal('6.000.000 US$');
    expect(formatUsdInText(6_000_000, 'en')).to.equal('US$6 million');
    expect(formatUsdInText(6_000_000, 'es')).to.equal('6 millones de dólares');
    expect(formatPercent(149, 'en')).to.equal('149%');
    expect(formatPercent(149, 'es').replace(/\s/g, ' ')).to.equal('149 %');
  });

  it('names countries with short names and falls back to the code', () => {
    expect(countryName('USA', 'en')).to.equal('United States');
    expect(countryName('USA', 'es')).to.equal('Estados Unidos');
    expect(countryName('BOL', 'en')).to.equal('Bolivia');
    expect(countryName('PER', 'es')).to.equal('Perú');
    expect(countryName('slv', 'en')).to.equal('El Salvador');
    expect(countryName('ZZZ', 'en')).to.equal('ZZZ');
    expect(countryNameInText('USA', 'en')).to.equal('the United States');
    expect(countryNameInText('GBR', 'es')).to.equal('el Reino Unido');
  });
});

describe('facility card', () => {
  it('shows what a reader needs in English, with numbers and dates formatted', () => {
    const el = show(facilityCardTemplate(cecot, ctx('en')));
    const section = el.querySelector('section.details')!;
    const heading = el.querySelector('h2')!;
    expect(section.getAttribute('aria-labelledby')).to.equal(heading.id);
    expect(text(heading)).to.equal('Terrorism Confinement Center (CECOT)');
    expect(fact(el, 'Country')).to.equal('El Salvador');
    expect(fact(el, 'Status')).to.equal('Operational');
    expect(fact(el, 'Capacity')).to.equal('40,000');
    expect(fact(el, 'Population')).to.equal('14,500');
    expect(fact(el, 'Occupancy')).to.equal('36%');
    expect(fact(el, 'Opened')).to.equal('January 2023');
    expect(fact(el, 'Location')).to.equal('Exact site');
    expect(text(el)).to.contain('Mega-prison at Tecoluca.');
    expect(el.querySelector('button')!.getAttribute('aria-label')).to.equal('Close details');
  });

  it('uses Spanish labels, name, description and number format in Spanish', () => {
    const el = show(facilityCardTemplate(cecot, ctx('es')));
    expect(text(el.querySelector('h2')!)).to.equal('Centro de Confinamiento del Terrorismo (CECOT)');
    expect(fact(el, 'País')).to.equal('El Salvador');
    expect(fact(el, 'Estado')).to.equal('En funcionamiento');
    expect(fact(el, 'Capacidad')).to.equal('40.000');
    expect(fact(el, 'Inaugurada')).to.equal('enero de 2023');
    expect(fact(el, 'Ubicación')).to.equal('Ubicación exacta');
    expect(text(el)).to.contain('Megacárcel en Tecoluca.');
    expect(text(el)).not.to.contain('Mega-prison');
    expect(el.querySelector('button')!.getAttribute('aria-label')).to.equal('Cerrar detalles');
  });

  it('says "Announced" for unbuilt sites, "Unknown" capacity, approximate location, no occupancy', () => {
    const el = show(facilityCardTemplate(swan, ctx('en')));
    expect(fact(el, 'Announced')).to.equal('2023');
    expect(fact(el, 'Opened')).to.equal(undefined);
    expect(fact(el, 'Location')).to.equal('Approximate location (city)');
    expect(fact(el, 'Occupancy')).to.equal(undefined);
    const unknown = show(facilityCardTemplate(jungle, ctx('es')));
    expect(fact(unknown, 'Capacidad')).to.equal('Desconocida');
    expect(unknown.querySelector('.details-sources')).to.equal(null);
  });

  it('links only http(s) sources, opening a new tab without opener or referrer', () => {
    const el = show(facilityCardTemplate(cecot, ctx('en')));
    const links = el.querySelectorAll('a');
    expect(links).to.have.length(1);
    expect(links[0].href).to.equal('https://example.org/a?b=1');
    expect(links[0].rel).to.equal('noopener noreferrer');
    expect(links[0].target).to.equal('_blank');
    expect(text(links[0])).to.equal('The article');
    const items = [...el.querySelectorAll('.details-sources li')].map(text);
    expect(items).to.deep.equal(['The article — ABC, June 24, 2025', 'Script source', 'Data source']);
    expect(el.innerHTML).not.to.contain('javascript:');
  });

  it('re-checks URLs even if a bad one reaches the card', () => {
    const bad: Facility = { ...swan, sources: [{ title: 'Sneaky', url: ' JaVaScRiPt:alert(1)' }, { title: 'Data', url: 'data:,x' }] };
    const el = show(facilityCardTemplate(bad, ctx('en')));
    expect(el.querySelector('a')).to.equal(null);
    expect(text(el.querySelector('.details-sources')!)).to.contain('Sneaky');
  });

  it('shows markup in the data as text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const hostile: Facility = { ...swan, name: evil, description: `<script>alert(1)</script>`, sources: [{ title: evil, url: 'https://example.org' }] };
    const el = show(facilityCardTemplate(hostile, ctx('en')));
    expect(el.querySelector('img')).to.equal(null);
    expect(el.querySelector('script')).to.equal(null);
    expect(text(el.querySelector('h2')!)).to.equal(evil);
    expect(text(el.querySelector('a')!)).to.equal(evil);
    const table = show(dataTablesTemplate({ facilities: [hostile], transfers: [], countries: [], lang: 'en' }));
    expect(table.querySelector('img')).to.equal(null);
    expect(text(table)).to.contain(evil);
  });

  it('calls onClose from the close button', () => {
    let closed = 0;
    const el = show(facilityCardTemplate(cecot, ctx('en', () => closed++)));
    el.querySelector('button')!.click();
    expect(closed).to.equal(1);
  });
});

describe('transfer card', () => {
  it('names the ends, the kind, count, fee and fee per person', () => {
    const el = show(transferCardTemplate(usaCecot, ctx('en')));
    expect(text(el.querySelector('h2')!)).to.equal('United States → Terrorism Confinement Center (CECOT)');
    expect(fact(el, 'Kind')).to.equal('Transfer of inmates');
    expect(fact(el, 'Inmates')).to.equal('260');
    expect(fact(el, 'Status')).to.equal('Active');
    expect(fact(el, 'Year')).to.equal('2025');
    expect(fact(el, 'Fee per year')).to.equal('US$6,000,000');
    expect(fact(el, 'Fee per person per year')).to.equal('US$23,077');
    expect(text(el)).to.contain('Sent by the US.');
  });

  it('reads in Spanish', () => {
    const el = show(transferCardTemplate(usaCecot, ctx('es')));
    expect(text(el.querySelector('h2')!)).to.equal('Estados Unidos → Centro de Confinamiento del Terrorismo (CECOT)');
    expect(fact(el, 'Pago anual')).to.equal('6.000.000 US$');
    expect(fact(el, 'Pago anual por persona')).to.equal('23.077 US$');
    expect(fact(el, 'Estado')).to.equal('En curso');
    expect(text(el)).to.contain('Enviados por EE. UU.');
  });

  it('says assistance is not people, and leaves out unknown figures', () => {
    const el = show(transferCardTemplate(slvBol, ctx('en')));
    expect(text(el.querySelector('h2')!)).to.equal('El Salvador → Bolivia');
    expect(fact(el, 'Kind')).to.equal('Assistance (know-how or staff, not people)');
    expect(fact(el, 'Status')).to.equal('Under consideration');
    expect(fact(el, 'Fee per year')).to.equal(undefined);
    expect(fact(el, 'Fee per person per year')).to.equal(undefined);
    const noCount = show(transferCardTemplate({ ...usaCecot, count: undefined }, ctx('en')));
    expect(fact(noCount, 'Fee per year')).to.equal('US$6,000,000');
    expect(fact(noCount, 'Fee per person per year')).to.equal(undefined);
  });
});

describe('country card', () => {
  it('shows occupancy, year, note and sources', () => {
    const el = show(countryCardTemplate(honduras, ctx('es')));
    expect(text(el.querySelector('h2')!)).to.equal('Honduras');
    expect(fact(el, 'Ocupación penitenciaria (% de la capacidad)')).to.equal('149 %');
    expect(text(el)).to.contain('Hacinamiento.');
    expect(el.querySelector('a')!.rel).to.equal('noopener noreferrer');
  });
});

describe('tooltips', () => {
  it('summarise a facility, a transfer and a country in a line or two', () => {
    expect(text(show(facilityTooltipTemplate(cecot, { lang: 'en' })))).to.equal('Terrorism Confinement Center (CECOT)40,000 places · Operational');
    expect(text(show(facilityTooltipTemplate(jungle, { lang: 'es' })))).to.equal('Jungle prisonCapacidad desconocida · Planificada');
    const transfer = show(transferTooltipTemplate(usaCecot, { lang: 'en', facilityName: facilityNamer(facilities, 'en') }));
    expect(text(transfer.querySelector('.tooltip-title')!)).to.equal('United States → Terrorism Confinement Center (CECOT)');
    expect(text(transfer.querySelector('.tooltip-line')!)).to.equal('260 inmates · Active · 2025 · US$6,000,000 a year');
    const country = show(countryTooltipTemplate(honduras, { lang: 'es' }));
    expect(text(country.querySelector('.tooltip-line')!)).to.equal('Cárceles al 149 % de su capacidad · 2025');
  });
});

describe('data tables', () => {
  it('has one row per facility and per transfer, and per country with context', () => {
    const el = show(dataTablesTemplate({ facilities, transfers, countries, lang: 'en', selected: 'cecot' }));
    const tables = el.querySelectorAll('table');
    expect(tables).to.have.length(3);
    for (const table of tables) {
      expect(table.querySelector('caption')).not.to.equal(null);
      expect(table.querySelectorAll('thead th[scope=col]').length).to.be.greaterThan(2);
    }
    expect([...el.querySelectorAll('tr[data-id]')].map((r) => r.getAttribute('data-id')))
      .to.deep.equal(['cecot', 'swan', 'jungle', 'usa-cecot', 'ecu-slv', 'per-slv', 'slv-bol']);
    expect([...el.querySelectorAll('tr[data-iso3]')].map((r) => r.getAttribute('data-iso3'))).to.deep.equal(['HND', 'SWE']);
    const cecotRow = el.querySelector('tr[data-id=cecot]')!;
    expect(cecotRow.getAttribute('aria-current')).to.equal('true');
    expect(text(cecotRow)).to.contain('40,000');
    expect(el.querySelector('tr[data-id=swan]')!.hasAttribute('aria-current')).to.equal(false);
    expect(text(el.querySelector('tr[data-id=usa-cecot]')!)).to.contain('US$6,000,000');
  });

  it('formats numbers and labels in Spanish, and leaves out empty tables', () => {
    const el = show(dataTablesTemplate({ facilities: [cecot], transfers: [], countries: [], lang: 'es' }));
    expect(el.querySelectorAll('table')).to.have.length(1);
    expect(text(el.querySelector('caption')!)).to.equal('Cárceles');
    expect(text(el.querySelector('tr[data-id=cecot]')!)).to.contain('40.000');
    expect(text(el.querySelector('tr[data-id=cecot]')!)).to.contain('Centro de Confinamiento del Terrorismo');
  });
});

describe('summary', () => {
  it('describes the facilities, the largest, what is unbuilt, the transfers and off-map notes', () => {
    const en = summaryText({ facilities, transfers, countries }, 'en');
    expect(en).to.contain('3 prison facilities in 2 countries');
    expect(en).to.contain('The largest by capacity is Terrorism Confinement Center (CECOT) in El Salvador, with 40,000 places.');
    expect(en).to.contain('Of these, 1 is planned and 1 is on hold.');
    expect(en).to.contain('The United States sends 260 inmates to Terrorism Confinement Center (CECOT) in El Salvador for US$6 million a year');
    expect(en).to.contain('Ecuador and Peru are considering sending inmates to El Salvador');
    expect(en).to.contain('El Salvador is considering technical assistance to Bolivia');
    expect(en).to.contain('Prison occupancy is highest in Honduras, at 149% of capacity (2025).');
    expect(en).to.contain('Sweden: Sweden wants foreigners to serve abroad.');
    expect(en).not.to.contain('Crowded');
  });

  it('reads in Spanish with Spanish numbers', () => {
    const es = summaryText({ facilities, transfers, countries }, 'es');
    expect(es).to.contain('3 cárceles en 2 países');
    expect(es).to.contain('Centro de Confinamiento del Terrorismo (CECOT), en El Salvador, con 40.000 plazas');
    expect(es).to.contain('Estados Unidos envía 260 presos a la cárcel Centro de Confinamiento del Terrorismo (CECOT), en El Salvador, por 6 millones de dólares al año');
    expect(es).to.contain('De ellas, 1 está planificada y 1 está paralizada.');
    expect(es).to.contain('Ecuador y Perú estudian enviar presos a El Salvador');
    expect(es).to.contain('El Salvador estudia prestar asistencia técnica a Bolivia');
    expect(es).to.contain('Suecia: Suecia quiere que cumplan fuera.');
  });

  it('copes with empty data and single items', () => {
    expect(summaryText({ facilities: [], transfers: [], countries: [] }, 'en')).to.equal('No prison facilities are shown.');
    const one = summaryText({ facilities: [jungle], transfers: [], countries: [] }, 'en');
    expect(one).to.contain('1 prison facility in 1 country.');
    expect(one).not.to.contain('largest');
    expect(one).to.contain('No transfers');
    expect(summaryText({ facilities: [], transfers: [ecuSlv], countries: [] }, 'es'))
      .to.contain('Ecuador estudia enviar presos a El Salvador.');
  });

  it('summarises the bundled dataset from its data', () => {
    const data = {
      facilities: parseFacilities(defaultDataset.facilities).records,
      transfers: parseTransfers(defaultDataset.transfers).records,
      countries: parseCountries(defaultDataset.countries).records,
    };
    const en = summaryText(data, 'en');
    const largest = [...data.facilities].sort((a, b) => (b.capacity ?? 0) - (a.capacity ?? 0))[0];
    expect(en).to.contain(largest.name);
    expect(en).to.contain(`${data.facilities.length} prison facilities`);
    expect(en).to.contain('Sweden:');
    expect(summaryText(data, 'es')).to.contain('40.000');
  });
});

describe('occupancy shading', () => {
  it('classes occupancy in five steps', () => {
    const color = occupancyColor('light');
    const ramp = OCCUPANCY_COLORS.light;
    expect([90, 100, 149, 150, 199, 200, 249, 250, 400].map(color))
      .to.deep.equal([ramp[0], ramp[1], ramp[1], ramp[2], ramp[2], ramp[3], ramp[3], ramp[4], ramp[4]]);
  });

  it('builds a match on iso3 for countries with occupancy, on the country source', () => {
    const expression = countryShadingExpression(countries, 'dark') as unknown[];
    expect(expression.slice(0, 2)).to.deep.equal(['match', ['get', 'iso3']]);
    expect(expression.slice(2, 4)).to.deep.equal(['HND', OCCUPANCY_COLORS.dark[1]]);
    expect(expression).to.have.length(5);
    expect(countryShadingExpression([sweden])).to.be.a('string');
    const layer = countryShadingLayer('light', countries);
    expect(layer).to.include({ id: COUNTRY_SHADING_LAYER_ID, type: 'fill', source: COUNTRY_SOURCE_ID });
  });

  it('has a legend with five labelled classes in each language', () => {
    const el = show(occupancyLegendTemplate('es', 'dark'));
    const items = [...el.querySelectorAll('li')].map(text);
    expect(items).to.deep.equal(['Menos del 100 %', '100–150 %', '150–200 %', '200–250 %', '250 % o más']);
    expect(el.querySelectorAll('rect')[4].getAttribute('fill')).to.equal(OCCUPANCY_COLORS.dark[4]);
    expect(text(show(occupancyLegendTemplate('en')))).to.contain('Under 100%');
  });
});

describe('accessibility (axe)', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`card, tables, tooltip and legend have no violations in the ${theme} theme`, async () => {
      const host = document.createElement('div');
      host.style.cssText = 'position:relative;width:900px;height:600px';
      document.body.append(host);
      containers.push(host);
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [elementStyles.styleSheet!, panelStyles.styleSheet!];
      const frame = document.createElement('div');
      frame.className = `frame ${theme}`;
      root.append(frame);
      const lang = theme === 'light' ? 'en' : 'es';
      const t = strings(lang);
      render(html`
        ${facilityCardTemplate(cecot, ctx(lang))}
        <div class="tooltip" role="tooltip">${transferTooltipTemplate(usaCecot, { lang })}</div>
        <div class="legend">${occupancyLegendTemplate(lang, theme)}</div>
        <div class="table-view">
          ${dataTablesTemplate({ facilities, transfers, countries, lang, selected: 'usa-cecot' })}
          <p class="summary">${summaryText({ facilities, transfers, countries }, lang)}</p>
        </div>`, frame);
      // The tables sit on the panel in their own scrolling box, as the element's Data view does.
      const view = frame.querySelector<HTMLElement>('.table-view')!;
      view.style.cssText = 'position:absolute;left:0;top:200px;width:560px;bottom:0;overflow:auto';
      view.tabIndex = 0;
      view.setAttribute('aria-label', t.facilitiesCaption);
      const results = await axe.run(host);
      const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(violations).to.deep.equal([]);
      expect(results.passes.some((p) => p.id === 'color-contrast')).to.equal(true);
    });
  }

  it('keeps the card and text colours at AA contrast in the dark theme (computed)', () => {
    const host = document.createElement('div');
    document.body.append(host);
    containers.push(host);
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [elementStyles.styleSheet!, panelStyles.styleSheet!];
    const frame = document.createElement('div');
    frame.className = 'frame dark';
    root.append(frame);
    render(facilityCardTemplate(cecot, ctx('en')), frame);
    const section = frame.querySelector('.details')!;
    expect(getComputedStyle(section).color).to.equal('rgb(232, 237, 243)');
  });
});
