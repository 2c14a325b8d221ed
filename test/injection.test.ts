/**
 * No text from data is ever interpreted as HTML (README.md, "Bad input"). Every payload of the
 * corpus goes into every text field and every URL of every dataset; the element draws them, its
 * details card and data tables are opened and its tooltip shown, and then nothing may have run,
 * no element or handler may have come from the data, and every link must be http(s).
 */
import { expect } from 'chai';
import '../src/index.js';
import type { PrisonMapElement, PrisonMapReadyDetail } from '../src/index.js';
import { parseFacilities } from '../src/data/facilities.js';
import { parseTransfers } from '../src/data/transfers.js';
import { XSS_PAYLOADS } from './fixtures/xss-payloads.js';
import config from './reliability-config.json';
import { cleanup, nextEvent } from './support/mount.js';
import { recordFigure } from './support/figures.js';

afterEach(cleanup);

const FIELDS = config.injection.fields;
/** Fields × payloads actually put into data, per dataset (recorded for the reliability report). */
const tried = { facilities: new Set<string>(), transfers: new Set<string>(), countries: new Set<string>() };
type Dataset = keyof typeof tried;

/** Sets a field of a record (or of its sources) to the payload and records that it was tried. */
function put(dataset: Dataset, record: Record<string, unknown>, field: string, payload: string, sources: Array<Record<string, unknown>>): void {
  expect(FIELDS[dataset], `${dataset}.${field} listed in reliability-config.json`).to.include(field);
  if (field.startsWith('source.')) {
    const key = field.slice('source.'.length);
    // A payload URL gets its own source, so the one with the payload title keeps a good URL and is shown.
    if (key === 'url') sources.push({ title: 'Source with a payload URL', url: payload });
    else sources[0][key] = payload;
  } else {
    Object.defineProperty(record, field, { value: payload, enumerable: true, writable: true, configurable: true });
  }
  tried[dataset].add(`${field}\u0000${payload}`);
}

/** Country codes that no payload can be: "Q" + two letters from the payload's position. */
const code = (n: number) => `Q${String.fromCharCode(65 + Math.floor(n / 26))}${String.fromCharCode(65 + (n % 26))}`;

function buildData() {
  const features: unknown[] = [];
  const transfers: unknown[] = [];
  const countries: unknown[] = [];
  XSS_PAYLOADS.forEach((payload, i) => {
    const position = [-170 + (i % 12) * 28, -50 + Math.floor(i / 12) * 22];
    // A facility carrying the payload in every text field it keeps (its country must stay a valid code)…
    const sources: Array<Record<string, unknown>> = [{ title: 'x', url: 'https://example.org/source' }];
    const props: Record<string, unknown> = { country: 'SLV', capacity: 100 + i, sources };
    for (const field of FIELDS.facilities.filter((f) => f !== 'country')) put('facilities', props, field, payload, sources);
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: position }, properties: props });
    // …and one with the payload as its country, which is left out and reported.
    const bad: Record<string, unknown> = { id: `bad-country-${i}`, name: `Bad country ${i}` };
    put('facilities', bad, 'country', payload, []);
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: position }, properties: bad });

    const transferSources: Array<Record<string, unknown>> = [{ title: 'x', url: 'https://example.org/t' }];
    const transfer: Record<string, unknown> = { sources: transferSources, count: 10 };
    for (const field of FIELDS.transfers) put('transfers', transfer, field, payload, transferSources);
    transfers.push(transfer);
    // The same transfer between real places, so an arc is drawn for it too.
    transfers.push({ id: `t-real-${i}`, from: 'USA', to: 'SLV', note: payload, 'note:es': payload, sources: [{ title: payload, url: 'https://example.org/r', publisher: payload }] });

    const countrySources: Array<Record<string, unknown>> = [{ title: 'x', url: 'https://example.org/c' }];
    const country: Record<string, unknown> = { iso3: code(i), occupancy_pct: 100 + i, sources: countrySources };
    for (const field of FIELDS.countries.filter((f) => f !== 'iso3')) put('countries', country, field, payload, countrySources);
    countries.push(country);
    const badCountry: Record<string, unknown> = {};
    put('countries', badCountry, 'iso3', payload, []);
    countries.push(badCountry);
  });
  return { facilities: { type: 'FeatureCollection', features }, transfers, countries };
}

declare global {
  interface Window { __xss?: unknown }
}

/** Every element under a root, through nested shadow roots. */
function* walk(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* walk(element.shadowRoot);
  }
}

const FORBIDDEN_TAGS = new Set(['script', 'img', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'meta', 'link', 'form', 'video', 'audio', 'source', 'marquee', 'template', 'math', 'animate', 'set', 'foreignobject', 'input', 'textarea']);
const URL_ATTRIBUTES = ['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'poster', 'background'];

/** What a payload could have left in the element's DOM. Returns readable findings. */
function findInjected(root: ShadowRoot): string[] {
  const found: string[] = [];
  for (const element of walk(root)) {
    const tag = element.localName.toLowerCase();
    if (FORBIDDEN_TAGS.has(tag)) found.push(`<${tag}> element`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${name} on <${tag}>`);
      if (name === 'srcdoc') found.push(`srcdoc on <${tag}>`);
      if (URL_ATTRIBUTES.includes(name) && name !== 'href') {
        // eslint-disable-next-line no-control-regex
        if (/^(javascript|vbscript|data):/i.test(attribute.value.replace(/[\u0000-\u0020]/g, ''))) found.push(`${name}=${attribute.value} on <${tag}>`);
      }
    }
    if (tag === 'a' || element.hasAttribute('href') || element.hasAttribute('xlink:href')) {
      const href = element.getAttribute('href') ?? element.getAttribute('xlink:href');
      if (href === null || !/^https?:/.test(href)) found.push(`<${tag} href=${JSON.stringify(href)}>`);
    }
  }
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/**
 * Expects each text to be the whole text of its own element inside `container` (one element per
 * text, innermost first), so a payload's markup reached the reader as characters: had it been
 * parsed as HTML, the tags would not be in any element's text. The same payload is in several
 * fields (name, description…), so each field needs an element of its own.
 */
function expectShownAsText(container: Element, texts: readonly string[], what: string): void {
  const innermost = [...container.querySelectorAll('*')].filter((element) => {
    const own = element.textContent?.trim() ?? '';
    return own !== '' && ![...element.children].some((child) => child.textContent?.trim() === own);
  });
  const used = new Set<Element>();
  for (const text of texts) {
    expect(text, `${what}: a payload text`).to.be.a('string').and.not.equal('');
    const holder = innermost.find((element) => !used.has(element) && element.textContent!.trim() === text.trim());
    expect(holder, `${what} shows ${JSON.stringify(text)} as text`).to.not.equal(undefined);
    used.add(holder!);
  }
}

describe('injection: every XSS payload in every field of every dataset', () => {
  const calls: string[] = [];
  const originals = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };
  let scriptsBefore = 0;

  before(() => {
    window.alert = (message?: unknown) => { calls.push(`alert(${String(message)})`); };
    window.confirm = (message?: string) => { calls.push(`confirm(${String(message)})`); return false; };
    window.prompt = (message?: string) => { calls.push(`prompt(${String(message)})`); return null; };
    scriptsBefore = document.querySelectorAll('script').length;
  });
  after(() => Object.assign(window, originals));

  function expectNothingRan(where: string): void {
    expect(window.__xss, `${where}: a payload set window.__xss`).to.equal(undefined);
    expect(calls, `${where}: alert/confirm/prompt called`).to.deep.equal([]);
    expect(document.querySelectorAll('script').length, `${where}: no script added to the page`).to.equal(scriptsBefore);
    expect(document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover],[onfocus]').length, `${where}: no handler in the page`).to.equal(0);
  }

  for (const lang of ['en', 'es'] as const) {
    it(`renders every payload as text (lang=${lang}): nothing runs, no element or handler from data, only http(s) links`, async function () {
      this.timeout(120000);
      const data = buildData();
      const el = document.createElement('prison-map') as PrisonMapElement;
      el.setAttribute('loading', 'eager');
      el.setAttribute('lang', lang);
      el.setAttribute('no-animation', '');
      el.style.cssText = 'width:900px;height:520px';
      el.facilitiesData = data.facilities as never;
      el.transfersData = data.transfers as never;
      el.countriesData = data.countries as never;
      document.body.append(el);
      try {
        const settled = await Promise.race([
          nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready', 60000),
          nextEvent(el, 'prison-map-error', 60000).then((e) => { throw new Error(`prison-map-error: ${JSON.stringify(e.detail)}`); }),
        ]);
        const kept = parseFacilities(data.facilities).records;
        expect(settled.detail.facilities, 'every payload facility is kept (its payload country twin is not)').to.equal(XSS_PAYLOADS.length);
        expect(settled.detail.transfers).to.equal(parseTransfers(data.transfers).records.length);
        await el.updateComplete;
        await sleep(300); // an injected <img onerror> fires asynchronously
        const root = el.shadowRoot!;
        expectNothingRan('after drawing');
        expect(findInjected(root), 'after drawing').to.deep.equal([]);

        // The data tables, opened with the "Data" toggle: every kept facility has its row, and its
        // payload name (markup included) is in the table's text, so it was rendered as text.
        const toggle = [...root.querySelectorAll('button')].find((b) => /^(data|datos)$/i.test(b.textContent?.trim() ?? ''));
        expect(toggle, 'the "Data" toggle is rendered').to.not.equal(undefined);
        toggle!.click();
        await el.updateComplete;
        const tables = root.querySelector('[part=table]');
        expect(tables, 'the data tables are rendered').to.not.equal(null);
        expect(tables!.classList.contains('open'), 'the data tables are open').to.equal(true);
        // Rows found by value, not through a selector: CSS.escape turns U+0000 into U+FFFD.
        const rowsById = new Map([...tables!.querySelectorAll<HTMLElement>('tr[data-id]')].map((tr) => [tr.dataset.id, tr]));
        let namesInTable = 0;
        for (const facility of kept) {
          const row = rowsById.get(facility.id);
          expect(row, `row for ${JSON.stringify(facility.id)}`).to.not.equal(undefined);
          expectShownAsText(row!, [lang === 'es' ? facility.nameEs ?? facility.name : facility.name], `table row of ${JSON.stringify(facility.id)}`);
          namesInTable++;
        }
        await sleep(200);
        expectNothingRan('with the data tables open');
        expect(findInjected(root), 'with the data tables open').to.deep.equal([]);

        // The details card of every facility and transfer: each must open, and show its payload
        // name, description or note and its source titles as text, each in an element of its own.
        const payloadTransfers = parseTransfers(data.transfers).records.filter((t) => !t.id.startsWith('t-real-'));
        expect(payloadTransfers.length, 'the payload transfers are kept').to.equal(XSS_PAYLOADS.length);
        let cards = 0;
        const t0 = performance.now();
        for (const id of [...kept.map((f) => f.id), ...payloadTransfers.map((t) => t.id)]) {
          el.selected = id;
          await el.updateComplete;
          const card = root.querySelector('[part=details]');
          expect(card, `details card of ${JSON.stringify(id)} is rendered`).to.not.equal(null);
          expect(findInjected(root), `card of ${JSON.stringify(id)}`).to.deep.equal([]);
          const facility = kept.find((f) => f.id === id);
          const transfer = payloadTransfers.find((t) => t.id === id);
          // Each text the card shows whole: the name, description or note, and every source title.
          const shownTexts = facility
            ? [lang === 'es' ? facility.nameEs ?? facility.name : facility.name, (lang === 'es' ? facility.descriptionEs ?? facility.description : facility.description)!, ...facility.sources.map((source) => source.title)]
            : [(lang === 'es' ? transfer!.noteEs ?? transfer!.note : transfer!.note)!, ...transfer!.sources.map((source) => source.title)];
          expectShownAsText(card!, shownTexts, `card of ${JSON.stringify(id)}`);
          for (const a of card!.querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^https?:/);
          cards++;
        }
        const t1 = performance.now();
        el.selected = undefined;
        await el.updateComplete;

        // The tooltip of every facility, by pointing at it on the map: it must show, with the name.
        const map = el.map!;
        const canvas = map.getCanvas();
        let tooltips = 0;
        for (const facility of kept) {
          const { x, y } = map.project([facility.longitude, facility.latitude]);
          const box = canvas.getBoundingClientRect();
          expect(x >= 0 && y >= 0 && x <= box.width && y <= box.height, `${JSON.stringify(facility.id)} is in view`).to.equal(true);
          canvas.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: box.left + x, clientY: box.top + y }));
          await frame();
          await frame();
          const tooltip = root.querySelector<HTMLElement>('[part=tooltip]');
          expect(tooltip, 'the tooltip is rendered').to.not.equal(null);
          expect(tooltip!.hidden, `tooltip of ${JSON.stringify(facility.id)} is shown`).to.equal(false);
          expectShownAsText(tooltip!, [lang === 'es' ? facility.nameEs ?? facility.name : facility.name], `tooltip of ${JSON.stringify(facility.id)}`);
          expect(findInjected(root), `tooltip of ${JSON.stringify(facility.id)}`).to.deep.equal([]);
          tooltips++;
        }
        await sleep(300);
        expectNothingRan('after cards and tooltips');
        const fieldsTried = Object.values(tried).reduce((n, set) => n + set.size, 0);
        await recordFigure({
          group: 'injection', name: `payloads rendered as text (lang=${lang})`, value: namesInTable, unit: 'facility names, each in its table row',
          note: `${namesInTable} table rows, ${cards} details cards (${Math.round(t1 - t0)} ms), ${tooltips} tooltips (${Math.round(performance.now() - t1)} ms); nothing ran`,
          outcome: 'passed',
        });
        await recordFigure({
          group: 'injection', name: `payload × field values put into data (lang=${lang})`, value: fieldsTried, unit: 'values',
          note: `${XSS_PAYLOADS.length} payloads; ${(Object.keys(tried) as Dataset[]).map((d) => `${d} ${new Set([...tried[d]].map((k) => k.split('\u0000')[0])).size} fields`).join(', ')}`,
        });
      } finally {
        el.remove();
      }
    });
  }
});
