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
import { yieldToMain } from '../shared/scheduling.js';
import type { StaticMapGeometry } from '../render/geometry.js';
import type { PreviewRequest } from '../ui/preview.js';

export interface PreviewOptions {
  /** A preview is wanted: a lazy element, active, with no drawn map and WebGL not known missing. */
  wanted(): boolean;
  model(): MapModel | undefined;
  /** What the picture shows besides the model: the map's first camera and the room around the data. */
  request(): Pick<PreviewRequest, 'theme' | 'lang' | 'projection' | 'selected'> & { camera: Camera; padding: FramePadding };
  /** The preview has painted (the interactive map may start once the page is idle). */
  painted(): void;
}

export class PreviewController implements ReactiveController {
  /** The painted preview, while shown. */
  canvas?: HTMLCanvasElement;
  /** What it shows, where (CSS px in the map area): the geometry it was drawn from. */
  geometry?: StaticMapGeometry;
  private key?: string;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode }, private readonly options: PreviewOptions) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.checking) return;
    this.checking = true;
    // In a task of its own: the map area's size and colours are read once the render that asked
    // for the picture is done, not forced inside that render's task.
    void yieldToMain().then(() => {
      this.checking = false;
      this.check();
    });
  }

  private checking = false;

  private check(): void {
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
    this.canvas = undefined;
    this.geometry = undefined;
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
    const { paintPreview } = await import('../ui/preview.js');
    const canvas = document.createElement('canvas');
    canvas.className = 'still preview';
    const geometry = await paintPreview(request, canvas);
    if (key !== this.key || !this.options.wanted()) return;
    this.canvas = canvas;
    this.geometry = geometry;
    this.host.requestUpdate();
    await (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    this.host.dispatchEvent(mapEvent('prison-map-preview', {}));
    this.options.painted();
  }
}
