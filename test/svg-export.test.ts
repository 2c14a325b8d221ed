// toImage({type: 'image/svg+xml'}) (issue 28): an editable SVG of what the reader sees, drawn by the
// same DOM-free renderer as `prison-map render` (src/render/svg.ts).
import { expect } from 'chai';
import '../src/index.js';
import type { PrisonMapElement } from '../src/index.js';
import { cleanup, mapOf, mount, nextEvent } from './support/mount.js';
import { nextDownload } from './support/download.js';
import { mapIdle } from './support/wait.js';

afterEach(() => cleanup());

const WIDTH = 800;
const HEIGHT = 500;

async function mountReady(attributes: string, data?: Partial<Pick<PrisonMapElement, 'facilitiesData' | 'transfersData'>>): Promise<PrisonMapElement> {
  const el = mount(`<prison-map loading="eager" no-animation ${attributes} style="width:${WIDTH}px;height:${HEIGHT}px"></prison-map>`);
  if (data) Object.assign(el, data);
  await nextEvent(el, 'prison-map-ready', 60000);
  await mapIdle(mapOf(el));
  return el;
}

async function svgOf(el: PrisonMapElement): Promise<{ blob: Blob; text: string; doc: Document }> {
  const blob = await el.toImage({ type: 'image/svg+xml' });
  const text = await blob.text();
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  return { blob, text, doc };
}

function expectWellFormed(doc: Document): SVGSVGElement {
  // Strings, not elements: chai's picture of a parsererror element took the test page down.
  expect(doc.querySelector('parsererror')?.textContent ?? 'no error', 'parses as image/svg+xml').to.equal('no error');
  const root = doc.documentElement as unknown as SVGSVGElement;
  expect(root.localName).to.equal('svg');
  expect(root.namespaceURI).to.equal('http://www.w3.org/2000/svg');
  expect(doc.querySelectorAll('image, foreignObject').length, 'vector only').to.equal(0);
  return root;
}

describe('<prison-map> toImage({type: "image/svg+xml"})', function () {
  this.timeout(90000);

  it('is a well-formed vector SVG of the map: title, description, a circle per facility drawn, CECOT labelled, circles where the WebGL map draws them', async () => {
    const el = await mountReady('lang="en" theme="light"');
    const { blob, doc } = await svgOf(el);
    expect(blob.type).to.equal('image/svg+xml');
    const root = expectWellFormed(doc);
    expect(root.getAttribute('width')).to.equal(String(WIDTH));
    expect(doc.querySelector('svg > title')?.textContent).to.equal('Map of prison facilities and transfers');
    expect(doc.querySelector('svg > desc')?.textContent).to.contain('CECOT');

    const circles = [...doc.querySelectorAll<SVGCircleElement>('circle.facility')];
    const map = mapOf(el)!;
    // Every facility the WebGL map shows in the view has its circle, at the same place (within 2 px).
    const facilities = (el as unknown as { body: { _model: { facilities: Array<{ facility: { id: string; longitude: number; latitude: number } }> } } }).body._model.facilities;
    let compared = 0;
    for (const { facility } of facilities) {
      const at = map.project([facility.longitude, facility.latitude]);
      if (at.x < 0 || at.y < 0 || at.x > WIDTH || at.y > HEIGHT) continue;
      const circle = circles.find((c) => c.getAttribute('data-id') === facility.id);
      expect(circle, `a <circle> for ${facility.id}`).to.not.equal(undefined);
      expect(Math.hypot(Number(circle!.getAttribute('cx')) - at.x, Number(circle!.getAttribute('cy')) - at.y), `${facility.id}'s centre`).to.be.below(2);
      compared++;
    }
    expect(compared).to.be.above(2);
    expect(circles.length).to.equal(compared);
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).to.include('CECOT');
    // The legend and credit are text too.
    expect(doc.querySelector('.legend text')?.textContent).to.be.a('string');
    expect(doc.querySelector('.credit text')?.textContent).to.match(/^Sources: /);
  });

  it('draws the arcs as the map does: fainter as they are smaller, the largest on top', async () => {
    const el = await mountReady('lang="en" theme="light"');
    const { doc } = await svgOf(el);
    const arcs = [...doc.querySelectorAll('path.transfer')].map((path) => ({
      id: path.getAttribute('data-id')!, width: Number(path.getAttribute('stroke-width')), opacity: Number(path.getAttribute('stroke-opacity')),
    }));
    expect(arcs.length, 'the bundled transfers').to.be.at.least(3);
    // The level's marks: each arc's opacity is its status's times its emphasis by magnitude.
    const level = (el as unknown as { body: { _model: { levelAt(zoom: number, size: { width: number; height: number }): { flows: Array<{ transfer: { id: string }; opacity: number; emphasis?: number; hidden: boolean }> } } } }).body._model
      .levelAt(Number(doc.documentElement.getAttribute('data-level')), { width: WIDTH, height: HEIGHT });
    const emphases = new Set<number>();
    for (const arc of arcs) {
      const mark = level.flows.find((flow) => flow.transfer.id === arc.id)!;
      emphases.add(mark.emphasis ?? 1);
      expect(arc.opacity, `${arc.id}'s opacity`).to.be.closeTo(mark.opacity * (mark.emphasis ?? 1), 0.002);
    }
    expect(emphases.size, 'arcs of different sizes are not equally strong').to.be.above(1);
    // Drawn smallest first: the widest arc comes last in the document, on top.
    const widest = Math.max(...arcs.map((arc) => arc.width));
    expect(arcs[arcs.length - 1].width).to.equal(widest);
  });

  it('follows the camera: after a move, centres still match the WebGL map', async () => {
    const el = await mountReady('lang="en" focus-on="SLV"');
    const map = mapOf(el)!;
    map.jumpTo({ center: [-88.2, 14.1], zoom: 6.3 });
    await mapIdle(map);
    const { doc } = await svgOf(el);
    const cecot = doc.querySelector<SVGCircleElement>('circle[data-id="cecot"]')!;
    const at = map.project([-88.805, 13.531]);
    expect(Math.hypot(Number(cecot.getAttribute('cx')) - at.x, Number(cecot.getAttribute('cy')) - at.y)).to.be.below(2);
  });

  it('keeps a facility name with markup in it as text', async () => {
    const name = 'Evil <script>alert("x")</script> & "quoted" \'prison\'';
    const el = await mountReady('lang="en"', {
      facilitiesData: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: [-88.8, 13.5] }, properties: { id: 'evil', name, country: 'SLV', capacity: 3000, status: 'operational' } },
          { type: 'Feature', geometry: { type: 'Point', coordinates: [-86.5, 15.0] }, properties: { id: 'other', name: 'Other', country: 'HND', capacity: 1000, status: 'planned' } },
        ],
      },
      transfersData: [],
    });
    const { doc, text } = await svgOf(el);
    expectWellFormed(doc);
    expect(doc.querySelectorAll('script').length, 'no script element').to.equal(0);
    // A boolean, not the text: a failure message carrying the whole SVG takes the test page down.
    expect(text.includes('<script'), 'no <script in the file').to.equal(false);
    const circle = doc.querySelector('circle[data-id="evil"]')!;
    expect(circle.querySelector('title')!.textContent).to.equal(name);
    expect(circle.getAttribute('data-name')).to.equal(name);
  });

  it('speaks the map\'s language and wears its theme', async () => {
    const light = await svgOf(await mountReady('lang="en" theme="light"'));
    cleanup();
    const dark = await svgOf(await mountReady('lang="es" theme="dark"'));
    expectWellFormed(dark.doc);
    expect(dark.doc.querySelector('svg > title')!.textContent).to.equal('Mapa de cárceles y traslados de presos');
    expect(dark.doc.querySelector('svg > desc')!.textContent).to.not.equal(light.doc.querySelector('svg > desc')!.textContent);
    expect(dark.doc.querySelector('.credit text')!.textContent).to.match(/^Fuentes: /);
    const sea = (doc: Document) => doc.querySelector('.map rect.space')!.getAttribute('fill');
    expect(sea(dark.doc)).to.not.equal(sea(light.doc));
    const panel = (doc: Document) => doc.querySelector('rect.background')!.getAttribute('fill');
    expect(panel(dark.doc)).to.not.equal(panel(light.doc));
  });

  it('is offered beside the PNG by the download control, labelled in English and Spanish', async () => {
    const el = await mountReady('lang="es"');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Descargar como SVG (editable)"]');
    expect(button, 'Spanish label').to.not.equal(null);
    expect(button!.textContent!.trim()).to.equal('SVG');
    const clicked = nextDownload();
    button!.click();
    const link = await clicked;
    expect(link.download).to.equal('prison-map.svg');
    expect((await (await fetch(link.href)).blob()).type).to.equal('image/svg+xml');
    el.lang = 'en';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button[aria-label="Download as SVG (editable)"]')).to.not.equal(null);
  });
});
