/**
 * The reader's hands on the map: the pointer (hover shows a tooltip, a click or tap selects) and
 * the keyboard (the map is one tab stop; arrows walk the model's reading order, announcing each
 * item; Enter selects; +/- zoom). Hovering and walking touch only the tooltip box and the live
 * region, never the element's template, so they cost the same with 5 facilities or 10,000.
 */
import type { Lang } from '../i18n/strings.js';
import type { MapController, PointerHit } from '../map/controller.js';
import type { MapModel, NavItem } from '../model/model.js';
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
  select(item: NavItem | undefined): void;
  /** The reader opened a shaded country's card (or closed it). */
  openCountry(iso3: string | undefined): void;
  /** The highlighted facility may have changed. */
  highlight(): void;
}

export class Interaction {
  /** The item the arrow keys are on. */
  keyboardItem?: NavItem;
  private readonly tooltip: HoverTooltip;

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
    this.host.openCountry(hit?.kind === 'country' ? hit.id : undefined);
    this.host.select(hit && hit.kind !== 'country' ? { kind: hit.kind, id: hit.id } : undefined);
  }

  /** "CECOT", or "United States → CECOT": what the live region says when an item is reached. */
  itemName(item: NavItem): string {
    const model = this.host.model();
    const pipeline = this.host.pipeline();
    return model && pipeline ? pipeline.itemName(model.data, item.kind, item.id, this.host.lang()) : item.id;
  }

  /** Says something in the live region. */
  announce(text: string): void {
    const region = this.host.root().querySelector('.announcer');
    if (region) region.textContent = text;
  }

  onMapKeydown = (event: KeyboardEvent) => {
    const model = this.host.model();
    const controller = this.host.controller();
    if (!model || !controller || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = model.navigation;
    const at = this.keyboardItem;
    const current = at ? items.findIndex((i) => i.kind === at.kind && i.id === at.id) : -1;
    const action = keyAction(event.key, current < 0 ? undefined : current, items.length);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (action.type === 'zoom') {
      controller.zoomBy(action.delta, !this.host.reducedMotion());
    } else if (action.type === 'select') {
      this.host.openCountry(undefined);
      this.host.select(this.keyboardItem);
    } else {
      const item = items[action.index];
      this.keyboardItem = item;
      const position = model.positionOf(item.kind, item.id);
      if (position) {
        controller.reveal(position, false);
        this.showTooltip({ ...item, ...controller.screenPoint(position) });
      }
      this.host.highlight();
      this.announce(`${this.itemName(item)} (${action.index + 1} / ${items.length})`);
    }
  };

  private showTooltip(hit: PointerHit | undefined): void {
    const model = this.host.model();
    const pipeline = this.host.pipeline();
    if (!hit || !model || !pipeline) {
      this.tooltip.hide();
      return;
    }
    const lang = this.host.lang();
    this.tooltip.show(`${hit.kind}:${hit.id}:${lang}`, () => pipeline.tooltipFor(model.data, hit.kind, hit.id, lang), hit, this.host.width());
  }
}
