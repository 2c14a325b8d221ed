import { expect } from 'chai';
import { elementMarkup, embedConfigFromQuery, embedQuery, heightMessages } from '../src/embed/embed-params.js';

describe('embed.html query string', () => {
  it('reads attributes by their own names; a boolean is on when present', () => {
    const config = embedConfigFromQuery('?facilities=https%3A%2F%2Fx.org%2Fp.csv&lang=es&focus-on=SLV&theme=dark&no-animation&no-legend=&height=500&id=Ab12x');
    expect(config.attributes).to.deep.equal([
      ['facilities', 'https://x.org/p.csv'], ['lang', 'es'], ['focus-on', 'SLV'], ['theme', 'dark'], ['no-animation', ''], ['no-legend', ''],
    ]);
    expect(config.height).to.equal(500);
    expect(config.id).to.equal('Ab12x');
  });

  it('ignores unknown names, booleans set to false, heights out of range and odd ids', () => {
    const config = embedConfigFromQuery('onload=alert(1)&style=x&no-legend=false&no-animation=0&height=99999&id=%3Cscript%3E');
    expect(config).to.deep.equal({ attributes: [] });
  });

  it('writes a query string that reads back the same', () => {
    const config = embedConfigFromQuery('lang=es&label=A%20%26%20B%20%3Cb%3E&no-legend&height=400');
    const query = embedQuery(config);
    expect(query).to.equal('lang=es&label=A+%26+B+%3Cb%3E&no-legend&height=400');
    expect(embedConfigFromQuery(query)).to.deep.equal(config);
  });

  it('writes element markup with escaped values', () => {
    const markup = elementMarkup({ attributes: [['label', '"><script>x</script>'], ['no-legend', '']], height: 360 });
    expect(markup).to.equal('<prison-map label="&quot;&gt;&lt;script&gt;x&lt;/script&gt;" no-legend style="--prison-map-height: 360px"></prison-map>');
  });

  it("posts its height in its own and in Datawrapper's message format", () => {
    expect(heightMessages(479.2, 'Ab12x')).to.deep.equal([{ 'prison-map-height': 480 }, { 'datawrapper-height': { Ab12x: 480 } }]);
  });
});
