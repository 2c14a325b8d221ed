/** The element's shadow-root styles. Colours and sizes come from `--prison-map-*` custom properties. */
import { css } from 'lit';

export const elementStyles = css`
  :host {
    --_font: var(--prison-map-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_text: var(--prison-map-text, #1c2330);
    --_muted: var(--prison-map-muted, #4a5568);
    --_panel: var(--prison-map-panel, rgba(255, 255, 255, 0.94));
    --_border: var(--prison-map-border, rgba(28, 35, 48, 0.18));
    --_background: var(--prison-map-background, #dfe6ec);
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
  .frame {
    position: absolute;
    inset: 0;
    color: var(--_text);
    background: var(--_background);
  }
  .frame.dark {
    --_text: var(--prison-map-text, #e8edf3);
    --_muted: var(--prison-map-muted, #b4bfcc);
    --_panel: var(--prison-map-panel, rgba(18, 24, 34, 0.94));
    --_border: var(--prison-map-border, rgba(232, 237, 243, 0.22));
    --_background: var(--prison-map-background, #0e1724);
    --_focus: var(--prison-map-focus, #8ab4ff);
  }
  .map,
  .map-canvas {
    position: absolute;
    inset: 0;
  }
  .legend {
    position: absolute;
    left: 10px;
    bottom: 10px;
    max-width: calc(100% - 20px);
    display: flex;
    gap: 16px;
    align-items: flex-end;
    padding: 8px 10px;
    background: var(--_panel);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 12px;
  }
  .legend-title {
    font-weight: 600;
    margin-bottom: 4px;
  }
  .legend-circles circle {
    fill: none;
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .legend-circles line {
    stroke: var(--_muted);
    stroke-dasharray: 2 2;
  }
  .legend-circles text {
    fill: var(--_text);
    font-size: 11px;
  }
  .legend-statuses {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .legend-statuses li {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .swatch {
    flex: none;
    color: var(--_muted);
  }
  .status:empty {
    display: none;
  }
  .status {
    position: absolute;
    top: 10px;
    left: 50%;
    transform: translateX(-50%);
    max-width: calc(100% - 40px);
    padding: 8px 12px;
    background: var(--_panel);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  @media (max-width: 480px) {
    .legend {
      flex-direction: column;
      align-items: flex-start;
      gap: 6px;
    }
  }
`;
