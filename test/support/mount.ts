/** Test helpers: mount elements in the page, wait for events, read what the map canvas shows. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { executeServerCommand } from '@web/test-runner-commands';
import type { PrisonMapElement } from '../../src/prison-map.js';
import type { SyntheticData } from './synthetic-data.js';
import { mapIdle } from './wait.js';

const mounted: Element[] = [];

/** Adds markup to the page; everything mounted is removed by `cleanup()`. */
export function mount<T extends Element = PrisonMapElement>(markup: string): T {
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  const element = holder.firstElementChild as T;
  document.body.append(element);
  mounted.push(element);
  return element;
}

/** A `<prison-map>` of this size (eager, no animation) drawing `data`, once ready and its map idle. */
export async function mountData(data: SyntheticData, width: number, height: number, attributes = ''): Promise<PrisonMapElement> {
  const el = mount(`<prison-map loading="eager" no-animation ${attributes} style="width:${width}px;height:${height}px"></prison-map>`);
  el.facilitiesData = data.facilities;
  el.transfersData = data.transfers;
  el.countriesData = [];
  await nextEvent(el, 'prison-map-ready', 120000);
  await el.updateComplete;
  await mapIdle(mapOf(el));
  return el;
}

/**
 * The element's map with MapLibre's own types. The element's `map` getter is typed by the small
 * interface the package publishes (`PrisonMapMapLibre`, src/map/public-map.ts); the tests look
 * into the rest of MapLibre's `Map` (sources, layers, feature state). Undefined before the map
 * exists, as `el.map` is.
 */
export function mapOf(el: PrisonMapElement): MapLibreMap {
  return el.map as unknown as MapLibreMap;
}

export function cleanup(): void {
  for (const element of mounted.splice(0)) element.remove();
}

export function nextEvent<T = unknown>(target: EventTarget, type: string, timeoutMs = 25000): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeoutMs} ms`)), timeoutMs);
    target.addEventListener(type, (event) => {
      clearTimeout(timer);
      resolve(event as CustomEvent<T>);
    }, { once: true });
  });
}

export interface Pixels {
  width: number;
  height: number;
  /** RGBA of the CSS pixel (x, y) from the top left. */
  at(x: number, y: number): [number, number, number, number];
}

/**
 * Renders the map now and reads its pixels in the same task, before the browser composites and
 * clears the drawing buffer: what a reader would see in that frame.
 */
export function readMapPixels(map: MapLibreMap): Pixels {
  map.redraw();
  const canvas = map.getCanvas();
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
  const { drawingBufferWidth: width, drawingBufferHeight: height } = gl;
  const data = new Uint8Array(width * height * 4);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, data);
  const scale = width / canvas.clientWidth;
  return {
    width, height,
    at(x, y) {
      const px = Math.round(x * scale);
      const py = height - 1 - Math.round(y * scale);
      const i = (py * width + px) * 4;
      return [data[i], data[i + 1], data[i + 2], data[i + 3]];
    },
  };
}

export function colorDistance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** URLs the test page has requested so far (recorded by the test runner, outside the page). */
export async function requestedUrls(): Promise<string[]> {
  return (await executeServerCommand<string[], undefined>('request-log')) ?? [];
}

/** The module that defines `<prison-map>`, as a URL another document can import. */
export const ELEMENT_MODULE_URL = new URL('/src/index.ts', location.href).href;

/**
 * A fresh page: an iframe (mounted, so `cleanup()` removes it) whose document is `html`. No module
 * is loaded in it until the page's own script or {@link loadElementModule} does.
 */
export function freshDocument(html: string, iframeStyle: string): { doc: Document; win: Window } {
  const iframe = mount<HTMLIFrameElement>(`<iframe style="${iframeStyle}"></iframe>`);
  const doc = iframe.contentDocument!;
  doc.open();
  doc.write(html);
  doc.close();
  return { doc, win: iframe.contentWindow! };
}

/** Defines `<prison-map>` in a fresh document: a module script at the end of its body. */
export function loadElementModule(doc: Document): void {
  const script = doc.createElement('script');
  script.type = 'module';
  script.textContent = `import '${ELEMENT_MODULE_URL}';`;
  doc.body.append(script);
}
