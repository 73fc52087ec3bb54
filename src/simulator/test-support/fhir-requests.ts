import { randomUUID } from 'node:crypto';
import { HCIM_FHIR, hcimProfile } from '../../fhir/hcim-systems.js';

/** HCIM FHIR request bodies for tests, self-validation and benches (valid against the BC profiles). */
function metadata(messageId: string): Record<string, unknown> {
  return {
    fullUrl: `urn:uuid:${randomUUID()}`,
    resource: {
      resourceType: 'Parameters',
      meta: { profile: [hcimProfile('bc-metadata-parameters-in')] },
      parameter: [
        { name: 'messageId', valueString: messageId },
        { name: 'sender', valueIdentifier: { system: HCIM_FHIR.senderSystem, value: 'HIECONF' } },
        { name: 'enterer', valueIdentifier: { system: HCIM_FHIR.entererSystem, value: 'hie-conform@example.org' } },
      ],
    },
  };
}

function bundle(profile: string, patient: Record<string, unknown>, messageId: string = randomUUID()): string {
  return JSON.stringify({
    resourceType: 'Bundle',
    meta: { profile: [hcimProfile(profile)] },
    type: 'collection',
    entry: [metadata(messageId), { fullUrl: `urn:uuid:${randomUUID()}`, resource: { resourceType: 'Patient', meta: { profile: [hcimProfile('bc-patient')] }, ...patient } }],
  });
}

export function getDemographicsBundle(phn: string): string {
  return bundle('bc-get-demographics-request-bundle', { identifier: [{ system: HCIM_FHIR.phnSystem, value: phn }] });
}

export function findCandidatesBundle(family: string, birthDate?: string): string {
  return bundle('bc-find-candidates-request-bundle', { name: [{ use: 'official', family }], birthDate });
}

export interface NewPatient {
  family: string;
  given: string;
  birthDate: string;
  gender: 'male' | 'female';
  phn?: string;
  sourceId?: string;
}

/** $AddPatient / $RevisePatient request bundle. */
export function patientBundle(kind: 'add' | 'revise', person: NewPatient, messageId: string = randomUUID()): string {
  const identifier = [
    ...(person.phn ? [{ use: 'official', system: HCIM_FHIR.phnSystem, value: person.phn }] : []),
    { use: 'secondary', system: 'https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-eweb-phn-source-patient-id', value: person.sourceId ?? randomUUID().slice(0, 12) },
  ];
  return bundle(kind === 'add' ? 'bc-add-request-bundle' : 'bc-revise-request-bundle', { identifier, name: [{ use: 'usual', family: person.family, given: [person.given] }], gender: person.gender, birthDate: person.birthDate }, messageId);
}

/** $MergePatient Parameters; `messageId` adds that parameter (needed by `.Async`, whose ack echoes it). */
export function mergeParameters(nonSurvivor: string, survivor: string, messageId?: string): string {
  const ref = (value: string) => ({ identifier: { use: 'official', system: HCIM_FHIR.phnSystem, value } });
  const parameter = [{ name: 'target-patient', valueReference: ref(survivor) }, { name: 'source-patient', valueReference: ref(nonSurvivor) }];
  return JSON.stringify({ resourceType: 'Parameters', parameter: messageId ? [{ name: 'messageId', valueString: messageId }, ...parameter] : parameter });
}

/** POST a FHIR JSON body. */
export async function postFhir(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/fhir+json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** Every bc-oo-codes / PLR error code in a FHIR JSON document. */
export function outcomeCodes(json: unknown): string[] {
  const text = JSON.stringify(json);
  return [...text.matchAll(/"code":"((?:BCHCIM|GRS|PRS)\.[A-Z0-9.]+)"/g)].map((m) => m[1]!);
}
