/**
 * Where the built-in basemap's tiles come from: one PMTiles archive beside the element's chunks
 * (written at build time by scripts/vite-plugin-basemap.mjs), read with HTTP range requests
 * through the `pmtiles` package's MapLibre protocol. Nothing leaves the element's own origin.
 *
 * Every map on the page shares one protocol and one reader, so the archive's header and directory
 * are fetched once, and the element can ask for them as it activates, before MapLibre has loaded.
 */
import { FetchSource, PMTiles, Protocol, type RangeResponse } from 'pmtiles';
import archiveUrl from './generated/basemap.pmtiles?url';

/** The archive's absolute URL (served from src/ in development, an asset beside the chunks in dist/). */
export const BASEMAP_ARCHIVE_URL = new URL(archiveUrl, import.meta.url).href;

/** The URL scheme the basemap's tiles are asked for with; MapLibre hands such requests to the protocol. */
export const BASEMAP_PROTOCOL = 'pmtiles';

/** The vector source's tile URL template. */
export const BASEMAP_TILES_URL = `${BASEMAP_PROTOCOL}://${BASEMAP_ARCHIVE_URL}/{z}/{x}/{y}`;

/**
 * Reads the archive in byte ranges, as `pmtiles` does; from a server that ignores ranges and sends
 * the whole file instead (Python's `http.server`, a newsroom's quick local test), it keeps that
 * file and reads every later range from memory, rather than leaving the map blank.
 */
export class ArchiveSource extends FetchSource {
  private whole?: Promise<ArrayBuffer>;

  override async getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
    if (!this.whole) {
      try {
        return await super.getBytes(offset, length, signal, etag);
      } catch (error) {
        // pmtiles' own words for a 200 answer larger than the range asked for.
        if (!/Byte Serving/.test(String(error))) throw error;
        this.whole = fetch(this.url, { credentials: this.credentials }).then((response) => {
          if (!response.ok) throw new Error(`${this.url}: HTTP ${response.status}`);
          return response.arrayBuffer();
        });
        // A failed download (offline) must not stick: the next tile asks again.
        this.whole.catch(() => { this.whole = undefined; });
      }
    }
    const data = await this.whole;
    return { data: data.slice(offset, offset + length) };
  }
}

const protocol = new Protocol();
const archive = new PMTiles(new ArchiveSource(BASEMAP_ARCHIVE_URL));
protocol.add(archive);

let registered = false;

/** Lets MapLibre read `pmtiles://` tiles (once per page: the protocol table is MapLibre's, global). */
export function registerBasemapProtocol(addProtocol: (scheme: string, load: typeof protocol.tile) => void): void {
  if (registered) return;
  registered = true;
  addProtocol(BASEMAP_PROTOCOL, protocol.tile);
}

/** Fetches the archive's header and directory now (one request), so the first tiles need one request each. */
export function prefetchBasemapArchive(): Promise<void> {
  return archive.getHeader().then(() => undefined);
}
