import { HCIM_FHIR } from '../fhir/hcim-systems.js';
import { HCIM_OID, PLR_OID } from '../hl7v3/oids.js';
import type { SimResponse } from './sim-http.js';

/** One deliberate non-conformance the simulator can be switched into (`serve --defect <name>`). */
export interface DefectDefinition {
  description: string;
  /** Interactions whose answers it changes (request roots, FHIR operations, `*` for all of a kind). */
  interactions: readonly string[];
}

const HCIM_V3_QUERIES = ['HCIM_IN_GetDemographics', 'HCIM_IN_FindCandidates', 'HCIM_IN_GetRelatedIdentifiers'];
const HCIM_V3_ALL = [...HCIM_V3_QUERIES, 'HCIM_IN_PersonRevised', 'HCIM_IN_PersonMerged', 'HCIM_IN_PersonNullified'];
const HCIM_FHIR_ALL = ['Patient/$GetDemographics', 'Patient/$FindCandidates', 'Patient/$AddPatient', 'Patient/$RevisePatient', 'Patient/$MergePatient', 'Patient.search', 'Patient.read'];
const PLR_FHIR_ALL = ['Practitioner/$entityQuery', 'Practitioner/$extendedQuery', 'Organization/$entityQuery', 'Organization/$extendedQuery', 'Location/$entityQuery', 'Location/$extendedQuery', '$maintain', '$batch'];

/**
 * Catalogue of defects. Each makes one kind of answer non-conformant in one precise, realistic way
 * (a registry bug or vendor mistake seen in the field), so conformance suites can prove they catch it.
 */
export const DEFECTS = {
  'wrong-check-digit': {
    description: 'PHNs of returned or newly assigned persons carry a wrong check digit (last digit off by one) in HL7v3 identifiedPerson/id and FHIR Patient.identifier',
    interactions: ['HCIM_IN_GetDemographics', 'HCIM_IN_FindCandidates', 'HCIM_IN_PersonRevised', 'Patient/$GetDemographics', 'Patient/$FindCandidates', 'Patient/$AddPatient', 'Patient.search', 'Patient.read'],
  },
  'missing-query-ack': {
    description: 'HL7v3 query responses omit controlActProcess/queryAck (no queryResponseCode, no resultTotalQuantity)',
    interactions: [...HCIM_V3_QUERIES, 'PRPM_IN306010CA'],
  },
  'bad-oid': {
    description: 'HCIM HL7v3 replies use the PLR message-id OID 2.16.840.1.113883.3.40.1.5 for their own message id instead of HCIM 2.16.840.1.113883.3.51.1.1.1',
    interactions: HCIM_V3_ALL,
  },
  'wrong-interaction-id': {
    description: 'HL7v3 replies put the request interaction (e.g. HCIM_IN_GetDemographics) in interactionId/@extension instead of their own root name',
    interactions: HCIM_V3_QUERIES.concat('HCIM_IN_PersonRevised', 'HCIM_IN_PersonMerged', 'PRPM_IN306010CA'),
  },
  'soap-fault-on-success': {
    description: 'successful HL7v3 answers come back as a SOAP 1.1 Fault (HTTP 500, faultcode Server) instead of HTTP 200 with the reply',
    interactions: HCIM_V3_ALL.concat('PRPM_IN306010CA'),
  },
  'wrong-response-code': {
    description: 'successful GetDemographics answers (v3 queryResponseCode and FHIR bc-oo-codes) carry the FindCandidates code BCHCIM.FC.0.0012 instead of BCHCIM.GD.0.0013',
    interactions: ['HCIM_IN_GetDemographics', 'Patient/$GetDemographics'],
  },
  'merged-without-warning': {
    description: 'a merged (non-survivor) PHN returns the survivor with BCHCIM.GD.0.0013 instead of the merge warning BCHCIM.GD.1.0015',
    interactions: ['HCIM_IN_GetDemographics', 'Patient/$GetDemographics'],
  },
  'unmasked-protected-person': {
    description: 'masked (protected) persons are returned with their demographics in clear instead of nullFlavor="MSK" / data-absent-reason masked',
    interactions: ['HCIM_IN_GetDemographics', 'HCIM_IN_FindCandidates', 'Patient/$GetDemographics', 'Patient/$FindCandidates', 'Patient.read'],
  },
  'ack-wrong-target-message': {
    description: 'MCCI_IN000002 accept acks and async results point acknowledgement/targetMessage/id at a fresh id instead of the request message id',
    interactions: ['HCIM_IN_PersonRevised', 'HCIM_IN_PersonMerged', 'HCIM_IN_PersonNullified'],
  },
  'soapaction-not-checked': {
    description: 'HCIM and PLR SOAP ports answer requests whose SOAPAction does not match the root element (WSDL binding) instead of faulting',
    interactions: [...HCIM_V3_ALL, 'PRPM_IN306010CA'],
  },
  'no-async-callback': {
    description: 'async requests are accepted (AA / HTTP 202) but the result is never POSTed to the callback URL',
    interactions: ['HCIM_IN_PersonRevised', 'HCIM_IN_PersonMerged', 'Patient/$AddPatient.Async', 'Patient/$RevisePatient.Async', 'Patient/$MergePatient.Async'],
  },
  'profile-violating-patient': {
    description: 'FHIR Patient resources use identifier.use "usual" and name.use "maiden", both outside the bc-patient required bindings',
    interactions: ['Patient/$GetDemographics', 'Patient/$FindCandidates', 'Patient/$AddPatient', 'Patient/$RevisePatient', 'Patient.search', 'Patient.read'],
  },
  'missing-operation-outcome': {
    description: 'FHIR response Bundles omit the OperationOutcome entry (HCIM: exactly one required; PLR: entry[0] with search.mode outcome)',
    interactions: HCIM_FHIR_ALL.concat(PLR_FHIR_ALL),
  },
  'created-with-200': {
    description: 'Patient/$AddPatient answers HTTP 200 instead of 201 when a Patient is created',
    interactions: ['Patient/$AddPatient'],
  },
  'wrong-content-type': {
    description: 'FHIR answers are labelled Content-Type application/json instead of application/fhir+json',
    interactions: HCIM_FHIR_ALL.concat(PLR_FHIR_ALL),
  },
  'missing-bearer-check': {
    description: 'the PLR FHIR API answers requests with no or an invalid bearer token instead of 401 with WWW-Authenticate: Bearer',
    interactions: PLR_FHIR_ALL,
  },
  'accept-header-ignored': {
    description: 'the PLR FHIR API answers 200 to an Accept header without fhirVersion/BCPLRVersion instead of 406',
    interactions: PLR_FHIR_ALL,
  },
  'wildcard-not-enforced': {
    description: 'PLR queries with more than one wildcard run instead of failing with GRS.DPS.UNK.UNK.0.0.7018',
    interactions: ['Practitioner/$entityQuery', 'Practitioner/$extendedQuery'],
  },
  'plr-missing-ipc': {
    description: 'PLR provider answers (PRPM_IN306011CA, distributions, Practitioner) omit the IPC identifier (2.16.840.1.113883.3.40.2.8 / ca-bc-plr-ipc)',
    interactions: ['PRPM_IN306010CA', 'PRPM_IN301030CA', 'PRPM_IN303030CA', 'Practitioner/$entityQuery', 'Practitioner/$extendedQuery'],
  },
} as const satisfies Record<string, DefectDefinition>;

export type DefectName = keyof typeof DEFECTS;

export const DEFECT_NAMES = Object.keys(DEFECTS).sort() as DefectName[];

/** Validate names given on the command line / in options; throws a plain Error listing valid ones. */
export function parseDefects(names: readonly string[]): Set<DefectName> {
  const out = new Set<DefectName>();
  for (const name of names) {
    if (!(name in DEFECTS)) throw new Error(`unknown defect "${name}"; defects: ${DEFECT_NAMES.join(', ')}`);
    out.add(name as DefectName);
  }
  return out;
}

/** `serve --help` text: every defect with what it breaks and where, and the fault syntax. */
export function defectHelp(): string {
  const lines = ['', 'Defects (--defect <name>, repeatable):'];
  for (const name of DEFECT_NAMES) {
    const defect: DefectDefinition = DEFECTS[name];
    lines.push(`  ${name}`, `      ${defect.description}`, `      interactions: ${defect.interactions.join(', ')}`);
  }
  lines.push(
    '',
    'Faults (--fault <interaction>=<kind>, repeatable): interaction is a request root (HCIM_IN_GetDemographics),',
    'an operation (Patient/$GetDemographics, Practitioner/$entityQuery), a bare name matching both (GetDemographics) or *.',
    '  latency:<ms>      answer after <ms>',
    '  http500           HTTP 500 text/plain instead of the answer',
    '  malformed         the answer cut in half (not well-formed)',
    '  drop              close the connection without answering',
    '  slow-body[:<ms>]  send the body in 10 pieces over <ms> (default 2000)',
    '',
    'Admin endpoints: POST /admin/plr/distribute?ipc=…&kind=add|revise&format=v3|fhir, POST /admin/hcim/distribute?event=NEW|…&phn=…',
  );
  return `${lines.join('\n')}\n`;
}

/** True when `defect` is on and touches `interaction`. */
export function defectOn(defects: ReadonlySet<DefectName>, defect: DefectName, interaction: string | undefined): boolean {
  return defects.has(defect) && interaction !== undefined && (DEFECTS[defect].interactions as readonly string[]).includes(interaction);
}

const PHN_ID = new RegExp(`(<id root="${HCIM_OID.phn.replace(/\./g, '\\.')}" extension=")(\\d{10})(")`, 'g');

/**
 * Apply the answer-rewriting defects to a finished answer (handler-level ones — auth, masking,
 * merges, wildcard, SOAPAction, callbacks — are checked by the handlers themselves).
 */
export function applyDefects(defects: ReadonlySet<DefectName>, response: SimResponse): SimResponse {
  if (defects.size === 0 || response.interaction === undefined) return response;
  const on = (name: DefectName) => defectOn(defects, name, response.interaction);
  let { body, status } = response;
  const headers = { ...response.headers };
  const isXml = /xml/.test(headers['content-type'] ?? '');
  const isFhir = /json/.test(headers['content-type'] ?? '');
  const ok = status >= 200 && status < 300;

  if (isXml) {
    if (on('wrong-check-digit')) body = body.replace(PHN_ID, (_m, a: string, phn: string, b: string) => `${a}${wrongCheckDigit(phn)}${b}`);
    if (on('missing-query-ack')) body = body.replace(/<queryAck>[\s\S]*?<\/queryAck>\n?/, '');
    if (on('bad-oid')) body = body.replace(`<id root="${HCIM_OID.messageId}"`, `<id root="${PLR_OID.messageId}"`);
    if (on('wrong-interaction-id')) body = body.replace(/(<interactionId root="[^"]+" extension=")([^"]+)(")/, (_m, a: string, _ext: string, b: string) => `${a}${requestRoot(response.interaction!)}${b}`);
    if (on('wrong-response-code') && body.includes('BCHCIM.GD.0.0013')) body = body.replace('BCHCIM.GD.0.0013', 'BCHCIM.FC.0.0012');
    if (on('ack-wrong-target-message')) body = body.replace(/(<targetMessage>\s*<id root="[^"]+" extension=")[^"]*(")/, (_m, a: string, b: string) => `${a}${crypto.randomUUID()}${b}`);
    if (on('plr-missing-ipc')) body = body.replace(new RegExp(`<id root="${PLR_OID.ipc.replace(/\./g, '\\.')}" extension="[^"]*"/>\\n?`, 'g'), '');
    if (on('soap-fault-on-success') && ok && !body.includes('Fault>')) {
      status = 500;
      body = '<?xml version="1.0" encoding="utf-8"?>\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">\n<s:Body>\n<s:Fault><faultcode>s:Server</faultcode><faultstring>Server was unable to process request.</faultstring></s:Fault>\n</s:Body>\n</s:Envelope>\n';
    }
  }
  if (isFhir) {
    let resource: unknown;
    try {
      resource = JSON.parse(body);
    } catch {
      resource = undefined;
    }
    if (resource && typeof resource === 'object') {
      if (on('wrong-check-digit')) walk(resource, (node) => {
        if (node.system === HCIM_FHIR.phnSystem && typeof node.value === 'string' && /^\d{10}$/.test(node.value)) node.value = wrongCheckDigit(node.value);
      });
      if (on('profile-violating-patient')) walk(resource, (node) => {
        if (node.resourceType !== 'Patient') return;
        for (const id of (node.identifier as Record<string, unknown>[] | undefined) ?? []) id.use = 'usual';
        for (const name of (node.name as Record<string, unknown>[] | undefined) ?? []) name.use = 'maiden';
      });
      if (on('wrong-response-code')) walk(resource, (node) => {
        if (node.system === HCIM_FHIR.ooCodes && node.code === 'BCHCIM.GD.0.0013') node.code = 'BCHCIM.FC.0.0012';
      });
      if (on('missing-operation-outcome')) walk(resource, (node) => {
        if (node.resourceType === 'Bundle' && Array.isArray(node.entry)) node.entry = node.entry.filter((e: { resource?: { resourceType?: string } }) => e?.resource?.resourceType !== 'OperationOutcome');
      });
      if (on('plr-missing-ipc')) walk(resource, (node) => {
        if (Array.isArray(node.identifier)) node.identifier = node.identifier.filter((i: { system?: string }) => i?.system !== 'https://health.gov.bc.ca/fhir/NamingSystem/ca-bc-plr-ipc');
      });
      body = `${JSON.stringify(resource, null, 2)}\n`;
    }
    if (on('created-with-200') && status === 201) status = 200;
    if (on('wrong-content-type')) headers['content-type'] = 'application/json; charset=utf-8';
  }
  return { ...response, status, headers, body };
}

/** The same PHN with its last digit changed, so the check digit no longer holds. */
export function wrongCheckDigit(phn: string): string {
  return `${phn.slice(0, 9)}${(Number(phn[9]) + 1) % 10}`;
}

function requestRoot(interaction: string): string {
  return interaction;
}

function walk(node: unknown, visit: (node: Record<string, any>) => void): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit);
  else if (node && typeof node === 'object') {
    visit(node as Record<string, any>);
    for (const value of Object.values(node)) walk(value, visit);
  }
}
