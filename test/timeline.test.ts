// `year` and `timeline` (issue 14): the state in a year, everywhere the reader looks (map, ready
// event, tables, summary, legend), and a year slider operable with the keyboard alone.
import { expect } from 'chai';
import axe from 'axe-core';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { PrisonMapElement, PrisonMapReadyDetail } from '../src/index.js';
import { dataInYear, parseYear, yearsIn } from '../src/model/year.js';
import { cleanup, mapOf, mount, nextEvent } from './support/mount.js';
import { flowLayerOf, mapIdle, waitFor } from './support/wait.js';

afterEach(async () => {
  cleanup();
  await emulateMedia({ reducedMotion: 'no-preference' });
});

const drawnFacilities = (el: PrisonMapElement) => [...new Set(mapOf(el).querySourceFeatures('prison-map-facilities').map((f) => String(f.properties.id)))].sort();
describe('year (model/year.ts)', () => {
  it('reads YYYY only, and keeps records without a date', () => {
    expect(parseYear('2023')).to.equal(2023);
    expect(parseYear(' 2023 ')).to.equal(2023);
    expect(parseYear('2023-05')).to.equal(undefined);
    expect(parseYear('soon')).to.equal(undefined);
    const data = {
      facilities: [{ id: 'a', opened: '2023-01' }, { id: 'b', opened: '2024' }, { id: 'c' }],
      transfers: [{ id: 't1', from: 'a', to: 'c', year: '2023', status: 'active' }, { id: 't2', from: 'a', to: 'b', year: '2023', status: 'active' },
        { id: 't3', from: 'a', to: 'c', year: '2023', status: 'cancelled' }, { id: 't4', from: 'a', to: 'c', status: 'agreed' }],
      countries: [], issues: [], errors: [],
    } as never;
    const in2023 = dataInYear(data, 2023);
    expect(in2023.facilities.map((f) => f.id)).to.deep.equal(['a', 'c']);
    // t2 ends at a facility not open yet; t3 is cancelled; t4 has no year.
    expect(in2023.transfers.map((t) => t.id)).to.deep.equal(['t1', 't4']);
    expect(dataInYear(data, 2023), 'the same object for the same year').to.equal(in2023);
    expect(dataInYear(data, undefined)).to.equal(data);
    expect(yearsIn(data)).to.deep.equal([2023, 2024]);
  });
});

describe('<prison-map year>', function () {
  this.timeout(120000);

  it('year="2023" shows CECOT and the Swan Islands project, hides the Ecuadorian prisons (2024) and every transfer (2025), and says so', async () => {
    const el = mount<PrisonMapElement>('<prison-map loading="eager" no-animation year="2023" style="width:900px;height:560px"></prison-map>');
    const ready = await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready', 60000);
    expect(ready.detail.facilities).to.equal(3);
    expect(ready.detail.transfers).to.equal(0);
    await mapIdle(mapOf(el));
    const shown = ['cecot', 'honduras-jungle-max-security', 'swan-island-prison'];
    expect(drawnFacilities(el)).to.deep.equal(shown);
    const root = el.shadowRoot!;
    const rows = [...root.querySelectorAll('[part=table] tr[data-id]')].map((tr) => tr.getAttribute('data-id'));
    expect(rows.sort(), 'the tables agree with the map').to.deep.equal(shown);
    expect(root.querySelector('[part=table]')!.textContent).to.contain('Prison facilities (as of 2023)');
    expect(root.querySelector('#summary')!.textContent).to.contain('The map shows how things stood in 2023.');
    expect(root.querySelector('#summary')!.textContent).to.contain('3 prison facilities');
    expect(root.querySelector('[part=legend]')!.textContent).to.contain('As of 2023');

    el.year = '2025';
    const later = await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready', 60000);
    expect(later.detail).to.deep.include({ facilities: 5, transfers: 4 });
    expect(el.getAttribute('year'), 'reflected').to.equal('2025');

    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => { warnings.push(args.join(' ')); };
    try {
      el.setAttribute('year', '20x3');
      const all = await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready', 60000);
      expect(all.detail.facilities).to.equal(5);
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((w) => w.includes('year="20x3" is not a year'))).to.equal(true);
    expect(root.querySelector('[part=legend]')!.textContent).to.not.contain('As of');
  });

  it('grows arriving facilities in when the year changes, and not under reduced motion', async () => {
    const el = mount<PrisonMapElement>('<prison-map loading="eager" year="2023" style="width:900px;height:560px"></prison-map>');
    await nextEvent(el, 'prison-map-ready', 60000);
    const map = mapOf(el);
    const appear = () => map.getFeatureState({ source: 'prison-map-facilities', id: 'ecuador-coast-max-security' }).appear as number | undefined;
    // What each drawn frame showed (sampled at MapLibre's `render`, not by a timer: on a slow
    // machine a 400 ms animation may last only a frame or two, which polling can miss).
    const drawn = <T>(read: () => T) => {
      const seen: T[] = [];
      const sample = () => seen.push(read());
      map.on('render', sample);
      return { seen, stop: () => map.off('render', sample) };
    };
    const grown = drawn(appear);
    el.year = '2024';
    await nextEvent(el, 'prison-map-ready', 60000);
    await waitFor(() => appear() === undefined, { message: 'fully grown, its state cleared' });
    grown.stop();
    expect(grown.seen.some((a) => a !== undefined && a < 1), `a frame with the Ecuadorian prison not yet fully grown: ${grown.seen.join(',')}`).to.equal(true);

    // 2025 brings the four transfers: their arcs fade in.
    const flows = flowLayerOf(map) as unknown as { fade: number };
    const faded = drawn(() => flows.fade);
    el.year = '2025';
    await nextEvent(el, 'prison-map-ready', 60000);
    await waitFor(() => flows.fade === 1, { message: 'arcs fully shown' });
    faded.stop();
    expect(faded.seen.some((f) => f < 1), `a frame with the arriving arcs not yet fully shown: ${faded.seen.join(',')}`).to.equal(true);
    el.year = '2024';
    await nextEvent(el, 'prison-map-ready', 60000);

    await emulateMedia({ reducedMotion: 'reduce' });
    el.year = '2023';
    await nextEvent(el, 'prison-map-ready', 60000);
    el.year = '2024';
    let seen = false;
    const watch = () => { if (appear() !== undefined) seen = true; };
    map.on('render', watch);
    await nextEvent(el, 'prison-map-ready', 60000);
    await mapIdle(map);
    map.off('render', watch);
    expect(seen, 'no grow animation under reduced motion').to.equal(false);
    // In the data again, at full size (it shrank out on the way to 2023): no `appear` state left.
    const source = map.getSource('prison-map-facilities') as unknown as { getData(): Promise<GeoJSON.FeatureCollection> };
    expect((await source.getData()).features.map((f) => f.properties!.id)).to.include('ecuador-coast-max-security');
    expect(appear()).to.equal(undefined);
  });
});

describe('<prison-map timeline>', function () {
  this.timeout(120000);

  it('is a labelled year slider the keyboard drives, announced, with play/pause that never starts by itself, and axe-clean', async () => {
    const el = mount<PrisonMapElement>('<prison-map loading="eager" no-animation timeline lang="en" style="width:900px;height:560px"></prison-map>');
    await nextEvent(el, 'prison-map-ready', 60000);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const slider = root.querySelector<HTMLInputElement>('.timeline input[type=range]')!;
    expect(slider, 'a slider').to.not.equal(null);
    expect([slider.min, slider.max, slider.value]).to.deep.equal(['2023', '2025', '2025']);
    expect(root.querySelector(`label[for=${slider.id}]`)!.textContent).to.equal('Year');
    const play = root.querySelector<HTMLButtonElement>('.timeline button')!;
    expect(play.getAttribute('aria-label')).to.equal('Play the years');
    expect(play.getAttribute('aria-pressed')).to.equal('false');
    expect(el.year, 'no autoplay').to.equal(undefined);

    const violations = await axe.run(el, { resultTypes: ['violations'] });
    expect(violations.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);

    // Keyboard only: Tab from the map's tab stop reaches the controls; the slider takes arrows and Home.
    slider.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await nextEvent(el, 'prison-map-ready', 60000);
    expect(el.year).to.equal('2024');
    const announcer = root.querySelector('.announcer')!;
    await waitFor(() => announcer.textContent === '2024: 5 facilities, 0 transfers', { message: `announced: ${announcer.textContent}` });
    await sendKeys({ press: 'Home' });
    await nextEvent(el, 'prison-map-ready', 60000);
    expect(el.year).to.equal('2023');
    expect(drawnFacilities(el)).to.have.length(3);

    // Play steps through the years to the end, then stops; pause stops it earlier.
    play.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(play.getAttribute('aria-pressed')).to.equal('true');
    await waitFor(() => el.year === '2024', { timeout: 20000, message: 'the timeline advanced a year' });
    await waitFor(() => el.year === '2025' && play.getAttribute('aria-pressed') === 'false', { timeout: 20000, message: 'stopped at the last year' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.year, 'playing again from the end starts at the first year').to.equal('2023');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(play.getAttribute('aria-pressed')).to.equal('false');
  });

  it('speaks Spanish', async () => {
    const el = mount<PrisonMapElement>('<prison-map loading="eager" no-animation timeline lang="es" year="2024" style="width:375px;height:667px"></prison-map>');
    await nextEvent(el, 'prison-map-ready', 60000);
    await el.updateComplete;
    const bar = el.shadowRoot!.querySelector('.timeline')!;
    expect(bar.getAttribute('aria-label')).to.equal('Línea de tiempo');
    expect(bar.textContent).to.contain('Año');
    expect(bar.querySelector('output')!.textContent).to.equal('2024');
    const box = bar.getBoundingClientRect();
    expect(box.width, 'fits a phone').to.be.at.most(375);
  });
});
