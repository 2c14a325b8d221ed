import { expect } from 'chai';
import { angularDistance, arcBetween } from '../src/geo/arcs.js';

type P = [number, number];

/** Signed side of `p` relative to the chord a→b on a north-up plane: negative = right of travel. */
function side(a: P, b: P, p: P): number {
  return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
}

describe('arcBetween', () => {
  it('starts at from and ends at to', () => {
    const arc = arcBetween([-98, 39], [-89, 13.7]);
    expect(arc[0]).to.deep.equal([-98, 39]);
    expect(arc.at(-1)![0]).to.be.closeTo(-89, 1e-9);
    expect(arc.at(-1)![1]).to.be.closeTo(13.7, 1e-9);
  });

  it('honours the number of points', () => {
    expect(arcBetween([0, 0], [10, 10], { points: 5 })).to.have.length(5);
    expect(arcBetween([0, 0], [10, 10], { points: 40 })).to.have.length(40);
  });

  it('keeps longitudes continuous across the antimeridian (Japan to the US goes east over the Pacific)', () => {
    const arc = arcBetween([139, 36], [-98, 39], { points: 50 });
    for (let i = 1; i < arc.length; i++) expect(Math.abs(arc[i][0] - arc[i - 1][0]), `step ${i}`).to.be.below(20);
    expect(arc[0][0]).to.equal(139);
    expect(arc.at(-1)![0]).to.be.closeTo(-98 + 360, 1e-9);
    expect(Math.max(...arc.map((p) => p[0]))).to.be.above(180);
  });

  it('crosses westward too (Fiji to Samoa the short way is east, Samoa to Fiji west)', () => {
    const arc = arcBetween([-172, -13.8], [178, -17.7]);
    expect(arc.at(-1)![0]).to.be.closeTo(178 - 360, 1e-9);
    for (let i = 1; i < arc.length; i++) expect(Math.abs(arc[i][0] - arc[i - 1][0])).to.be.below(5);
  });

  it('follows the great circle: a transatlantic arc bows towards the pole', () => {
    const arc = arcBetween([-74, 40.7], [-0.1, 51.5], { bend: 0 });
    const top = Math.max(...arc.map((p) => p[1]));
    expect(top).to.be.above(51.5 + 1);
  });

  it('bends to the right of travel, so A→B and B→A lie on opposite sides', () => {
    const a: P = [-98, 39];
    const b: P = [-89, 13.7];
    const there = arcBetween(a, b, { points: 21 });
    const back = arcBetween(b, a, { points: 21 });
    expect(side(a, b, there[10]), 'A→B middle is right of A→B').to.be.below(0);
    expect(side(a, b, back[10]), 'B→A middle is left of A→B').to.be.above(0);
  });

  it('draws the plain great circle with bend 0', () => {
    const arc = arcBetween([0, 0], [40, 0], { points: 9, bend: 0 });
    for (const [, lat] of arc) expect(lat).to.be.closeTo(0, 1e-6);
  });

  it('handles identical endpoints and antipodes without throwing', () => {
    expect(arcBetween([10, 10], [10, 10], { points: 4 })).to.have.length(4);
    const antipodal = arcBetween([0, 0], [180, 0], { points: 6 });
    expect(antipodal[0]).to.deep.equal([0, 0]);
    expect(antipodal.every(([lng, lat]) => Number.isFinite(lng) && Number.isFinite(lat))).to.equal(true);
  });

  it('does not mutate its inputs', () => {
    const from: P = [170, 0];
    const to: P = [-170, 0];
    arcBetween(from, to);
    expect(from).to.deep.equal([170, 0]);
    expect(to).to.deep.equal([-170, 0]);
  });

  it('measures angular distance', () => {
    expect(angularDistance([0, 0], [90, 0])).to.be.closeTo(90, 1e-9);
    expect(angularDistance([0, 0], [0, 0])).to.equal(0);
  });
});
