/**
 * The styles the element has before its body loads (prison-map-body.ts): its box (the height the
 * page set, never changed by the element), the frame's colours in both themes, and the page's
 * fallback content in the map area. Everything else is in styles.ts, adopted with the body.
 */
import { css } from 'lit';

export const hostStyles = css`
  :host {
    --_font: var(--prison-map-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_text: var(--prison-map-text, #1c2330);
    --_muted: var(--prison-map-muted, #4a5568);
    --_panel: var(--prison-map-panel, rgba(255, 255, 255, 0.94));
    --_border: var(--prison-map-border, rgba(28, 35, 48, 0.18));
    --_background: var(--prison-map-background, #dfe6ec);
    --_space: var(--prison-map-space, #c3cdd7);
    --_radius: var(--prison-map-radius, 6px);
    --_focus: var(--prison-map-focus, #005fcc);
    display: block;
    position: relative;
    height: var(--prison-map-height, 480px);
    min-height: 200px;
    overflow: hidden;
    font-family: var(--_font);
    font-size: 14px;
    line-height: 1.4;
    contain: layout paint;
  }
  :host([hidden]) {
    display: none;
  }
  /* The resolved theme (attribute, or the system's for 'auto') is a class on the frame. */
  /* The map fills what the legend strip below it leaves, so the legend never hides data. */
  .frame {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    color: var(--_text);
    background: var(--_background);
  }
  .frame.dark {
    --_text: var(--prison-map-text, #e8edf3);
    --_muted: var(--prison-map-muted, #b4bfcc);
    --_panel: var(--prison-map-panel, rgba(18, 24, 34, 0.94));
    --_border: var(--prison-map-border, rgba(232, 237, 243, 0.22));
    --_background: var(--prison-map-background, #0e1724);
    --_space: var(--prison-map-space, #04070b);
    --_focus: var(--prison-map-focus, #8ab4ff);
  }
  .map {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
  }
  /* The page's fallback content (an image of the map) until the map has drawn. */
  .placeholder {
    display: block;
    position: absolute;
    inset: 0;
    overflow: hidden;
  }
`;
