/**
 * The bundled dataset (data/) against the project's source ledger (seeds/).
 *
 * Every record in data/ names, in a non-standard `facts` property, the ledger facts it rests on.
 * These tests make sure those references exist, that every number shown on the map is the value of
 * a cited fact, that every coordinate comes from the locations ledger, that source links are
 * https, and that the ledger and the data texts are written in the project's own words (no run of
 * eight or more words copied from the source articles).
 */
import { expect } from 'chai';
import fingerprintsFile from '../seeds/article-fingerprints.json';
import { fingerprint, nGrams, words } from '../scripts/word-runs.mjs';
import facilitiesRaw from '../data/facilities.geojson?raw';
import transfersJson from '../data/transfers.json';
import countriesJson from '../data/countries.json';

interface LedgerFact {
  id: string;
  statement: string;
  value?: number;
  unit?: string;
  qualifier?: string;
  date?: string;
  status?: string;
  coordinates?: [number, number];
  precision?: string;
}
interface Ledger {
  id: string;
  file?: string;
  citation: { title: string; publisher: string; date: string; url?: string; language: string; note?: string };
  facts: LedgerFact[];
}
interface SourceRef {
  title: string;
  url: string;
  publisher?: string;
  date?: string;
}
interface Cited {
  facts?: string[];
  sources?: SourceRef[];
}
interface FacilityProps extends Cited {
  id: string;
  name: string;
  'name:es'?: string;
  country: string;
  capacity?: number | null;
  population?: number;
  status?: string;
  opened?: string;
  precision?: string;
  description?: string;
  'description:es'?: string;
}
interface FacilityFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: FacilityProps;
}
interface TransferRecord extends Cited {
  id: string;
  from: string;
  to: string;
  kind?: string;
  count?: number;
  status?: string;
  year?: string;
  fee_usd_per_year?: number;
  note?: string;
  'note:es'?: string;
}
interface CountryRecord extends Cited {
  iso3: string;
  occupancy_pct?: number;
  year?: string;
  note?: string;
  'note:es'?: string;
}

const ledgerModules = import.meta.glob<Ledger>(['../seeds/*.json', '!../seeds/article-fingerprints.json'], { eager: true, import: 'default' });
const ledgers: Array<{ path: string; ledger: Ledger }> = Object.entries(ledgerModules).map(([path, ledger]) => ({
  path,
  ledger,
}));
const facts = new Map<string, LedgerFact>();
for (const { ledger } of ledgers) for (const fact of ledger.facts) facts.set(fact.id, fact);

const facilities = (JSON.parse(facilitiesRaw) as { type: string; features: FacilityFeature[] }).features;
const transfers = transfersJson as unknown as TransferRecord[];
const countries = countriesJson as unknown as CountryRecord[];

interface AnyRecord {
  label: string;
  record: Cited & Record<string, unknown>;
}
const allRecords: AnyRecord[] = [
  ...facilities.map((f) => ({ label: `facility ${f.properties.id}`, record: f.properties as unknown as AnyRecord['record'] })),
  ...transfers.map((t) => ({ label: `transfer ${t.id}`, record: t as unknown as AnyRecord['record'] })),
  ...countries.map((c) => ({ label: `country ${c.iso3}`, record: c as unknown as AnyRecord['record'] })),
];

const NUMERIC_FIELDS = ['capacity', 'population', 'count', 'fee_usd_per_year', 'occupancy_pct'] as const;
const TEXT_FIELDS = ['description', 'description:es', 'note', 'note:es'] as const;

function citedFacts(record: Cited): LedgerFact[] {
  return (record.facts ?? []).map((id) => facts.get(id)).filter((f): f is LedgerFact => f !== undefined);
}

/** Lower-case words, punctuation dropped (accents kept: Spanish is compared with Spanish). */
const ARTICLE_FILES = fingerprintsFile.articles;
/**
 * The articles live outside the repository (../shared/seeds, beside every clone CI makes); the
 * test runner serves them at /__source-articles/. Returns undefined where they are not present.
 */
async function loadArticles(): Promise<string[] | undefined> {
  const responses = await Promise.all(ARTICLE_FILES.map((file) => fetch(`/__source-articles/${file}`)));
  if (responses.some((r) => !r.ok)) return undefined;
  return Promise.all(responses.map((r) => r.text()));
}

describe('data ledger (seeds/)', () => {
  it('loads the three ledgers, each with a well-formed citation', () => {
    const ids = ledgers.map((l) => l.ledger.id).sort();
    expect(ids).to.deep.equal(['abc-2025-06-24-bukele-prison', 'bolivia-2025-11-salvador-assistance', 'locations']);
    for (const { path, ledger } of ledgers) {
      expect(path.endsWith(`/${ledger.id}.json`), `${path}: id matches the file name`).to.equal(true);
      expect(ledger.citation.title, `${ledger.id} title`).to.be.a('string').and.not.empty;
      expect(ledger.citation.publisher, `${ledger.id} publisher`).to.be.a('string').and.not.empty;
      expect(ledger.citation.date, `${ledger.id} date`).to.match(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(ledger.citation.language, `${ledger.id} language`).to.be.oneOf(['en', 'es']);
      if (ledger.citation.url !== undefined) expect(ledger.citation.url).to.match(/^https:\/\//);
      expect(ledger.facts.length, `${ledger.id} has facts`).to.be.greaterThan(0);
    }
  });

  it('gives every fact a unique id, a statement, and a unit for each number', () => {
    const seen = new Set<string>();
    for (const { ledger } of ledgers) {
      for (const fact of ledger.facts) {
        expect(seen.has(fact.id), `duplicate fact id ${fact.id}`).to.equal(false);
        seen.add(fact.id);
        expect(fact.id, 'kebab-case id').to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(fact.statement, `${fact.id} statement`).to.be.a('string').and.not.empty;
        if (fact.value !== undefined) {
          expect(fact.value, `${fact.id} value`).to.be.a('number');
          expect(fact.unit, `${fact.id} unit`).to.be.a('string').and.not.empty;
        }
      }
    }
  });

  it('places every location fact with coordinates and a precision', () => {
    const locations = ledgers.find((l) => l.ledger.id === 'locations')!.ledger;
    for (const fact of locations.facts) {
      expect(fact.coordinates, `${fact.id} coordinates`).to.be.an('array').with.lengthOf(2);
      const [lng, lat] = fact.coordinates!;
      expect(lng).to.be.within(-180, 180);
      expect(lat).to.be.within(-90, 90);
      expect(fact.precision, `${fact.id} precision`).to.be.oneOf(['site', 'city', 'region']);
    }
  });

  it('shares no run of 8 or more words with the source articles (ledger statements and data texts)', async () => {
    // The articles' runs of 8 words, as fingerprints committed in seeds/ (the text itself is not).
    const forbidden = new Set(fingerprintsFile.fingerprints);
    expect(forbidden.size, 'fingerprints of the articles').to.be.above(1000);
    const texts: Array<[string, string]> = [];
    for (const { ledger } of ledgers) for (const f of ledger.facts) texts.push([`fact ${f.id}`, f.statement]);
    for (const { label, record } of allRecords) {
      for (const k of TEXT_FIELDS) {
        const t = record[k];
        if (typeof t === 'string') texts.push([`${label} ${k}`, t]);
      }
    }
    const copied: string[] = [];
    for (const [where, t] of texts) {
      for (const run of nGrams(words(t), fingerprintsFile.words)) if (forbidden.has(await fingerprint(run))) copied.push(`${where}: "${run}"`);
    }
    expect(copied, 'runs of 8+ words copied from the articles').to.deep.equal([]);
    // Where the articles are beside the checkout (as in CI): the fingerprints are those of the
    // articles as they are now, so a sentence taken from them is caught.
    const articles = await loadArticles();
    if (articles) {
      const runs = new Set(articles.flatMap((a) => nGrams(words(a), fingerprintsFile.words)));
      const current = [...new Set(await Promise.all([...runs].map(fingerprint)))].sort();
      expect(fingerprintsFile.fingerprints, 'seeds/article-fingerprints.json is up to date (node scripts/article-fingerprints.mjs)').to.deep.equal(current);
    }
  });

});

describe('bundled dataset (data/) rests on the ledger', () => {
  it('has records in all three datasets', () => {
    expect(facilities.length).to.be.greaterThan(0);
    expect(transfers.length).to.be.greaterThan(0);
    expect(countries.length).to.be.greaterThan(0);
  });

  it('cites at least one existing ledger fact in every record', () => {
    for (const { label, record } of allRecords) {
      expect(record.facts, `${label} facts`).to.be.an('array').that.is.not.empty;
      for (const id of record.facts!) expect(facts.has(id), `${label} cites unknown fact ${id}`).to.equal(true);
    }
  });

  it('takes every number from the value of a cited fact', () => {
    for (const { label, record } of allRecords) {
      const values = citedFacts(record).map((f) => f.value);
      for (const field of NUMERIC_FIELDS) {
        const v = record[field];
        if (typeof v === 'number') {
          expect(values, `${label} ${field}=${v} is not the value of a cited fact`).to.include(v);
        }
      }
    }
  });

  it('takes every facility coordinate and precision from a cited locations fact', () => {
    for (const f of facilities) {
      const locs = citedFacts(f.properties).filter((c) => c.coordinates !== undefined);
      expect(locs.length, `${f.properties.id} cites a locations fact`).to.be.greaterThan(0);
      const [lng, lat] = f.geometry.coordinates;
      const match = locs.find((c) => c.coordinates![0] === lng && c.coordinates![1] === lat);
      expect(match, `${f.properties.id} coordinates [${lng}, ${lat}] match a cited locations fact`).to.not.equal(undefined);
      expect(f.properties.precision, `${f.properties.id} precision`).to.equal(match!.precision);
    }
  });

  it('backs each facility opening date and each status with a cited fact', () => {
    for (const f of facilities) {
      const cited = citedFacts(f.properties);
      if (f.properties.opened !== undefined) {
        expect(cited.map((c) => c.date), `${f.properties.id} opened`).to.include(f.properties.opened);
      }
      expect(cited.map((c) => c.status), `${f.properties.id} status`).to.include(f.properties.status ?? 'operational');
    }
    for (const t of transfers) {
      expect(citedFacts(t).map((c) => c.status), `${t.id} status`).to.include(t.status ?? 'active');
    }
  });

  it('links every source over https', () => {
    for (const { label, record } of allRecords) {
      for (const s of record.sources ?? []) {
        expect(s.title, `${label} source title`).to.be.a('string').and.not.empty;
        expect(s.url, `${label} source url`).to.match(/^https:\/\/[^\s]+$/);
      }
    }
  });

  it('gives every record a Spanish text beside the English one', () => {
    for (const f of facilities) {
      expect(f.properties['name:es'], `${f.properties.id} name:es`).to.be.a('string').and.not.empty;
      expect(f.properties['description:es'], `${f.properties.id} description:es`).to.be.a('string').and.not.empty;
    }
    for (const r of [...transfers, ...countries]) {
      const label = 'id' in r ? r.id : r.iso3;
      expect(r.note, `${label} note`).to.be.a('string').and.not.empty;
      expect(r['note:es'], `${label} note:es`).to.be.a('string').and.not.empty;
    }
  });
});

describe('bundled dataset carries the headline facts', () => {
  const facility = (id: string): FacilityFeature => {
    const f = facilities.find((x) => x.properties.id === id);
    expect(f, `facility ${id}`).to.not.equal(undefined);
    return f!;
  };
  const country = (iso3: string): CountryRecord => {
    const c = countries.find((x) => x.iso3 === iso3);
    expect(c, `country ${iso3}`).to.not.equal(undefined);
    return c!;
  };
  const cecotIds = facilities.filter((f) => f.properties.country === 'SLV').map((f) => f.properties.id);
  const toSalvador = (to: string) => to === 'SLV' || cecotIds.includes(to);

  it('CECOT: El Salvador, 40,000 places, operational, opened January 2023', () => {
    const p = facility('cecot').properties;
    expect(p.country).to.equal('SLV');
    expect(p.capacity).to.equal(40000);
    expect(p.status ?? 'operational').to.equal('operational');
    expect(p.opened).to.equal('2023-01');
  });

  it('Swan Island: Honduras, 2,000 places, on hold, announced 2023', () => {
    const p = facility('swan-island-prison').properties;
    expect(p.country).to.equal('HND');
    expect(p.capacity).to.equal(2000);
    expect(p.status).to.equal('on-hold');
    expect(p.opened).to.equal('2023');
  });

  it('Honduras jungle prison: never started, capacity unknown', () => {
    const p = facility('honduras-jungle-max-security').properties;
    expect(p.country).to.equal('HND');
    expect(p.capacity).to.equal(null);
    expect(p.status).to.be.oneOf(['planned', 'cancelled']);
  });

  it('Ecuador: two facilities of about 800 places, under construction', () => {
    const ecu = facilities.filter((f) => f.properties.country === 'ECU');
    expect(ecu).to.have.lengthOf(2);
    for (const f of ecu) {
      expect(f.properties.capacity).to.be.within(700, 900);
      expect(f.properties.status).to.equal('under-construction');
    }
  });

  it('USA → El Salvador (CECOT): 260 inmates for US$6 million a year, active', () => {
    const t = transfers.filter((x) => x.from === 'USA' && toSalvador(x.to));
    expect(t).to.have.lengthOf(1);
    expect(t[0].to).to.equal('cecot');
    expect(t[0].kind ?? 'inmates').to.equal('inmates');
    expect(t[0].count).to.equal(260);
    expect(t[0].fee_usd_per_year).to.equal(6000000);
    expect(t[0].status ?? 'active').to.equal('active');
  });

  it('Ecuador and Peru → El Salvador: considered', () => {
    for (const from of ['ECU', 'PER']) {
      const t = transfers.find((x) => x.from === from && toSalvador(x.to));
      expect(t, `${from} → SLV`).to.not.equal(undefined);
      expect(t!.status).to.equal('considered');
      expect(t!.kind ?? 'inmates').to.equal('inmates');
    }
  });

  it('El Salvador → Bolivia: assistance, not inmates', () => {
    const t = transfers.find((x) => toSalvador(x.from) && x.to === 'BOL');
    expect(t, 'SLV → BOL').to.not.equal(undefined);
    expect(t!.kind).to.equal('assistance');
    expect(t!.count).to.equal(undefined);
    expect(t!.status).to.be.oneOf(['considered', 'agreed']);
  });

  it('Sweden has a country note and no invented transfer', () => {
    expect(country('SWE').note).to.be.a('string').and.not.empty;
    expect(transfers.some((t) => t.from === 'SWE' || t.to === 'SWE')).to.equal(false);
  });

  it('occupancy: Honduras 149%, Bolivia at least 250%', () => {
    expect(country('HND').occupancy_pct).to.equal(149);
    expect(country('BOL').occupancy_pct).to.be.at.least(250);
  });

  it('Ecuador: about 500 prison deaths 2021–2024 in the country record', () => {
    const ecu = country('ECU');
    expect(ecu.facts).to.include('abc-ecu-deaths-2021-2024');
    expect(ecu.note).to.match(/500/);
    expect(facts.get('abc-ecu-deaths-2021-2024')!.value).to.equal(500);
  });
});
