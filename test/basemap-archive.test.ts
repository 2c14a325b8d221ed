// The pre-tiled basemap: the PMTiles writer read back by the `pmtiles` package's own reader, the
// archive the build writes (what a map actually fetches), and the country table beside it.
import { expect } from 'chai';
import { FetchSource, PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { MultiPolygon, Polygon } from 'geojson';
import { writePmtiles, type ArchiveTile } from '../src/build/pmtiles-writer.js';
import { ArchiveSource, BASEMAP_ARCHIVE_URL } from '../src/map/basemap-source.js';
import { BASEMAP_SOURCE_LAYERS, BASEMAP_TILE_MAX_ZOOM } from '../src/geo/basemap-tiles.js';
import { countryTableOf, loadCountries } from '../src/geo/countries.js';
import table from '../src/geo/country-table.json';

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** An archive in memory, read as a server would serve its byte ranges; counts the reads. */
class MemorySource implements Source {
  reads = 0;
  constructor(private readonly bytes: Uint8Array) {}
  getKey() {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.reads++;
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

const bytesOf = (text: string) => new TextEncoder().encode(text);
const textOf = (data: ArrayBuffer) => new TextDecoder().decode(data);
/** Bytes as a comparable string (a decoder would fold invalid sequences together). */
const bytesKey = (data: ArrayBuffer) => new Uint8Array(data).join(',');

describe('PMTiles writer', () => {
  const tiles: ArchiveTile[] = [
    { z: 0, x: 0, y: 0, data: bytesOf('world') },
    { z: 1, x: 0, y: 0, data: bytesOf('land') },
    { z: 1, x: 0, y: 1, data: bytesOf('land') },
    { z: 1, x: 1, y: 1, data: bytesOf('land') },
    { z: 2, x: 3, y: 1, data: bytesOf('island') },
  ];

  async function archiveOf(list: ArchiveTile[]) {
    const bytes = await writePmtiles(list, {
      minZoom: 0, maxZoom: Math.max(...list.map((t) => t.z)), bounds: [-180, -85, 180, 85], center: [-80, 10, 2], metadata: { name: 'test' }, gzip,
    });
    const source = new MemorySource(bytes);
    return { bytes, source, reader: new PMTiles(source) };
  }

  it('writes an archive the pmtiles reader reads back, tile for tile', async () => {
    const { reader } = await archiveOf(tiles);
    for (const tile of tiles) {
      const read = await reader.getZxy(tile.z, tile.x, tile.y);
      expect(read && textOf(read.data), `${tile.z}/${tile.x}/${tile.y}`).to.equal(new TextDecoder().decode(tile.data));
    }
    // Tiles left out are missing, not someone else's bytes.
    expect(await reader.getZxy(1, 1, 0)).to.equal(undefined);
    expect(await reader.getZxy(2, 0, 0)).to.equal(undefined);
    expect(await reader.getMetadata()).to.deep.equal({ name: 'test' });
  });

  it('fills the header as the spec says', async () => {
    const { reader } = await archiveOf(tiles);
    const header = await reader.getHeader();
    expect(header.specVersion).to.equal(3);
    expect([header.minZoom, header.maxZoom]).to.deep.equal([0, 2]);
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).to.deep.equal([-180, -85, 180, 85]);
    expect([header.centerLon, header.centerLat, header.centerZoom]).to.deep.equal([-80, 10, 2]);
    expect(header.tileType, 'MVT').to.equal(1);
    expect([header.internalCompression, header.tileCompression], 'gzip').to.deep.equal([2, 2]);
    expect(header.numAddressedTiles).to.equal(5);
    // Three "land" tiles are one stored content.
    expect(header.numTileContents).to.equal(3);
    expect(header.clustered).to.equal(true);
  });

  it('stores repeated tiles once, and consecutive ones as one directory entry', async () => {
    const repeated = await archiveOf([...Array(40)].map((_, i) => ({ z: 3, x: i % 8, y: Math.floor(i / 8), data: bytesOf('sea floor') })));
    const distinct = await archiveOf([...Array(40)].map((_, i) => ({ z: 3, x: i % 8, y: Math.floor(i / 8), data: bytesOf(`tile ${i}`) })));
    const [a, b] = await Promise.all([repeated.reader.getHeader(), distinct.reader.getHeader()]);
    expect(a.numTileContents).to.equal(1);
    expect(a.numTileEntries).to.be.below(40);
    expect(b.numTileContents).to.equal(40);
    expect(repeated.bytes.length).to.be.below(distinct.bytes.length);
    expect(textOf((await repeated.reader.getZxy(3, 5, 4))!.data)).to.equal('sea floor');
  });

  it('stores tiles whose bytes differ apart, even when their hex digits run together alike', async () => {
    const { reader } = await archiveOf([
      { z: 1, x: 0, y: 0, data: Uint8Array.of(0x1, 0x11) },
      { z: 1, x: 1, y: 0, data: Uint8Array.of(0x11, 0x1) },
    ]);
    expect([...new Uint8Array((await reader.getZxy(1, 0, 0))!.data)]).to.deep.equal([0x1, 0x11]);
    expect([...new Uint8Array((await reader.getZxy(1, 1, 0))!.data)]).to.deep.equal([0x11, 0x1]);
  });

  it('reads the header and root directory in one request, then one per tile', async () => {
    const { reader, source } = await archiveOf(tiles);
    await reader.getZxy(0, 0, 0);
    expect(source.reads).to.equal(2);
    await reader.getZxy(2, 3, 1);
    expect(source.reads).to.equal(3);
  });
});

describe('the built-in basemap archive', () => {
  const reader = new PMTiles(BASEMAP_ARCHIVE_URL);

  async function tileAt(z: number, x: number, y: number): Promise<VectorTile | undefined> {
    const read = await reader.getZxy(z, x, y);
    return read && new VectorTile(new PbfReader(new Uint8Array(read.data)));
  }

  function codesIn(tile: VectorTile): Set<string> {
    const layer = tile.layers[BASEMAP_SOURCE_LAYERS.countries];
    const codes = new Set<string>();
    for (let i = 0; i < layer.length; i++) codes.add(String(layer.feature(i).properties.iso3));
    return codes;
  }

  it('holds vector tiles from zoom 0 to 5, land only', async () => {
    const header = await reader.getHeader();
    expect([header.minZoom, header.maxZoom]).to.deep.equal([0, BASEMAP_TILE_MAX_ZOOM]);
    expect(header.tileType, 'MVT').to.equal(1);
    const allTiles = (4 ** (BASEMAP_TILE_MAX_ZOOM + 1) - 1) / 3;
    // Open sea is left out: about a third of the world's tiles have land or borders on them.
    expect(header.numAddressedTiles).to.be.within(300, allTiles * 0.7);
  });

  it('names every country polygon by its code, with land borders beside them', async () => {
    const world = (await tileAt(0, 0, 0))!;
    expect(Object.keys(world.layers).sort()).to.deep.equal([BASEMAP_SOURCE_LAYERS.borders, BASEMAP_SOURCE_LAYERS.countries].sort());
    const codes = codesIn(world);
    for (const iso3 of ['SLV', 'HND', 'ECU', 'PER', 'BOL', 'USA', 'BRA', 'RUS', 'FJI']) expect(codes, iso3).to.include(iso3);
    expect(codes, 'Antarctica is dropped').not.to.include('ATA');
    const feature = world.layers[BASEMAP_SOURCE_LAYERS.countries].feature(0);
    expect(Object.keys(feature.properties)).to.deep.equal(['iso3']);
  });

  it('has the Swan Islands (Natural Earth 10m) in its deepest tiles, not at zoom 3 (50m), and leaves open sea out', async () => {
    /** Whether a Honduran polygon of the tile has a vertex on the Swan Islands (-83.93, 17.41). */
    const swanIn = async (z: number, x: number, y: number) => {
      const layer = (await tileAt(z, x, y))!.layers[BASEMAP_SOURCE_LAYERS.countries];
      for (let i = 0; i < layer.length; i++) {
        const feature = layer.feature(i);
        if (feature.properties.iso3 !== 'HND') continue;
        const geometry = feature.toGeoJSON(x, y, z).geometry as Polygon | MultiPolygon;
        const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
        if (rings.some((ring) => ring.some(([lng, lat]) => Math.abs(lng + 83.93) < 0.05 && Math.abs(lat - 17.41) < 0.05))) return true;
      }
      return false;
    };
    expect(await swanIn(5, 8, 14), 'zoom 5').to.equal(true);
    // (At zoom 4 the islands are below a pixel and simplified away, as MapLibre's own tiler would.)
    expect(await swanIn(3, 2, 3), 'zoom 3').to.equal(false);
    // Mid-Pacific, south-east of Hawaii: nothing stored.
    expect(await reader.getZxy(5, 3, 15)).to.equal(undefined);
  });
});

describe('the archive from a server that ignores byte ranges', () => {
  it('is read whole, once, and gives the same tiles', async () => {
    const tiles: Array<[number, number, number]> = [[0, 0, 0], [3, 2, 3], [5, 8, 14]];
    const expected = await Promise.all(tiles.map(async ([z, x, y]) => bytesKey((await new PMTiles(BASEMAP_ARCHIVE_URL).getZxy(z, x, y))!.data)));
    const realFetch = window.fetch;
    let whole = 0;
    // Python's http.server: the Range header is ignored and the whole file comes back with a 200.
    window.fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      if (String(input) === BASEMAP_ARCHIVE_URL) {
        if (!headers.has('range')) whole++;
        headers.delete('range');
      }
      return realFetch(input, { ...init, headers });
    };
    try {
      const plain = new PMTiles(new FetchSource(BASEMAP_ARCHIVE_URL));
      let failure = '';
      await plain.getHeader().catch((error: Error) => { failure = error.message; });
      expect(failure, 'pmtiles alone gives up').to.match(/Byte Serving/);
      const reader = new PMTiles(new ArchiveSource(BASEMAP_ARCHIVE_URL));
      for (const [i, [z, x, y]] of tiles.entries()) expect(bytesKey((await reader.getZxy(z, x, y))!.data) === expected[i], `${z}/${x}/${y}`).to.equal(true);
      expect(whole, 'downloads of the whole file').to.equal(1);
    } finally {
      window.fetch = realFetch;
    }
  });
});

describe('country table', () => {
  it('is what the code computes from Natural Earth 50m (run scripts/country-table.mjs after changing it)', async () => {
    expect(countryTableOf(await loadCountries('50m'))).to.deep.equal(table);
  });
});
