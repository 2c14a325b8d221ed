import { expect } from 'chai';
import { render } from 'lit';
import type { Facility, Transfer } from '../src/data/types.js';
import { geoMercator } from 'd3-geo';
import { PALETTES } from '../src/encodings/palette.js';
import { countryAnchors, loadCountries } from '../src/geo/countries.js';
import { parseFacilities } from '../src/data/facilities.js';
import { parseTransfers } from '../src/data/transfers.js';
import { UNKNOWN_CAPACITY_RADIUS, buildModel, type MapModel } from '../src/model/model.js';
import { centralLongitude, staticMapGeometry, staticMapTemplate, zoomOfProjection, type StaticMapInput } from '../src/ui/static-map.js';
import { staticMapGeometrySteps } from '../src/render/geometry.js';
import { syntheticData } from './support/synthetic-data.js';

const BASEMAP_COLORS = { light: PALETTES.light.basemap, dark: PALETTES.dark.basemap };

const facility = (id: string, longitude: number, latitude: number, capacity: number | null, extra: Partial<Facility> = {}): Facility => ({
  id, name: id, country: 'SLV', longitude, latitude, capacity, status: 'operational', precision: 'site', sources: [], ...extra,
});
const transfer = (id: string, from: string, to: string, extra: Partial<Transfer> = {}): Transfer => ({
  id, from, to, kind: 'inmates', status: 'active', sources: [], ...extra,
});

const XSS = '<img src=x onerror=alert(1)>';

const facilities: Facility[] = [
  facility('small', -88.9, 13.7, 100, { name: 'Small prison', nameEs: 'Cárcel pequeña' }),
  facility('medium', -87.2, 14.1, 400, { name: XSS, status: 'under-construction' }),
  facility('large', -79.9, -2.2, 1600, { name: 'Large prison', country: 'ECU' }),
  facility('unknown', -86.0, 15.5, null, { name: 'Unknown capacity', country: 'HND', status: 'planned' }),
];
const transfers: Transfer[] = [
  transfer('t-fac', 'small', 'large', { count: 100 }),
  transfer('t-country', 'USA', 'medium', { kind: 'assistance', status: 'agreed' }),
  transfer('t-dashed', 'large', 'unknown', { status: 'considered', count: 10 }),
  transfer('t-nowhere', 'small', 'ZZZ'),
];

/** The model the element would build for this data (the static map draws the model's marks). */
async function modelFor(fs: Facility[], ts: Transfer[]): Promise<MapModel> {
  const anchors = countryAnchors(await loadCountries('50m'));
  return buildModel({ facilities: fs, transfers: ts, countries: [], issues: [], errors: [] }, anchors, { maxRadius: 36 });
}

async function inputFor(fs: Facility[], ts: Transfer[], extra: Partial<StaticMapInput> = {}): Promise<StaticMapInput> {
  return {
    model: await modelFor(fs, ts),
    theme: 'light',
    lang: 'en',
    width: 800,
    height: 500,
    label: 'Map of prison facilities and transfers',
    ...extra,
  };
}

const holders: HTMLElement[] = [];
async function draw(input: StaticMapInput): Promise<SVGSVGElement> {
  const holder = document.createElement('div');
  holder.style.width = `${input.width}px`;
  holder.style.height = `${input.height}px`;
  document.body.append(holder);
  holders.push(holder);
  render(await staticMapTemplate(input), holder);
  return holder.querySelector('svg')!;
}

const circleOf = (svgEl: SVGSVGElement, id: string) => svgEl.querySelector<SVGCircleElement>(`circle[data-id="${id}"]`)!;
const centre = (c: SVGCircleElement) => [c.cx.baseVal.value, c.cy.baseVal.value];

describe('static map (no-WebGL fallback)', function () {
  this.timeout(30000);
  afterEach(() => {
    for (const h of holders.splice(0)) h.remove();
  });

  it('is an image with an accessible name, at the requested size', async () => {
    const svgEl = await draw(await inputFor(facilities, transfers));
    expect(svgEl.getAttribute('role')).to.equal('img');
    expect(svgEl.getAttribute('aria-label')).to.equal('Map of prison facilities and transfers');
    expect(svgEl.getAttribute('width')).to.equal('800');
    expect(svgEl.getAttribute('height')).to.equal('500');
    expect(svgEl.getAttribute('viewBox')).to.equal('0 0 800 500');
  });

  it('draws one circle per facility, area by capacity, largest first, unknown as a hollow ring', async () => {
    const svgEl = await draw(await inputFor(facilities, transfers));
    const circles = [...svgEl.querySelectorAll<SVGCircleElement>('circle.facility')];
    expect(circles).to.have.length(4);
    const r = (id: string) => circleOf(svgEl, id).r.baseVal.value;
    expect(r('medium') / r('small')).to.be.closeTo(2, 1e-6);
    expect(r('large') / r('small')).to.be.closeTo(4, 1e-6);
    expect(r('large')).to.be.closeTo(36, 1e-6);
    const known = circles.filter((c) => !c.classList.contains('unknown-capacity'));
    const radii = known.map((c) => c.r.baseVal.value);
    expect(radii).to.deep.equal([...radii].sort((a, b) => b - a));
    expect(known.every((c) => c.getAttribute('fill') !== 'none')).to.equal(true);
    // Okabe & Ito's vermillion and blue (encodings/scales.ts STATUS_COLORS).
    expect(circleOf(svgEl, 'large').getAttribute('fill')).to.equal('#D55E00');
    expect(circleOf(svgEl, 'medium').getAttribute('fill')).to.equal('#0072B2');
    expect(circleOf(svgEl, 'large').getAttribute('fill-opacity')).to.equal('0.72');

    const ring = circleOf(svgEl, 'unknown');
    expect(ring.classList.contains('unknown-capacity')).to.equal(true);
    expect(ring.getAttribute('fill')).to.equal('none');
    expect(ring.getAttribute('stroke')).to.equal('#56B4E9');
    expect(ring.getAttribute('stroke-width')).to.equal('2.5');
    expect(ring.r.baseVal.value).to.equal(UNKNOWN_CAPACITY_RADIUS);
  });

  it('places every circle inside the view', async () => {
    const svgEl = await draw(await inputFor(facilities, transfers));
    for (const c of svgEl.querySelectorAll<SVGCircleElement>('circle.facility')) {
      const [x, y] = centre(c);
      const r = c.r.baseVal.value;
      expect(x - r).to.be.at.least(0);
      expect(y - r).to.be.at.least(0);
      expect(x + r).to.be.at.most(800);
      expect(y + r).to.be.at.most(500);
    }
  });

  it('draws each placeable transfer as an arc from the `from` facility to the `to` facility', async () => {
    const svgEl = await draw(await inputFor(facilities, transfers));
    const paths = [...svgEl.querySelectorAll<SVGPathElement>('path.transfer')];
    // Drawn in the reverse of the level's order (largest count first, unknown counts last): the largest on top.
    expect(paths.map((p) => p.dataset.id)).to.deep.equal(['t-country', 't-dashed', 't-fac']);

    const ends = (id: string) => {
      const p = svgEl.querySelector<SVGPathElement>(`path.transfer[data-id="${id}"]`)!;
      const a = p.getPointAtLength(0);
      const b = p.getPointAtLength(p.getTotalLength());
      return { first: [a.x, a.y], last: [b.x, b.y], path: p };
    };
    const near = (p: number[], q: number[]) => expect(Math.hypot(p[0] - q[0], p[1] - q[1])).to.be.below(1);

    const fac = ends('t-fac');
    near(fac.first, centre(circleOf(svgEl, 'small')));
    near(fac.last, centre(circleOf(svgEl, 'large')));
    // A great circle bent to the side, not a straight segment.
    expect(fac.path.getTotalLength()).to.be.above(Math.hypot(fac.last[0] - fac.first[0], fac.last[1] - fac.first[1]) + 1);
    // Widths by hand from the scale's definition: √ from 1.5 px at 0 to 8 px at the largest count
    // drawn (100), no ink cap on 3 short arcs: 100 → 8, 10 → 1.5 + 6.5·√0.1 = 3.56, unknown → 1.5.
    expect(fac.path.getAttribute('stroke')).to.equal('#7b2d8e');
    expect(fac.path.getAttribute('stroke-width')).to.equal('8');
    expect(fac.path.hasAttribute('stroke-dasharray')).to.equal(false);

    const country = ends('t-country');
    near(country.last, centre(circleOf(svgEl, 'medium')));
    expect(country.path.getAttribute('stroke')).to.equal('#00876c');
    // Dots of a 1.5 px arc: radius max(0.75 + 0.5, 1.5) = 1.5 (a 3 px round cap), every max(6, 4.5) = 6 px.
    expect(country.path.getAttribute('stroke-width')).to.equal('3');
    expect(country.path.getAttribute('stroke-dasharray')).to.equal('0 6');

    const dashed = ends('t-dashed');
    near(dashed.first, centre(circleOf(svgEl, 'large')));
    near(dashed.last, centre(circleOf(svgEl, 'unknown')));
    // Dashes of a 3.56 px arc: a period of max(9, 4 × 3.56) = 14.2 px, 60 % drawn.
    expect(dashed.path.getAttribute('stroke-width')).to.equal('3.6');
    expect(dashed.path.getAttribute('stroke-dasharray')).to.equal('8.5 5.7');
    // Its status's 0.6, times its emphasis: fainter than the largest arc, whose emphasis is 1.
    const opacity = Number(dashed.path.getAttribute('stroke-opacity'));
    expect(opacity).to.be.above(0.1).and.below(0.6);
  });

  it('ends each arc with an arrowhead marker whose id is unique per render', async () => {
    const a = await draw(await inputFor(facilities, transfers));
    const b = await draw(await inputFor(facilities, transfers));
    const ids = [...a.querySelectorAll('marker'), ...b.querySelectorAll('marker')].map((m) => m.id);
    expect(ids).to.have.length(6);
    expect(new Set(ids).size).to.equal(6);
    for (const svgEl of [a, b]) {
      for (const p of svgEl.querySelectorAll('path.transfer')) {
        const ref = /^url\(#(.+)\)$/.exec(p.getAttribute('marker-end') ?? '')?.[1];
        expect(ref, 'marker-end').to.be.a('string');
        expect(svgEl.querySelector(`marker[id="${ref}"]`)).to.not.equal(null);
      }
    }
  });

  it('names facilities in <title>s, in the reader\'s language', async () => {
    const en = await draw(await inputFor(facilities, transfers));
    expect(circleOf(en, 'small').querySelector('title')!.textContent).to.equal('Small prison');
    const es = await draw(await inputFor(facilities, transfers, { lang: 'es' }));
    expect(circleOf(es, 'small').querySelector('title')!.textContent).to.equal('Cárcel pequeña');
    expect(circleOf(es, 'large').querySelector('title')!.textContent).to.equal('Large prison');
    expect(es.querySelector('path.transfer[data-id="t-fac"] title')!.textContent).to.equal('Cárcel pequeña → Large prison');
  });

  it('never treats data as markup and uses no inline styles', async () => {
    const svgEl = await draw(await inputFor(facilities, transfers));
    const holder = svgEl.parentElement!;
    expect(holder.querySelector('script, foreignObject, img, iframe')).to.equal(null);
    expect(holder.querySelectorAll('[style]')).to.have.length(0);
    expect(circleOf(svgEl, 'medium').querySelector('title')!.textContent).to.equal(XSS);
    expect(holder.textContent).to.contain(XSS);
    for (const el of holder.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), attr).to.equal(false);
    }
  });

  it('draws the land in the theme\'s colours', async () => {
    const light = await draw(await inputFor(facilities, transfers));
    const landLight = [...light.querySelectorAll('path[data-iso3]')].filter((p) => p.getAttribute('fill') === BASEMAP_COLORS.light.land);
    expect(landLight.length).to.be.above(3);
    expect(light.querySelector('rect.sea')!.getAttribute('fill')).to.equal(BASEMAP_COLORS.light.sea);
    const dark = await draw(await inputFor(facilities, transfers, { theme: 'dark' }));
    expect([...dark.querySelectorAll('path[data-iso3]')].some((p) => p.getAttribute('fill') === BASEMAP_COLORS.dark.land)).to.equal(true);
    expect(dark.querySelector('rect.sea')!.getAttribute('fill')).to.equal(BASEMAP_COLORS.dark.sea);
    expect(dark.querySelector('path.transfer[data-id="t-fac"]')!.getAttribute('stroke')).to.equal('#e0a3ee');
  });

  it('shades countries by occupancy when given', async () => {
    const svgEl = await draw(await inputFor(facilities, transfers, { occupancy: [{ iso3: 'SLV', occupancyPct: 180, sources: [] }] }));
    const slv = svgEl.querySelector('path[data-iso3="SLV"]')!;
    expect(slv.getAttribute('fill')).to.not.equal(BASEMAP_COLORS.light.land);
    expect(svgEl.querySelector('path[data-iso3="HND"]')!.getAttribute('fill')).to.equal(BASEMAP_COLORS.light.land);
  });

  it('draws a view across the antimeridian without world-wide stripes (Fiji, Chukotka)', async () => {
    const pacific = [
      facility('fiji', 178.4, -18.1, 2000),
      facility('anadyr', 177.5, 64.7, 800),
      facility('tonga', -175.2, -21.1, 300),
      facility('nome', -165.4, 64.5, null),
    ];
    const svgEl = await draw(await inputFor(pacific, [transfer('a', 'fiji', 'nome'), transfer('b', 'tonga', 'anadyr')]));
    const countries = [...svgEl.querySelectorAll<SVGPathElement>('path[data-iso3]')];
    const codes = new Set(countries.map((p) => p.dataset.iso3));
    expect(codes.has('FJI'), 'Fiji drawn').to.equal(true);
    expect(codes.has('RUS'), 'Russia drawn').to.equal(true);
    for (const p of countries) {
      expect(p.getBBox().width, p.dataset.iso3).to.be.at.most(0.9 * 800);
    }
    // Both Fiji's and Tonga's circles lie in the view, on either side of the antimeridian.
    const fx = centre(circleOf(svgEl, 'fiji'))[0];
    const tx = centre(circleOf(svgEl, 'tonga'))[0];
    expect(tx - fx).to.be.within(0, 100);
    const arc = svgEl.querySelector<SVGPathElement>('path.transfer[data-id="a"]')!;
    expect(arc.getBBox().width).to.be.below(400);
  });

  it('still draws with no transfers, one facility, or nothing at all', async () => {
    const one = await draw(await inputFor([facilities[0]], []));
    const [x, y] = centre(circleOf(one, 'small'));
    expect(x).to.be.closeTo(400, 1);
    expect(y).to.be.closeTo(250, 3);
    expect(one.querySelectorAll('path[data-iso3]').length).to.be.above(0);
    const none = await draw(await inputFor([], []));
    expect(none.querySelectorAll('circle, path.transfer')).to.have.length(0);
    expect(none.querySelectorAll('path[data-iso3]').length).to.be.above(20);
  });
});

describe('staticMapGeometry', function () {
  this.timeout(30000);

  it('fits the data and projects arcs onto the facilities', async () => {
    const countries = await loadCountries('50m');
    const model = await modelFor(facilities, transfers);
    const g = staticMapGeometry({
      model,
      countries,
      theme: 'light',
      width: 600,
      height: 400,
    });
    // The transfer to an unknown code is an issue of the model, and not drawn.
    expect(model.issues.map((i) => [i.row, i.field])).to.deep.equal([[0, 'to']]);
    expect(g.arcs.map((a) => a.transfer.id)).to.not.include('t-nowhere');
    expect(g.circles.map((c) => c.facility.id)).to.deep.equal(['large', 'medium', 'small', 'unknown']);
    const byId = new Map(g.circles.map((c) => [c.facility.id, c]));
    const arc = g.arcs.find((a) => a.transfer.id === 't-fac')!;
    const [x0, y0] = arc.points[0];
    const [x1, y1] = arc.points[arc.points.length - 1];
    expect(Math.hypot(x0 - byId.get('small')!.cx, y0 - byId.get('small')!.cy)).to.be.below(1);
    expect(Math.hypot(x1 - byId.get('large')!.cx, y1 - byId.get('large')!.cy)).to.be.below(1);
    // The arrow's tip sits at the edge of the 36 px circle it points into.
    expect(arc.arrowInset).to.be.closeTo(36.5, 1);
    // The country end of the USA transfer is inside the contiguous US.
    const usa = g.arcs.find((a) => a.transfer.id === 't-country')!;
    const [ux, uy] = usa.points[0];
    expect(g.projection.invert!([ux, uy])![0]).to.be.closeTo(-98.6, 0.5);
  });

  it('draws the level of its zoom and size, as the map would: clusters, the arcs between them, their widths', async () => {
    const countries = await loadCountries('50m');
    const data = syntheticData(1500, 800);
    const facilities = parseFacilities(data.facilities).records;
    const transfers = parseTransfers(data.transfers).records;
    const anchors = countryAnchors(countries);
    const model = buildModel({ facilities, transfers, countries: [], issues: [], errors: [] }, anchors, { maxRadius: 20, maxFlows: 40, cluster: 'on' });
    const g = staticMapGeometry({ model, countries, theme: 'light', width: 900, height: 560 });
    expect(g.zoom).to.be.closeTo(Math.log2((g.projection.scale() * 2 * Math.PI) / 512), 1e-9);
    expect(g.level).to.equal(model.levelAt(g.zoom, { width: 900, height: 560 }));
    expect(g.clusters.length, 'clusters drawn').to.be.above(0);
    expect(g.clusters.length).to.equal(g.level.clusters.length);
    const clustered = new Set(facilities.filter((f) => g.level.clusterOf(f.id)).map((f) => f.id));
    expect(clustered.size).to.be.above(0);
    expect(g.circles.some((c) => clustered.has(c.facility.id)), 'a clustered facility drawn alone').to.equal(false);
    // Drawn smallest first (the reverse of the level's order), so the largest lie on top.
    const drawn = g.level.flows.filter((f) => !f.hidden).reverse();
    expect(drawn.length).to.be.at.most(40);
    expect(g.arcs.map((a) => a.transfer.id)).to.deep.equal(drawn.map((f) => f.transfer.id));
    expect(g.arcs.map((a) => a.width)).to.deep.equal(drawn.map((f) => Math.round((f.dotted ? Math.max(f.widthPx + 1, 3) : f.widthPx) * 10) / 10));
  });

  it("comes in steps the page's preview can slice: one or more per country and per arc, the same geometry as in one go", async () => {
    const countries = await loadCountries('50m');
    const data = syntheticData(600, 300);
    const model = buildModel({ facilities: parseFacilities(data.facilities).records, transfers: parseTransfers(data.transfers).records, countries: [], issues: [], errors: [] },
      countryAnchors(countries), { maxRadius: 20, maxFlows: 40 });
    const input = { model, countries, theme: 'light' as const, width: 900, height: 560 };
    const steps = staticMapGeometrySteps(input);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    const whole = staticMapGeometry(input);
    expect(pauses, 'a pause after each country and before each arc').to.be.at.least(whole.countries.length + whole.arcs.length);
    const sliced = step.value;
    expect(sliced.countries.map((c) => c.d)).to.deep.equal(whole.countries.map((c) => c.d));
    expect(sliced.arcs.map((a) => a.d)).to.deep.equal(whole.arcs.map((a) => a.d));
    expect(sliced.circles.map((c) => [c.cx, c.cy, c.r])).to.deep.equal(whole.circles.map((c) => [c.cx, c.cy, c.r]));
    expect(sliced.labels.map((l) => l.text)).to.deep.equal(whole.labels.map((l) => l.text));
  });

  it('draws an arc across the antimeridian as the map does: out at one edge, back in at the other, not across the picture', async () => {
    const countries = await loadCountries('50m');
    const pacific = [facility('fiji', 178.4, -18.1, 500, { country: 'FJI' }), facility('samoa', -171.8, -13.8, 300, { country: 'WSM' })];
    const model = await modelFor(pacific, [transfer('t-pacific', 'fiji', 'samoa', { count: 20 })]);
    // The world once across a 1024 px picture, centred on Greenwich: the arc is at both edges.
    const g = staticMapGeometry({ model, countries, theme: 'light', width: 1024, height: 700, view: { center: [0, 0], zoom: 1 } });
    const arc = g.arcs.find((a) => a.transfer.id === 't-pacific')!;
    expect(arc, 'the arc is drawn').to.not.equal(undefined);
    const pieces = arc.d.split('M').filter(Boolean).map((piece) => piece.split('L').map((xy) => xy.split(',').map(Number)));
    expect(pieces.length, 'two pieces, one at each edge').to.equal(2);
    const longest = Math.max(...pieces.flatMap((piece) => piece.slice(1).map(([x], i) => Math.abs(x - piece[i][0]))));
    expect(longest, 'no segment across the picture').to.be.below(100);
  });

  it('measures its zoom as MapLibre does: a 512 px world at zoom 0', () => {
    expect(zoomOfProjection(geoMercator().scale(512 / (2 * Math.PI)))).to.be.closeTo(0, 1e-12);
    expect(zoomOfProjection(geoMercator().scale(2048 / (2 * Math.PI)))).to.be.closeTo(2, 1e-12);
  });

  it('centres the view on the shortest longitude interval holding the data', () => {
    expect(centralLongitude([-90, -80])).to.be.closeTo(-85, 1e-9);
    expect(Math.abs(centralLongitude([178, -178]))).to.be.closeTo(180, 1e-9);
    expect(centralLongitude([170, -170, 175])).to.satisfy((c: number) => Math.abs(Math.abs(c) - 180) < 1e-9);
    expect(centralLongitude([])).to.equal(0);
  });
});
