import { expect } from 'chai';
import { FIXTURE_PROFILES_DIR, ProfileRegistry } from '../../fhir/profiles.js';
import { familyOf, HCIM_BASE, inferEntryProfile, PLR_BASE } from './select-profile.js';

describe('FHIR profile inference', () => {
  const registry = new ProfileRegistry();
  before(() => registry.addDirectory(FIXTURE_PROFILES_DIR));
  const parameters = (...names: string[]) => ({ resourceType: 'Parameters', parameter: names.map((name) => ({ name, valueString: 'x' })) });
  const entry = (resource: Record<string, unknown>) => ({ fullUrl: 'urn:uuid:x', resource });

  it('tells HCIM from PLR content', () => {
    expect(familyOf({ resourceType: 'Patient' })).to.equal('hcim');
    expect(familyOf({ resourceType: 'Practitioner' })).to.equal('plr');
    expect(familyOf({ resourceType: 'OperationOutcome', issue: [{ details: { coding: [{ system: 'https://terminology.hlth.gov.bc.ca/ProviderLocationRegistry/CodeSystem/bc-error-code-system' }] } }] })).to.equal('plr');
    expect(familyOf({ resourceType: 'Basic' })).to.equal(undefined);
  });

  it('infers HCIM Bundles from their entries and operation link', () => {
    const request = (link: string, ...resources: Record<string, unknown>[]) => ({ resourceType: 'Bundle', type: 'collection', link: [{ relation: 'self', url: link }], entry: resources.map(entry) });
    const patient = { resourceType: 'Patient', name: [{ family: 'X' }] };
    expect(inferEntryProfile(request('x/Patient/$GetDemographics', parameters('messageId'), patient), undefined, registry)).to.equal(`${HCIM_BASE}bc-get-demographics-request-bundle`);
    expect(inferEntryProfile(request('x/Patient/$RevisePatient', parameters('messageId'), patient), undefined, registry)).to.equal(`${HCIM_BASE}bc-revise-request-bundle`);
    expect(inferEntryProfile(request('', parameters('messageId'), { resourceType: 'Patient', identifier: [{ value: '9' }] }), undefined, registry)).to.equal(`${HCIM_BASE}bc-get-demographics-request-bundle`);
    expect(inferEntryProfile(request('', parameters('messageId'), patient), undefined, registry)).to.equal(`${HCIM_BASE}bc-find-candidates-request-bundle`);
    expect(inferEntryProfile(request('', parameters('messageId', 'eventType'), patient), undefined, registry)).to.equal(`${HCIM_BASE}bc-subscription-notification-bundle`);
    expect(inferEntryProfile(request('', parameters('requestMessageId'), { resourceType: 'OperationOutcome' }), undefined, registry)).to.equal(`${HCIM_BASE}bc-async-ack-response-bundle`);
    const search = { resourceType: 'Bundle', type: 'searchset', entry: [entry(parameters('messageId')), entry({ resourceType: 'OperationOutcome' })] };
    expect(inferEntryProfile(search, undefined, registry)).to.equal(`${HCIM_BASE}bc-search-response-bundle`);
  });

  it('infers entry profiles within a family', () => {
    expect(inferEntryProfile({ resourceType: 'Patient' }, 'hcim', registry)).to.equal(`${HCIM_BASE}bc-patient`);
    expect(inferEntryProfile(parameters('messageId', 'requestMessageId'), 'hcim', registry)).to.equal(`${HCIM_BASE}bc-metadata-parameters-out`);
    expect(inferEntryProfile(parameters('target-patient', 'source-patient'), undefined, registry)).to.equal(`${HCIM_BASE}bc-merge-request-parameters`);
    expect(inferEntryProfile({ resourceType: 'PractitionerRole' }, 'plr', registry)).to.equal(`${PLR_BASE}bc-practitioner-role`);
    expect(inferEntryProfile({ resourceType: 'RelatedPerson' }, 'hcim', registry)).to.equal(undefined);
    expect(inferEntryProfile({ resourceType: 'Basic' }, undefined, registry)).to.equal(undefined);
  });
});
