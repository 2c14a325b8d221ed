/**
 * The element's shadow-root styles once its body has loaded (host-styles.ts has the box, the frame's
 * colours and the fallback slot, which come first). Colours and sizes come from `--prison-map-*`
 * custom properties.
 */
import { css } from 'lit';

export const elementStyles = css`
  /* Around the globe: darker than its sea in the light theme, near black in the dark, so the edge reads. */
  .frame.globe .map {
    background: var(--_space);
  }
  .map-canvas,
  .still {
    position: absolute;
    inset: 0;
  }
  .static-map {
    position: absolute;
    inset: 0;
  }
  .static-map svg {
    display: block;
    width: 100%;
    height: 100%;
  }
  .fallback-summary {
    flex: none;
    margin: 0;
    padding: 8px 12px;
    background: var(--_panel);
    border-top: 1px solid var(--_border);
    max-height: 30%;
    overflow: auto;
  }
  .still {
    width: 100%;
    height: 100%;
    object-fit: cover;
    pointer-events: none;
  }
  /* The timeline bar sits between the map and the legend, never over data. */
  .timeline {
    flex: none;
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 12px;
    background: var(--_panel);
    border-top: 1px solid var(--_border);
  }
  .timeline input[type='range'] {
    flex: 1 1 auto;
    min-width: 0;
    height: 24px;
    margin: 0;
    accent-color: var(--_focus);
  }
  .timeline input[type='range']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .timeline-label {
    color: var(--_muted);
    font-size: 12px;
  }
  .timeline-year {
    min-width: 4ch;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  /* The legend sits under the map, never over data; the map keeps at least 60% of the height. */
  .legend-dock {
    flex: none;
    position: relative;
    background: var(--_panel);
    border-top: 1px solid var(--_border);
    font-size: 12px;
  }
  .legend {
    box-sizing: border-box;
    max-height: 38cqh;
    overflow: auto;
    display: flex;
    flex-wrap: wrap;
    gap: 8px 24px;
    align-items: flex-start;
    padding: 8px 12px;
  }
  .legend-strip {
    display: none;
  }
  .legend-note {
    margin: 4px 0 0;
    max-width: 22em;
    color: var(--_muted);
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
  .legend-circles polyline {
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
  .controls {
    position: absolute;
    top: 10px;
    left: 10px;
    display: flex;
    gap: 6px;
  }
  .control {
    min-width: 32px;
    height: 32px;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 4px;
    padding: 0 8px;
    font: inherit;
    font-size: 13px;
    color: var(--_text);
    background: var(--_panel);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .control:focus-visible,
  .map:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .legend-section + .legend-section {
    margin-left: 0;
  }
  .tables.open {
    position: absolute;
    inset: 50px 10px 10px 10px;
    overflow: auto;
    padding: 10px;
    background: var(--_panel);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    z-index: 3;
  }
  .status:empty {
    display: none;
  }
  /* However long the message (a URL that failed), it stays inside the map and scrolls. */
  .status {
    position: absolute;
    top: 10px;
    left: 50%;
    transform: translateX(-50%);
    box-sizing: border-box;
    max-width: calc(100% - 40px);
    max-height: calc(100% - 20px);
    overflow: auto;
    overflow-wrap: anywhere;
    padding: 8px 12px;
    background: var(--_panel);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /*
   * A narrow map (a phone, a sidebar): the legend is a strip of the status colours with a button
   * that opens the full legend over the map, above the strip; the status message moves below the
   * controls. Queried on the element's own width, not the window's.
   */
  @container prison-map (max-width: 599px) {
    .legend {
      display: none;
    }
    .legend.open {
      display: flex;
      position: absolute;
      left: 0;
      right: 0;
      bottom: 100%;
      z-index: 2;
      max-height: calc(100cqh - 120px);
      gap: 6px 16px;
      background: var(--_panel);
      border-top: 1px solid var(--_border);
      box-shadow: 0 -2px 8px rgba(0, 0, 0, 0.12);
    }
    .legend-strip {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 4px 8px 4px 10px;
    }
    .legend-strip-items {
      flex: 1 1 auto;
      display: flex;
      flex-wrap: wrap;
      gap: 2px 10px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .legend-strip-items li {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .legend-toggle {
      flex: none;
      min-height: 32px;
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 0 10px;
      font: inherit;
      font-weight: 600;
      color: var(--_text);
      background: transparent;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      cursor: pointer;
    }
    .legend-toggle:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 1px;
    }
    .legend-statuses {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 10px;
    }
    .status {
      top: 52px;
      max-height: calc(100% - 62px);
    }
  }
  .print-image {
    display: none;
  }
  /* Printed: the map as an image of its view (controllers/print.ts), the whole legend, no controls. */
  @media print {
    .print-image {
      display: block;
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .map-canvas {
      visibility: hidden;
    }
    .controls,
    .legend-strip,
    .tooltip,
    .status {
      display: none;
    }
    .legend,
    .legend.open {
      display: flex;
      position: static;
      max-height: none;
      overflow: visible;
      box-shadow: none;
    }
  }
`;
