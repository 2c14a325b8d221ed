import type { Plugin } from 'vite';

/** Absolute path of the generated archive (src/map/generated/basemap.pmtiles). */
export const ARCHIVE_PATH: string;
/** Writes the archive if it is missing or older than its inputs; once per process. */
export function ensureBasemapArchive(): Promise<void>;
/** The Vite plugin: the archive exists before any module is transformed. */
export function basemapArchive(): Plugin;
