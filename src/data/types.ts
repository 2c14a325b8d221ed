/**
 * The data model of <prison-map>: what the parsers in this folder produce and what the scales,
 * layers and UI consume. Input shapes (what a page gives us) are described in README.md ("Data");
 * these are the validated, normalised forms.
 */

export type DatasetName = 'facilities' | 'transfers' | 'countries';

/** One problem found in the input: the record is left out, the rest is drawn. */
export interface DataIssue {
  dataset: DatasetName;
  /** 1-based: a CSV row as a spreadsheet shows it (header = row 1), a GeoJSON feature's index + 1. */
  row: number;
  field?: string;
  message: string;
}

export const FACILITY_STATUSES = ['operational', 'under-construction', 'planned', 'on-hold', 'cancelled'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

export const PRECISIONS = ['site', 'city', 'region'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const TRANSFER_STATUSES = ['active', 'agreed', 'considered', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export const TRANSFER_KINDS = ['inmates', 'assistance'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export interface Source {
  title: string;
  url: string;
  publisher?: string;
  date?: string;
}

/** A validated facility. `capacity: null` means unknown. */
export interface Facility {
  id: string;
  name: string;
  nameEs?: string;
  /** The map label (OpenStreetMap's `short_name`), when the name is too long to print on a map. */
  shortName?: string;
  shortNameEs?: string;
  /** ISO 3166-1 alpha-3, upper case. */
  country: string;
  longitude: number;
  latitude: number;
  capacity: number | null;
  population?: number;
  status: FacilityStatus;
  opened?: string;
  precision: Precision;
  description?: string;
  descriptionEs?: string;
  sources: Source[];
}

export interface Transfer {
  id: string;
  /** The 1-based row it came from, so later stages (endpoint resolution) can report it. */
  row?: number;
  /** A facility id or an ISO 3166-1 alpha-3 code, as given. */
  from: string;
  to: string;
  kind: TransferKind;
  count?: number;
  status: TransferStatus;
  year?: string;
  feeUsdPerYear?: number;
  note?: string;
  noteEs?: string;
  sources: Source[];
}

export interface CountryContext {
  iso3: string;
  occupancyPct?: number;
  year?: string;
  note?: string;
  noteEs?: string;
  sources: Source[];
}

/** What a parser returns: the records it kept and the ones it reported. */
export interface Parsed<T> {
  records: T[];
  issues: DataIssue[];
}

/** The input form of facilities: a GeoJSON FeatureCollection of Points (README.md, "Data", "Facilities"). */
export interface FacilityProperties {
  id?: string;
  name: string;
  'name:es'?: string;
  /** Optional map label (OpenStreetMap's key); else the name's acronym in brackets, else the name. */
  short_name?: string;
  'short_name:es'?: string;
  country: string;
  capacity?: number | null;
  population?: number;
  status?: FacilityStatus;
  opened?: string;
  precision?: Precision;
  description?: string;
  'description:es'?: string;
  sources?: Source[];
}
export interface FacilitiesInput {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    id?: string | number;
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: FacilityProperties;
  }>;
}

/** The input form of one transfer (JSON array item or CSV row). */
export interface TransferInput {
  id: string;
  from: string;
  to: string;
  kind?: TransferKind;
  count?: number;
  status?: TransferStatus;
  year?: string | number;
  fee_usd_per_year?: number;
  note?: string;
  'note:es'?: string;
  sources?: Source[];
}
export type TransfersInput = TransferInput[] | { transfers: TransferInput[] };

/** The input form of one country context record. */
export interface CountryInput {
  iso3: string;
  occupancy_pct?: number;
  year?: string | number;
  note?: string;
  'note:es'?: string;
  sources?: Source[];
}
export type CountriesInput = CountryInput[] | { countries: CountryInput[] };
