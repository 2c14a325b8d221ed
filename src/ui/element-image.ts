/**
 * `toImage()` and the "download image" control, from the element's side: what is on screen (the
 * live map, or without one the still image of a released map or the no-WebGL picture), its size
 * and the element's resolved colours, handed to the image writer (image-export.ts). Loaded lazily
 * with it: only a reader who asks for an image pays for it.
 */
import type { Theme } from '../encodings/palette.js';
import type { Lang } from '../i18n/strings.js';
import type { ModelData } from '../model/model.js';
import { composeImage, type ImageRequest } from './image-export.js';

export interface ElementImageSource {
  /** The element's shadow root. */
  root: ParentNode;
  data: ModelData;
  /** The live map, if any: it draws its current view into a 2D context. */
  map?: { drawInto(context: CanvasRenderingContext2D, width: number, height: number): void };
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
  const picture = source.map ? undefined : await staticPicture(source.root, source.still);
  const style = getComputedStyle(frame);
  const color = (name: string) => style.getPropertyValue(name).trim();
  const { clientWidth: width, clientHeight: height } = area;
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

/** Saves a blob as a file through a temporary link (the "download image" control). */
export function saveBlob(blob: Blob, filename: string): void {
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
