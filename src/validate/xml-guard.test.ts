import { expect } from 'chai';
import { guardXmlContent, MAX_XML_MESSAGE_BYTES } from './xml-guard.js';

describe('guardXmlContent', function () {
  it('lets an ordinary message through', function () {
    expect(guardXmlContent('<?xml version="1.0"?>\n<!-- c -->\n<a xmlns="urn:hl7-org:v3"/>')).to.deep.equal([]);
  });

  it('finds a DOCTYPE after a BOM, the XML declaration, PIs and comments, with its line', function () {
    const issues = guardXmlContent('\ufeff<?xml version="1.0"?>\n<?pi x?>\n<!-- <a/> -->\n<!DOCTYPE a [<!ENTITY e "x">]>\n<a>&e;</a>');
    expect(issues.map(({ severity, code, line, validator }) => ({ severity, code, line, validator }))).to.deep.equal([
      { severity: 'fatal', code: 'xml.doctype-forbidden', line: 4, validator: 'xml' },
    ]);
  });

  it('does not mistake DOCTYPE text inside the document for a declaration', function () {
    expect(guardXmlContent('<a><!-- <!DOCTYPE a> --><b>&lt;!DOCTYPE</b></a>')).to.deep.equal([]);
  });

  it('refuses empty and oversized content', function () {
    expect(guardXmlContent('')[0]!.code).to.equal('xml.empty');
    expect(guardXmlContent('<a/>', 3)[0]!.code).to.equal('xml.too-large');
    // Multi-byte characters count as UTF-8 bytes, not UTF-16 code units.
    expect(guardXmlContent(`<a>${'é'.repeat(3)}</a>`, 12)[0]!.message).to.equal('message: size must be at most 12 bytes, but received 13 bytes');
    expect(MAX_XML_MESSAGE_BYTES).to.equal(10 * 1024 * 1024);
  });
});
