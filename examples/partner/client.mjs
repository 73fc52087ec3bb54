// The reference partner as a CLIENT of HCIM: sends what suites/client-hcim-v3 and
// suites/client-hcim-fhir expect, to the registry URL `hie-conform listen` prints.
import { fhirFindCandidates, fhirGetDemographics, findCandidates, getDemographics, newMessageId, personRevised, soap } from './messages.mjs';

const V3 = 'urn:hl7-org:v3/';
/** Test person of the embedded simulator (fixtures/seed/hcim-persons.json). */
const PERSON = { phn: '9876543218', family: 'ASHWORTH', given: 'ELAINE', gender: 'F', birthDate: '19750314', fhirBirthDate: '1975-03-14' };

/**
 * Send every message once, in order; returns one line per message (`status root`).
 * `misbehave` names deliberate mistakes (see README.md).
 */
export async function runClient(base, misbehave = new Set(), log = () => {}) {
  const results = [];
  const post = async (label, url, headers, body) => {
    const response = await fetch(url, { method: 'POST', headers, body });
    await response.text();
    results.push(`${response.status} ${label}`);
    log(`${response.status} ${label}`);
  };
  const soapPost = (label, port, action, message) => post(label, `${base}/hcim/${port}.asmx`, { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${V3}${action}"` }, soap(message));
  const fhirPost = (label, operation, resource) => post(label, `${base}/hcim/fhir/Patient/${operation}`, { 'content-type': 'application/fhir+json', accept: 'application/fhir+json' }, JSON.stringify(resource));

  const gdId = newMessageId();
  await soapPost('HCIM_IN_GetDemographics', 'QUPA_AR101102', 'QUPA_IN101101', getDemographics({ messageId: gdId, phn: misbehave.has('bad-phn') ? '9876543217' : PERSON.phn }));
  await soapPost('HCIM_IN_FindCandidates', 'QUPA_AR101102', misbehave.has('wrong-soapaction') ? 'QUPA_IN101101' : 'QUPA_IN101103', findCandidates({ messageId: newMessageId(), family: PERSON.family, birthDate: PERSON.birthDate }));
  await soapPost('HCIM_IN_PersonRevised', 'PRPA_AR101202', 'PRPA_IN101204', personRevised({ messageId: misbehave.has('duplicate-message-id') ? gdId : newMessageId(), ...PERSON, sourceId: `PARTNER-${Date.now()}` }));
  if (!misbehave.has('skip-fhir')) {
    await fhirPost('Patient/$FindCandidates', '$FindCandidates', fhirFindCandidates({ messageId: newMessageId(), family: PERSON.family, ...(misbehave.has('fc-surname-only') ? {} : { birthDate: PERSON.fhirBirthDate }) }));
    await fhirPost('Patient/$GetDemographics', '$GetDemographics', fhirGetDemographics({ messageId: newMessageId(), phn: PERSON.phn }));
  }
  if (misbehave.has('stray')) {
    // A search no client suite asks for: listen must report it as unexpected, never drop it.
    const response = await fetch(`${base}/hcim/fhir/Patient?family=${PERSON.family}&birthdate=${PERSON.fhirBirthDate}`, { headers: { accept: 'application/fhir+json' } });
    await response.text();
    results.push(`${response.status} GET Patient?family`);
    log(`${response.status} GET Patient?family`);
  }
  return results;
}
