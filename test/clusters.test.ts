// Clusters (issue 13): nearby facilities merge into one circle of their summed capacity, arcs are
// drawn between what is shown, at most max-flows of them and never carpeting the basemap; clusters
// describe themselves and expand on click and Enter; the keyboard walks clusters, then members.
import { expect } from 'chai';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../src/index.js';
import type { PrisonMapElement } from '../src/index.js';
import { PALETTES } from '../src/encodings/palette.js';
import { FacilityClusters, CLUSTER_MAX_ZOOM, clusteringOn } from '../src/model/clusters.js';
import { ARC_INK_SHARE, viewLevel } from '../src/model/level.js';
import type { FacilityMark, FlowMark } from '../src/model/model.js';
import type { Facility, Transfer } from '../src/data/types.js';
import { render } from 'lit';
import { buildModel, clustersPrepared, prepareClusters } from '../src/model/model.js';
import Supercluster from 'supercluster';
import { parseFacilities } from '../src/data/facilities.js';
import { parseTransfers } from '../src/data/transfers.js';
import { clusterCardTemplate, clusterTooltip } from '../src/ui/cluster-panels.js';
import { cleanup, colorDistance, mapOf, mount, mountData, nextEvent, readMapPixels } from './support/mount.js';
import { mapEvent, mapIdle, waitFor } from './support/wait.js';
import { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { FACILITY_SOURCE_ID } from '../src/map/facility-layers.js';
import { syntheticData, worldSyntheticData } from './support/synthetic-data.js';

afterEach(cleanup);

const facility = (id: string, lng: number, lat: number, capacity: number | null, status: FacilityMark['facility']['status'] = 'operational') => ({
  id, position: [lng, lat] as [number, number], capacity, status,
});

describe('clusters (model/clusters.ts)', () => {
  const inputs = [
    facility('a', -89.20, 13.70, 40000),
    facility('b', -89.25, 13.72, 1000, 'planned'),
    facility('c', -89.18, 13.66, null),
    facility('far', 10, 50, 500),
  ];
  const clusters = new FacilityClusters(inputs, { radiusPx: 40 });

  it('merges nearby facilities, summing known capacity and counting statuses, and splits them when zoomed in', () => {
    const [low] = clusters.at(2);
    expect(clusters.at(2)).to.have.length(1);
    expect(low).to.deep.include({ count: 3, capacity: 41000, unknownCapacity: 1, mainStatus: 'operational' });
    expect(low.statuses).to.deep.equal([{ status: 'operational', count: 2 }, { status: 'planned', count: 1 }]);
    expect(clusters.memberIndices(low).map((i) => inputs[i].id), 'largest first').to.deep.equal(['a', 'b', 'c']);
    expect(clusters.membership(2.7).get('b')).to.equal(low);
    expect(clusters.membership(2.7).has('far')).to.equal(false);
    expect(clusters.at(CLUSTER_MAX_ZOOM + 1)).to.deep.equal([]);
    const expansion = clusters.expansionZoom(low);
    expect(expansion).to.be.above(2);
    expect(clusters.at(expansion).some((c) => c.count === 3)).to.equal(false);
    // Each facility is drawn alone from the first level at which it is not in a cluster.
    expect(clusters.ownFrom[3]).to.equal(0);
    expect(clusters.ownFrom[0]).to.be.above(2);
    expect(clusters.at(clusters.ownFrom[0] - 1).some((c) => clusters.memberIndices(c).includes(0))).to.equal(true);
  });

  it('is on above 200 facilities with cluster="auto", and as the attribute says otherwise', () => {
    expect(clusteringOn('auto', 200)).to.equal(false);
    expect(clusteringOn(undefined, 201)).to.equal(true);
    expect(clusteringOn('off', 5000)).to.equal(false);
    expect(clusteringOn('on', 3)).to.equal(true);
  });

  it('draws the transfers between two clusters as one arc with their summed count, and keeps the ink under its cap', () => {
    const marks = inputs.map((f) => ({ facility: { id: f.id, capacity: f.capacity, status: f.status }, position: f.position }) as unknown as FacilityMark);
    const flow = (id: string, from: string, to: string, count: number, path: Array<[number, number]>): FlowMark => ({
      transfer: { id, from, to, count, kind: 'inmates', status: 'active', sources: [] } as Transfer,
      path, widthPx: 2, colorSlot: 0, opacity: 1, emphasis: 1, dashed: false, dotted: false, hidden: false,
    });
    const flows = [
      flow('t1', 'a', 'far', 100, [[-89.2, 13.7], [10, 50]]),
      flow('t2', 'b', 'far', 50, [[-89.25, 13.72], [10, 50]]),
      flow('t3', 'a', 'b', 7, [[-89.2, 13.7], [-89.25, 13.72]]),
    ];
    const level = viewLevel({ facilities: marks, flows, clusters, maxFlows: 500 }, 2, { width: 1000, height: 600 });
    const drawn = level.flows.filter((f) => !f.hidden);
    expect(drawn).to.have.length(1);
    expect(drawn[0].transfer.count).to.equal(150);
    const group = level.groups.get(drawn[0].transfer.id)!;
    expect(group.transfers.map((t) => t.id)).to.deep.equal(['t1', 't2']);
    expect(level.withinClusters, 'a → b is inside one cluster').to.equal(1);
    expect(level.omitted).to.equal(0);
    // Zoomed in past clustering: three arcs of their own, the originals.
    const deep = viewLevel({ facilities: marks, flows, clusters, maxFlows: 2 }, CLUSTER_MAX_ZOOM + 1, { width: 1000, height: 600 });
    expect(deep.flows.filter((f) => !f.hidden).map((f) => f.transfer.id)).to.deep.equal(['t1', 't2']);
    expect(deep.omitted).to.equal(1);
    // A small map: widths shrink together (never under 1 px); the ink itself is measured on a map below.
    const tiny = viewLevel({ facilities: marks, flows, clusters, maxFlows: 500 }, 4, { width: 60, height: 40 });
    const arc = tiny.flows.find((f) => !f.hidden)!;
    expect(arc.widthPx).to.be.below(8);
    expect(arc.widthPx).to.be.at.least(1);
  });
});

describe('clusters made in slices (model/clusters.ts, model/model.ts)', function () {
  this.timeout(60000);

  const inputsOf = (facilities: Facility[]) => facilities.map((f) => ({ id: f.id, position: [f.longitude, f.latitude] as [number, number], capacity: f.capacity, status: f.status }));

  it('makes, a zoom level per step, the clusters Supercluster\'s own load makes', () => {
    const facilities = parseFacilities(worldSyntheticData(3000, 0).facilities).records;
    const steps = FacilityClusters.steps(inputsOf(facilities), { radiusPx: 48 });
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    const stepped = step.value;
    expect(pauses, 'a pause after each level made and each level read').to.be.at.least(2 * (CLUSTER_MAX_ZOOM + 1));
    const reference = new Supercluster({ radius: 48, maxZoom: CLUSTER_MAX_ZOOM }).load(facilities.map((f, i) => ({
      type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [f.longitude, f.latitude] }, properties: { i },
    })));
    for (let zoom = 0; zoom <= CLUSTER_MAX_ZOOM; zoom++) {
      const expected = reference.getClusters([-180, -90, 180, 90], zoom)
        .filter((f) => f.properties.cluster)
        .map((f) => ({ id: f.properties.cluster_id, count: f.properties.point_count, position: f.geometry.coordinates }));
      const made = stepped.at(zoom).map((c) => ({ id: c.id, count: c.count, position: c.position }));
      expect(made, `zoom ${zoom}`).to.deep.equal(expected);
      if (made.length) expect(stepped.expansionZoom(stepped.at(zoom)[0])).to.equal(Math.min(reference.getClusterExpansionZoom(made[0].id), CLUSTER_MAX_ZOOM + 1));
    }
    expect(stepped.at(0).reduce((n, c) => n + c.count, 0), 'every facility in a cluster of the world').to.be.above(2900);
  });

  it('prepares a big dataset\'s clusters handing the main thread back between levels, and the model then uses them', async () => {
    const { facilities: given } = syntheticData(11500, 0);
    const data = { facilities: parseFacilities(given).records, transfers: [], countries: [], issues: [], errors: [] };
    const options = { maxRadius: 24 };
    expect(clustersPrepared(undefined, data, options), 'clusters not made yet').to.equal(false);
    expect(clustersPrepared(undefined, data, { ...options, cluster: 'off' }), 'nothing to make with clustering off').to.equal(true);
    // Every hand-back goes through scheduler.yield in this browser: count them.
    const scheduler = (globalThis as unknown as { scheduler: { yield: () => Promise<void> } }).scheduler;
    const original = scheduler.yield;
    expect(original, 'scheduler.yield').to.be.a('function');
    let handedBack = 0;
    scheduler.yield = () => { handedBack++; return original.call(scheduler); };
    let prepared: Awaited<ReturnType<typeof prepareClusters>>;
    try {
      prepared = await prepareClusters(data, options, 0);
    } finally {
      scheduler.yield = original;
    }
    expect(handedBack, 'the main thread handed back after each level made and read').to.be.at.least(2 * (CLUSTER_MAX_ZOOM + 1));
    expect(clustersPrepared(prepared, data, options)).to.equal(true);
    expect(clustersPrepared(prepared, data, { maxRadius: 30 }), 'another radius merges at another distance').to.equal(false);
    const model = buildModel(data, new Map(), options, prepared);
    expect(model.clusters, 'the prepared clusters').to.equal(prepared.clusters);
    expect(buildModel(data, new Map(), { maxRadius: 30 }, prepared).clusters, 'made anew for another radius').not.to.equal(prepared.clusters);
    // Stopped: no further step runs once the signal aborts.
    const abort = new AbortController();
    const stopped = prepareClusters(data, options, 0, abort.signal);
    abort.abort();
    let error: unknown;
    await stopped.catch((e: unknown) => { error = e; });
    expect((error as DOMException | undefined)?.name).to.equal('AbortError');
  });
});

describe('a cluster\'s transfers in and out (ui/cluster-panels.ts)', () => {
  it('totals the people transferred into and out of a cluster in its tooltip and card, leaving out those within it and cancelled ones', () => {
    const data = syntheticData(600, 800);
    const facilities = parseFacilities(data.facilities).records;
    const transfers = parseTransfers(data.transfers).records.filter((t) => !/^[A-Z]{3}$/.test(t.from));
    const model = buildModel({ facilities, transfers, countries: [], issues: [], errors: [] }, new Map(), { maxRadius: 36, cluster: 'on' });
    const cluster = [...model.clusters!.at(2)].sort((a, b) => b.count - a.count)[0];
    const members = new Set(model.clusters!.memberIndices(cluster).map((i) => facilities[i].id));
    const live = transfers.filter((t) => t.status !== 'cancelled');
    const sum = (list: Transfer[]) => list.reduce((n, t) => n + (t.count ?? 0), 0);
    const inward = sum(live.filter((t) => members.has(t.to) && !members.has(t.from)));
    const outward = sum(live.filter((t) => members.has(t.from) && !members.has(t.to)));
    expect(inward + outward).to.be.above(0);
    const text = (template: unknown) => {
      const holder = document.createElement('div');
      render(template, holder);
      return holder.textContent!.replace(/\s+/g, ' ');
    };
    const expected = `${inward.toLocaleString('en')} people transferred in, ${outward.toLocaleString('en')} out`;
    expect(text(clusterTooltip(model, cluster, 'en'))).to.contain(expected);
    const cardText = text(clusterCardTemplate(model, cluster, 'en', () => {}, () => {}));
    expect(cardText.replace(/Transfers\s*/, 'Transfers: '), 'card').to.contain(`Transfers: ${expected}`);
  });
});

describe('<prison-map> clusters thousands of facilities', function () {
  this.timeout(240000);

  const mountBig = (attributes = ''): Promise<PrisonMapElement> => mountData(syntheticData(3000, 1500), 1000, 600, attributes);

  const renderedClusters = (el: PrisonMapElement) => mapOf(el).queryRenderedFeatures({ layers: ['prison-map-clusters'] });

  /** Runs `action`, counting the facility data the element hands MapLibre (each send is tiled by its worker). */
  async function countingSends<T>(action: () => Promise<T>): Promise<{ result: T; sends: number; last?: FeatureCollection }> {
    let sends = 0;
    let last: FeatureCollection | undefined;
    const count = (id: string, data: unknown) => {
      if (id === FACILITY_SOURCE_ID && typeof data === 'object' && data && 'features' in data && (data as FeatureCollection).features.length > 0) {
        sends++;
        last = data as FeatureCollection;
      }
    };
    // The data goes with the source when the style loads after the model, by setData after that.
    const { setData } = GeoJSONSource.prototype;
    const { addSource } = MapLibreMap.prototype;
    GeoJSONSource.prototype.setData = function (this: GeoJSONSource, ...args: Parameters<GeoJSONSource['setData']>) {
      count(this.id, args[0]);
      return setData.apply(this, args);
    };
    MapLibreMap.prototype.addSource = function (this: MapLibreMap, ...args: Parameters<MapLibreMap['addSource']>) {
      count(args[0], (args[1] as { data?: unknown }).data);
      return addSource.apply(this, args);
    };
    try {
      const result = await action();
      return { result, sends, last };
    } finally {
      GeoJSONSource.prototype.setData = setData;
      MapLibreMap.prototype.addSource = addSource;
    }
  }

  it('hands MapLibre a big dataset once, clustered for the radius the map settles at (its legend takes room from the map)', async () => {
    const { result: el, sends } = await countingSends(() => mountBig());
    expect(el.maxRadius, 'the legend made the map shorter than the element').to.be.below(Math.floor(600 * 0.06));
    expect(sends, 'facility data sent to MapLibre\'s worker').to.equal(1);
    const drawn = mapOf(el).querySourceFeatures(FACILITY_SOURCE_ID).filter((f) => f.properties.cluster);
    expect(Math.max(...drawn.map((f) => Number(f.properties.radius))), 'cluster circles of the radius in use').to.be.at.most(el.maxRadius * 1.25);
  });

  it('hands MapLibre only what its layers read: an unlabelled facility is its id, colour, radius and zoom range', async () => {
    // MapLibre copies every property of every feature to its worker on the main thread.
    const { result: el, last } = await countingSends(() => mountBig());
    const features = last!.features;
    const facilities = features.filter((f) => !f.properties!.cluster);
    expect(facilities.length).to.equal(3000);
    const extra = new Set<string>();
    for (const f of facilities.filter((f) => !f.properties!.labelled)) {
      for (const key of Object.keys(f.properties!)) if (!['id', 'color', 'radius', 'zmin', 'unknownCapacity'].includes(key)) extra.add(key);
    }
    expect([...extra], 'other properties of unlabelled facilities').to.deep.equal([]);
    const perFacility = facilities.reduce((n, f) => n + Object.keys(f.properties!).length, 0) / facilities.length;
    expect(perFacility, 'properties per facility (12 before)').to.be.at.most(4.5);
    // Still drawn as before: clusters with their counts, facilities, the largest named.
    expect(renderedClusters(el).length).to.be.above(1);
    const map = mapOf(el);
    expect(map.queryRenderedFeatures({ layers: ['prison-map-cluster-counts'] }).length, 'counts written').to.be.above(0);
    // A facility is drawn on its own from the level its zoom range starts at.
    const lone = facilities.find((f) => f.properties!.zmin !== undefined && f.properties!.zmin <= 8 && !f.properties!.labelled)!;
    const position = (lone.geometry as Point).coordinates as [number, number];
    // As the reader's move (an input event behind it), so that the element does not fit the view to the data again.
    map.jumpTo({ center: position, zoom: lone.properties!.zmin + 0.5 }, { originalEvent: new WheelEvent('wheel') });
    await mapIdle(map);
    const at = map.project(position);
    const hit = map.queryRenderedFeatures([[at.x - 2, at.y - 2], [at.x + 2, at.y + 2]], { layers: ['prison-map-facilities-fill', 'prison-map-facilities-unknown'] });
    expect(hit.map((f) => f.properties.id), 'the facility drawn on its own at its level').to.include(lone.properties!.id);
    // Not among the labelled, but named while selected (from a source of its own).
    el.setAttribute('selected', String(lone.properties!.id));
    await waitFor(() => map.queryRenderedFeatures({ layers: ['prison-map-facility-label-highlight'] }).some((f) => f.properties.id === lone.properties!.id),
      { message: 'the selected facility named on the map' });
  });

  it('on a live map, hands new data whose legend changes the radius to MapLibre once, not once per radius', async () => {
    const el = mount(`<prison-map loading="eager" no-animation style="width:1000px;height:600px"></prison-map>`);
    await nextEvent(el, 'prison-map-ready', 120000);
    await mapIdle(mapOf(el));
    const before = el.maxRadius;
    const data = syntheticData(3000, 1500);
    const { sends } = await countingSends(async () => {
      const ready = nextEvent(el, 'prison-map-ready', 120000);
      el.facilitiesData = data.facilities;
      el.transfersData = data.transfers;
      el.countriesData = [];
      await ready;
      await mapIdle(mapOf(el));
    });
    expect(el.maxRadius, 'the new legend changed the radius').not.to.equal(before);
    expect(sends).to.equal(1);
  });

  it('draws a big dataset whose max-radius the page fixed at the radius the map had before its legend', async () => {
    const { result: el, sends } = await countingSends(() => mountBig('max-radius="36"'));
    expect(el.maxRadius).to.equal(36);
    expect(sends).to.equal(1);
    expect(renderedClusters(el).length).to.be.above(1);
  });

  it('draws clusters whose counts add up to every facility, sized by summed capacity, with the basemap still visible', async () => {
    const el = await mountBig();
    const map = mapOf(el);
    const level = Math.floor(map.getZoom());
    const source = map.querySourceFeatures('prison-map-facilities');
    const atLevel = new Map<string, Record<string, unknown>>();
    for (const f of source) {
      const p = f.properties as Record<string, number | string | boolean>;
      // A facility drawn at every level carries no zoom range (facility-layers.ts).
      if (Number(p.zmin ?? 0) <= level && level < Number(p.zmax ?? Infinity)) atLevel.set(String(p.id), p);
    }
    const clusters = [...atLevel.values()].filter((p) => p.cluster);
    expect(clusters.length, 'clusters at the default view').to.be.within(2, 120);
    const lone = atLevel.size - clusters.length;
    const grouped = clusters.reduce((n, p) => n + Number(p.point_count), 0);
    expect(lone + grouped, 'every facility is in exactly one mark').to.equal(3000);
    expect(renderedClusters(el).length).to.be.above(1);
    // Area ∝ summed capacity on the facilities' scale, within [11 px, 1.25 × max-radius].
    const largest = Math.max(...syntheticData(3000, 1500).facilities.features.map((f) => f.properties.capacity ?? 0));
    for (const p of clusters) {
      const expected = Math.min(1.25 * el.maxRadius!, Math.max(11, el.maxRadius! * Math.sqrt(Number(p.capacity) / largest)));
      expect(Number(p.radius)).to.be.closeTo(expected, 0.01);
    }
    const counts = renderedClusters(el).map((f) => f.properties.label_en);
    expect(counts.every((c) => /^\d+(\.\d)?K?$/.test(String(c))), counts.join()).to.equal(true);

    // The legend says what a circle with a number is.
    expect(el.shadowRoot!.querySelector('[part=legend]')!.textContent).to.contain('nearby facilities, their combined capacity');

    // Not a carpet: most of the map's pixels are still the basemap's sea or land.
    const pixels = readMapPixels(map);
    const basemap = PALETTES.light.basemap;
    const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
    let plain = 0;
    let total = 0;
    for (let y = 60; y < 590; y += 6) {
      for (let x = 5; x < 995; x += 6) {
        const px = pixels.at(x, y);
        total++;
        if (colorDistance(px, hex(basemap.sea)) < 30 || colorDistance(px, hex(basemap.land)) < 30) plain++;
      }
    }
    expect(plain / total, 'share of the map that is plain basemap').to.be.above(0.5);
  });

  // The cap holds on screen: at the default (fitted) view of worldwide data (3,000 facilities,
  // 5,000 transfers), the pixels that change when the arcs are hidden are at most 8% of the map.
  // Before the cap left arcs out at its floor, 500 arcs at 1 px inked far more (37% of a 600x420 map).
  for (const [width, height] of [[1280, 720], [375, 667]]) {
    it(`keeps the arcs' ink under 8% of a ${width}x${height} map: the pixels that change when the arcs are hidden`, async () => {
      const el = await mountData(worldSyntheticData(3000, 5000), width, height);
      const map = mapOf(el);
      const canvas = map.getCanvas();
      const [w, h] = [canvas.clientWidth, canvas.clientHeight];
      const withArcs = readMapPixels(map);
      map.setLayoutProperty('prison-map-flows', 'visibility', 'none');
      await mapIdle(map);
      const without = readMapPixels(map);
      let ink = 0;
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (colorDistance(withArcs.at(x, y), without.at(x, y)) > 8) ink++;
      const share = ink / (w * h);
      const level = (el as unknown as { body: { lifecycle: { controller: { level: { flows: FlowMark[]; omitted: number } } } } }).body.lifecycle.controller.level;
      const drawn = level.flows.filter((f) => !f.hidden).length;
      const legend = el.shadowRoot!.querySelector('[part=legend]')!.textContent!;
      console.log(`${width}x${height} zoom ${map.getZoom().toFixed(2)}: ${drawn} arcs drawn, ${level.omitted} left out; arcs' ink ${(share * 100).toFixed(1)}% of the map (cap ${ARC_INK_SHARE * 100}%)`);
      expect(drawn, 'arcs drawn').to.be.within(1, 500);
      expect(share, 'arcs are visible').to.be.above(0.005);
      expect(share, 'share of the map covered by arcs').to.be.at.most(0.08);
      // What the cap leaves out, the legend says.
      expect(legend).to.contain(`${level.omitted.toLocaleString('en')} smaller transfers not drawn`);
    });
  }

  it('describes a cluster on hover and zooms in to split it on click', async () => {
    const el = await mountBig();
    const map = mapOf(el);
    const biggest = renderedClusters(el).sort((a, b) => Number(b.properties.radius) - Number(a.properties.radius))[0];
    const at = map.project((biggest.geometry as GeoJSON.Point).coordinates as [number, number]);
    const box = map.getCanvas().getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + at.x), Math.round(box.top + at.y)] });
    const tooltip = el.shadowRoot!.querySelector<HTMLElement>('[part=tooltip]')!;
    await waitFor(() => !tooltip.hidden && tooltip.textContent!.includes('facilities around'), { message: 'cluster tooltip' });
    expect(tooltip.textContent).to.match(/combined capacity [\d,]+ places/);
    expect(tooltip.textContent).to.match(/\d+ operational/);
    const zoomBefore = map.getZoom();
    const moved = mapEvent(map, 'moveend', { timeout: 30000 });
    await sendMouse({ type: 'click', position: [Math.round(box.left + at.x), Math.round(box.top + at.y)] });
    await moved;
    await mapIdle(map);
    expect(map.getZoom()).to.be.above(zoomBefore);
    expect(renderedClusters(el).some((f) => f.properties.id === biggest.properties.id), 'the clicked cluster split').to.equal(false);
    expect(el.selected, 'a cluster is not a selection').to.equal(undefined);

    // Its card describes it and lists its largest members; choosing one selects that facility.
    await el.updateComplete;
    const card = el.shadowRoot!.querySelector<HTMLElement>('[part=details]')!;
    expect(card.textContent).to.contain('Group of facilities');
    expect(card.querySelector('h2')!.textContent).to.match(/^[\d,]+ facilities around /);
    expect(card.textContent).to.match(/Combined capacity\s*[\d,]+ places/);
    const members = [...card.querySelectorAll<HTMLButtonElement>('.cluster-member')];
    expect(members.length).to.be.within(2, 8);
    const selected = nextEvent<{ kind: string; id: string }>(el, 'prison-map-select');
    members[0].click();
    const { detail } = await selected;
    expect(detail.kind).to.equal('facility');
    expect(el.selected).to.equal(detail.id);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=details]')!.textContent).to.contain(members[0].textContent!.split(' · ')[0]);
  });

  it('walks clusters with the arrow keys, expands one with Enter and goes on among its members', async () => {
    const el = await mountBig();
    const map = mapOf(el);
    map.getCanvas().focus();
    const announcer = el.shadowRoot!.querySelector('.announcer')!;
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await sendKeys({ press: 'ArrowRight' });
      found = /facilities around/.test(announcer.textContent ?? '');
    }
    expect(found, `a cluster is reached: ${announcer.textContent}`).to.equal(true);
    const zoomBefore = map.getZoom();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => /^Zoomed in\. /.test(announcer.textContent ?? ''), { timeout: 30000, message: 'walk goes on after zooming in' });
    expect(map.getZoom()).to.be.above(zoomBefore);
    expect(el.selected).to.equal(undefined);
  });

  it('draws arcs between clusters as one arc whose tooltip counts its transfers, and none with cluster="off"', async () => {
    const el = await mountBig();
    const level = (el as unknown as { body: { lifecycle: { controller: { level: { groups: Map<string, { transfers: unknown[] }>; flows: FlowMark[] } } } } }).body.lifecycle.controller.level;
    expect(level.groups.size).to.be.above(0);
    const [key, group] = [...level.groups][0];
    const mark = level.flows.find((f) => f.transfer.id === key)!;
    expect(mark.hidden).to.equal(false);
    expect(group.transfers.length).to.be.above(1);

    el.cluster = 'off';
    await nextEvent(el, 'prison-map-ready', 120000);
    await mapIdle(mapOf(el));
    expect(renderedClusters(el)).to.have.length(0);
    expect(mapOf(el).queryRenderedFeatures({ layers: ['prison-map-facilities-fill'] }).length).to.be.above(500);
  });

  it('clusters the bundled five facilities only with cluster="on"', async () => {
    const el = mount('<prison-map loading="eager" no-animation cluster="on" zoom="1" center="10,-60" style="width:800px;height:500px"></prison-map>');
    await nextEvent(el, 'prison-map-ready', 60000);
    await mapIdle(mapOf(el));
    expect(renderedClusters(el).length).to.be.above(0);
    el.removeAttribute('cluster');
    await nextEvent(el, 'prison-map-ready', 60000);
    await mapIdle(mapOf(el));
    expect(renderedClusters(el)).to.have.length(0);
  });
});
