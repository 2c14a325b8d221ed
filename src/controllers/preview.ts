/**
 * `loading="lazy"`: the preview, painted when the element nears the viewport and its data is in,
 * before MapLibre is loaded (ui/preview.ts). It stays until the interactive map has drawn, then
 * goes; `prison-map-preview` says it has painted. It is painted again when what it shows changes
 * (data, language, theme, size) while no map has drawn.
 *
 * It is painted on a canvas, as the interactive map is: an `<img>` of it would become the page's
 * Largest Contentful Paint, which should be the article's own headline or photo, not a picture
 * that arrives after the element's script and data.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { flatView, type Camera } from '../model/camera.js';
import type { MapModel } from '../model/model.js';
import type { FramePadding } from '../map/controller.js';
import { mapEvent } from '../shared/events.js';
import type { PreviewRequest } from '../ui/preview.js';

export interface PreviewOptions {
  /** A preview is wanted: a lazy element, active, with no drawn map and WebGL not known missing. */
  wanted(): boolean;
  model(): MapModel | undefined;
  /** What the picture shows besides the model: the map's first camera and the room around the data. */
  request(): Pick<PreviewRequest, 'theme' | 'lang' | 'label' | 'projection' | 'selected'> & { camera: Camera; padding: FramePadding };
  /** The preview has painted (the interactive map may start once the page is idle). */
  painted(): void;
}

export class PreviewController implements ReactiveController {
  /** The painted preview, while shown; its `data-src` is an object URL of the SVG it was drawn from. */
  canvas?: HTMLCanvasElement;
  private key?: string;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode }, private readonly options: PreviewOptions) {
    host.addController(this);
  }

  hostUpdated(): void {
    const model = this.options.model();
    if (!model || !this.options.wanted()) return;
    const request = this.requestFor();
    if (!request) return;
    const key = JSON.stringify([request.width, request.height, request.theme, request.lang, request.view, request.projection, request.selected]);
    if (key === this.key && this.model === model) return;
    this.key = key;
    this.model = model;
    void this.paint({ ...request, model });
  }

  hostDisconnected(): void {
    this.drop();
  }

  /** The interactive map has drawn: the preview goes. */
  drop(): void {
    if (!this.canvas) return;
    URL.revokeObjectURL(this.canvas.dataset.src!);
    this.canvas = undefined;
    this.key = undefined;
    this.host.requestUpdate();
  }

  private model?: MapModel;

  /** The map area's size, the view the interactive map will open on, and the colour behind the map. */
  private requestFor(): Omit<PreviewRequest, 'model'> | undefined {
    const area = this.host.renderRoot.querySelector<HTMLElement>('.map');
    const frame = this.host.renderRoot.querySelector<HTMLElement>('.frame');
    if (!area || !frame || area.clientWidth === 0) return undefined;
    const { camera, padding, ...rest } = this.options.request();
    const size = { width: area.clientWidth, height: area.clientHeight };
    const background = getComputedStyle(frame).getPropertyValue(rest.projection === 'globe' ? '--_space' : '--_background').trim();
    return { ...rest, ...size, view: flatView(camera, size, padding), background };
  }

  private async paint(request: PreviewRequest): Promise<void> {
    const key = this.key;
    const { previewSvg } = await import('../ui/preview.js');
    const svg = await previewSvg(request);
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    const image = new Image();
    image.src = url;
    const decoded = await image.decode().then(() => true, () => false);
    if (key !== this.key || !this.options.wanted() || !decoded) {
      URL.revokeObjectURL(url);
      return;
    }
    const canvas = document.createElement('canvas');
    canvas.className = 'still preview';
    canvas.dataset.src = url;
    const scale = window.devicePixelRatio || 1;
    canvas.width = Math.round(request.width * scale);
    canvas.height = Math.round(request.height * scale);
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
    const previous = this.canvas;
    this.canvas = canvas;
    this.host.requestUpdate();
    await (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    if (previous) URL.revokeObjectURL(previous.dataset.src!);
    this.host.dispatchEvent(mapEvent('prison-map-preview', {}));
    this.options.painted();
  }
}
