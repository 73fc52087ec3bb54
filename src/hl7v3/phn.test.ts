import { expect } from 'chai';
import { isValidPhn, phnCheckDigit } from './phn.js';

describe('hl7v3/phn', () => {
  it('accepts the PHNs documented as valid', () => {
    expect(isValidPhn('9735353315')).to.equal(true);
    expect(isValidPhn('9735361219')).to.equal(true);
  });
  it('rejects a wrong check digit, wrong length, wrong first digit and non-digits', () => {
    expect(isValidPhn('9735353316')).to.equal(false);
    expect(isValidPhn('973535331')).to.equal(false);
    expect(isValidPhn('8735353315')).to.equal(false);
    expect(isValidPhn('97353533x5')).to.equal(false);
    expect(isValidPhn('')).to.equal(false);
  });
  it('flags the made-up PHN of the spec sample as invalid', () => {
    expect(isValidPhn('9862716574')).to.equal(false);
  });
  it('computes the check digit of the first nine digits', () => {
    expect(phnCheckDigit('973535331')).to.equal(5);
    expect(phnCheckDigit('812345678')).to.equal(undefined);
  });
});
