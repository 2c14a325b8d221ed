/**
 * What the reader is told about a cluster of facilities and about an arc that groups several
 * transfers: their name (announced by the keyboard walk), their tooltip — how many, which
 * statuses, the combined capacity or count, the people transferred in and out (totals where
 * flows meet), and that Enter or a click zooms in — and the card a
 * cluster opens when clicked, with its largest members, each a button that selects it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FacilityCluster } from '../model/clusters.js';
import type { FlowGroup } from '../model/level.js';
import type { MapModel } from '../model/model.js';
import { FLOW_STATUS_STYLES } from '../encodings/flow-style.js';
import { formatNumber, strings, type Lang } from '../i18n/reader-strings.js';
import { endpointName, facilityDisplayName, facilityNamer } from '../i18n/names.js';
import { card, fact } from './details-card.js';
import { lines } from './tooltip.js';

/** "34 facilities around CECOT": the cluster named by its largest member. */
export function clusterName(model: MapModel, cluster: FacilityCluster, lang: Lang): string {
  const largest = model.clusters ? model.data.facilities[model.clusters.memberIndices(cluster)[0]] : undefined;
  return strings(lang).clusterName(formatNumber(cluster.count, lang), largest ? facilityDisplayName(largest, lang) : '…');
}

/**
 * The people transferred into a cluster from outside it and out of it (known counts of the
 * transfers drawn, cancelled ones left out), as the text its tooltip and card show; none when no
 * drawn transfer has an end in it.
 */
function clusterTransfers(model: MapModel, cluster: FacilityCluster, lang: Lang): string | undefined {
  if (!model.clusters) return undefined;
  const members = new Set(model.clusters.memberIndices(cluster).map((i) => model.data.facilities[i].id));
  let [inward, outward, any] = [0, 0, false];
  for (const { transfer } of model.flows) {
    if (FLOW_STATUS_STYLES[transfer.status].hiddenUnlessSelected) continue;
    const [from, to] = [members.has(transfer.from), members.has(transfer.to)];
    if (from === to) continue;
    any = true;
    if (to) inward += transfer.count ?? 0;
    else outward += transfer.count ?? 0;
  }
  return any ? strings(lang).clusterTransfers(formatNumber(inward, lang), formatNumber(outward, lang)) : undefined;
}

export function clusterTooltip(model: MapModel, cluster: FacilityCluster, lang: Lang): TemplateResult {
  const t = strings(lang);
  const statuses = cluster.statuses.map((s) => `${formatNumber(s.count, lang)} ${t.status[s.status].toLowerCase()}`).join(', ');
  return lines(clusterName(model, cluster, lang), [
    cluster.capacity > 0 ? t.clusterCapacity(formatNumber(cluster.capacity, lang)) : undefined,
    cluster.unknownCapacity > 0 ? t.clusterUnknown(formatNumber(cluster.unknownCapacity, lang)) : undefined,
    statuses,
    clusterTransfers(model, cluster, lang),
    t.clusterExpand,
  ]);
}

/** One end of a grouped arc: a cluster's name, or the facility or country both share. */
function endName(model: MapModel, end: FacilityCluster | string, lang: Lang): string {
  if (typeof end !== 'string') return clusterName(model, end, lang);
  return endpointName(end, lang, facilityNamer(model.data.facilities, lang));
}

export function flowGroupName(model: MapModel, group: FlowGroup, lang: Lang): string {
  return strings(lang).fromTo(endName(model, group.from, lang), endName(model, group.to, lang));
}

export function flowGroupTooltip(model: MapModel, group: FlowGroup, lang: Lang): TemplateResult {
  const t = strings(lang);
  const people = group.transfers.some((tr) => tr.count !== undefined) ? formatNumber(group.count, lang) : undefined;
  return lines(flowGroupName(model, group, lang), [t.flowGroup(formatNumber(group.transfers.length, lang), people), t.flowGroupExpand]);
}

/** How many of a cluster's largest members its card lists. */
export const CLUSTER_CARD_MEMBERS = 8;

export function clusterCardTemplate(
  model: MapModel, cluster: FacilityCluster, lang: Lang, onClose: () => void, onSelect: (facilityId: string) => void,
): TemplateResult {
  const t = strings(lang);
  const members = model.clusters ? model.clusters.memberIndices(cluster).slice(0, CLUSTER_CARD_MEMBERS).map((i) => model.data.facilities[i]) : [];
  const transfers = clusterTransfers(model, cluster, lang);
  return card({ lang, onClose }, t.cardKind.cluster, clusterName(model, cluster, lang), html`
    <dl class="details-facts">
      ${fact(t.clusterFacilities, formatNumber(cluster.count, lang))}
      ${cluster.capacity > 0 ? fact(t.clusterCombined, t.places(formatNumber(cluster.capacity, lang))) : nothing}
      ${cluster.unknownCapacity > 0 ? fact(t.capacity, t.clusterUnknown(formatNumber(cluster.unknownCapacity, lang))) : nothing}
      ${transfers ? fact(t.clusterTransfersTitle, transfers) : nothing}
      ${fact(t.statusTitle, cluster.statuses.map((s) => `${formatNumber(s.count, lang)} ${t.status[s.status].toLowerCase()}`).join(', '))}
    </dl>
    <p class="details-kind">${t.clusterLargest}</p>
    <ul class="cluster-members">
      ${members.map((f) => html`<li><button type="button" class="cluster-member" @click=${() => onSelect(f.id)}>${facilityDisplayName(f, lang)}${
        f.capacity === null ? '' : ` · ${t.places(formatNumber(f.capacity, lang))}`}</button></li>`)}
    </ul>`);
}
