import { expect } from 'chai';
import { rulesOf } from '../test-helpers/run-check.js';
import { checkDeceasedDate } from './deceased-date.js';
import { checkNameSwap } from './name-swap.js';
import { checkPhn } from './phn.js';

describe('dq client checks', () => {
  it('phn: valid check digit passes; missing, format and check digit fail', () => {
    expect(rulesOf(checkPhn, { phn: '9735353315' })).to.deep.equal([]);
    expect(rulesOf(checkPhn, { phn: '9735-353-315' })).to.deep.equal([]);
    expect(rulesOf(checkPhn, { phn: '' })).to.deep.equal(['phn-missing']);
    expect(rulesOf(checkPhn, { phn: '8735353315' })).to.deep.equal(['phn-format']);
    expect(rulesOf(checkPhn, { phn: '973535331' })).to.deep.equal(['phn-format']);
    expect(rulesOf(checkPhn, { phn: '9735353316' })).to.deep.equal(['phn-check-digit']);
    expect(rulesOf(checkPhn, {})).to.deep.equal([]); // column absent: not checked
  });

  it('deceased date: after birth passes; invalid, future and before birth fail', () => {
    expect(rulesOf(checkDeceasedDate, { birthDate: '1942-06-11', deceasedDate: '2024-01-02' })).to.deep.equal([]);
    expect(rulesOf(checkDeceasedDate, { birthDate: '1942-06-11', deceasedDate: '2024-02-30' })).to.deep.equal(['deceased-date-invalid']);
    expect(rulesOf(checkDeceasedDate, { birthDate: '1942-06-11', deceasedDate: '2027-01-01' })).to.deep.equal(['deceased-date-future']);
    expect(rulesOf(checkDeceasedDate, { birthDate: '1942-06-11', deceasedDate: '1941-01-01' })).to.deep.equal(['deceased-before-birth']);
  });

  it('name swap: a surname in the given field and a given name in the family field warns', () => {
    expect(rulesOf(checkNameSwap, { family: 'SMITH', given: 'MARY' })).to.deep.equal([]);
    expect(rulesOf(checkNameSwap, { family: 'Mary', given: 'Smith' })).to.deep.equal(['name-swapped']);
    expect(rulesOf(checkNameSwap, { family: 'JOHN', given: 'WILSON' })).to.deep.equal(['name-swapped']);
    expect(rulesOf(checkNameSwap, { family: 'NAKAMURA', given: 'KENJI' })).to.deep.equal([]);
  });
});
