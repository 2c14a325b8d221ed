/**
 * Drawing the model on the map, and saying so: `whenReady()` and `prison-map-ready`.
 *
 * Each model is pushed to the map in a task of its own (with thousands of facilities, building the
 * model and rendering its panels, and handing it to the map, are each long: together they would
 * block the page). `prison-map-ready` fires once the map has drawn it, for news only: a new map,
 * new data, `max-flows`, `cluster` or `year`; not a model rebuilt because the map changed size,
 * unless that rebuild overtook the first drawing of news.
 */
import type { MapController } from '../map/controller.js';
import type { MapModel } from '../model/model.js';
import { Deferred, mapEvent, type PrisonMapReadyDetail } from '../shared/events.js';
import { yieldToMain } from '../shared/scheduling.js';
import { markStartup } from '../shared/timing.js';

export interface MapDrawingOptions {
  /** The model to show. */
  model(): MapModel | undefined;
  /** The live map, if any. */
  controller(): MapController | undefined;
  /** The first view of a map's first model (`focus-on`, the page's centre, or the data). */
  firstView(controller: MapController, model: MapModel): void;
  /** Motion is allowed (a year change then animates: facilities grow in and shrink out). */
  motion(): boolean;
  /** After the model is handed to the map (highlights follow it). */
  afterSetModel(): void;
  /** The map has drawn the current data. */
  drawn(): void;
}

export class MapDrawing {
  private ready = new Deferred();
  /** The model the map shows, once handed over; undefined for a map that has drawn nothing. */
  private drawnModel?: MapModel;
  /** The model was rebuilt for a new `year` only: the map animates the change. */
  private yearOnly = false;
  /** A model rebuilt only because the map's size changed: drawing it is not news. */
  private resizedModel?: MapModel;
  /** Some map has drawn some data (a lazy element's preview is no longer needed). */
  drawnOnce = false;
  /** The data the last `prison-map-ready` was fired for, and the map that drew it. */
  private announced?: { data: object; controller: MapController };
  /** A rebuild that is news has not been announced yet, even if a resize overtook it. */
  private announcePending = false;

  constructor(private readonly host: HTMLElement, private readonly options: MapDrawingOptions) {}

  get promise(): Promise<void> {
    return this.ready.promise;
  }

  /** New data was asked for: a settled `whenReady()` starts waiting again. */
  dataRequested(): void {
    if (this.ready.settled) this.ready = new Deferred();
  }

  /** A model was built; `resizeOnly` when only the map's size (and so the radius) changed, `yearOnly` when only `year` did. */
  modelBuilt(model: MapModel, resizeOnly: boolean, yearOnly: boolean): void {
    this.yearOnly = yearOnly;
    this.resizedModel = resizeOnly ? model : undefined;
    if (!resizeOnly) this.announcePending = true;
  }

  /** Data or the map failed. */
  failed(error: Error): void {
    this.ready.reject(error);
  }

  /** A map was created; `restored` when it comes back after giving its context away (the view is kept). */
  mapCreated(restored: boolean): void {
    this.drawnModel = restored ? this.options.model() : undefined;
  }

  /** Pushes the current model to the map; fires `prison-map-ready` once it is drawn. */
  draw(controller: MapController): void {
    const model = this.options.model();
    if (!model) return;
    const first = this.drawnModel === undefined;
    this.drawnModel = model;
    void yieldToMain().then(() => {
      if (this.options.model() !== model || this.options.controller() !== controller) return;
      if (first) this.options.firstView(controller, model);
      const yearOnly = this.yearOnly && this.options.motion();
      this.yearOnly = false;
      controller.setModel(model, !first && yearOnly);
      if (first) markStartup('model-drawn');
      this.options.afterSetModel();
      void controller.whenDrawn().then(() => this.announce(model, controller), () => undefined);
    });
  }

  private announce(model: MapModel, controller: MapController): void {
    if (this.options.model() !== model || this.options.controller() !== controller) return;
    this.drawnOnce = true;
    this.options.drawn();
    const errors = model.data.errors;
    if (errors.length > 0) this.ready.reject(new Error(errors.map((e) => e.message).join('; ')));
    else this.ready.resolve();
    const resized = model === this.resizedModel && !this.announcePending;
    if (resized && this.announced?.data === model.data && this.announced.controller === controller) return;
    this.announced = { data: model.data, controller };
    this.announcePending = false;
    markStartup('ready');
    this.host.dispatchEvent(mapEvent<PrisonMapReadyDetail>('prison-map-ready', { facilities: model.facilities.length, transfers: model.flows.length, issues: [...model.issues] }));
  }
}

/** What changed since the model on screen. */
export interface Rebuild {
  newData: boolean;
  yearOnly: boolean;
}

/**
 * When the model is rebuilt: new data, a new radius (a resize, `max-radius`), `max-flows`,
 * `cluster` or `year`. A change stays pending until a model is built for it ({@link built}): one
 * that waits for its clusters adds up with the changes made meanwhile.
 */
export class ModelRebuilds {
  private input?: object;
  private radius?: number;
  private pending?: Rebuild;

  /** What changed since the last model built; undefined when nothing the model depends on did. */
  next(input: object, radius: number, has: (property: string) => boolean): Rebuild | undefined {
    if (input !== this.input || radius !== this.radius || has('maxFlows') || has('cluster') || has('year')) {
      const newData = input !== this.input;
      const change = { newData, yearOnly: !newData && has('year') };
      this.pending = this.pending
        ? { newData: this.pending.newData || change.newData, yearOnly: this.pending.yearOnly && change.yearOnly }
        : change;
      this.input = input;
      this.radius = radius;
    }
    return this.pending;
  }

  /** A model was built for what {@link next} returned. */
  built(): void {
    this.pending = undefined;
  }

  /** A model is waiting for its clusters: the one on screen is about to be replaced. */
  get waiting(): boolean {
    return this.pending !== undefined;
  }
}
