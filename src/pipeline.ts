/**
 * Everything between the page's data and what the map and legend draw, in one lazily loaded
 * chunk: parsing (d3-dsv), scales (d3-scale) and geometry (turf) stay out of the page's first
 * download, which holds only the element's shell.
 */
import type { ScalePower } from 'd3-scale';
import type { FeatureCollection, Point } from 'geojson';
import { loadData as loadDatasets, describeIssue, type DataRequest, type LoadedData } from './data/dataset.js';
import { isKnownCountry } from './i18n/countries.js';
import { FACILITY_STATUSES, type Facility, type FacilityStatus } from './data/types.js';
import { boundsOf, type BBox } from './geo/bounds.js';
import { facilityFeatures, type FacilityFeatureProps } from './map/facility-layers.js';
import { capacityRadius, legendCapacities, statusColor } from './scales.js';
import type { LegendModel } from './ui/legend.js';

export { describeIssue, type DataRequest, type LoadedData };
// The reader-facing templates that need country names (i18n-iso-countries) load with the data.
export { tooltipFor, cardFor, itemName } from './ui/panels.js';
export { dataTablesTemplate } from './ui/data-table.js';
export { summaryText } from './ui/summary.js';
export { occupancyLegendTemplate } from './ui/occupancy-legend.js';
export { flowLegendTemplate } from './ui/flow-legend.js';

/**
 * Loads and validates every dataset, then checks that each transfer's `from` and `to` names a
 * facility of this dataset or an ISO 3166-1 alpha-3 country; a transfer that does not is reported
 * with its row and left out.
 */
export async function loadData(request: DataRequest, base: string, signal: AbortSignal): Promise<LoadedData> {
  const data = await loadDatasets(request, base, signal);
  const facilityIds = new Set(data.facilities.map((f) => f.id));
  const issues = [...data.issues];
  const transfers = data.transfers.filter((transfer) => {
    let ok = true;
    for (const field of ['from', 'to'] as const) {
      const value = transfer[field];
      if (facilityIds.has(value) || isKnownCountry(value)) continue;
      ok = false;
      issues.push({
        dataset: 'transfers', row: transfer.row ?? 0, field,
        message: `${field} ${JSON.stringify(value)} is neither a facility id of this map nor an ISO 3166-1 alpha-3 country code`,
      });
    }
    return ok;
  });
  return { ...data, transfers, issues };
}

export interface MapModel {
  data: LoadedData;
  radius: ScalePower<number, number>;
  legend: Omit<LegendModel, 'lang'>;
  facilityFeatures: FeatureCollection<Point, FacilityFeatureProps>;
  /** The view that shows all the data, if there is any. */
  bounds?: BBox;
}

export function buildModel(data: LoadedData, maxRadius: number, palette: Partial<Record<FacilityStatus, string>> = {}): MapModel {
  const radius = capacityRadius(data.facilities, maxRadius);
  const color = statusColor(palette);
  const present = new Set(data.facilities.map((f) => f.status));
  return {
    data,
    radius,
    legend: {
      circles: data.facilities.some((f) => f.capacity !== null)
        ? legendCapacities(radius).map((capacity) => ({ capacity, radius: radius(capacity) }))
        : [],
      statuses: FACILITY_STATUSES.filter((s) => present.has(s)).map((status) => ({ status, color: color(status) })),
      showUnknown: data.facilities.some((f) => f.capacity === null),
    },
    facilityFeatures: facilityFeatures(data.facilities, radius, (s) => color(s)),
    bounds: boundsOf(data.facilities.map((f) => [f.longitude, f.latitude] as const)),
  };
}

/** The view for `focus-on` on a facility: its surroundings. (A country's view needs its outline: see the controller.) */
export function boundsForTarget(facilities: readonly Facility[], target: string): { bounds: BBox; maxZoom: number } | undefined {
  const facility = facilities.find((f) => f.id === target);
  return facility ? { bounds: boundsOf([[facility.longitude, facility.latitude]], 3)!, maxZoom: 7 } : undefined;
}
