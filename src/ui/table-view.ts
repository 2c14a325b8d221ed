/**
 * Browsing a large table (README.md, "Reading and keyboard": over 500 rows a table is rendered only
 * while open, searchable and paged): which rows match a search, in which order, and which page of them is shown. Pure.
 */
import { descending } from 'd3-array';

/** Tables with more rows than this are rendered only while open, a page at a time. */
export const LARGE_TABLE_ROWS = 500;
export const PAGE_ROWS = 100;

export type TableSort = 'data' | 'size' | 'name';

export interface TableView {
  query: string;
  sort: TableSort;
  /** 0-based page. */
  page: number;
}

export const INITIAL_TABLE_VIEW: TableView = { query: '', sort: 'data', page: 0 };

/** Lower case without accents, so "carcel" finds "Cárcel" and "CECOT" finds "cecot". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface BrowsedRows<T> {
  rows: T[];
  /** Rows matching the search, before paging. */
  matching: number;
  /** 0-based index of the first row shown among the matching rows. */
  first: number;
  page: number;
  pages: number;
}

/**
 * The page of `items` to show: those whose `searchText` contains every word of the query, ordered
 * by `sort` (`size` largest first, unknown sizes last; `name` alphabetically in `locale`).
 */
export function browseRows<T>(
  items: readonly T[],
  view: TableView,
  keys: { searchText(item: T): string; size(item: T): number | undefined; name(item: T): string; locale: string },
): BrowsedRows<T> {
  const words = foldText(view.query).split(/\s+/).filter(Boolean);
  let rows = words.length ? items.filter((item) => {
    const text = foldText(keys.searchText(item));
    return words.every((word) => text.includes(word));
  }) : [...items];
  if (view.sort === 'size') {
    rows = rows.map((item) => ({ item, size: keys.size(item) }))
      .sort((a, b) => (a.size === undefined ? 1 : 0) - (b.size === undefined ? 1 : 0) || descending(a.size, b.size))
      .map(({ item }) => item);
  } else if (view.sort === 'name') {
    const collator = new Intl.Collator(keys.locale);
    rows = rows.map((item) => ({ item, name: keys.name(item) })).sort((a, b) => collator.compare(a.name, b.name)).map(({ item }) => item);
  }
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
  const page = Math.min(Math.max(0, view.page), pages - 1);
  const first = page * PAGE_ROWS;
  return { rows: rows.slice(first, first + PAGE_ROWS), matching: rows.length, first, page, pages };
}
