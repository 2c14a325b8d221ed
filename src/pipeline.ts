/**
 * Everything between the page's data and what the views draw, in one lazily loaded chunk:
 * parsing (d3-dsv), the model (d3-scale, turf) and the reader-facing templates that need country
 * names stay out of the page's first download, which holds only the element's shell.
 */
import { loadData, describeIssue, type DataRequest } from './data/dataset.js';
import { countryTableAnchors } from './geo/country-table.js';
import { needsCountryAnchors, type CountryAnchors } from './model/endpoints.js';
import { prepareGeometry, type ModelData } from './model/model.js';

export { describeIssue, type DataRequest };
export { buildModel, clusterRadiusPx, clustersPrepared, prepareClusters } from './model/model.js';
export { describeLegend } from './model/legend.js';
export { dataInYear, yearsIn } from './model/year.js';
export { focusCamera } from './model/views.js';
export { tooltipFor, cardFor, itemName } from './ui/panels.js';
export { clusterCardTemplate, clusterName, clusterTooltip, flowGroupName, flowGroupTooltip } from './ui/cluster-panels.js';
export { dataTablesTemplate } from './ui/data-table.js';
export { summaryText } from './model/summary.js';
export { legendTemplate, legendStripTemplate } from './ui/legend.js';

export interface LoadedModelInput {
  data: ModelData;
  anchors: CountryAnchors;
}

/**
 * Loads and validates every dataset, and the country anchors if some transfer starts or ends in a
 * country rather than at a facility.
 */
export async function loadModelInput(request: DataRequest, base: string, signal: AbortSignal, onProgress?: (done: number) => void): Promise<LoadedModelInput> {
  const data = await loadData(request, base, signal);
  const anchors = needsCountryAnchors(data.transfers, data.facilities)
    ? countryTableAnchors()
    : new Map<string, [number, number]>();
  await prepareGeometry(data, anchors, onProgress, signal);
  return { data, anchors };
}
