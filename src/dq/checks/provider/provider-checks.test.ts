import { expect } from 'chai';
import { rulesOf } from '../test-helpers/run-check.js';
import { checkCollegeId } from './college-id.js';
import { checkIpcCpn } from './ipc-cpn.js';
import { checkLicenceStatus } from './licence-status.js';
import { checkProviderType } from './provider-type.js';

describe('dq provider checks', () => {
  it('IPC/CPN: PLR formats pass; missing and malformed fail', () => {
    expect(rulesOf(checkIpcCpn, { ipc: 'IPC.00166847.BC.PRS', cpn: 'CPN.00166847.BC.PRS' })).to.deep.equal([]);
    expect(rulesOf(checkIpcCpn, { ipc: '', cpn: '' })).to.deep.equal(['ipc-missing', 'cpn-missing']);
    expect(rulesOf(checkIpcCpn, { ipc: '1234567890', cpn: 'CPN.0016684.BC.PRS' })).to.deep.equal(['ipc-format', 'cpn-format']);
    expect(rulesOf(checkIpcCpn, { ipc: 'IPC.00166847.AB.PRS' })).to.deep.equal(['ipc-format']);
  });

  it('college id: known body, present, in format, licensing the provider type', () => {
    expect(rulesOf(checkCollegeId, { identifierType: 'CPSID', collegeId: '20101', providerType: 'MD' })).to.deep.equal([]);
    expect(rulesOf(checkCollegeId, { identifierType: 'RMID', collegeId: '500031', providerType: 'RM' })).to.deep.equal([]);
    expect(rulesOf(checkCollegeId, { identifierType: 'XYZID', collegeId: '1', providerType: 'MD' })).to.deep.equal(['college-id-type']);
    expect(rulesOf(checkCollegeId, { identifierType: '', collegeId: '1' })).to.deep.equal(['college-id-type']);
    expect(rulesOf(checkCollegeId, { identifierType: 'PHID', collegeId: '' })).to.deep.equal(['college-id-missing']);
    expect(rulesOf(checkCollegeId, { identifierType: 'CPSID', collegeId: '2010' })).to.deep.equal(['college-id-format']);
    expect(rulesOf(checkCollegeId, { identifierType: 'RNID', collegeId: 'R-12' })).to.deep.equal(['college-id-format']);
    expect(rulesOf(checkCollegeId, { identifierType: 'PHID', collegeId: '20341', providerType: 'MD' })).to.deep.equal(['college-type-mismatch']);
  });

  it('provider type: known role passes; missing fails, unknown warns', () => {
    expect(rulesOf(checkProviderType, { providerType: 'PHARM' })).to.deep.equal([]);
    expect(rulesOf(checkProviderType, { providerType: '' })).to.deep.equal(['provider-type-missing']);
    expect(rulesOf(checkProviderType, { providerType: 'WIZARD' })).to.deep.equal(['provider-type-code']);
  });

  it('licence status: allowed code and ordered dates pass (9999 expiry); missing, unknown, bad and reversed dates fail', () => {
    expect(rulesOf(checkLicenceStatus, { statusCode: 'ACTIVE', statusStart: '01-10-2020', statusExpiry: '12-30-9999' })).to.deep.equal([]);
    expect(rulesOf(checkLicenceStatus, { statusCode: 'suspended', statusStart: '20100502000000' })).to.deep.equal([]);
    expect(rulesOf(checkLicenceStatus, { statusCode: '' })).to.deep.equal(['status-missing']);
    expect(rulesOf(checkLicenceStatus, { statusCode: 'ALIVE' })).to.deep.equal(['status-code']);
    expect(rulesOf(checkLicenceStatus, { statusCode: 'ACTIVE', statusStart: '13-01-2020' })).to.deep.equal(['status-date-invalid']);
    expect(rulesOf(checkLicenceStatus, { statusCode: 'ACTIVE', statusStart: '01-10-2021', statusExpiry: '01-10-2020' })).to.deep.equal(['status-dates-order']);
  });
});
