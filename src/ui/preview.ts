/**
 * The preview: a still picture of the map's first view (countries, shading, circles, arcs,
 * labels), painted before MapLibre is loaded, from the same level and geometry as the SVG export
 * (render/geometry.ts), on Natural Earth's light 110m outlines, drawn straight onto a canvas
 * (ui/canvas-map.ts). The HTML legend beside it is the element's own. Loaded lazily, in its own
 * chunk, when a lazy map nears the viewport.
 */
import type { Theme } from '../encodings/palette.js';
import { loadCountries, loadCountryBorders } from '../geo/countries.js';
import type { Lang } from '../i18n/strings.js';
import type { MapModel } from '../model/model.js';
import { staticMapGeometrySteps, type StaticMapGeometry } from '../render/geometry.js';
import { DEFAULT_PICTURE_COLORS } from '../render/svg.js';
import { runInSlices, yieldToMain } from '../shared/scheduling.js';
import { drawMapOnCanvas } from './canvas-map.js';

/** How long one slice of placing the marks may hold the main thread (ms): 4x that on a phone stays under a long task's 50. */
const SLICE_MS = 8;

export interface PreviewRequest {
  model: MapModel;
  width: number;
  height: number;
  /** The view the interactive map will open on (camera.ts `flatView`). */
  view: { center: [number, number]; zoom: number };
  theme: Theme;
  lang: Lang;
  projection: 'mercator' | 'globe';
  selected?: string;
  /** Behind the map: the element's sea (or space) colour. */
  background: string;
}

/**
 * Paints the preview onto `canvas` (sized here, at the device's pixel ratio) and returns the
 * geometry it drew. The marks are placed in slices and drawn in a task of their own, so that the
 * page's main thread is never held for long (a long task is 50 ms; a phone is several times slower
 * than the machine that measures it).
 */
export async function paintPreview(request: PreviewRequest, canvas: HTMLCanvasElement): Promise<StaticMapGeometry> {
  // The outlines and the borders are each made from the topology once, in tasks of their own.
  const countries = await loadCountries('110m');
  await yieldToMain();
  const borders = await loadCountryBorders('110m');
  await yieldToMain();
  const { model, width, height, theme, lang, projection, selected, view } = request;
  const geometry = await runInSlices(staticMapGeometrySteps({
    model, countries, borders, occupancy: model.data.countries, selected, theme, lang, width, height, projection,
    view: projection === 'mercator' ? view : undefined,
  }), SLICE_MS);
  await yieldToMain();
  const scale = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (context) drawMapOnCanvas(context, geometry, { theme, lang, background: request.background, font: DEFAULT_PICTURE_COLORS[theme].font }, scale);
  return geometry;
}
