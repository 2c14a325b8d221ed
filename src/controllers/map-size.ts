/**
 * The map area's size, and what follows from it: the automatic `max-radius` (6% of the shorter
 * side) and the room kept around the data when the camera frames it.
 *
 * The radius follows the size with hysteresis: the legend's circles (and its wrapping) follow the
 * radius and the map's height follows the legend, so a larger radius can shrink the map back below
 * it and loop (seen with the Spanish legend: 22 → 18 → 22 px, the map never settling). Shrinking
 * always applies (never over 6%); growing needs 2 px and a change of the element's own size, not
 * only of the map area inside it.
 */
import type { ReactiveControllerHost } from 'lit';
import { automaticMaxRadius } from '../encodings/shell.js';
import type { FramePadding } from '../map/controller.js';

/** The control bar over the map's top edge (styles.ts: 10 px inset + 32 px buttons) and a gap. */
const CONTROL_BAR_HEIGHT = 48;

export interface Box {
  width: number;
  height: number;
}

export interface MapSizeHost extends ReactiveControllerHost {
  readonly clientWidth: number;
  readonly clientHeight: number;
  requestUpdate(name?: PropertyKey, oldValue?: unknown): void;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The radius in use (fixed by the page, or this controller's automatic one). */
  readonly maxRadius: number;
}

export class MapSizeController {
  /** The map area's size in CSS px, once laid out. */
  private box?: Box;
  /** The element's own size when the radius last followed the map area. */
  private hostBox?: Box;
  private frame = 0;
  /** The automatic radius changed with the map's size since the model was last built. */
  radiusFollowedSize = false;

  constructor(private readonly host: MapSizeHost) {}

  /** The automatic `max-radius` for the map's size, or undefined before it has one. */
  automaticRadius(): number | undefined {
    const box = this.box ?? this.measure();
    return box ? automaticMaxRadius(box.width, box.height) : undefined;
  }

  /**
   * Room around the data when the camera frames it: the largest circle's radius on every side,
   * and the control bar's band at the top, at most a quarter of the map each way so that a small
   * map still fits.
   */
  framePadding(): FramePadding {
    const box = this.box ?? this.measure() ?? { width: 0, height: 0 };
    const edge = this.host.maxRadius + 8;
    const clampX = (px: number) => Math.round(Math.min(px, box.width / 4));
    const clampY = (px: number) => Math.round(Math.min(px, box.height / 4));
    return { top: clampY(CONTROL_BAR_HEIGHT + Math.min(edge, 24)), bottom: clampY(edge), left: clampX(edge), right: clampX(edge) };
  }

  /** The map area was resized (ResizeObserver). */
  resized(width: number, height: number): void {
    // Detached or hidden: no size to follow (and nothing to redraw until it is back).
    if (width === 0 || height === 0) return;
    // In the next frame, not in the observer's callback: the new radius resizes the legend, which
    // resizes the map, and a size change inside the callback is a ResizeObserver loop error.
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.follow(width, height);
      for (const settled of this.settledWaiters.splice(0)) settled();
    });
  }

  /**
   * Whether the map area as laid out now has room for a smaller automatic radius than the one in
   * use (the legend that came with a new model took room from the map). A layout read. A model
   * built for the radius in use is then about to be replaced: drawing it would have MapLibre's
   * worker tile ten thousand facilities twice.
   */
  radiusAboutToShrink(): boolean {
    const now = this.measure();
    if (!now) return false;
    const inUse = this.host.maxRadius;
    // The host's radius for the map area as it is now: a radius the page fixed stays as it is.
    const followed = this.box;
    this.box = now;
    const forNow = this.host.maxRadius;
    this.box = followed;
    return forNow < inUse;
  }

  /**
   * Resolves once the next size the resize observer reports has been followed (the radius changed,
   * and its update requested, or not).
   */
  nextSizeFollowed(): Promise<void> {
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  private settledWaiters: Array<() => void> = [];

  private follow(width: number, height: number): void {
    const before = this.host.maxRadius;
    const previousBox = this.box;
    const hostBox = { width: this.host.clientWidth, height: this.host.clientHeight };
    const hostResized = !this.hostBox || hostBox.width !== this.hostBox.width || hostBox.height !== this.hostBox.height;
    this.box = { width, height };
    const after = this.host.maxRadius;
    if (after === before) return;
    if (previousBox && after > before && (after - before < 2 || !hostResized)) {
      this.box = previousBox;
      return;
    }
    this.hostBox = hostBox;
    this.radiusFollowedSize = true;
    this.host.requestUpdate('maxRadius', before);
  }

  /** The map area's size before the resize observer first reports it. */
  private measure(): Box | undefined {
    const area = this.host.renderRoot?.querySelector?.('.map');
    if (!area || area.clientWidth === 0) return undefined;
    return { width: area.clientWidth, height: area.clientHeight };
  }
}
