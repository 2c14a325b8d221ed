import { PALETTES } from '../src/encodings/palette.js';
import {expect} from 'chai';
import type {Polygon} from 'geojson';
import {booleanPointInPolygon} from '@turf/turf';
import {Map as MaplibreMap, addProtocol, setWorkerUrl} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import {countryAnchors, knownCountryName, loadCountries, type CountryFeature} from '../src/geo/countries.js';
import {
  applyBasemapLanguage,
  applyBasemapTheme,
  BASEMAP_LAST_LAYER_ID,
  BASEMAP_SHADING_BEFORE_ID,
  builtInBasemapStyle,
  COUNTRY_SOURCE_ID,
} from '../src/map/basemap.js';
import {BASEMAP_ARCHIVE_URL, registerBasemapProtocol} from '../src/map/basemap-source.js';

const BASEMAP_COLORS = { light: PALETTES.light.basemap, dark: PALETTES.dark.basemap };

setWorkerUrl(workerUrl);
registerBasemapProtocol(addProtocol);

function polygons(f: CountryFeature): Polygon[] {
  return f.geometry.type === 'Polygon'
    ? [f.geometry]
    : f.geometry.coordinates.map((coordinates) => ({type: 'Polygon', coordinates}));
}

function featuresOf(fc: Awaited<ReturnType<typeof loadCountries>>, iso3: string): CountryFeature[] {
  return fc.features.filter((f) => f.properties.iso3 === iso3);
}

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('country geometry', () => {
  it('holds the Swan Islands (Honduras) in 10m detail only', async () => {
    const nearSwan = (f: CountryFeature) =>
      polygons(f).some((p) =>
        p.coordinates[0].some(([lng, lat]) => Math.abs(lng + 83.9) < 0.3 && Math.abs(lat - 17.4) < 0.3),
      );
    const [coarse, fine] = await Promise.all([loadCountries('50m'), loadCountries('10m')]);
    expect(featuresOf(fine, 'HND').some(nearSwan)).to.equal(true);
    expect(featuresOf(coarse, 'HND').some(nearSwan)).to.equal(false);
  });

  it('gives every feature an ISO code and names, except units that have no code', async () => {
    for (const detail of ['50m', '10m'] as const) {
      const countries = await loadCountries(detail);
      const uncoded = countries.features.filter((f) => !f.properties.iso3).map((f) => f.properties.name_en);
      expect(uncoded.length, uncoded.join(', ')).to.be.within(1, 16);
      expect(uncoded).to.include('Somaliland');
      for (const f of countries.features) {
        expect(f.properties.iso3, f.properties.name_en).to.match(/^([A-Z]{3})?$/);
        expect(f.properties.name_en).to.be.a('string').and.not.equal('');
        expect(f.properties.name_es).to.be.a('string').and.not.equal('');
      }
    }
  });

  it('names countries in English and Spanish', async () => {
    const countries = await loadCountries('50m');
    const slv = featuresOf(countries, 'SLV')[0].properties;
    expect(slv).to.deep.equal({iso3: 'SLV', name_en: 'El Salvador', name_es: 'El Salvador'});
    expect(featuresOf(countries, 'USA')[0].properties.name_es).to.equal('Estados Unidos');
    expect(featuresOf(countries, 'XKX')[0].properties.name_en).to.equal('Kosovo');
    expect(knownCountryName('deu', 'es')).to.equal('Alemania');
    expect(knownCountryName('ZZZ', 'en')).to.equal(undefined);
  });

  it('is cached per detail', async () => {
    expect(await loadCountries('50m')).to.equal(await loadCountries('50m'));
  });

  it('puts each anchor inside its own country', async () => {
    for (const detail of ['50m', '10m'] as const) {
      const countries = await loadCountries(detail);
      const anchors = countryAnchors(countries);
      for (const iso3 of ['SLV', 'HND', 'GTM', 'NIC', 'CRI', 'PAN', 'ECU', 'PER', 'BOL', 'COL', 'MEX', 'USA', 'SWE', 'NOR', 'CHL', 'FRA', 'FJI', 'RUS']) {
        const anchor = anchors.get(iso3);
        expect(anchor, iso3).to.be.an('array');
        const inside = featuresOf(countries, iso3).some((f) => booleanPointInPolygon(anchor!, f.geometry));
        expect(inside, `${detail} ${iso3} ${anchor}`).to.equal(true);
      }
    }
  });

  it('anchors the US in the contiguous states and France in Europe', async () => {
    const anchors = countryAnchors(await loadCountries('50m'));
    const [usLng, usLat] = anchors.get('USA')!;
    expect(usLng).to.be.within(-125, -67);
    expect(usLat).to.be.within(25, 49);
    const [frLng, frLat] = anchors.get('FRA')!;
    expect(frLng).to.be.within(-5, 8);
    expect(frLat).to.be.within(42, 51);
  });

  it('puts every anchor inside its country (or a unit sharing its code)', async () => {
    const countries = await loadCountries('50m');
    const outside = [...countryAnchors(countries)].filter(
      ([iso3, anchor]) => !featuresOf(countries, iso3).some((f) => booleanPointInPolygon(anchor, f.geometry)),
    );
    expect(outside.map(([iso3]) => iso3)).to.deep.equal([]);
  });
});

describe('built-in basemap style', () => {
  it('asks nothing of another origin: no glyphs, no sprite, tiles from the archive beside the code', async () => {
    const style = await builtInBasemapStyle({theme: 'light', lang: 'en'});
    expect(style).not.to.have.property('glyphs');
    expect(style).not.to.have.property('sprite');
    expect(new URL(BASEMAP_ARCHIVE_URL).origin).to.equal(location.origin);
    const countries = style.sources[COUNTRY_SOURCE_ID] as {type: string; tiles: string[]; maxzoom: number};
    expect(countries.type).to.equal('vector');
    expect(countries.tiles).to.deep.equal([`pmtiles://${BASEMAP_ARCHIVE_URL}/{z}/{x}/{y}`]);
    expect(countries.maxzoom).to.equal(5);
    for (const [id, source] of Object.entries(style.sources)) {
      if (id === COUNTRY_SOURCE_ID) continue;
      // The labels: points inlined in the style, no URL at all.
      expect(source.type, id).to.equal('geojson');
      expect((source as {data: unknown}).data, id).to.be.an('object');
    }
  });

  it('prefixes its layers and exposes where data layers go', async () => {
    const style = await builtInBasemapStyle();
    const ids = style.layers.map((l) => l.id);
    expect(ids.every((id) => id.startsWith('basemap-'))).to.equal(true);
    expect(ids[ids.length - 1]).to.equal(BASEMAP_LAST_LAYER_ID);
    expect(ids.indexOf(BASEMAP_SHADING_BEFORE_ID)).to.be.greaterThan(ids.indexOf('basemap-land'));
    expect(ids.indexOf(BASEMAP_SHADING_BEFORE_ID)).to.be.lessThan(ids.indexOf('basemap-labels'));
    expect(style.sources).to.have.property(COUNTRY_SOURCE_ID);
  });

  it('uses the theme colours and label language asked for', async () => {
    const dark = await builtInBasemapStyle({theme: 'dark', lang: 'es'});
    const background = dark.layers.find((l) => l.id === 'basemap-background')!;
    expect((background.paint as Record<string, unknown>)['background-color']).to.equal(BASEMAP_COLORS.dark.sea);
    const labels = dark.layers.find((l) => l.id === 'basemap-labels')!;
    expect((labels.layout as Record<string, unknown>)['text-field']).to.deep.equal(['get', 'name_es']);
  });

  it('has labels readable against land (WCAG AA) in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const c = BASEMAP_COLORS[theme];
      expect(contrast(c.label, c.land), theme).to.be.at.least(4.5);
      expect(contrast(c.land, c.sea), theme).to.be.above(1.1);
    }
  });
});

describe('built-in basemap on a real map', function () {
  this.timeout(60000);
  let container: HTMLDivElement;
  let map: MaplibreMap;

  async function createMap(options: {center: [number, number]; zoom: number; theme?: 'light' | 'dark'}) {
    container = document.createElement('div');
    container.style.cssText = 'width:600px;height:400px';
    document.body.append(container);
    const style = await builtInBasemapStyle({theme: options.theme ?? 'light', lang: 'en'});
    map = new MaplibreMap({
      container,
      style,
      center: options.center,
      zoom: options.zoom,
      attributionControl: false,
      canvasContextAttributes: {preserveDrawingBuffer: true},
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('map never became idle')), 45000);
      map.once('idle', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  function idle() {
    return new Promise<void>((resolve) => map.once('idle', () => resolve()));
  }

  /** The colour of the canvas pixel at CSS pixel (x, y), as #rrggbb. */
  function pixel(x: number, y: number): string {
    const canvas = map.getCanvas();
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext;
    const ratio = canvas.width / canvas.clientWidth;
    const out = new Uint8Array(4);
    gl.readPixels(Math.round(x * ratio), Math.round(canvas.height - y * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, out);
    return '#' + [...out.slice(0, 3)].map((v) => v.toString(16).padStart(2, '0')).join('');
  }

  afterEach(() => {
    map?.remove();
    container?.remove();
  });

  it('draws land, borders and country labels', async () => {
    await createMap({center: [-86, 15], zoom: 4});
    const land = map.queryRenderedFeatures({layers: ['basemap-land']});
    expect(land.map((f) => f.properties.iso3)).to.include.members(['HND', 'SLV', 'GTM']);
    const labels = map.queryRenderedFeatures({layers: ['basemap-labels']});
    expect(labels.map((f) => f.properties.name_en)).to.include('Honduras');
    // The Pacific south-west of El Salvador, and the unlabelled middle of the Yucatán.
    const sea = map.project([-92, 11]);
    const yucatan = map.project([-89.3, 19.8]);
    expect(pixel(sea.x, sea.y)).to.equal(BASEMAP_COLORS.light.sea);
    expect(pixel(yucatan.x, yucatan.y)).to.equal(BASEMAP_COLORS.light.land);
  });

  it('recolours in place when the theme changes', async () => {
    await createMap({center: [-86, 15], zoom: 3});
    const style = map.getStyle();
    // The source objects themselves (not their specs): a re-created source would be a new object.
    const sourceIds = Object.keys(style.sources);
    expect(sourceIds, 'the built-in basemap has its country source').to.include(COUNTRY_SOURCE_ID);
    const sourcesBefore = new Map(sourceIds.map((id) => [id, map.getSource(id)]));
    for (const [id, source] of sourcesBefore) expect(source, `source ${id} before`).to.not.equal(undefined);
    applyBasemapTheme(map, 'dark');
    expect(map.getPaintProperty('basemap-background', 'background-color')).to.equal(BASEMAP_COLORS.dark.sea);
    expect(JSON.stringify(map.getPaintProperty('basemap-land', 'fill-color'))).to.contain(JSON.stringify(BASEMAP_COLORS.dark.land));
    expect(map.getPaintProperty('basemap-labels', 'text-color')).to.equal(BASEMAP_COLORS.dark.label);
    await idle();
    const sea = map.project([-100, 0]);
    expect(pixel(sea.x, sea.y)).to.equal(BASEMAP_COLORS.dark.sea);
    // Same sources and layers: nothing was re-created.
    expect(map.getStyle().layers.map((l) => l.id)).to.deep.equal(style.layers.map((l) => l.id));
    expect(Object.keys(map.getStyle().sources).sort(), 'the same source ids').to.deep.equal([...sourceIds].sort());
    // Compared as a boolean: on failure chai would otherwise serialize two whole sources (and the map).
    for (const [id, source] of sourcesBefore) expect(map.getSource(id) === source, `source ${id} is the same object, not re-created`).to.equal(true);
  });

  it('switches label language in place', async () => {
    await createMap({center: [-60, -15], zoom: 2});
    applyBasemapLanguage(map, 'es');
    await idle();
    const names = map.queryRenderedFeatures({layers: ['basemap-labels']}).map((f) => f.properties.name_es);
    expect(names).to.include('Brasil');
    expect(map.getLayoutProperty('basemap-labels', 'text-field')).to.deep.equal(['get', 'name_es']);
  });

  it('draws Natural Earth 50m to zoom 3 and 10m from zoom 4, in the same source', async () => {
    // The Swan Islands (Honduras) are only in 10m.
    const swan: [number, number] = [-83.928, 17.414];
    const honduranLandAt = () => {
      const {x, y} = map.project(swan);
      return map.queryRenderedFeatures([[x - 3, y - 3], [x + 3, y + 3]], {layers: ['basemap-land']}).some((f) => f.properties.iso3 === 'HND');
    };
    await createMap({center: swan, zoom: 3.5});
    const source = map.getSource(COUNTRY_SOURCE_ID);
    expect(honduranLandAt(), 'no Swan Islands at zoom 3.5').to.equal(false);
    map.jumpTo({zoom: 9});
    await idle();
    expect(honduranLandAt(), 'the Swan Islands at zoom 9').to.equal(true);
    expect(map.getSource(COUNTRY_SOURCE_ID) === source, 'the same source object').to.equal(true);
  });

  it('reads only the tiles a view shows, in byte ranges of one archive', async () => {
    const before = performance.getEntriesByType('resource').length;
    await createMap({center: [-86, 15], zoom: 4});
    const archive = performance.getEntriesByType('resource').slice(before).filter((e) => e.name === BASEMAP_ARCHIVE_URL) as PerformanceResourceTiming[];
    // A 600x400 map at zoom 4 covers a few 512-pixel tiles, not the archive's hundreds.
    expect(archive.length, 'requests: the header with the directory (once per page), then one per tile').to.be.within(1, 12);
    const bytes = archive.reduce((sum, e) => sum + e.encodedBodySize, 0);
    const whole = (await fetch(BASEMAP_ARCHIVE_URL, {method: 'HEAD'})).headers.get('content-length');
    expect(bytes, `of ${whole} bytes`).to.be.below(Number(whole) / 4);
  });
});
