/**
 * The element's public attributes and properties (README.md, "Attributes" and "Properties and
 * methods"), with their defaults: the API surface, apart from the behaviour in prison-map.ts.
 */
import { LitElement, type ComplexAttributeConverter } from 'lit';
import { MISBOUND_ATTRIBUTES } from './binding-mistakes.js';
import type { CountriesInput, FacilitiesInput, TransfersInput } from './data/types.js';
import { DEFAULT_MAX_RADIUS, fixedMaxRadius } from './encodings/shell.js';

/**
 * A boolean attribute is on when present, except with the value "false" (any case): frameworks
 * that bind `no-legend={false}` as an attribute write `no-legend="false"`, which means off.
 */
export const booleanAttribute: ComplexAttributeConverter<boolean> = {
  fromAttribute: (value) => value !== null && value.trim().toLowerCase() !== 'false',
  toAttribute: (value) => (value ? '' : null),
};

/**
 * The public API of `<prison-map>`: attributes and properties here, and its events, parts, slot
 * and CSS custom properties below (the manifest lists them on the element).
 *
 * @fires {PrisonMapReadyDetail} prison-map-ready - The map has drawn the current data. Detail: `{facilities, transfers, issues}`.
 * @fires {PrisonMapSelectDetail} prison-map-select - The reader selected or cleared an item. Detail: `{kind, id}`.
 * @fires {PrisonMapErrorDetail} prison-map-error - A dataset could not be loaded, or the map could not be created. Detail: `{source, message}`.
 * @fires prison-map-preview - With `loading="lazy"`: the preview (a still picture of the map's first view, painted before MapLibre) has painted. Detail: `{}`.
 *
 * @csspart map - The map area.
 * @csspart legend - The legend.
 * @csspart tooltip - The hover tooltip.
 * @csspart details - The details card of the selected item.
 * @csspart table - The data tables.
 * @csspart status - Loading and error messages.
 *
 * @slot - Fallback content, such as an `<img>` of the map: shown in the map area until the map has drawn (the first `prison-map-ready`), and by the browser when JavaScript is off.
 *
 * @cssprop --prison-map-height - Height of the element (default 480px).
 * @cssprop --prison-map-font - Font family of all text.
 * @cssprop --prison-map-background - Background behind the map while it loads.
 * @cssprop --prison-map-space - Around the globe (`projection="globe"`).
 * @cssprop --prison-map-text - Text colour of the legend, cards and tables.
 * @cssprop --prison-map-panel - Background of the legend, cards and tables.
 * @cssprop --prison-map-radius - Corner radius of panels.
 * @cssprop --prison-map-muted - Secondary text colour.
 * @cssprop --prison-map-border - Border colour of panels.
 * @cssprop --prison-map-focus - Focus ring colour.
 * @cssprop --prison-map-status-operational - Circle colour of operational facilities.
 * @cssprop --prison-map-status-under-construction - Circle colour of facilities under construction.
 * @cssprop --prison-map-status-planned - Circle colour of planned facilities.
 * @cssprop --prison-map-status-on-hold - Circle colour of facilities on hold.
 * @cssprop --prison-map-status-cancelled - Circle colour of cancelled facilities.
 */
export class PrisonMapProperties extends LitElement {
  static override properties = {
    facilities: { type: String },
    transfers: { type: String },
    countries: { type: String },
    lang: { type: String },
    center: { type: String },
    zoom: { type: Number },
    focusOn: { type: String, attribute: 'focus-on', reflect: true },
    selected: { type: String, reflect: true },
    basemap: { type: String },
    theme: { type: String },
    // Own accessor: reading gives the radius in use, whether fixed or following the map's size.
    maxRadius: { type: Number, attribute: 'max-radius', noAccessor: true },
    label: { type: String },
    loading: { type: String },
    workerUrl: { type: String, attribute: 'worker-url' },
    noAnimation: { type: Boolean, attribute: 'no-animation', converter: booleanAttribute },
    noLegend: { type: Boolean, attribute: 'no-legend', converter: booleanAttribute },
    noExport: { type: Boolean, attribute: 'no-export', converter: booleanAttribute },
    maxFlows: { type: Number, attribute: 'max-flows' },
    cluster: { type: String },
    year: { type: String, reflect: true },
    timeline: { type: Boolean, converter: booleanAttribute },
    projection: { type: String },
    facilitiesData: { attribute: false },
    transfersData: { attribute: false },
    countriesData: { attribute: false },
  };

  /** URL of the facilities (GeoJSON or CSV). Without any data URL or property, the bundled dataset is shown. */
  declare facilities: string | undefined;
  /** URL of the transfers (JSON or CSV). */
  declare transfers: string | undefined;
  /** URL of the country context (JSON or CSV). */
  declare countries: string | undefined;
  /** `en` or `es`; when absent, the closest ancestor's `lang`, else `en`. */
  declare lang: string;
  /** Initial centre as "lat,lng"; when absent, the view fits the data. */
  declare center: string | undefined;
  /** Initial zoom; when absent, the view fits the data. */
  declare zoom: number | undefined;
  /** A facility id or ISO 3166-1 alpha-3 code to fit the view to and highlight. */
  declare focusOn: string | undefined;
  /** Id of the facility or transfer whose details are open. */
  declare selected: string | undefined;
  /** URL of a MapLibre style JSON that replaces the built-in offline basemap. */
  declare basemap: string | undefined;
  /** `light`, `dark` or `auto` (follows `prefers-color-scheme`). */
  declare theme: 'light' | 'dark' | 'auto';
  /**
   * Radius in CSS px of the largest capacity in the data. Unless set, 6% of the map's shorter side
   * (at least 12), following the map's size; a number fixes it (a scale shared by several maps).
   * Reading it gives the radius in use.
   */
  get maxRadius(): number {
    return fixedMaxRadius(this.fixedRadius) ?? this.automaticMaxRadius();
  }
  set maxRadius(value: number | null | undefined) {
    const old = this.fixedRadius;
    this.fixedRadius = value ?? undefined;
    this.requestUpdate('maxRadius', old);
  }
  private fixedRadius?: number;
  /** The radius when none is fixed; the element measures its map. @internal */
  protected automaticMaxRadius(): number {
    return DEFAULT_MAX_RADIUS;
  }
  /** Accessible name of the map; defaults to a localized "Map of prison facilities and transfers". */
  declare label: string | undefined;
  /** `lazy` creates the map only when the element nears the viewport; `eager` at once. */
  declare loading: 'lazy' | 'eager';
  /** URL of the MapLibre worker script, for self-hosting under a strict CSP. */
  declare workerUrl: string | undefined;
  /** Draw transfers without motion. */
  declare noAnimation: boolean;
  /** Hide the legend. */
  declare noLegend: boolean;
  /** Hide the "download image" control (`toImage()` still works). */
  declare noExport: boolean;
  /**
   * The most transfers drawn at once, largest `count` first (default 500); the legend says how
   * many smaller ones are left out, and they stay in the tables.
   */
  declare maxFlows: number | undefined;
  /**
   * Groups nearby facilities into one circle sized by their summed capacity where they would
   * overlap: `auto` (above 200 facilities), `on` or `off`. Arcs are then drawn between clusters.
   */
  declare cluster: 'auto' | 'on' | 'off';
  /**
   * Shows the state in that year (`YYYY`): facilities opened or announced by then, transfers of
   * that year or earlier that are not cancelled; records without a date are always shown.
   */
  declare year: string | undefined;
  /** Shows a year slider with play/pause that drives `year` (never plays by itself). */
  declare timeline: boolean;
  /**
   * `mercator` (the flat map) or `globe`: the same map (basemap, shading, facilities, animated
   * arcs, hit-testing) on MapLibre's globe. Switching at any time keeps the map and its view.
   */
  declare projection: 'mercator' | 'globe';
  /** Facilities as a GeoJSON FeatureCollection; wins over the `facilities` URL. */
  declare facilitiesData: FacilitiesInput | undefined;
  /** Transfers as an array of objects; wins over the `transfers` URL. */
  declare transfersData: TransfersInput | undefined;
  /** Country context as an array of objects; wins over the `countries` URL. */
  declare countriesData: CountriesInput | undefined;

  /** Also watched: attributes only a wrong data binding writes (binding-mistakes.ts). */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, ...MISBOUND_ATTRIBUTES];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (MISBOUND_ATTRIBUTES.includes(name)) this.requestUpdate();
  }

  constructor() {
    super();
    this.theme = 'auto';
    this.loading = 'lazy';
    this.noAnimation = false;
    this.noLegend = false;
    this.noExport = false;
    this.cluster = 'auto';
    this.timeline = false;
    this.projection = 'mercator';
  }
}
