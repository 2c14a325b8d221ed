/**
 * Styles of the reader-facing text: details card, tooltip, data tables, summary, occupancy legend.
 * Colours come from the element's private variables (`--_text`, `--_panel`, …, see styles.ts), so
 * the light/dark switch on `.frame.dark` and the page's `--prison-map-*` overrides apply here too.
 * Text uses only `--_text`, `--_muted` and `--_focus` on `--_panel`, pairs that pass WCAG AA (4.5:1)
 * in both themes.
 */
import { css } from 'lit';

export const panelStyles = css`
  /*
   * The element's own size, not the window's, decides the layout (container queries): the card
   * becomes a bottom sheet and the legend a strip on a narrow map; panels size in cqh.
   */
  .frame {
    container: prison-map / size;
  }

  .details {
    position: absolute;
    top: 10px;
    right: 10px;
    z-index: 3;
    box-sizing: border-box;
    width: 320px;
    max-width: calc(100% - 20px);
    max-height: calc(100% - 20px);
    overflow: auto;
    overscroll-behavior: contain;
    padding: 12px 14px 14px;
    color: var(--_text);
    background: var(--_panel);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 2px 10px rgba(0, 0, 0, 0.18);
    font-size: 13px;
  }
  @container prison-map (max-width: 599px) {
    .details {
      top: auto;
      right: 0;
      bottom: 0;
      left: 0;
      width: auto;
      max-width: none;
      max-height: 60%;
      border-width: 1px 0 0;
      border-radius: var(--_radius) var(--_radius) 0 0;
    }
  }
  .details-header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 8px;
  }
  .details-kind {
    margin: 0;
    color: var(--_muted);
    font-size: 11px;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }
  .details-title {
    margin: 2px 0 8px;
    font-size: 16px;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .details-close {
    flex: none;
    display: grid;
    place-items: center;
    width: 32px;
    height: 32px;
    margin: -4px -6px 0 0;
    padding: 0;
    color: var(--_text);
    background: transparent;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .details-close:hover {
    border-color: var(--_border);
  }
  .details-close:focus-visible,
  .details a:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  /* A cluster's card: its largest members, each a button that selects it. */
  .cluster-members {
    list-style: none;
    margin: 4px 0 0;
    padding: 0;
    display: grid;
    gap: 4px;
  }
  .cluster-member {
    width: 100%;
    min-height: 28px;
    padding: 4px 8px;
    font: inherit;
    text-align: left;
    color: var(--_text);
    background: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .cluster-member:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  .details-facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 3px 10px;
    margin: 0 0 8px;
  }
  .details-fact {
    display: contents;
  }
  .details-fact dt {
    color: var(--_muted);
  }
  .details-fact dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .details-text {
    margin: 0 0 8px;
    overflow-wrap: anywhere;
  }
  .details-subtitle {
    margin: 10px 0 4px;
    font-size: 12px;
    font-weight: 600;
  }
  .details-sources ul {
    margin: 0;
    padding-left: 18px;
  }
  .details-sources li + li {
    margin-top: 3px;
  }
  .details a,
  .data-tables a {
    color: var(--_focus);
    text-decoration: underline;
    text-underline-offset: 2px;
    overflow-wrap: anywhere;
  }
  .source-meta {
    color: var(--_muted);
  }

  .tooltip {
    position: absolute;
    z-index: 4;
    max-width: 260px;
    padding: 5px 8px;
    color: var(--_text);
    background: var(--_panel);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.2);
    font-size: 12px;
    line-height: 1.35;
    pointer-events: none;
  }
  .tooltip[hidden] {
    display: none;
  }
  .tooltip-title {
    display: block;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .tooltip-line {
    display: block;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .data-tables {
    color: var(--_text);
    background: var(--_panel);
    font-size: 13px;
  }
  .data-table {
    width: 100%;
    margin: 0 0 16px;
    border-collapse: collapse;
  }
  .data-table caption {
    padding: 6px 0;
    font-weight: 600;
    text-align: left;
  }
  .data-table th,
  .data-table td {
    padding: 4px 8px;
    vertical-align: top;
    text-align: left;
    border-bottom: 1px solid var(--_border);
  }
  .data-table thead th {
    color: var(--_muted);
    font-weight: 600;
    border-bottom-width: 2px;
  }
  .data-table tbody th {
    font-weight: 600;
  }
  .data-table .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .data-table .note {
    min-width: 16em;
    color: var(--_text);
  }
  .data-table tr[aria-current='true'] > * {
    box-shadow: inset 0 0 0 9999px color-mix(in srgb, var(--_focus) 12%, transparent);
  }

  .summary {
    margin: 0;
    color: var(--_text);
  }
  /* For text that only assistive technology should read (e.g. the summary behind the map). */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .occupancy-legend .swatch {
    color: var(--_text);
  }
  /* Large tables (over 500 rows): search, order and pages. */
  .table-tools {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    margin: 0 0 8px;
  }
  .table-tools label {
    display: flex;
    align-items: center;
    gap: 6px;
    color: var(--_text);
  }
  .table-tools input,
  .table-tools select,
  .pager button {
    min-height: 32px;
    font: inherit;
    color: var(--_text);
    background: var(--_panel);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0 8px;
  }
  .table-range {
    font-weight: 400;
    color: var(--_muted);
  }
  .pager {
    display: flex;
    gap: 8px;
    margin-top: 8px;
  }
  .pager button:disabled {
    color: var(--_muted);
    cursor: default;
  }
  .large-table-closed {
    margin: 0;
  }
`;
