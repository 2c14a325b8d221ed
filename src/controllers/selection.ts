/**
 * What the reader has opened: the selected facility or transfer (`selected`, and
 * `prison-map-select` when the reader changes it), a shaded country's card, a cluster's card; the
 * card itself; Escape and the close button clear it and give the keyboard back to the map.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { strings, type Lang } from '../i18n/strings.js';
import type { MapModel, SelectableItem } from '../model/model.js';
import { mapEvent, type PrisonMapSelectDetail } from '../shared/events.js';

type Pipeline = typeof import('../pipeline.js');

export interface SelectionHost extends ReactiveControllerHost, HTMLElement {
  selected: string | undefined;
}

export interface SelectionOptions {
  model(): MapModel | undefined;
  pipeline(): Pipeline | undefined;
  lang(): Lang;
  /** The item's name, for the live region. */
  itemName(item: SelectableItem): string;
  announce(text: string): void;
  /** Where the keyboard goes back to when the card closes (the map's canvas). */
  focusMap(): void;
}

export class SelectionController {
  /** A shaded country whose card is open (countries are not `selected` items). */
  private country?: string;
  /** A cluster the reader clicked (or expanded with Enter): its card describes it. */
  private cluster?: string;

  constructor(private readonly host: SelectionHost, private readonly options: SelectionOptions) {}

  openCountry(iso3: string | undefined): void {
    this.country = iso3;
    this.host.requestUpdate();
  }

  openCluster(key: string | undefined): void {
    this.cluster = key;
    this.host.requestUpdate();
  }

  /** A selection made by the reader: reflects to `selected`, announces it and fires `prison-map-select`. */
  select(item: SelectableItem | undefined): void {
    this.openCluster(undefined);
    if ((item?.id ?? undefined) === (this.host.selected || undefined)) return;
    this.host.selected = item?.id;
    const name = item ? this.options.itemName(item) : '';
    this.options.announce(name ? strings(this.options.lang()).selectedAnnouncement(name) : '');
    this.host.dispatchEvent(mapEvent<PrisonMapSelectDetail>('prison-map-select', item ? { kind: item.kind, id: item.id } : { kind: null, id: null }));
  }

  close(): void {
    this.country = undefined;
    this.select(undefined);
    this.options.focusMap();
  }

  /** Escape closes whatever card is open. */
  onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && (this.host.selected || this.country || this.cluster)) {
      event.stopPropagation();
      this.close();
    }
  };

  /** The details card of what is open, if anything. */
  card() {
    const model = this.options.model();
    const pipeline = this.options.pipeline();
    const lang = this.options.lang();
    const selected = this.host.selected;
    const cluster = !selected ? model?.clusters?.cluster(this.cluster) : undefined;
    const card = model && pipeline && (cluster
      ? pipeline.clusterCardTemplate(model, cluster, lang, () => this.close(), (id) => this.select({ kind: 'facility', id }))
      : pipeline.cardFor(model.data, { selected, country: this.country }, lang, () => this.close()));
    return card ? html`<div class="card" part="details">${card}</div>` : nothing;
  }
}
