/**
 * Keeps the live map in step with the element: theme, language, basemap, projection, the camera
 * (`focus-on`, `center`/`zoom`, the first view of the data, reset), highlights and motion. The
 * camera flies unless the reader asked for less motion.
 */
import type { MapController } from '../map/controller.js';
import { dataCamera, explicitCamera } from '../model/camera.js';
import type { MapModel } from '../model/model.js';
import type { Theme } from '../encodings/palette.js';
import type { Lang } from '../i18n/strings.js';

type Pipeline = typeof import('../pipeline.js');

/** The element's attributes this reads. */
export interface MapSyncHost {
  readonly focusOn: string | undefined;
  readonly selected: string | undefined;
  readonly center: string | undefined;
  readonly zoom: number | undefined;
  readonly basemap: string | undefined;
  readonly workerUrl: string | undefined;
}

export interface MapSyncOptions {
  controller(): MapController | undefined;
  model(): MapModel | undefined;
  pipeline(): Pipeline | undefined;
  reducedMotion(): boolean;
  /** The facility the keyboard walk is on, if any (it is highlighted). */
  keyboardFacility(): string | undefined;
}

export class MapSync {
  constructor(private readonly host: MapSyncHost, private readonly options: MapSyncOptions) {}

  /** Where a new map's basemap and worker come from, and its first camera. */
  mapOptions() {
    const { basemap, workerUrl } = this.host;
    return {
      basemapUrl: basemap ? new URL(basemap, document.baseURI).href : undefined,
      workerUrl: workerUrl ? new URL(workerUrl, document.baseURI).href : undefined,
      camera: explicitCamera(this.host.center, this.host.zoom) ?? dataCamera(this.options.model()) ?? { kind: 'world' as const },
    };
  }

  /** After an update: applies what changed to the live map. */
  update(has: (name: string) => boolean, state: { theme: Theme; lang: Lang; projection: 'mercator' | 'globe' }): void {
    const controller = this.options.controller();
    if (!controller) return;
    controller.setTheme(state.theme);
    controller.setLanguage(state.lang);
    if (has('basemap')) controller.setBasemap(this.host.basemap || undefined);
    if (has('projection')) controller.setProjection(state.projection);
    if (has('center') || has('zoom')) {
      // Flown, as `focus-on` is (a story step may set them).
      const camera = explicitCamera(this.host.center, this.host.zoom);
      if (camera) controller.moveCamera(camera, !this.options.reducedMotion());
    }
    if (has('focusOn') && this.host.focusOn) this.flyTo(this.host.focusOn);
    if (has('focusOn') || has('selected') || has('_model')) this.highlights();
  }

  /** Fits the view to a facility id or country code. */
  flyTo(target: string): void {
    const controller = this.options.controller();
    const pipeline = this.options.pipeline();
    if (!controller || !pipeline) return;
    void pipeline.focusCamera(this.options.model(), target).then((camera) => {
      if (camera && this.options.controller() === controller) controller.moveCamera(camera, !this.options.reducedMotion());
    });
  }

  /** A map's first view of its data: `focus-on`, else the page's centre, else everything drawn. */
  firstView(controller: MapController, model: MapModel): void {
    // The legend rendered with this model may have just shrunk the map: fit to the size it has now.
    controller.resize();
    // Before the data is set, so that what is drawn for the zoom level (clusters, arcs) is computed once.
    if (this.host.focusOn) this.flyTo(this.host.focusOn);
    else if (!explicitCamera(this.host.center, this.host.zoom)) {
      const camera = dataCamera(model);
      if (camera) controller.moveCamera(camera, false);
    }
  }

  /** Back to the view that shows all the data (or the page's own centre and zoom). */
  resetView(): void {
    const camera = explicitCamera(this.host.center, this.host.zoom) ?? dataCamera(this.options.model());
    if (camera) this.options.controller()?.moveCamera(camera, !this.options.reducedMotion());
  }

  /** The selected (else walked to, else focused) facility, the focused country and the selected transfer. */
  highlights(): void {
    const controller = this.options.controller();
    if (!controller) return;
    const model = this.options.model();
    const { selected, focusOn } = this.host;
    controller.highlightFacility((model?.facility(selected) ?? model?.facility(this.options.keyboardFacility()) ?? model?.facility(focusOn))?.id);
    controller.highlightCountry(focusOn && !model?.facility(focusOn) ? focusOn : undefined);
    controller.selectTransfer(model?.transfer(selected)?.id);
  }
}
