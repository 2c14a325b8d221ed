/** Facilities: GeoJSON FeatureCollection of Points → validated `Facility` records. */
import { FACILITY_STATUSES, PRECISIONS, type DataIssue, type Facility, type Parsed } from './types.js';
import { INVALID, RecordReader, describe } from './validate.js';
import { csvPosition } from './csv.js';

/**
 * Validates facilities given as GeoJSON. A feature that breaks a rule is left out and reported
 * with its 1-based index; throws only when the whole value is not a FeatureCollection.
 */
export function parseFacilities(input: unknown): Parsed<Facility> {
  if (!input || typeof input !== 'object' || (input as { type?: unknown }).type !== 'FeatureCollection'
    || !Array.isArray((input as { features?: unknown }).features)) {
    throw new TypeError('facilities must be a GeoJSON FeatureCollection');
  }
  const features = (input as { features: unknown[] }).features;
  return keepUnique(features.map((feature, index) => (issues) => readFacilityFeature(feature, index + 1, issues)));
}

/**
 * Runs each row's reader in order and keeps the facilities it returns, leaving out (and reporting)
 * any whose id an earlier facility already has.
 */
function keepUnique(readers: Array<(issues: DataIssue[]) => Facility | undefined>, rows?: number[]): Parsed<Facility> {
  const records: Facility[] = [];
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  readers.forEach((read, index) => {
    const facility = read(issues);
    if (!facility) return;
    if (seen.has(facility.id)) {
      const row = rows ? rows[index] : index + 1;
      issues.push({ dataset: 'facilities', row, field: 'id', message: `id ${describe(facility.id)} is used by an earlier facility` });
      return;
    }
    seen.add(facility.id);
    records.push(facility);
  });
  return { records, issues };
}

function readFacilityFeature(feature: unknown, row: number, issues: DataIssue[]): Facility | undefined {
  if (!feature || typeof feature !== 'object') {
    issues.push({ dataset: 'facilities', row, message: 'not a GeoJSON Feature' });
    return undefined;
  }
  const f = feature as { id?: unknown; geometry?: unknown; properties?: unknown };
  const properties = (f.properties && typeof f.properties === 'object' ? f.properties : {}) as Record<string, unknown>;
  const withId = properties.id === undefined && (typeof f.id === 'string' || typeof f.id === 'number')
    ? { ...properties, id: String(f.id) } : properties;
  const position = readPoint(f.geometry);
  return readFacilityRecord(withId, position, row, issues);
}

/** Reads a GeoJSON Point's [lng, lat], or explains what is wrong with it. */
function readPoint(geometry: unknown): [number, number] | string {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || g.type !== 'Point' || !Array.isArray(g.coordinates) || g.coordinates.length < 2) {
    return 'geometry must be a GeoJSON Point';
  }
  const [lng, lat] = g.coordinates as unknown[];
  return [lng, lat] as [number, number];
}

/**
 * The part shared by GeoJSON and CSV: a flat record of the contract's property names plus a
 * position (or a message saying why there is none).
 */
export function readFacilityRecord(
  record: Record<string, unknown>,
  position: [unknown, unknown] | string,
  row: number,
  issues: DataIssue[],
  coordinateFields: [string, string] = ['geometry', 'geometry'],
): Facility | undefined {
  const r = new RecordReader('facilities', row, record);
  const id = r.requiredText('id');
  const name = r.requiredText('name');
  const nameEs = r.optionalText('name:es');
  const shortName = r.optionalText('short_name');
  const shortNameEs = r.optionalText('short_name:es');
  const country = r.iso3('country');
  const capacity = r.optionalPeople('capacity');
  const population = r.optionalPeople('population');
  const status = r.oneOf('status', FACILITY_STATUSES, 'operational');
  const opened = r.partialDate('opened');
  const precision = r.oneOf('precision', PRECISIONS, 'site');
  const description = r.optionalText('description');
  const descriptionEs = r.optionalText('description:es');
  let longitude = NaN;
  let latitude = NaN;
  if (typeof position === 'string') {
    r.report(coordinateFields[0], position);
  } else {
    const [lngField, latField] = coordinateFields;
    longitude = typeof position[0] === 'number' ? position[0] : NaN;
    latitude = typeof position[1] === 'number' ? position[1] : NaN;
    if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
      r.report(lngField === 'geometry' ? 'geometry.coordinates[0]' : lngField,
        `longitude must be a number from -180 to 180, got ${describe(position[0])}`);
    }
    if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
      r.report(latField === 'geometry' ? 'geometry.coordinates[1]' : latField,
        `latitude must be a number from -90 to 90, got ${describe(position[1])}`);
    }
  }
  const sources = r.sources();
  issues.push(...r.allIssues);
  if (!r.ok || id === INVALID || name === INVALID || country === INVALID) return undefined;
  return {
    id, name, country, longitude, latitude,
    capacity: capacity ?? null,
    status, precision, sources,
    ...(nameEs ? { nameEs } : {}),
    ...(shortName ? { shortName } : {}),
    ...(shortNameEs ? { shortNameEs } : {}),
    ...(population !== undefined ? { population } : {}),
    ...(opened ? { opened } : {}),
    ...(description ? { description } : {}),
    ...(descriptionEs ? { descriptionEs } : {}),
  };
}

/** Facilities from CSV rows (`lat`/`lon` columns, or `latitude`/`longitude`/`lng`). */
export function readFacilityRows(rows: Array<{ row: number; record: Record<string, unknown> }>): Parsed<Facility> {
  return keepUnique(rows.map(({ row, record }) => (issues) => {
    const { position, fields } = csvPosition(record);
    return readFacilityRecord(record, position, row, issues, fields);
  }), rows.map((r) => r.row));
}
