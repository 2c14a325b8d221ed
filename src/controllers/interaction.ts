/**
 * The reader's hands on the map: the pointer (hover shows a tooltip, a click or tap selects) and
 * the keyboard (the map is one tab stop; arrows walk the level's reading order, announcing each
 * item; Enter selects; +/- zoom). Hovering and walking touch only the tooltip box and the live
 * region, never the element's template, so they cost the same with 5 facilities or 10,000.
 */
import { nothing } from 'lit';
import { formatNumber, strings, type Lang } from '../i18n/strings.js';
import type { MapController, PointerHit } from '../map/controller.js';
import type { LngLat } from '../geo/arcs.js';
import type { ViewLevel } from '../model/level.js';
import type { MapModel, NavItem, SelectableItem } from '../model/model.js';
import { HoverTooltip } from '../ui/hover-tooltip.js';
import { keyAction } from '../ui/keyboard.js';
import type { Pipeline } from './data-loader.js';

export interface InteractionHost {
  /** The shadow root holding `.tooltip` and `.announcer`. */
  root(): ParentNode;
  /** The element's width in CSS px (the tooltip flips before the right edge). */
  width(): number;
  model(): MapModel | undefined;
  pipeline(): Pipeline | undefined;
  controller(): MapController | undefined;
  lang(): Lang;
  reducedMotion(): boolean;
  /** The reader selected an item (or nothing). */
  select(item: SelectableItem | undefined): void;
  /** The reader opened a shaded country's card (or closed it). */
  openCountry(iso3: string | undefined): void;
  /** The reader opened a cluster's card (or closed it). */
  openCluster(key: string | undefined): void;
  /** The highlighted facility may have changed. */
  highlight(): void;
}

export class Interaction {
  /** The item the arrow keys are on. */
  keyboardItem?: NavItem;
  private readonly tooltip: HoverTooltip;
  /** Where the keyboard expanded a cluster: once zoomed in, the walk goes on from its members. */
  private expandedAt?: LngLat;

  constructor(private readonly host: InteractionHost) {
    this.tooltip = new HoverTooltip(() => host.root().querySelector<HTMLElement>('.tooltip'));
  }

  /** New data: nothing hovered, the walk starts again. */
  reset(): void {
    this.tooltip.hide();
    this.keyboardItem = undefined;
  }

  onPointer(hit: PointerHit | undefined, type: 'hover' | 'click'): void {
    if (type === 'hover') {
      this.showTooltip(hit);
      return;
    }
    if (hit?.kind === 'cluster' || hit?.kind === 'flow-group') {
      this.expand(hit);
      return;
    }
    this.host.openCluster(undefined);
    this.host.openCountry(hit?.kind === 'country' ? hit.id : undefined);
    this.host.select(hit && hit.kind !== 'country' ? { kind: hit.kind, id: hit.id } : undefined);
  }

  /** What is drawn at the current zoom level: clusters, grouped arcs, the keyboard's order. */
  private level(): ViewLevel | undefined {
    return this.host.controller()?.level;
  }

  /** A cluster zooms in until it splits; a grouped arc frames its two ends. */
  private expand(item: { kind: string; id: string }): void {
    const controller = this.host.controller();
    const model = this.host.model();
    if (!controller || !model) return;
    const animate = !this.host.reducedMotion();
    if (item.kind === 'cluster') {
      this.host.openCountry(undefined);
      this.host.select(undefined);
      this.host.openCluster(item.id);
      controller.expandCluster(item.id, animate);
      return;
    }
    const group = this.level()?.groups.get(item.id);
    if (!group) return;
    const ends = [group.from, group.to].flatMap((end) => {
      if (typeof end !== 'string') return model.clusters ? model.clusters.memberIndices(end).map((i) => model.facilities[i].position) : [end.position];
      const flow = group.transfers[0];
      return [model.positionOf('facility', end) ?? model.positionOf('transfer', flow.id)].filter((p): p is LngLat => p !== undefined);
    });
    controller.frame(ends, animate);
  }

  /** A new zoom level: after the keyboard expanded a cluster, the walk goes on at the member nearest to it. */
  onLevel(level: ViewLevel): void {
    const at = this.expandedAt;
    if (!at) return;
    this.expandedAt = undefined;
    const places = level.navigation.filter((i) => i.kind === 'facility' || i.kind === 'cluster');
    const model = this.host.model();
    const distance = (item: NavItem) => {
      const p = this.positionOf(item, model, level);
      return p ? (p[0] - at[0]) ** 2 + (p[1] - at[1]) ** 2 : Infinity;
    };
    const nearest = places.reduce<NavItem | undefined>((best, item) => (!best || distance(item) < distance(best) ? item : best), undefined);
    if (nearest) this.moveTo(nearest, level.navigation, `${strings(this.host.lang()).zoomedIn}. `);
  }

  private positionOf(item: NavItem, model: MapModel | undefined, level: ViewLevel | undefined): LngLat | undefined {
    if (!model) return undefined;
    if (item.kind === 'cluster') return model.clusters?.cluster(item.id)?.position;
    if (item.kind === 'flow-group') {
      const path = level?.flows.find((f) => f.transfer.id === item.id)?.path;
      return path ? path[Math.floor(path.length / 2)] : undefined;
    }
    return model.positionOf(item.kind, item.id);
  }

  /** "CECOT", or "United States → CECOT": what the live region says when an item is reached. */
  itemName(item: NavItem): string {
    const model = this.host.model();
    const pipeline = this.host.pipeline();
    if (!model || !pipeline) return item.id;
    const lang = this.host.lang();
    if (item.kind === 'cluster') {
      const cluster = model.clusters?.cluster(item.id);
      return cluster ? pipeline.clusterName(model, cluster, lang) : item.id;
    }
    if (item.kind === 'flow-group') {
      const group = this.level()?.groups.get(item.id);
      return group ? pipeline.flowGroupName(model, group, lang) : item.id;
    }
    return pipeline.itemName(model.data, item.kind, item.id, lang);
  }

  /** Says something in the live region. */
  /** Says what a year shown by the timeline holds. */
  announceYear(year: number): void {
    const model = this.host.model();
    if (!model) return;
    const lang = this.host.lang();
    const n = (value: number) => formatNumber(value, lang);
    this.announce(strings(lang).yearShown(String(year), model.facilities.length, n(model.facilities.length), model.flows.length, n(model.flows.length)));
  }

  announce(text: string): void {
    const region = this.host.root().querySelector('.announcer');
    if (region) region.textContent = text;
  }

  onMapKeydown = (event: KeyboardEvent) => {
    const model = this.host.model();
    const controller = this.host.controller();
    if (!model || !controller || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = this.level()?.navigation ?? [];
    const at = this.keyboardItem;
    const current = at ? items.findIndex((i) => i.kind === at.kind && i.id === at.id) : -1;
    const action = keyAction(event.key, current < 0 ? undefined : current, items.length);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (action.type === 'zoom') {
      controller.zoomBy(action.delta, !this.host.reducedMotion());
    } else if (action.type === 'select') {
      const item = this.keyboardItem;
      if (item?.kind === 'cluster' || item?.kind === 'flow-group') {
        if (item.kind === 'cluster') this.expandedAt = this.positionOf(item, model, this.level());
        this.expand(item);
        return;
      }
      this.host.openCountry(undefined);
      this.host.select(item as SelectableItem | undefined);
    } else {
      this.moveTo(items[action.index], items);
    }
  };

  /** Puts the keyboard on an item: in view, with its tooltip, highlighted and announced. */
  private moveTo(item: NavItem, items: readonly NavItem[], prefix = ''): void {
    const controller = this.host.controller();
    this.keyboardItem = item;
    const position = this.positionOf(item, this.host.model(), this.level());
    if (position && controller) {
      controller.reveal(position, false);
      this.showTooltip({ ...item, ...controller.screenPoint(position) });
    }
    this.host.highlight();
    this.announce(`${prefix}${this.itemName(item)} (${items.indexOf(item) + 1} / ${items.length})`);
  }

  private showTooltip(hit: PointerHit | undefined): void {
    const model = this.host.model();
    const pipeline = this.host.pipeline();
    if (!hit || !model || !pipeline) {
      this.tooltip.hide();
      return;
    }
    const lang = this.host.lang();
    const level = this.level();
    this.tooltip.show(`${hit.kind}:${hit.id}:${lang}:${level?.zoom}`, () => {
      if (hit.kind === 'cluster') {
        const cluster = model.clusters?.cluster(hit.id);
        return cluster ? pipeline.clusterTooltip(model, cluster, lang) : nothing;
      }
      if (hit.kind === 'flow-group') {
        const group = level?.groups.get(hit.id);
        return group ? pipeline.flowGroupTooltip(model, group, lang) : nothing;
      }
      return pipeline.tooltipFor(model.data, hit.kind, hit.id, lang);
    }, hit, this.host.width());
  }
}
