/**
 * The reader's fallback when WebGL is unavailable: a static SVG picture of the facilities and
 * transfers, drawn from the same geometry as the exported SVG and `prison-map render`
 * (render/geometry.ts: the projection, countries, shading, circles, clusters, arcs and labels),
 * here as a Lit template so the page's picture carries the reader's titles and the level's names.
 *
 * Text from data only ever goes through Lit text bindings (`<title>`), never HTML. Colours are
 * SVG presentation attributes, never inline styles (a strict CSP blocks them).
 */
import { html, svg, nothing, type TemplateResult } from 'lit';
import type { Facility, Transfer } from '../data/types.js';
import { loadCountryShapes } from '../geo/countries.js';
import { endpointName, facilityDisplayName, facilityNamer } from '../i18n/names.js';
import { PALETTES } from '../encodings/palette.js';
import { CLUSTER_FILL_OPACITY, CLUSTER_STROKE_WIDTH, FACILITY_FILL_OPACITY, FACILITY_STROKE_WIDTH, UNKNOWN_RING_WIDTH } from '../encodings/mark-styles.js';
import type { MapModel } from '../model/model.js';
import type { ViewLevel } from '../model/level.js';
import { strings } from '../i18n/reader-strings.js';
import { staticMapGeometry, round, type StaticMapGeometryInput, type StaticMapLang } from '../render/geometry.js';
import { clusterName, flowGroupName } from './cluster-panels.js';

export {
  centralLongitude, staticMapGeometry, zoomOfProjection,
  type StaticArc, type StaticCircle, type StaticCluster, type StaticCountryShape, type StaticMapGeometry, type StaticMapGeometryInput, type StaticMapLang, type StaticMapTheme,
} from '../render/geometry.js';

export interface StaticMapInput extends Omit<StaticMapGeometryInput, 'countries' | 'borders'> {
  lang: StaticMapLang;
  /** The accessible name of the picture (e.g. the element's `label`). */
  label: string;
}

let renderCount = 0;

/**
 * The static picture as a Lit template: `<svg role="img" aria-label=…>` sized `width`×`height`
 * CSS px. Async because it loads the (cached, lazily imported) 50m countries and borders.
 */
export async function staticMapTemplate(input: StaticMapInput): Promise<TemplateResult> {
  return (await staticMap(input)).template;
}

/** The picture and the level it draws (its legend is that level's: `describeLegend`). */
export async function staticMap(input: StaticMapInput): Promise<{ template: TemplateResult; level: ViewLevel }> {
  const [countries, borders] = await loadCountryShapes('50m');
  const g = staticMapGeometry({ ...input, countries, borders });
  const { model, lang } = input;
  const colors = PALETTES[input.theme].basemap;
  const stroke = PALETTES[input.theme].markStroke;
  const t = strings(lang);
  const prefix = `prison-map-static-${++renderCount}`;
  const names = facilityNamer(model.data.facilities, lang);
  const facilityName = (f: Facility) => facilityDisplayName(f, lang);
  const arcName = (transfer: Transfer) => {
    const group = g.level.groups.get(transfer.id);
    return group ? flowGroupName(model, group, lang) : t.fromTo(endpointName(transfer.from, lang, names), endpointName(transfer.to, lang, names));
  };
  const count = new Intl.NumberFormat(lang, { notation: 'compact' });

  const markers = g.arcs.map(
    // The tip (x = 10) sits `arrowInset` px before the end of the arc, along its last segment.
    (arc, i) => arc.arrowLength === 0 ? nothing : svg`<marker id="${prefix}-arrow-${i}" viewBox="0 0 10 10" refX=${round(10 + (arc.arrowInset * 10) / arc.arrowLength)} refY="5"
      markerUnits="userSpaceOnUse" markerWidth=${round(arc.arrowLength)} markerHeight=${round(arc.arrowHalfWidth * 2)}
      preserveAspectRatio="none" orient="auto"><path d="M0,0L10,5L0,10z" fill=${arc.color} fill-opacity=${arc.opacity}></path></marker>`,
  );

  const template = html`<svg class="static-map" xmlns="http://www.w3.org/2000/svg" role="img" aria-label=${input.label}
    width=${g.width} height=${g.height} viewBox="0 0 ${g.width} ${g.height}" data-zoom=${round(g.zoom)} data-level=${g.level.zoom}>
    <defs>
      <clipPath id="${prefix}-clip"><rect width=${g.width} height=${g.height}></rect></clipPath>
      ${markers}
    </defs>
    <g clip-path="url(#${prefix}-clip)">
      ${g.sphere
        ? svg`<path class="sea sphere" d=${g.sphere} fill=${colors.sea} stroke=${colors.coastline}></path>`
        : svg`<rect class="sea" width=${g.width} height=${g.height} fill=${colors.sea}></rect>`}
      <g class="land" stroke=${colors.coastline} stroke-width="0.5" stroke-linejoin="round">
        ${g.countries.map((c) => svg`<path data-iso3=${c.iso3} d=${c.d} fill=${c.fill}></path>`)}
      </g>
      ${g.borders
        ? svg`<path class="borders" d=${g.borders} fill="none" stroke=${colors.border} stroke-width="0.6" stroke-linejoin="round" stroke-linecap="round"></path>`
        : nothing}
      <g class="transfers" fill="none">
        ${g.arcs.map(
          (arc, i) => svg`<path class="transfer" data-id=${arc.transfer.id} d=${arc.d} stroke=${arc.color}
            stroke-opacity=${arc.opacity} stroke-width=${arc.width} stroke-linecap=${arc.linecap}
            stroke-linejoin="round" stroke-dasharray=${arc.dasharray ?? nothing}
            marker-end=${arc.arrowLength === 0 ? nothing : `url(#${prefix}-arrow-${i})`}><title>${arcName(arc.transfer)}</title></path>`,
        )}
      </g>
      <g class="facilities">
        ${g.clusters.map((c) => svg`<g class="cluster" data-cluster=${c.cluster.key}>
          <circle cx=${c.cx} cy=${c.cy} r=${c.r} fill=${c.color} fill-opacity=${CLUSTER_FILL_OPACITY} stroke=${stroke}
            stroke-width=${CLUSTER_STROKE_WIDTH}><title>${clusterName(model, c.cluster, lang)}</title></circle>
          <text x=${c.cx} y=${c.cy} text-anchor="middle" dominant-baseline="central" font-size="11" fill=${stroke}>${count.format(c.cluster.count)}</text></g>`)}
        ${g.circles.map((c) =>
          c.hollow
            ? svg`<circle class="facility unknown-capacity" data-id=${c.facility.id} cx=${c.cx} cy=${c.cy} r=${c.r}
                fill="none" stroke=${c.color} stroke-width=${UNKNOWN_RING_WIDTH}><title>${facilityName(c.facility)}</title></circle>`
            : svg`<circle class="facility" data-id=${c.facility.id} cx=${c.cx} cy=${c.cy} r=${c.r}
                fill=${c.color} fill-opacity=${FACILITY_FILL_OPACITY} stroke=${stroke} stroke-width=${FACILITY_STROKE_WIDTH}><title>${facilityName(c.facility)}</title></circle>`,
        )}
      </g>
    </g>
  </svg>`;
  return { template, level: g.level };
}

/** The static picture of a model, sized to the box it replaces the map in, and the level it draws. */
export function staticMapOf(
  model: MapModel, box: Element, view: Pick<StaticMapInput, 'selected' | 'theme' | 'lang' | 'label' | 'projection'>,
): Promise<{ template: TemplateResult; level: ViewLevel }> {
  const { width, height } = box.getBoundingClientRect();
  return staticMap({
    ...view, model, occupancy: model.data.countries,
    width: Math.max(200, Math.round(width)), height: Math.max(150, Math.round(height)),
  });
}
