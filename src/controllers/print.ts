/**
 * Printing: a WebGL canvas prints blank (its buffer is cleared after each frame), so just before
 * the browser lays the page out for print, the map's current view is put in its place as an image;
 * the print stylesheet (styles.ts) hides the controls and shows the full legend. Removed after.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class PrintController implements ReactiveController {
  private image?: HTMLImageElement;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: { mapArea(): HTMLElement | null | undefined; snapshot(): string | undefined },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.beforePrint);
    window.addEventListener('afterprint', this.afterPrint);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.beforePrint);
    window.removeEventListener('afterprint', this.afterPrint);
    this.afterPrint();
  }

  private beforePrint = (): void => {
    const area = this.options.mapArea();
    const src = this.options.snapshot();
    if (!area || !src) return;
    this.image?.remove();
    this.image = Object.assign(document.createElement('img'), { className: 'print-image', alt: '', src });
    area.append(this.image);
  };

  private afterPrint = (): void => {
    this.image?.remove();
    this.image = undefined;
  };
}
