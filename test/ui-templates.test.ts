import { expect } from 'chai';
import axe from 'axe-core';
import { html, render, type TemplateResult } from 'lit';
import type { CountryContext, Facility, Transfer } from '../src/data/types.js';
import { defaultDataset } from '../src/data/default-dataset.js';
import { parseFacilities } from '../src/data/facilities.js';
import { parseCountries, parseTransfers } from '../src/data/transfers.js';
import { countryName, countryNameInText } from '../src/i18n/countries.js';
import { formatDate, formatPercent, formatUsd, formatUsdInText, strings } from '../src/i18n/reader-strings.js';
import { COUNTRY_SOURCE_ID, COUNTRY_SOURCE_LAYER, builtInBasemapStyle } from '../src/map/basemap.js';
import { COUNTRY_SHADING_LAYER_ID, countryShadingColors } from '../src/map/country-layer.js';
import { PALETTES } from '../src/encodings/palette.js';
import { occupancyColor } from '../src/encodings/scales.js';
import {
  countryCardTemplate, facilityCardTemplate, transferCardTemplate, type CardContext,
} from '../src/ui/details-card.js';
import { endpointName, facilityNamer } from '../src/i18n/names.js';
import { dataTablesTemplate } from '../src/ui/data-table.js';
import { legendTemplate } from '../src/ui/legend.js';
import { describeLegend } from '../src/model/legend.js';
import type { ViewLevel } from '../src/model/level.js';
import type { Theme } from '../src/encodings/palette.js';

/** The legend of a dataset with occupancy only: its occupancy section. */
const occupancyLegendTemplate = (lang: 'en' | 'es', theme: Theme = 'light') =>
  legendTemplate(describeLegend({ circles: [], statuses: [], showUnknown: false, occupancy: true }, undefined, lang, theme));

const OCCUPANCY_COLORS = { light: PALETTES.light.occupancy, dark: PALETTES.dark.occupancy };
import { panelStyles } from '../src/ui/panel-styles.js';
import { elementStyles } from '../src/ui/styles.js';
import { hostStyles } from '../src/ui/host-styles.js';
import { summaryText } from '../src/model/summary.js';
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
  return { lang, facilityName: facilityNamer(facilities, lang), onClose };
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

  it('names a transfer\'s end as a facility, else a country, else by its own id (endpointName)', () => {
    const names = facilityNamer(facilities, 'es');
    expect(endpointName('cecot', 'es', names)).to.equal('Centro de Confinamiento del Terrorismo (CECOT)');
    expect(endpointName('usa', 'es', names)).to.equal('Estados Unidos');
    expect(endpointName('USA', 'en', names, { inText: true })).to.equal('the United States');
    expect(endpointName('lost-place', 'en', names)).to.equal('lost-place');
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

  it('colours each country with occupancy by its class, on the country source', () => {
    const colors = countryShadingColors(countries, 'dark');
    expect([...colors]).to.deep.equal([['HND', OCCUPANCY_COLORS.dark[1]]]);
    expect(countryShadingColors([sweden]).size, 'no figure, no colour').to.equal(0);
    // The land fill itself, coloured from feature state: new data reloads no tile.
    const layer = builtInBasemapStyle({ theme: 'dark' }).layers.find((l) => l.id === COUNTRY_SHADING_LAYER_ID)!;
    expect(layer).to.include({ type: 'fill', source: COUNTRY_SOURCE_ID, 'source-layer': COUNTRY_SOURCE_LAYER });
    expect((layer.paint as Record<string, unknown>)['fill-color']).to.deep.equal(['coalesce', ['feature-state', 'occupancyColor'], PALETTES.dark.basemap.land]);
  });

  it('has a legend with five labelled classes in each language', () => {
    const el = show(occupancyLegendTemplate('es', 'dark'));
    const items = [...el.querySelectorAll('li')].map(text);
    expect(items).to.deep.equal(['Menos del 100 %', '100–150 %', '150–200 %', '200–250 %', '250 % o más']);
    expect(el.querySelectorAll('rect')[4].getAttribute('fill')).to.equal(OCCUPANCY_COLORS.dark[4]);
    expect(text(show(occupancyLegendTemplate('en')))).to.contain('Under 100%');
  });
});

// ---------------------------------------------------------------------------------------------
// WCAG contrast, computed from the styles the browser resolved

type Rgba = [number, number, number, number];
const ICON = html`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><path d="M7 2v10M2 7h10" stroke="currentColor" stroke-width="2"></path></svg>`;

/** A shadow root with the element's style sheets and a `.frame` of the theme, as the element has. */
function themedFrame(theme: 'light' | 'dark'): { host: HTMLElement; frame: HTMLElement } {
  const host = document.createElement('div');
  host.style.cssText = 'position:relative;display:block;width:900px;height:600px';
  document.body.append(host);
  containers.push(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [hostStyles.styleSheet!, elementStyles.styleSheet!, panelStyles.styleSheet!];
  const frame = document.createElement('div');
  frame.className = `frame ${theme}`;
  root.append(frame);
  return { host, frame };
}

/** A computed CSS colour: rgb()/rgba() or color(srgb …), as Chromium serializes them. */
function parseColor(value: string): Rgba {
  const rgb = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
  const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/.exec(value);
  if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
  if (value === 'transparent') return [0, 0, 0, 0];
  throw new Error(`cannot read the colour ${JSON.stringify(value)}`);
}

/** `top` painted over the opaque `bottom`. */
function composite(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1) as Rgba;
}

function contrastRatio(a: Rgba, b: Rgba): number {
  const luminance = (c: Rgba) => {
    const [r, g, bl] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const css = (c: Rgba) => `rgb(${c.slice(0, 3).map(Math.round).join(',')})`;

/**
 * The colours painted behind an element, innermost first, down to the first opaque one:
 * background colours and inset box-shadow tints (a selected table row). `opaque` is undefined when
 * nothing under the element is opaque within the element.
 */
function backdrop(element: Element): { layers: Rgba[]; opaque?: Rgba } {
  const layers: Rgba[] = [];
  for (let node: Element | null = element; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
    const style = getComputedStyle(node);
    const inset = /(rgba?\([^)]*\)|color\([^)]*\))[^,]*\binset\b/.exec(style.boxShadow);
    if (inset) layers.push(parseColor(inset[1]));
    const background = parseColor(style.backgroundColor);
    if (background[3] >= 1) return { layers, opaque: background };
    if (background[3] > 0) layers.push(background);
  }
  return { layers };
}

interface ContrastPair { text: string; fg: string; bg: string; ratio: number; required: number }

/**
 * Every visible text under `root` (and every icon drawn in currentColor in a button), with the
 * colour it is drawn in and the colour behind it. The panels float over the map, whose colour
 * varies, so a translucent panel is judged over its own backdrop, over white and over black, and
 * the worst ratio counts. Large text (24px, or 18.66px bold) needs 3:1, icons 3:1, other text 4.5:1.
 */
function contrastPairs(root: Element): ContrastPair[] {
  const pairs: ContrastPair[] = [];
  const judge = (element: Element, text: string, colour: string, required: number) => {
    let fg = parseColor(colour);
    for (let node: Element | null = element; node && node !== root; node = node.parentElement) fg = [fg[0], fg[1], fg[2], fg[3] * Number(getComputedStyle(node).opacity)];
    const { layers, opaque } = backdrop(element);
    const bases: Rgba[] = [...(opaque ? [opaque] : []), ...(layers.length || !opaque ? [[255, 255, 255, 1] as Rgba, [0, 0, 0, 1] as Rgba] : [])];
    let worst: ContrastPair | undefined;
    for (const base of bases) {
      const bg = layers.reduceRight((under, layer) => composite(layer, under), base);
      const ratio = contrastRatio(composite(fg, bg), bg);
      if (!worst || ratio < worst.ratio) worst = { text, fg: css(composite(fg, bg)), bg: css(bg), ratio, required };
    }
    pairs.push(worst!);
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.trim();
    const parent = node.parentElement!;
    const box = parent.getBoundingClientRect();
    if (!text || !parent.checkVisibility({ visibilityProperty: true }) || box.width <= 1 || box.height <= 1) continue;
    const style = getComputedStyle(parent);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    judge(parent, text, parent instanceof SVGElement ? style.fill : style.color, large ? 3 : 4.5);
  }
  for (const shape of root.querySelectorAll('button svg path, button svg rect')) {
    const style = getComputedStyle(shape);
    const paint = style.stroke !== 'none' ? style.stroke : style.fill;
    if (paint !== 'none') judge(shape, `icon of ${shape.closest('button')!.getAttribute('aria-label')}`, paint, 3);
  }
  return pairs;
}

describe('accessibility (axe)', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`card, tables, tooltip and legend have no violations in the ${theme} theme`, async () => {
      const { host, frame } = themedFrame(theme);
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

  for (const theme of ['light', 'dark'] as const) {
    it(`keeps every text of every panel at WCAG AA contrast in the ${theme} theme (axe color-contrast and computed ratios)`, async () => {
      const lang = theme === 'light' ? 'en' : 'es';
      const t = strings(lang);
      const stages: Array<[string, TemplateResult]> = [
        // As the element renders them (src/prison-map.ts): the map controls over the map, the status
        // message over the map, and the legend strip below it.
        ['controls, status and legend', html`
          <div class="map" part="map"><div class="map-canvas"></div></div>
          <div class="controls">
            <button type="button" class="control" aria-label=${t.zoomIn}>${ICON}</button>
            <button type="button" class="control" aria-label=${t.zoomOut}>${ICON}</button>
            <button type="button" class="control" aria-label=${t.resetView}>${ICON}</button>
            <button type="button" class="control" aria-pressed="false" aria-label=${t.pauseAnimation}>${ICON}</button>
            <button type="button" class="control text" aria-expanded="false" aria-controls="tables">${t.showData}</button>
          </div>
          <div class="legend" part="legend">
            ${legendTemplate(describeLegend({
              circles: [{ capacity: 40000, radius: 30 }, { capacity: 10000, radius: 15 }],
              statuses: [{ status: 'operational', color: '#0072b2' }, { status: 'planned', color: '#e69f00' }],
              showUnknown: true,
              occupancy: true,
            }, {
              clusters: [{}],
              flowLegend: { kinds: ['inmates', 'assistance'], statuses: ['active', 'agreed', 'considered'], largest: { count: 260, widthPx: 8 }, omitted: 1200 },
            } as unknown as ViewLevel, lang, theme))}
          </div>
          <div class="status" part="status" role="alert">${t.loadFailed(t.datasetName.transfers, 'the file is empty')}</div>`],
        ['facility tooltip', html`<div class="tooltip" part="tooltip" role="tooltip">${facilityTooltipTemplate(cecot, { lang })}</div>`],
        ['transfer tooltip', html`<div class="tooltip" part="tooltip" role="tooltip">${transferTooltipTemplate(usaCecot, { lang, facilityName: facilityNamer(facilities, lang) })}</div>`],
        ['country tooltip', html`<div class="tooltip" part="tooltip" role="tooltip">${countryTooltipTemplate(honduras, { lang })}</div>`],
        ['facility card', html`<div class="card" part="details">${facilityCardTemplate(cecot, ctx(lang))}</div>`],
        ['transfer card', html`<div class="card" part="details">${transferCardTemplate(usaCecot, ctx(lang))}</div>`],
        ['country card', html`<div class="card" part="details">${countryCardTemplate(honduras, ctx(lang))}</div>`],
        ['data tables, a row selected', html`<div id="tables" part="table" class="tables open" role="region" aria-label=${t.showData} tabindex="0">
          ${dataTablesTemplate({ facilities, transfers, countries, lang, selected: 'usa-cecot' })}</div>`],
      ];
      const failures: string[] = [];
      let pairs = 0;
      for (const [stage, template] of stages) {
        const { host, frame } = themedFrame(theme);
        render(template, frame);
        // axe's own WCAG check of every text it can resolve.
        const results = await axe.run(host, { runOnly: { type: 'rule', values: ['color-contrast'] } });
        for (const v of results.violations) for (const n of v.nodes) failures.push(`${stage}: axe ${v.id} ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`);
        const axePassed = results.passes.flatMap((p) => p.nodes).length;
        // Every text node (and icon), against the panel behind it, computed from the styles.
        const checked = contrastPairs(frame);
        expect(checked.length, `${stage}: texts whose contrast was computed`).to.be.above(0);
        expect(axePassed + results.incomplete.flatMap((i) => i.nodes).length, `${stage}: texts axe looked at`).to.be.above(0);
        pairs += checked.length;
        for (const pair of checked.filter((c) => c.ratio < c.required)) {
          failures.push(`${stage}: ${JSON.stringify(pair.text)} ${pair.fg} on ${pair.bg} is ${pair.ratio.toFixed(2)}:1, needs ${pair.required}:1`);
        }
        host.remove();
      }
      expect(failures, `${theme} theme`).to.deep.equal([]);
      expect(pairs, 'text/background pairs checked').to.be.above(40);
    });
  }

  it('computes WCAG contrast ratios as the standard does', () => {
    expect(contrastRatio([0, 0, 0, 1], [255, 255, 255, 1])).to.be.closeTo(21, 0.01);
    expect(contrastRatio([119, 119, 119, 1], [255, 255, 255, 1])).to.be.closeTo(4.48, 0.01);
    expect(contrastRatio([255, 255, 255, 1], [255, 255, 255, 1])).to.equal(1);
    expect(composite([0, 0, 0, 0.5], [255, 255, 255, 1]).map(Math.round)).to.deep.equal([128, 128, 128, 1]);
    expect(parseColor('color(srgb 1 0.5 0 / 0.25)')).to.deep.equal([255, 127.5, 0, 0.25]);
  });
});
