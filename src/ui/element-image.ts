/**
 * `toImage()` and the "download image" control, from the element's side: what is on screen (the
 * live map, or without one the still image of a released map or the no-WebGL picture), its size
 * and the element's resolved colours, handed to the image writer (image-export.ts) for a PNG, or
 * to the SVG writer (render/svg.ts) for `type: 'image/svg+xml'`: the same view (the live map's
 * centre and zoom, so every circle sits where the WebGL map draws it) and level, as vector shapes
 * and text. Loaded lazily with them: only a reader who asks for an image pays for it.
 */
import type { Theme } from '../encodings/palette.js';
import { loadCountryShapes } from '../geo/countries.js';
import { strings, type Lang } from '../i18n/strings.js';
import type { ViewLevel } from '../model/level.js';
import type { MapModel, ModelData } from '../model/model.js';
import { renderSvgMap } from '../render/svg.js';
import { composeImage, type ImageRequest } from './image-export.js';

/** What `toImage()` accepts: `type` is `image/png` (the default) or `image/svg+xml`. */
export interface ImageOptions {
  type?: 'image/png' | 'image/svg+xml';
}

export interface ElementImageSource extends ImageOptions {
  /** The element's shadow root. */
  root: ParentNode;
  data: ModelData;
  /** The model drawn (the SVG is drawn from it). */
  model?: MapModel;
  /** The element's `label` (the SVG's `<title>`); the localized default when absent. */
  label?: string;
  /** The selected item (a selected cancelled transfer is drawn). */
  selected?: string;
  /** The live map, if any: it draws its current view into a 2D context, and tells its camera. */
  map?: {
    drawInto(context: CanvasRenderingContext2D, width: number, height: number): void;
    level?: ViewLevel;
    map?: { getCenter(): { lng: number; lat: number }; getZoom(): number };
  };
  /** The still image of a map that gave its WebGL context back. */
  still?: string;
  legend: ImageRequest['legend'];
  lang: Lang;
  theme: Theme;
  /** On the globe, space is drawn behind the map, as on screen. */
  globe: boolean;
}

export async function elementImage(source: ElementImageSource): Promise<Blob> {
  const area = source.root.querySelector<HTMLElement>('.map');
  const frame = source.root.querySelector<HTMLElement>('.frame');
  if (!area || !frame) throw new Error('the map has no data to export yet');
  const type = source.type ?? 'image/png';
  if (type !== 'image/png' && type !== 'image/svg+xml') throw new TypeError(`toImage(): type must be 'image/png' or 'image/svg+xml', not ${JSON.stringify(type)}`);
  const style = getComputedStyle(frame);
  const color = (name: string) => style.getPropertyValue(name).trim();
  const { clientWidth: width, clientHeight: height } = area;
  if (type === 'image/svg+xml') return new Blob([await elementSvg(source, width, height, color, style.fontFamily)], { type });
  const picture = source.map ? undefined : await staticPicture(source.root, source.still);
  return composeImage({
    width, height, pixelRatio: window.devicePixelRatio || 1,
    drawMap: (context) => {
      if (source.map) source.map.drawInto(context, width, height);
      else if (picture) context.drawImage(picture, 0, 0, width, height);
    },
    legend: source.legend,
    data: source.data,
    lang: source.lang,
    theme: source.theme,
    colors: {
      text: color('--_text'), muted: color('--_muted'), panel: color('--_panel'), font: style.fontFamily,
      background: color(source.globe ? '--_space' : '--_background'),
    },
  });
}

/**
 * The SVG of what the reader sees: with a live map, its camera (centre, zoom) and its level; else
 * the no-WebGL picture's own fit, as that picture draws it.
 */
async function elementSvg(source: ElementImageSource, width: number, height: number, color: (name: string) => string, font: string): Promise<string> {
  const model = source.model;
  if (!model) throw new Error('the map has no data to export yet');
  const [countries, borders] = await loadCountryShapes('50m');
  const camera = source.map?.map;
  const center = camera?.getCenter();
  return renderSvgMap({
    model, countries, borders, occupancy: model.data.countries, selected: source.selected,
    theme: source.theme, lang: source.lang, width, height, projection: source.globe ? 'globe' : 'mercator',
    view: camera && center ? { center: [center.lng, center.lat], zoom: camera.getZoom() } : undefined, level: source.map?.level,
    label: source.label || strings(source.lang).mapLabel, legend: source.legend !== undefined,
    colors: {
      text: color('--_text'), muted: color('--_muted'), panel: opaque(color('--_panel')), font,
      background: color(source.globe ? '--_space' : '--_background'),
    },
  }).svg;
}

/** A panel colour without its translucency (nothing is behind the legend in a file). */
function opaque(value: string): string {
  const rgba = /^rgba\((\d+),\s*(\d+),\s*(\d+),\s*[\d.]+\)$/.exec(value);
  return rgba ? `rgb(${rgba[1]}, ${rgba[2]}, ${rgba[3]})` : value;
}

/** Saves a blob as a file through a temporary link (the "download image" control): `prison-map.png` or `.svg`. */
export function saveBlob(blob: Blob, filename = blob.type === 'image/svg+xml' ? 'prison-map.svg' : 'prison-map.png'): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Without a live map: the no-WebGL SVG, or the still image of a released map, as a loaded image. */
async function staticPicture(root: ParentNode, still: string | undefined): Promise<HTMLImageElement | undefined> {
  const svgElement = root.querySelector('.static-map svg');
  const src = svgElement
    ? URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svgElement)], { type: 'image/svg+xml' }))
    : still;
  if (!src) return undefined;
  const image = new Image();
  image.src = src;
  try {
    await image.decode();
    return image;
  } catch {
    return undefined;
  } finally {
    if (svgElement) URL.revokeObjectURL(src);
  }
}
