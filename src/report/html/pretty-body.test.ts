import { expect } from 'chai';
import { prettyBody } from './pretty-body.js';

describe('prettyBody', () => {
  it('keeps a body that is already on lines as it is, so issue lines map 1:1', () => {
    const body = '<a>\n  <b>1</b>\n</a>';
    const pretty = prettyBody(body, 'text/xml');
    expect(pretty.lines).to.deep.equal(['<a>', '  <b>1</b>', '</a>']);
    expect(pretty.lineOf(2)).to.equal(1);
    expect(pretty.lineOf(9)).to.equal(undefined);
  });

  it('indents one-line XML and maps a raw line:column to the pretty line', () => {
    const body = `<?xml version="1.0"?><a x="1"><b>text</b><c/><d><e>2</e></d></a>${' '.repeat(900)}`;
    const pretty = prettyBody(body, 'text/xml');
    expect(pretty.format).to.equal('xml');
    expect(pretty.lines).to.deep.equal(['<?xml version="1.0"?>', '<a x="1">', '  <b>text</b>', '  <c/>', '  <d>', '    <e>2</e>', '  </d>', '</a>']);
    expect(pretty.lineOf(1, body.indexOf('<e>') + 1)).to.equal(5);
    expect(pretty.lineOf(1, body.indexOf('text') + 1)).to.equal(2);
  });

  it('pretty-prints one-line JSON', () => {
    const body = JSON.stringify({ resourceType: 'Patient', id: 'x'.repeat(500) });
    const pretty = prettyBody(body, 'application/fhir+json');
    expect(pretty.format).to.equal('json');
    expect(pretty.lines[0]).to.equal('{');
    expect(pretty.lines[1]).to.equal('  "resourceType": "Patient",');
  });
});
