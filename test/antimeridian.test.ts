import {expect} from 'chai';
import type {MultiPolygon, Polygon, Position} from 'geojson';
import {
  fixAntimeridian,
  fixLineAntimeridian,
  fixRing,
  maxLongitudeStep,
  MERCATOR_MAX_LAT,
  unwrapLongitudes,
} from '../src/geo/antimeridian.js';
import {loadCountries, loadCountryBorders} from '../src/geo/countries.js';

/** A small island straddling 180°, as world-atlas stores it: stitched, stepping from 179 to -179. */
const straddling: Position[] = [
  [179, -16],
  [-179, -16],
  [-179, -17],
  [179, -17],
  [179, -16],
];

describe('antimeridian', () => {
  it('makes a ring that crosses 180° continuous', () => {
    const fixed = fixRing(straddling);
    expect(fixed).to.deep.equal([
      [179, -16],
      [181, -16],
      [181, -17],
      [179, -17],
      [179, -16],
    ]);
    for (let i = 1; i < fixed.length; i++) {
      expect(Math.abs(fixed[i][0] - fixed[i - 1][0])).to.be.at.most(180);
    }
  });

  it('does not change a ring that does not cross', () => {
    const ring: Position[] = [
      [-90, 10],
      [-80, 10],
      [-80, 20],
      [-90, 10],
    ];
    expect(fixRing(ring)).to.deep.equal(ring);
  });

  it('places a ring stored mostly west of -180 back near the map', () => {
    const fixed = fixRing([
      [-179, 0],
      [179, 0],
      [178, 1],
      [-179, 0],
    ]);
    const lngs = fixed.map((p) => p[0]);
    expect(Math.max(...lngs) - Math.min(...lngs)).to.be.below(5);
    expect((Math.max(...lngs) + Math.min(...lngs)) / 2).to.be.within(-180, 180);
  });

  it('keeps holes on the same world copy as their outer ring', () => {
    const polygon: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [170, 10],
          [-170, 10],
          [-170, 20],
          [170, 20],
          [170, 10],
        ],
        [
          [-179, 14],
          [-178, 14],
          [-178, 15],
          [-179, 14],
        ],
      ],
    };
    const [outer, hole] = fixAntimeridian(polygon).coordinates;
    expect(outer.map((p) => p[0])).to.deep.equal([170, 190, 190, 170, 170]);
    expect(hole.map((p) => p[0])).to.deep.equal([181, 182, 182, 181]);
  });

  it('closes a ring around a pole along the Mercator limit', () => {
    const ring: Position[] = [];
    for (let lng = -180; lng < 180; lng += 30) ring.push([lng, -70]);
    ring.push([-180, -70]);
    const fixed = fixRing(ring);
    expect(maxLongitudeStep({type: 'Polygon', coordinates: [fixed]})).to.be.at.most(180);
    expect(fixed.filter((p) => p[1] === -MERCATOR_MAX_LAT)).to.have.length(5);
    expect(fixed[0]).to.deep.equal(fixed[fixed.length - 1]);
  });

  it('does not mutate its input', () => {
    const copy = JSON.parse(JSON.stringify(straddling));
    const geometry: MultiPolygon = {type: 'MultiPolygon', coordinates: [[straddling]]};
    fixAntimeridian(geometry);
    unwrapLongitudes(straddling);
    expect(straddling).to.deep.equal(copy);
  });

  it('unwraps lines', () => {
    const fixed = fixLineAntimeridian({type: 'LineString', coordinates: [[179.5, 65], [-179.5, 65.5]]});
    expect(fixed.coordinates).to.deep.equal([[179.5, 65], [180.5, 65.5]]);
  });

  for (const detail of ['50m', '10m'] as const) {
    it(`leaves no ring of any ${detail} country spanning more than 180° between two points`, async () => {
      const countries = await loadCountries(detail);
      const offenders = countries.features
        .filter((f) => maxLongitudeStep(f.geometry) > 180)
        .map((f) => f.properties.name_en);
      expect(offenders).to.deep.equal([]);
      const borders = await loadCountryBorders(detail);
      expect(maxLongitudeStep(borders.geometry)).to.be.at.most(180);
    });
  }

  it('keeps Fiji and Russia (the stitched countries) and drops Antarctica', async () => {
    const countries = await loadCountries('50m');
    const codes = new Set(countries.features.map((f) => f.properties.iso3));
    expect(codes.has('FJI')).to.equal(true);
    expect(codes.has('RUS')).to.equal(true);
    expect(codes.has('ATA')).to.equal(false);
  });
});
