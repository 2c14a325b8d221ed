/**
 * The preview: a still picture of the map's first view (countries, shading, circles, arcs,
 * labels), painted before MapLibre is loaded, from the same level and renderer as the SVG export
 * (render/svg.ts), on Natural Earth's light 110m outlines. The HTML legend beside it is the
 * element's own. Loaded lazily, in its own chunk, when a lazy map nears the viewport.
 */
import type { Theme } from '../encodings/palette.js';
import { loadCountryShapes } from '../geo/countries.js';
import type { Lang } from '../i18n/strings.js';
import type { MapModel } from '../model/model.js';
import { renderSvgMap } from '../render/svg.js';

export interface PreviewRequest {
  model: MapModel;
  width: number;
  height: number;
  /** The view the interactive map will open on (camera.ts `flatView`). */
  view: { center: [number, number]; zoom: number };
  theme: Theme;
  lang: Lang;
  label: string;
  projection: 'mercator' | 'globe';
  selected?: string;
  /** Behind the map: the element's sea (or space) colour. */
  background: string;
}

/** The preview as an SVG document (a string), map only: the element shows its own legend. */
export async function previewSvg(request: PreviewRequest): Promise<string> {
  const [countries, borders] = await loadCountryShapes('110m');
  const { model, width, height, theme, lang, label, projection, selected, view } = request;
  return renderSvgMap({
    model, countries, borders, occupancy: model.data.countries, selected, theme, lang, width, height, projection,
    view: projection === 'mercator' ? view : undefined, label, legend: false,
    colors: { background: request.background },
  }).svg;
}
