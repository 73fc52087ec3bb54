import { expect } from 'chai';
import { pasteablePayload } from './v3-request-facts.js';

describe('pasteablePayload: a libxml2-serialised payload is pasted into replies only when it needs no outside namespace declaration', () => {
  it('keeps unprefixed payloads, colons in attribute values and text included', () => {
    const plain = '<queryByParameterPayload><person.id><value root="2.16.840.1.113883.3.51.1.1.6.1" extension="9876543218" note="a:b c:d"/></person.id>urn:x:y</queryByParameterPayload>';
    expect(pasteablePayload(plain)).to.equal(plain);
    expect(pasteablePayload('<p xmlns="urn:other"><q/></p>')).to.equal('<p xmlns="urn:other"><q/></p>');
  });

  it('refuses, conservatively, a value that looks like a prefixed attribute (the DOM serialiser then echoes it)', () => {
    expect(pasteablePayload('<p note="a c:d=e"/>')).to.equal(undefined);
  });

  it('refuses prefixed elements (start or end tag) and prefixed attributes', () => {
    expect(pasteablePayload('<hl7:queryByParameterPayload><x/></hl7:queryByParameterPayload>')).to.equal(undefined);
    expect(pasteablePayload('<p><x:q/></p>')).to.equal(undefined);
    expect(pasteablePayload('<p><value xsi:type="II" root="1"/></p>')).to.equal(undefined);
    expect(pasteablePayload('<p><value\n  xsi:type = "II"/></p>')).to.equal(undefined);
    expect(pasteablePayload(undefined)).to.equal(undefined);
  });
});
