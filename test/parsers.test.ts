import { expect } from 'chai';
import { csvRows } from '../src/data/csv.js';
import { isKnownCountry } from '../src/data/country-codes.js';
import { parseFacilities, readFacilityRows } from '../src/data/facilities.js';
import { parseCountries, parseTransfers, readCountryRows, readTransferRows } from '../src/data/transfers.js';
import { parseLooseNumber, parsePeopleCount, safeHttpUrl } from '../src/data/validate.js';

const point = (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] });

describe('parseFacilities (GeoJSON)', () => {
  it('leaves out features with a bad required field, keeps those with a bad optional one, and reports both by feature index + 1 and field', () => {
    const input = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: point(-88.8, 13.5), properties: { id: 'cecot', name: 'CECOT', country: 'slv', capacity: 40000 } },
        { type: 'Feature', geometry: point(-88.8, 13.5), properties: { id: 'x', name: 'X', country: 'SLV', capacity: -5 } },
        { type: 'Feature', geometry: point(-88.8, 13.5), properties: { id: 'y', name: 'Y', country: 'El Salvador' } },
        { type: 'Feature', geometry: point(-88.8, 13.5), properties: { id: 'z', name: 'Z', country: 'SLV', status: 'open' } },
        { type: 'Feature', geometry: point(-88.8, 13.5), properties: { id: 'cecot', name: 'Again', country: 'SLV' } },
        { type: 'Feature', id: 'from-feature', geometry: point(1, 2), properties: { name: 'Feature id', country: 'FRA', capacity: null } },
      ],
    };
    const frozen = JSON.stringify(input);
    const { records, issues } = parseFacilities(input);
    // x (capacity -5) and z (status "open") are drawn with capacity unknown and the default status.
    expect(records.map((f) => f.id)).to.deep.equal(['cecot', 'x', 'z', 'from-feature']);
    expect(records[0]).to.include({ country: 'SLV', status: 'operational', precision: 'site', capacity: 40000 });
    expect(records[1].capacity).to.equal(null);
    expect(records[2].status).to.equal('operational');
    expect(records[3].capacity).to.equal(null);
    expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[2, 'capacity'], [3, 'country'], [4, 'status'], [5, 'id']]);
    expect(JSON.stringify(input), 'input unchanged').to.equal(frozen);
  });

  it('rejects a value that is not a FeatureCollection as a whole', () => {
    expect(() => parseFacilities([])).to.throw(/FeatureCollection/);
    expect(() => parseFacilities({ type: 'FeatureCollection' })).to.throw(/FeatureCollection/);
  });
});

describe('CSV input', () => {
  it('numbers rows as a spreadsheet does, reads lat/lon and one source per row', () => {
    const text = '\uFEFFid,name,country,capacity,lat,lon,source_title,source_url\r\n'
      + 'a,Alpha,HND,"2,000,000",17.4,-83.9,ABC,https://example.org/a\r\n'
      + 'b,Beta,HND,lots,15,-86,,\r\n'
      + 'c,Gamma,HND,800,95,-86,,\r\n';
    const { records, issues } = readFacilityRows(csvRows(text));
    // Beta's unreadable capacity leaves it unknown; Gamma has no usable coordinates and is left out.
    expect(records.map((f) => f.id)).to.deep.equal(['a', 'b']);
    expect(records[0]).to.include({ id: 'a', capacity: 2000000, latitude: 17.4, longitude: -83.9 });
    expect(records[1].capacity).to.equal(null);
    expect(records[0].sources).to.deep.equal([{ title: 'ABC', url: 'https://example.org/a' }]);
    expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[3, 'capacity'], [4, 'lat']]);
  });

  it('accepts semicolon-separated files, latitude/longitude and lng columns', () => {
    const text = 'id;name;country;capacity;latitude;lng\nq;Quito;ECU;1.500,5;-0,2;-78,5\n';
    const { records, issues } = readFacilityRows(csvRows(text));
    expect(issues).to.deep.equal([]);
    expect(records[0]).to.include({ capacity: 1500.5, latitude: -0.2, longitude: -78.5 });
  });

  it('reads a formatted count of people in either language: "1,200" and "1.200" are 1200', () => {
    const facilities = readFacilityRows(csvRows('id,name,country,capacity,population,lat,lon\na,A,SLV,"1,200",1.200,13.5,-88.8\nb,B,SLV,1.200,"1 200",13.6,-88.9\n'));
    expect(facilities.issues).to.deep.equal([]);
    expect(facilities.records.map((f) => [f.capacity, f.population])).to.deep.equal([[1200, 1200], [1200, 1200]]);
    const transfers = readTransferRows(csvRows('id,from,to,count\nt1,USA,SLV,1.500\nt2,USA,SLV,"1,500"\n'));
    expect(transfers.issues).to.deep.equal([]);
    expect(transfers.records.map((t) => t.count)).to.deep.equal([1500, 1500]);
  });

  it('reports an ambiguous separator where a fraction is possible, and keeps the record with that field unknown', () => {
    const { records, issues } = readTransferRows(csvRows('id,from,to,count,fee_usd_per_year\nt1,USA,SLV,260,"6,000"\n'));
    expect(records.map((t) => [t.id, t.count, t.feeUsdPerYear])).to.deep.equal([['t1', 260, undefined]]);
    expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[2, 'fee_usd_per_year']]);
    expect(issues[0].message).to.contain('ambiguous');
    const countries = readCountryRows(csvRows('iso3,occupancy_pct\nHND,"1,490"\n'));
    expect(countries.records).to.deep.equal([{ iso3: 'HND', sources: [] }]);
    expect(countries.issues.map((i) => [i.row, i.field])).to.deep.equal([[2, 'occupancy_pct']]);
  });

  it('keeps a row whose optional fields are unreadable, reporting each by row and field', () => {
    const text = 'id,name,country,capacity,population,status,opened,precision,lat,lon\n'
      + 'a,Alpha,HND,many,-3,closed,last year,exact,15,-86\n';
    const { records, issues } = readFacilityRows(csvRows(text));
    expect(records).to.have.length(1);
    expect(records[0]).to.include({ id: 'a', capacity: null, status: 'operational', precision: 'site' });
    expect(records[0]).to.not.have.property('population');
    expect(records[0]).to.not.have.property('opened');
    expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[2, 'capacity'], [2, 'population'], [2, 'status'], [2, 'opened'], [2, 'precision']]);
  });
});

describe('parseTransfers and parseCountries', () => {
  it('accepts an array or a wrapper object and applies defaults', () => {
    const list = [{ id: 't', from: 'USA', to: 'cecot', count: 260, fee_usd_per_year: 6000000, year: 2025 }];
    const a = parseTransfers(list);
    const b = parseTransfers({ transfers: list });
    expect(a).to.deep.equal(b);
    expect(a.records[0]).to.include({ kind: 'inmates', status: 'active', count: 260, feeUsdPerYear: 6000000, year: '2025' });
  });

  it('reports a missing to, an unknown kind and a duplicate id with their rows', () => {
    const { records, issues } = parseTransfers([
      { id: 'a', from: 'USA' },
      { id: 'b', from: 'USA', to: 'SLV', kind: 'money' },
      { id: 'c', from: 'USA', to: 'SLV' },
      { id: 'c', from: 'PER', to: 'SLV' },
    ]);
    // b's unknown kind is read as the default (inmates) and reported; a and the second c are left out.
    expect(records.map((t) => [t.id, t.kind])).to.deep.equal([['b', 'inmates'], ['c', 'inmates']]);
    expect(issues.map((i) => [i.row, i.field])).to.deep.equal([[1, 'to'], [2, 'kind'], [4, 'id']]);
  });

  it('reads occupancy and rejects a non-code iso3', () => {
    const { records, issues } = parseCountries([{ iso3: 'hnd', occupancy_pct: 149 }, { iso3: 'Honduras' }]);
    expect(records).to.deep.equal([{ iso3: 'HND', occupancyPct: 149, sources: [] }]);
    expect(issues[0]).to.include({ dataset: 'countries', row: 2, field: 'iso3' });
  });
});

describe('isKnownCountry', () => {
  it('knows ISO 3166-1 alpha-3 codes in any case and Kosovo\'s XKX; not names, alpha-2, numeric or unassigned codes', () => {
    for (const code of ['SLV', 'usa', ' gbr ', 'TWN', 'PSE', 'XKX']) expect(isKnownCountry(code), code).to.equal(true);
    for (const code of ['XXX', 'US', '840', 'USAA', 'El Salvador', '']) expect(isKnownCountry(code), code).to.equal(false);
  });
});

describe('safeHttpUrl and parseLooseNumber', () => {
  it('keeps only http(s) links, whatever the case or control characters', () => {
    expect(safeHttpUrl('https://example.org/x')).to.equal('https://example.org/x');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//example.org', '']) {
      expect(safeHttpUrl(bad), bad).to.equal(undefined);
    }
  });

  it('reads numbers as a person writes them', () => {
    expect(parseLooseNumber('40000')).to.equal(40000);
    expect(parseLooseNumber('40 000')).to.equal(40000);
    expect(parseLooseNumber('40,000,000')).to.equal(40000000);
    expect(parseLooseNumber('1,500.5')).to.equal(1500.5);
    expect(parseLooseNumber('1.500,5')).to.equal(1500.5);
    expect(parseLooseNumber('2,5')).to.equal(2.5);
    expect(parseLooseNumber('1,500')).to.be.NaN;
    expect(parseLooseNumber('abc')).to.be.NaN;
  });

  it('reads counts of people with any thousands separator', () => {
    for (const text of ['1,200', '1.200', '1 200', "1'200", '1\u00a0200', '1200']) expect(parsePeopleCount(text), text).to.equal(1200);
    expect(parsePeopleCount('40.000.000')).to.equal(40000000);
    expect(parsePeopleCount('1,200.0')).to.equal(1200);
    expect(parsePeopleCount('-1,200')).to.equal(-1200);
    expect(parsePeopleCount('12,34')).to.equal(12.34);
    expect(parsePeopleCount('1,20,0')).to.be.NaN;
    expect(parsePeopleCount('lots')).to.be.NaN;
  });
});
