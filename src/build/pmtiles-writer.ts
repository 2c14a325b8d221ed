/**
 * Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * one static file of tiles that a browser reads with HTTP range requests, so a CDN can serve the
 * basemap without a tile server. The `pmtiles` package reads archives but has no writer, and the
 * format is small: a 127-byte header, a directory of (tile id, offset, length, run length)
 * entries, JSON metadata, then the tiles.
 *
 * Build time only (see scripts/vite-plugin-basemap.mjs); the element never imports it. Tiles and
 * directories are gzipped by the caller's `gzip` (node's zlib at build time, CompressionStream in
 * tests), so this module has no platform dependency.
 */
import { zxyToTileId } from 'pmtiles';

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  /** The tile's bytes (an MVT protobuf), not yet compressed. */
  data: Uint8Array;
}

export interface ArchiveOptions {
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** [longitude, latitude, zoom] a viewer opens at. */
  center: [number, number, number];
  /** Written as the archive's JSON metadata (TileJSON-like: `vector_layers`, `attribution`...). */
  metadata: Record<string, unknown>;
  gzip: (bytes: Uint8Array) => Promise<Uint8Array>;
}

const HEADER_BYTES = 127;
/** Readers fetch the first 16 KiB at once: header and root directory must fit in it. */
const FIRST_FETCH_BYTES = 16384;
const COMPRESSION_GZIP = 2;
const TILE_TYPE_MVT = 1;

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** Unsigned LEB128, as the spec's directories use (numbers here stay below 2^53). */
function pushVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** The spec's directory encoding: counts, then each column (ids as deltas, offsets as 0 when contiguous). */
function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  pushVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    pushVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    pushVarint(out, previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

function setUint64(view: DataView, at: number, value: number): void {
  view.setUint32(at, value % 2 ** 32, true);
  view.setUint32(at + 4, Math.floor(value / 2 ** 32), true);
}

const e7 = (degrees: number) => Math.round(degrees * 1e7);

/**
 * One archive from the given tiles (empty tiles may be left out: readers answer an empty tile for
 * a missing vector tile). Identical tiles are stored once; consecutive identical tiles share one
 * directory entry with a run length. Everything goes in the root directory, which must fit in the
 * first 16 KiB (a world basemap to zoom 5 needs a few hundred entries).
 */
export async function writePmtiles(tiles: readonly ArchiveTile[], options: ArchiveOptions): Promise<Uint8Array> {
  const sorted = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data })).sort((a, b) => a.id - b.id);
  const chunks: Uint8Array[] = [];
  const entries: Entry[] = [];
  const stored = new Map<string, { offset: number; length: number }>();
  let dataLength = 0;
  for (const tile of sorted) {
    // Same bytes, same place: the key is the uncompressed content, two hex digits a byte.
    const key = Array.from(tile.data, (b) => b.toString(16).padStart(2, '0')).join('');
    let place = stored.get(key);
    if (!place) {
      const compressed = await options.gzip(tile.data);
      place = { offset: dataLength, length: compressed.length };
      stored.set(key, place);
      chunks.push(compressed);
      dataLength += compressed.length;
    }
    const last = entries.at(-1);
    if (last && last.offset === place.offset && last.tileId + last.runLength === tile.id) last.runLength++;
    else entries.push({ tileId: tile.id, offset: place.offset, length: place.length, runLength: 1 });
  }

  const root = await options.gzip(serializeDirectory(entries));
  if (HEADER_BYTES + root.length > FIRST_FETCH_BYTES) throw new Error(`PMTiles root directory of ${root.length} bytes does not fit in the first 16 KiB; leaf directories are not implemented`);
  const metadata = await options.gzip(new TextEncoder().encode(JSON.stringify(options.metadata)));

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const dataOffset = leafOffset;
  const archive = new Uint8Array(dataOffset + dataLength);
  const view = new DataView(archive.buffer);
  archive.set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, 3);
  setUint64(view, 8, rootOffset);
  setUint64(view, 16, root.length);
  setUint64(view, 24, metadataOffset);
  setUint64(view, 32, metadata.length);
  setUint64(view, 40, leafOffset);
  setUint64(view, 48, 0);
  setUint64(view, 56, dataOffset);
  setUint64(view, 64, dataLength);
  setUint64(view, 72, sorted.length);
  setUint64(view, 80, entries.length);
  setUint64(view, 88, chunks.length);
  view.setUint8(96, 1); // clustered: tiles are stored in tile-id order
  view.setUint8(97, COMPRESSION_GZIP);
  view.setUint8(98, COMPRESSION_GZIP);
  view.setUint8(99, TILE_TYPE_MVT);
  view.setUint8(100, options.minZoom);
  view.setUint8(101, options.maxZoom);
  const [west, south, east, north] = options.bounds;
  view.setInt32(102, e7(west), true);
  view.setInt32(106, e7(south), true);
  view.setInt32(110, e7(east), true);
  view.setInt32(114, e7(north), true);
  const [lng, lat, zoom] = options.center;
  view.setUint8(118, zoom);
  view.setInt32(119, e7(lng), true);
  view.setInt32(123, e7(lat), true);
  archive.set(root, rootOffset);
  archive.set(metadata, metadataOffset);
  let at = dataOffset;
  for (const chunk of chunks) {
    archive.set(chunk, at);
    at += chunk.length;
  }
  return archive;
}
