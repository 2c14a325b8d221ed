/**
 * Country polygons from Natural Earth (world-atlas), keyed by ISO 3166-1 alpha-3, with English and
 * Spanish names and a representative anchor point per country.
 *
 * The TopoJSON is loaded with a dynamic `import()` so that it lands in its own lazily loaded chunk
 * (50m: 0.76 MB raw, about 0.24 MB gzipped; 10m: 3.6 MB raw, about 0.98 MB gzipped), never in the
 * main bundle. No DOM, no MapLibre.
 */
import type {
  Feature,
  FeatureCollection,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import {feature, mesh} from 'topojson-client';
import type {GeometryCollection, Topology} from 'topojson-specification';
import isoCountries from 'i18n-iso-countries';
import { UNCODED, knownCountryName, type CountryLang } from './country-names.js';
import {area, booleanPointInPolygon, centerOfMass, pointOnFeature} from '@turf/turf';
import {fixAntimeridian, fixLineAntimeridian} from './antimeridian.js';
import {largestPolygonBounds} from './bounds.js';

/** 110m: the preview's light outlines (a page pays for them before the map is wanted); 50m the pictures'; 10m the Swan Islands. */
export type CountryDetail = '110m' | '50m' | '10m';
export { knownCountryName, type CountryLang };

export interface CountryProps {
  /** ISO 3166-1 alpha-3, or `''` for the few Natural Earth units that have none (e.g. Somaliland). */
  iso3: string;
  name_en: string;
  name_es: string;
}

export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProps>;
export type CountryCollection = FeatureCollection<Polygon | MultiPolygon, CountryProps>;


/** Antarctica is dropped: it surrounds a pole, fills the bottom of a Mercator map and holds no data. */
const DROPPED = new Set(['ATA']);

type CountryTopology = Topology<{countries: GeometryCollection<{name: string}>; land: GeometryCollection}>;

const TOPOLOGY_LOADERS: Record<CountryDetail, () => Promise<{default: unknown}>> = {
  '110m': () => import('world-atlas/countries-110m.json'),
  '50m': () => import('world-atlas/countries-50m.json'),
  '10m': () => import('world-atlas/countries-10m.json'),
};

const topologies = new Map<CountryDetail, Promise<CountryTopology>>();

function loadTopology(detail: CountryDetail): Promise<CountryTopology> {
  let promise = topologies.get(detail);
  if (!promise) {
    promise = TOPOLOGY_LOADERS[detail]().then((m) => m.default as CountryTopology);
    // A failed load (offline) must not poison the cache: the next call tries again.
    promise.catch(() => topologies.delete(detail));
    topologies.set(detail, promise);
  }
  return promise;
}

function propsFor(id: string | number | undefined, worldAtlasName: string): CountryProps {
  const alpha3 = id === undefined ? undefined : isoCountries.numericToAlpha3(String(id));
  if (alpha3) {
    return {
      iso3: alpha3,
      name_en: knownCountryName(alpha3, 'en') ?? worldAtlasName,
      name_es: knownCountryName(alpha3, 'es') ?? knownCountryName(alpha3, 'en') ?? worldAtlasName,
    };
  }
  const uncoded = UNCODED[worldAtlasName];
  if (uncoded) return {iso3: uncoded.iso3, name_en: uncoded.en, name_es: uncoded.es};
  return {iso3: '', name_en: worldAtlasName, name_es: worldAtlasName};
}

const collections = new Map<CountryDetail, Promise<CountryCollection>>();

/**
 * Country polygons at the given Natural Earth scale, antimeridian-fixed, Antarctica dropped.
 * Cached per detail: every call for the same detail returns the same object, which callers must
 * not mutate.
 */
export function loadCountries(detail: CountryDetail): Promise<CountryCollection> {
  let promise = collections.get(detail);
  if (!promise) {
    promise = loadTopology(detail).then((topology) => {
      const fc = feature(topology, topology.objects.countries) as FeatureCollection<
        Polygon | MultiPolygon | null,
        {name: string}
      >;
      const features: CountryFeature[] = [];
      for (const f of fc.features) {
        if (!f.geometry) continue;
        const props = propsFor(f.id, f.properties?.name ?? '');
        if (DROPPED.has(props.iso3)) continue;
        features.push({type: 'Feature', properties: props, geometry: fixAntimeridian(f.geometry)});
      }
      return {type: 'FeatureCollection', features} satisfies CountryCollection;
    });
    promise.catch(() => collections.delete(detail));
    collections.set(detail, promise);
  }
  return promise;
}

const borderCache = new Map<CountryDetail, Promise<Feature<MultiLineString, Record<string, never>>>>();

/**
 * Land borders only (edges shared by two countries, no coastlines), from the topology's shared
 * arcs, antimeridian-fixed. Cached per detail.
 */
export function loadCountryBorders(
  detail: CountryDetail,
): Promise<Feature<MultiLineString, Record<string, never>>> {
  let promise = borderCache.get(detail);
  if (!promise) {
    promise = loadTopology(detail).then((topology) => {
      const lines = mesh(topology, topology.objects.countries, (a, b) => a !== b);
      return {type: 'Feature', properties: {}, geometry: fixLineAntimeridian(lines)};
    });
    promise.catch(() => borderCache.delete(detail));
    borderCache.set(detail, promise);
  }
  return promise;
}

/** Countries and land borders at one detail, loaded together (both cached): what a basemap draws. */
export function loadCountryShapes(detail: CountryDetail): Promise<[CountryCollection, Feature<MultiLineString, Record<string, never>>]> {
  return Promise.all([loadCountries(detail), loadCountryBorders(detail)]);
}

/**
 * Hand-placed anchors where the largest polygon's centre misleads: the centre of the contiguous
 * US rather than of Alaska-skewed mainland; metropolitan France rather than French Guiana; the
 * middle of long or curved countries whose centre of mass falls outside them.
 */
export const ANCHOR_OVERRIDES: Readonly<Record<string, [number, number]>> = {
  USA: [-98.6, 39.8],
  FRA: [2.5, 46.6],
  NOR: [9.3, 61.4],
  CHL: [-71.0, -34.5],
  CAN: [-101.0, 56.5],
  RUS: [95.0, 62.0],
  IDN: [113.9, -0.9],
  MYS: [102.2, 4.0],
  VNM: [105.6, 21.0],
  HRV: [15.6, 45.6],
  ITA: [12.6, 43.0],
  JPN: [138.5, 36.3],
  GBR: [-1.9, 52.7],
  NZL: [171.6, -43.4],
  PHL: [121.0, 15.8],
  ESP: [-3.6, 40.2],
  PRT: [-8.1, 39.7],
  NLD: [5.6, 52.2],
  DNK: [9.2, 56.1],
  GRC: [22.0, 39.6],
  ECU: [-78.4, -1.4],
  KIR: [172.98, 1.87],
  FJI: [178.0, -17.8],
};

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function containsPoint(geometry: Polygon | MultiPolygon, point: [number, number]): boolean {
  return booleanPointInPolygon(point, geometry);
}

const anchorCache = new WeakMap<CountryCollection, Map<string, [number, number]>>();

/**
 * One representative point per ISO code, inside the country's main landmass (its largest
 * polygon): the centre of mass when it lies inside, else turf's point on the surface; overridden
 * by {@link ANCHOR_OVERRIDES}. Units without a code get none. Cached per collection.
 */
export function countryAnchors(fc: CountryCollection): Map<string, [number, number]> {
  const cached = anchorCache.get(fc);
  if (cached) return cached;
  const largest = new Map<string, {polygon: Polygon; area: number}>();
  for (const f of fc.features) {
    const iso3 = f.properties.iso3;
    if (!iso3) continue;
    for (const rings of polygonsOf(f.geometry)) {
      const polygon: Polygon = {type: 'Polygon', coordinates: rings};
      const a = area(polygon);
      const best = largest.get(iso3);
      if (!best || a > best.area) largest.set(iso3, {polygon, area: a});
    }
  }
  const anchors = new Map<string, [number, number]>();
  for (const [iso3, {polygon}] of largest) {
    const override = ANCHOR_OVERRIDES[iso3];
    if (override) {
      anchors.set(iso3, override);
      continue;
    }
    let point = centerOfMass(polygon).geometry.coordinates as [number, number];
    if (!containsPoint(polygon, point)) {
      point = pointOnFeature(polygon).geometry.coordinates as [number, number];
    }
    anchors.set(iso3, normalizeLng(point));
  }
  anchorCache.set(fc, anchors);
  return anchors;
}

/** Brings a longitude of an unwrapped ring (e.g. 181) back into [-180, 180]. */
function normalizeLng([lng, lat]: [number, number]): [number, number] {
  return [((((lng + 180) % 360) + 360) % 360) - 180, lat];
}

/** Area in km² of each ISO code's features, summed; used to rank labels. */
export function countryAreas(fc: CountryCollection): Map<string, number> {
  const areas = new Map<string, number>();
  for (const f of fc.features) {
    if (!f.properties.iso3) continue;
    areas.set(f.properties.iso3, (areas.get(f.properties.iso3) ?? 0) + area(f) / 1e6);
  }
  return areas;
}

/** One row of the country table: anchor, area and the bounds of the first feature's largest polygon. */
export type CountryTableRow = [lng: number, lat: number, areaKm2: number, west: number, south: number, east: number, north: number];

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * What the map needs of every country without its outline: where its label and transfers anchor
 * ({@link countryAnchors}), its size (label rank) and the view that frames it (`focus-on`). The
 * element reads it from src/geo/country-table.json, written from Natural Earth 50m by
 * scripts/country-table.mjs (a test checks the two agree), so a map on the pre-tiled basemap
 * never downloads the country outlines themselves.
 */
export function countryTableOf(fc: CountryCollection): Record<string, CountryTableRow> {
  const anchors = countryAnchors(fc);
  const areas = countryAreas(fc);
  const table: Record<string, CountryTableRow> = {};
  for (const [iso3, [lng, lat]] of [...anchors].sort(([a], [b]) => a.localeCompare(b))) {
    const first = fc.features.find((f) => f.properties.iso3 === iso3)!;
    const [west, south, east, north] = largestPolygonBounds(first);
    table[iso3] = [round(lng, 3), round(lat, 3), Math.round(areas.get(iso3) ?? 0), round(west, 3), round(south, 3), round(east, 3), round(north, 3)];
  }
  return table;
}
