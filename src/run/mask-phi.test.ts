import { expect } from 'chai';
import { maskPhn, maskText } from './mask-phi.js';

describe('run/mask-phi', () => {
  it('masks PHNs but not OIDs, timestamps or longer numbers', () => {
    expect(maskPhn('9876543218')).to.equal('98******18');
    const text = '<id root="2.16.840.1.113883.3.51.1.1.6.1" extension="9876543218"/><creationTime value="20261123091500"/> 19876543218';
    expect(maskText(text)).to.equal('<id root="2.16.840.1.113883.3.51.1.1.6.1" extension="98******18"/><creationTime value="20261123091500"/> 19876543218');
  });

  it('masks person names in HL7v3 and FHIR JSON', () => {
    expect(maskText('<name use="L"><given>ELAINE</given><family>ASHWORTH</family></name>')).to.equal('<name use="L"><given>E***</given><family>A***</family></name>');
    expect(maskText('{"family": "Ashworth", "given": ["Elaine", "Marie"]}')).to.equal('{"family": "A***", "given": ["E***", "M***"]}');
    expect(maskText('{"family":"O\\"Brien"}')).to.equal('{"family":"O***"}');
  });
});
