/**
 * The hover tooltip as its own small view: a pointer move renders only this box (with Lit's
 * `render` into it), never the element's template, so hovering costs the same with 5 facilities
 * or 10,000 and their tables. Positioned through CSSOM, which a strict CSP allows.
 */
import { render, nothing, type TemplateResult } from 'lit';

/** Width kept free on the right before the tooltip flips to the pointer's left. */
const FLIP_MARGIN_PX = 220;
const POINTER_GAP_PX = 14;

export class HoverTooltip {
  private shownKey?: string;

  constructor(private readonly box: () => HTMLElement | null) {}

  /** Shows `content` beside a point (CSS px in a container `width` px wide); `key` skips re-rendering the same item. */
  show(key: string, content: () => TemplateResult | typeof nothing, point: { x: number; y: number }, width: number): void {
    const box = this.box();
    if (!box) return;
    if (key !== this.shownKey) {
      render(content(), box);
      this.shownKey = key;
    }
    box.hidden = false;
    const flip = point.x > width - FLIP_MARGIN_PX;
    box.style.left = flip ? '' : `${point.x + POINTER_GAP_PX}px`;
    box.style.right = flip ? `${width - point.x + POINTER_GAP_PX}px` : '';
    box.style.top = `${Math.max(4, point.y - 10)}px`;
  }

  hide(): void {
    const box = this.box();
    if (!box || box.hidden) return;
    box.hidden = true;
    render(nothing, box);
    this.shownKey = undefined;
  }

  get visible(): boolean {
    return this.box()?.hidden === false;
  }
}
