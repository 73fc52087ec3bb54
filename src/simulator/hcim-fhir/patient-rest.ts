import { randomUUID } from 'node:crypto';
import { HCIM_FHIR } from '../../fhir/hcim-systems.js';
import { HCIM_OID } from '../../hl7v3/oids.js';
import { isValidPhn } from '../../hl7v3/phn.js';
import { defectOn } from '../defects.js';
import type { SimRequest, SimResponse } from '../sim-http.js';
import type { SimulatorState } from '../simulator-state.js';
import { fhirJson } from './fhir-operations.js';
import { operationOutcome, searchResponseBundle } from './operation-bundles.js';
import { sourceAuthority } from './patient-input.js';
import { patientResource } from './patient-resource.js';

/** Search parameters `GET Patient?…` understands; `_format` is the FHIR format override (JSON only here). */
const SEARCH_PARAMETERS = ['identifier', 'family', 'given', 'birthdate', 'address-line', 'address-postalcode', 'phone', 'telecom', 'gender', '_format'];

/**
 * RESTful Patient reads (domain.md §c): `GET Patient?family=&given=&birthdate=&address-line=…`,
 * `Patient?identifier=system|value`, `Patient/[phn]`, `Patient/[phn]/_history`,
 * `Patient/[phn]/_identifiersOnly`. Unknown search parameters are ignored, as FHIR R4 search says,
 * unless the request carries `Prefer: handling=strict`: then 400 with an OperationOutcome.
 */
export function patientRest(subPath: string, request: SimRequest, state: SimulatorState, selfUrl: string): SimResponse | undefined {
  if (request.method !== 'GET') return undefined;
  const unmask = defectOn(state.defects, 'unmasked-protected-person', 'Patient.read');
  if (subPath === '/Patient') {
    const q = request.query;
    const unknown = [...new Set(q.keys())].filter((name) => !SEARCH_PARAMETERS.includes(name));
    if (unknown.length > 0 && /(^|[,;\s])handling\s*=\s*strict\b/i.test(request.headers.prefer ?? '')) {
      const text = `unsupported search parameter(s) ${unknown.join(', ')}; supported: ${SEARCH_PARAMETERS.join(', ')}`;
      return { ...fhirJson(400, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported', diagnostics: text }] }), interaction: 'Patient.search' };
    }
    const identifier = q.get('identifier');
    if (identifier) {
      const [system, value] = identifier.includes('|') ? identifier.split('|', 2) as [string, string] : ['', identifier];
      if (system && system !== HCIM_FHIR.phnSystem) {
        // A source-system identifier (SRI): the system names the source (…/ca-bc-<org>-<system>-source-patient-id,
        // domain.md §d), which must be the id's assigning authority; any other system identifies nobody here.
        const authority = sourceAuthority(system);
        const found = authority ? state.persons.bySourceId(HCIM_OID.sourcePersonId, value) : undefined;
        const person = found?.sourceIds.some((id) => id.extension === value && id.assigningAuthorityName === authority) ? found : undefined;
        return search(person ? [patientResource(person, { unmask })] : [], person ? 'BCHCIM.GD.0.0013' : 'BCHCIM.GD.0.0018');
      }
      if (!isValidPhn(value)) return { ...fhirJson(400, operationOutcome('BCHCIM.BRV.2.0003')), interaction: 'Patient.search' };
      const { person, merged } = state.persons.resolve(value);
      if (!person) return search([], 'BCHCIM.GD.0.0018');
      return search([patientResource(person, { unmask })], merged ? 'BCHCIM.GD.1.0015' : 'BCHCIM.GD.0.0013');
    }
    const query = {
      family: q.get('family') ?? undefined,
      given: q.getAll('given'),
      birthDate: q.get('birthdate')?.replace(/-/g, ''),
      addressLine: q.get('address-line') ?? undefined,
      postalCode: q.get('address-postalcode') ?? undefined,
      phone: q.get('phone') ?? q.get('telecom') ?? undefined,
      gender: ({ male: 'M', female: 'F' } as Record<string, string>)[q.get('gender') ?? ''],
    };
    if (!query.family || !(query.birthDate || query.addressLine || query.phone || query.postalCode)) return { ...fhirJson(400, operationOutcome('BCHCIM.SCH.2.5107')), interaction: 'Patient.search' };
    const candidates = state.persons.findCandidates(query).slice(0, 10);
    return { ...fhirJson(200, searchResponseBundle({}, candidates.length ? 'BCHCIM.FC.0.0012' : 'BCHCIM.FC.0.0018', candidates.map(({ person, score }) => ({ patient: patientResource(person, { unmask }), score })), selfUrl)), interaction: 'Patient.search' };
  }
  const read = /^\/Patient\/(\d{10})(\/_history|\/_identifiersOnly)?$/.exec(subPath);
  if (!read) return undefined;
  const phn = read[1]!;
  if (!isValidPhn(phn)) return { ...fhirJson(400, operationOutcome('BCHCIM.BRV.2.0003')), interaction: 'Patient.read' };
  const { person } = state.persons.resolve(phn);
  if (!person) return { ...fhirJson(404, operationOutcome('BCHCIM.GD.0.0018')), interaction: 'Patient.read' };
  if (!read[2]) return { ...fhirJson(200, patientResource(person, { unmask })), interaction: 'Patient.read' };
  if (read[2] === '/_identifiersOnly') {
    // The identifiersOnly flavour (bc-metadata-parameters-in `identifiersOnly`): identifiers, no demographics.
    const { resourceType, id, meta, identifier } = patientResource(person);
    return { ...fhirJson(200, { resourceType, id, meta, identifier }), interaction: 'Patient.read' };
  }
  const versions = state.persons.history(person.phn);
  const history = {
    resourceType: 'Bundle',
    type: 'history',
    total: versions.length,
    link: [{ relation: 'self', url: selfUrl }],
    entry: [...versions].reverse().map((v) => ({
      fullUrl: `urn:uuid:${randomUUID()}`,
      resource: { ...patientResource(v.person, { unmask }), meta: { versionId: String(v.versionId), lastUpdated: v.recordedAt, profile: ['http://hlth.gov.bc.ca/fhir/client/StructureDefinition/bc-patient'] } },
      request: { method: v.versionId === 1 ? 'POST' : 'PUT', url: `Patient/${person.phn}` },
      response: { status: v.versionId === 1 ? '201 Created' : '200 OK' },
    })),
  };
  return { ...fhirJson(200, history), interaction: 'Patient.read' };

  function search(patients: Record<string, unknown>[], code: string): SimResponse {
    return { ...fhirJson(200, searchResponseBundle({}, code, patients.map((patient) => ({ patient })), selfUrl)), interaction: 'Patient.search' };
  }
}
