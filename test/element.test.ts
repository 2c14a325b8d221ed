import { expect } from 'chai';
import '../src/index.js';
import type { PrisonMapElement, PrisonMapErrorDetail, PrisonMapReadyDetail } from '../src/index.js';
import { cleanup, colorDistance, ELEMENT_MODULE_URL, freshDocument, loadElementModule, mapOf, mount, nextEvent, readMapPixels, requestedUrls } from './support/mount.js';
import { animationFrame, mapIdle, waitUntil } from './support/wait.js';
import Color from 'color';
import { PALETTES } from '../src/encodings/palette.js';
import { COUNTRY_SOURCE_ID, COUNTRY_SOURCE_LAYER } from '../src/map/basemap.js';

afterEach(cleanup);

/** Distance in CSS px from a circle's centre to where its fill colour ends, scanning right. */
function measuredRadius(el: PrisonMapElement, lngLat: [number, number]): number {
  const map = mapOf(el);
  const pixels = readMapPixels(map);
  const { x, y } = map.project(lngLat);
  const centre = pixels.at(x, y);
  let r = 0;
  while (r < 100 && colorDistance(pixels.at(x + r + 1, y), centre) < 40) r++;
  return r + 0.5;
}

describe('<prison-map> facilities', () => {
  it('draws circle areas proportional to capacity, reports a bad coordinate and keeps the rest', async () => {
    const el = mount(`<prison-map loading="eager" facilities="/test/fixtures/three-sizes.geojson"
      center="0,-125" zoom="3" max-radius="36" no-legend style="width:800px;height:400px"></prison-map>`);
    const ready = await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready');
    expect(ready.detail.facilities).to.equal(4);
    expect(ready.detail.issues).to.have.length(1);
    expect(ready.detail.issues[0]).to.include({ dataset: 'facilities', row: 5, field: 'geometry.coordinates[1]' });
    expect(el.issues).to.deep.equal(ready.detail.issues);

    const small = measuredRadius(el, [-140, 0]);
    const medium = measuredRadius(el, [-130, 0]);
    const large = measuredRadius(el, [-120, 0]);
    expect(large).to.be.within(36 * 0.9, 36 * 1.1);
    expect(medium / small).to.be.within(1.8, 2.2);
    expect(large / small).to.be.within(3.6, 4.4);
  });

  it('draws a facility of unknown capacity as a hollow ring', async () => {
    const el = mount(`<prison-map loading="eager" facilities="/test/fixtures/three-sizes.geojson"
      center="0,-125" zoom="3" no-legend style="width:800px;height:400px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    const map = mapOf(el);
    const pixels = readMapPixels(map);
    const { x, y } = map.project([-110, 0]);
    // The sea above the ring (its label sits beside it).
    const sea = pixels.at(x, y - 30);
    expect(colorDistance(pixels.at(x, y), sea), 'centre shows the sea through the ring').to.be.below(20);
    expect(colorDistance(pixels.at(x + 6, y), sea), 'the ring is drawn').to.be.above(60);
  });

  it('fires prison-map-error and shows a message inside the element for a missing file', async () => {
    const el = mount(`<prison-map loading="eager" facilities="/test/fixtures/missing.geojson"></prison-map>`);
    const error = await nextEvent<PrisonMapErrorDetail>(el, 'prison-map-error');
    expect(error.detail.source).to.equal('facilities');
    expect(error.detail.message).to.contain('404');
    await el.updateComplete;
    const status = el.shadowRoot!.querySelector('[part=status]')!;
    expect(status.textContent).to.contain('could not be loaded');
    expect(status.getAttribute('role')).to.equal('alert');
    let rejected: unknown;
    await el.whenReady().catch((e: unknown) => { rejected = e; });
    expect(rejected).to.be.instanceOf(Error);
  });

  it('shows the bundled dataset when given no data', async () => {
    const el = mount(`<prison-map loading="eager" style="width:600px;height:400px"></prison-map>`);
    const ready = await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready');
    expect(ready.detail.facilities).to.be.at.least(5);
    const legend = el.shadowRoot!.querySelector('[part=legend]')!;
    expect(legend.textContent).to.contain('40,000');
    expect(legend.textContent).to.contain('Operational');
  });

  it('keeps facilitiesData set before the element is defined, and lets it win over the URL', async () => {
    const el = document.createElement('prison-map') as PrisonMapElement;
    el.setAttribute('loading', 'eager');
    el.setAttribute('facilities', '/test/fixtures/three-sizes.geojson');
    el.facilitiesData = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [10, 10] }, properties: { id: 'a', name: 'A', country: 'FRA', capacity: 5 } }],
    };
    const frozen = JSON.stringify(el.facilitiesData);
    document.body.append(el);
    try {
      const ready = await nextEvent<PrisonMapReadyDetail>(el, 'prison-map-ready');
      expect(ready.detail.facilities).to.equal(1);
      expect(JSON.stringify(el.facilitiesData), 'the given data is not mutated').to.equal(frozen);
    } finally {
      el.remove();
    }
  });

  it('updates in place: changing max-radius, theme and lang keeps the same Map', async () => {
    const el = mount(`<prison-map loading="eager" facilities="/test/fixtures/three-sizes.geojson"
      center="0,-125" zoom="3" no-legend style="width:800px;height:400px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    const map = mapOf(el);
    let styleLoads = 0;
    map.on('style.load', () => styleLoads++);
    el.setAttribute('max-radius', '18');
    el.setAttribute('theme', 'dark');
    el.setAttribute('lang', 'es');
    await nextEvent(el, 'prison-map-ready');
    expect(el.map).to.equal(map);
    expect(styleLoads, 'no full re-style').to.equal(0);
    expect(measuredRadius(el, [-120, 0])).to.be.within(18 * 0.9, 18 * 1.1);
  });

  it('with loading="lazy", imports MapLibre only when the element nears the viewport', async () => {
    const spacer = mount<HTMLDivElement>(`<div style="height:4000px"></div>`);
    const el = mount(`<prison-map facilities="/test/fixtures/three-sizes.geojson?lazy" style="width:400px;height:300px"></prison-map>`);
    // A window in which nothing may load, counted from a rendered element whose intersection
    // observer has had frames to report in: however slow the machine, it is not over before it starts.
    await el.updateComplete;
    for (let i = 0; i < 3; i++) await animationFrame();
    await new Promise((r) => setTimeout(r, 800));
    expect(el.map).to.equal(undefined);
    expect(el.issues, "no data loaded yet either").to.deep.equal([]);
    expect((await requestedUrls()).some((url) => url.includes("three-sizes.geojson?lazy")), "data not fetched before needed").to.equal(false);
    el.scrollIntoView();
    await nextEvent(el, 'prison-map-ready');
    expect(el.map).to.not.equal(undefined);
    spacer.remove();
  });

  it('far below the fold, loads only its shell: its body (controllers, template, styles) comes when it nears the viewport', async () => {
    // A fresh document, so that no other test has loaded the body's module in it.
    const { doc, win } = freshDocument('<!doctype html><body style="margin:0"><div style="height:4000px">An article.</div><prison-map style="height:300px"><img alt="A map of prisons" width="10" height="10"></prison-map></body>',
      'width:600px;height:500px');
    loadElementModule(doc);
    await win.customElements.whenDefined('prison-map');
    const el = doc.querySelector('prison-map') as PrisonMapElement;
    await el.updateComplete;
    for (let i = 0; i < 3; i++) await animationFrame();
    await new Promise((r) => setTimeout(r, 800));
    const bodyRequested = () => win.performance.getEntriesByType('resource').some((entry) => entry.name.includes('prison-map-body'));
    expect(bodyRequested(), 'the body module is not requested before the map is near').to.equal(false);
    expect(el.shadowRoot!.querySelector('.map-canvas'), 'only the frame is rendered').to.equal(null);
    expect(el.getBoundingClientRect().height, 'the frame keeps the height the page set').to.equal(300);
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements().map((node) => node.tagName), "the page's fallback is shown").to.deep.equal(['IMG']);
    expect(el.issues).to.deep.equal([]);
    const preview = nextEvent(el, 'prison-map-preview', 40000);
    el.scrollIntoView();
    await preview;
    expect(bodyRequested(), 'near the viewport, the body is loaded').to.equal(true);
    expect(el.shadowRoot!.querySelector('.map-canvas')).to.not.equal(null);
    expect(el.getBoundingClientRect().height, 'and the height is still the page’s').to.equal(300);
  });

  it("in the article's first screen, asks for its body only once the article has painted", async () => {
    const { doc, win } = freshDocument(`<!doctype html><body style="margin:0"><h1>A headline</h1><p>The article's first paragraph.</p>
      <script type="module">import '${ELEMENT_MODULE_URL}';</script>
      <prison-map style="height:300px"></prison-map></body>`, 'width:600px;height:700px');
    await win.customElements.whenDefined('prison-map');
    const el = doc.querySelector('prison-map') as PrisonMapElement;
    await nextEvent(el, 'prison-map-preview', 40000);
    expect(el.shadowRoot!.querySelector('.map-canvas'), "the body's render").to.not.equal(null);
    const firstPaint = win.performance.getEntriesByName('first-contentful-paint')[0];
    const body = win.performance.getEntriesByType('resource').find((entry) => entry.name.includes('prison-map-body'));
    expect(firstPaint, 'the article painted').to.not.equal(undefined);
    expect(body, 'the body was asked for').to.not.equal(undefined);
    expect(body!.startTime, 'after the first contentful paint').to.be.at.least(firstPaint.startTime);
  });

  it('makes no request outside the test server', async () => {
    const el = mount(`<prison-map loading="eager" style="width:600px;height:400px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    mapOf(el).setZoom(5);
    await el.whenReady();
    const urls = await requestedUrls();
    expect(urls.length).to.be.above(0);
    const outside = urls.filter((url) => !url.startsWith(location.origin) && !url.startsWith('blob:'));
    expect(outside).to.deep.equal([]);
  });
});

describe('<prison-map> view and basemap', () => {
  it('replaces the basemap with a style URL and keeps the facilities on top', async () => {
    const el = mount(`<prison-map loading="eager" basemap="/test/fixtures/plain-style.json"
      facilities="/test/fixtures/three-sizes.geojson" center="0,-125" zoom="3" no-legend
      style="width:800px;height:400px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    const map = mapOf(el);
    const pixels = readMapPixels(map);
    const { x, y } = map.project([-120, 0]);
    expect(colorDistance(pixels.at(10, 10), [0xf0, 0xe0, 0xa0]), 'the custom background').to.be.below(8);
    expect(colorDistance(pixels.at(x, y), [0xf0, 0xe0, 0xa0]), 'a facility drawn over it').to.be.above(60);
  });

  it('shades a country by occupancy on the basemap\'s land, and lets it go when the data does', async () => {
    const el = mount(`<prison-map loading="eager" no-animation no-legend center="-15,-60" zoom="4"
      style="width:700px;height:500px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    const map = mapOf(el);
    await mapIdle(map);
    const rgb = (hex: string) => Color(hex).rgb().array();
    // South-east Bolivia (250 %: the top class) and central Brazil (no figure), away from names and marks.
    const bolivia = map.project([-62.5, -19.5]);
    const brazil = map.project([-53, -12]);
    let pixels = readMapPixels(map);
    expect(colorDistance(pixels.at(bolivia.x, bolivia.y), rgb(PALETTES.light.occupancy[4])), 'Bolivia in the top class').to.be.below(8);
    expect(colorDistance(pixels.at(brazil.x, brazil.y), rgb(PALETTES.light.basemap.land)), 'Brazil plain land').to.be.below(8);
    el.countriesData = [{ iso3: 'BRA', occupancy_pct: 120 }];
    await nextEvent(el, 'prison-map-ready');
    await mapIdle(map);
    pixels = readMapPixels(map);
    expect(colorDistance(pixels.at(bolivia.x, bolivia.y), rgb(PALETTES.light.basemap.land)), 'Bolivia back to plain land').to.be.below(8);
    expect(colorDistance(pixels.at(brazil.x, brazil.y), rgb(PALETTES.light.occupancy[1])), 'Brazil in the second class').to.be.below(8);
  });

  it('moves the camera to a facility when focus-on changes, and reflects selected', async () => {
    const el = mount(`<prison-map loading="eager" facilities="/test/fixtures/three-sizes.geojson"
      no-legend style="width:800px;height:400px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    el.focusOn = 'small';
    await el.updateComplete;
    await mapOf(el).once('moveend');
    const center = mapOf(el).getCenter();
    expect(center.lng).to.be.closeTo(-140, 1);
    expect(center.lat).to.be.closeTo(0, 1);
    expect(el.getAttribute('focus-on')).to.equal('small');
  });

  it('frames a country and its offshore facilities with focus-on="HND", and outlines it', async function () {
    this.timeout(60000);
    const el = mount(`<prison-map loading="eager" focus-on="HND" no-animation no-legend style="width:800px;height:500px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    const map = mapOf(el);
    // The country's outline loads before the camera moves, so the move may start after ready:
    // wait for the view to settle on Honduras (or time out), then check it.
    const onHonduras = () => {
      const view = map.getBounds();
      return view.contains([-87.2, 14.1]) && view.contains([-83.9, 17.4]) && !(view.contains([-88.9, 13.5]) && view.contains([-78, -2]));
    };
    await waitUntil(() => !map.isMoving() && onHonduras());
    const bounds = map.getBounds();
    expect(bounds.contains([-87.2, 14.1]), 'Tegucigalpa in view').to.equal(true);
    expect(bounds.contains([-83.9, 17.4]), 'the Swan Islands in view').to.equal(true);
    expect(bounds.contains([-88.9, 13.5]) && bounds.contains([-78, -2]), 'not the whole dataset').to.equal(false);
    const outlined = (id: string) => map.getFeatureState({ source: COUNTRY_SOURCE_ID, sourceLayer: COUNTRY_SOURCE_LAYER, id }).highlight === true;
    expect(outlined('HND'), 'Honduras outlined').to.equal(true);
    expect(outlined('SLV'), 'El Salvador not').to.equal(false);
  });

  it('fits the initial view to the data when no center is given', async () => {
    const el = mount(`<prison-map loading="eager" facilities="/test/fixtures/three-sizes.geojson"
      no-legend style="width:800px;height:400px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    const bounds = mapOf(el).getBounds();
    for (const lng of [-140, -130, -120, -110]) expect(bounds.contains([lng, 0]), `${lng} in view`).to.equal(true);
  });
});

describe('<prison-map> styling', () => {
  it('takes status colours from --prison-map-status-* custom properties, on the map and in the legend', async () => {
    const el = mount(`<prison-map loading="eager" facilities="/test/fixtures/three-sizes.geojson"
      center="0,-125" zoom="3" style="width:800px;height:400px;--prison-map-status-operational:#00ff00"></prison-map>`);
    await nextEvent(el, 'prison-map-ready');
    const map = mapOf(el);
    const { x, y } = map.project([-120, 0]);
    const [r, g, b] = readMapPixels(map).at(x, y);
    expect(g).to.be.above(150);
    expect(r).to.be.below(120);
    expect(b).to.be.below(120);
    const swatch = el.shadowRoot!.querySelector('[part=legend] .legend-statuses circle')!;
    expect(swatch.getAttribute('fill')).to.equal('#00ff00');
  });
});
