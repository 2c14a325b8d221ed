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

async function mountReady(attributes = '', { animated = false } = {}): Promise<PrisonMapElement> {
  const before = mount<HTMLButtonElement>('<button id="before">before</button>');
  before.focus();
  const el = mount(`<prison-map loading="eager" ${animated ? '' : 'no-animation'} ${attributes} style="width:900px;height:560px"></prison-map>`);
  await nextEvent(el, 'prison-map-ready');
  return el;
}

/**
 * A button's accessible name, as the accname rules compute it for the cases the element uses:
 * aria-labelledby (the referenced elements' text), else a non-blank aria-label, else the text
 * content (without aria-hidden parts, alt text of images included), else the title. Blank is ''.
 */
function accessibleName(element: Element): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  const labelledBy = element.getAttribute('aria-labelledby')?.trim();
  if (labelledBy) {
    const text = labelledBy.split(/\s+/).map((id) => root.getElementById(id)).filter((e): e is HTMLElement => e !== null)
      .map((e) => textAlternative(e)).join(' ').trim();
    if (text) return text;
  }
  const label = element.getAttribute('aria-label')?.trim();
  if (label) return label;
  const text = textAlternative(element).trim();
  if (text) return text;
  return element.getAttribute('title')?.trim() ?? '';
}

/** The text a screen reader gets from an element's content, collapsed. */
function textAlternative(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true') return '';
  if (node instanceof HTMLImageElement) return node.alt;
  const label = node.getAttribute('aria-label')?.trim();
  if (label) return label;
  if (node.localName === 'svg') return node.querySelector(':scope > title')?.textContent ?? '';
  return [...node.childNodes].map(textAlternative).join('').replace(/\s+/g, ' ');
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
    // Animation on, so the pause button is there too; a card open, so its close button is.
    const el = await mountReady('', { animated: true });
    el.selected = 'cecot';
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('[part=details]'), 'the details card is open').to.not.equal(null);
    const buttons = [...root.querySelectorAll('button')];
    // Zoom in, zoom out, show everything, pause, the "Data" toggle and the card's close button.
    expect(buttons.length, 'buttons checked').to.be.at.least(6);
    const names = buttons.map((button) => [button.outerHTML, accessibleName(button)] as const);
    for (const [html, name] of names) {
      expect(name, html).to.be.a('string');
      expect(name, html).to.not.equal('');
    }
    expect(new Set(names.map(([, name]) => name)).size, 'each control has its own name').to.equal(names.length);
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
