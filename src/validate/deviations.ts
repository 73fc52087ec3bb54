import type { Issue } from '../core/issue.js';

/**
 * A documented way real HCIM replies break HCIM's own XSD. Without `--strict` a matching XSD
 * issue is downgraded to a warning; with `--strict` it stays an error. See docs/deviations.md.
 */
export interface KnownDeviation {
  /** `HCIM-DEV-00n`, stable; cited in issue messages and docs/deviations.md. */
  id: string;
  /** One line: what HCIM does. */
  title: string;
  description: string;
  /** Where the deviation is seen (repository : path) and who documented it. */
  evidence: string[];
  /** Root elements whose messages show it. */
  roots: readonly string[];
  /** Whether an `xsd.*` issue of a message with root `root` is this deviation. */
  matches(issue: Issue, root: string): boolean;
}

const RESPONSES = ['HCIM_IN_GetDemographicsResponse', 'HCIM_IN_FindCandidatesResponse', 'HCIM_IN_GetRelatedIdentifiersResponse'];
const FIND_CANDIDATES_RESPONSE = ['HCIM_IN_FindCandidatesResponse'];

/** Last step of an issue path without its `[n]` index. */
function pathEndsWith(issue: Issue, ...steps: string[]): boolean {
  const actual = (issue.path ?? '').split('/').slice(-steps.length).map((step) => step.replace(/\[\d+\]$/, ''));
  return actual.length === steps.length && actual.every((step, i) => step === steps[i]);
}

/** The catalogue of known HCIM deviations. */
export const KNOWN_DEVIATIONS: readonly KnownDeviation[] = [
  {
    id: 'HCIM-DEV-001',
    title: 'response code and text in queryResponseCode/@code',
    description:
      'HCIM query responses put "CODE | text" (or "CODE|text" followed by a multi-line schematron report) into queryAck/queryResponseCode/@code, whose HL7 type cs forbids whitespace (pattern [^\\s]*).',
    evidence: [
      'bcgov/moh-hnweb : backend/src/test/resources/FindCandidatesResponse_Multiples.xml (comment "Compound value in code field fails datatype validation"), GetDemographicsResponse_Error.xml, FindCandidatesResponse_Error.xml',
      'bcgov/healthgateway : Apps/Mock/src/Assets/Patient.xml',
      'domain.md "Schema reality check": every real response whose queryResponseCode/@code contains spaces is invalid',
    ],
    roots: RESPONSES,
    matches: (issue, root) =>
      RESPONSES.includes(root) &&
      pathEndsWith(issue, 'queryAck', 'queryResponseCode') &&
      (issue.code === 'xsd.cvc-pattern-valid' || issue.code === 'xsd.cvc-datatype-valid') &&
      issue.message.includes("attribute 'code'"),
  },
  {
    id: 'HCIM-DEV-002',
    title: 'acceptAckCode/@displayName on error replies',
    description:
      'HCIM error replies reuse acceptAckCode for the BCHCIM error: code="BCHCIM.xx.2.nnnn" plus codeSystem, codeSystemName, codeSystemVersion and displayName attributes; the CS type of acceptAckCode allows none of the latter except code.',
    evidence: [
      'bcgov/moh-hnweb : backend/src/test/resources/GetDemographicsResponse_Error.xml, FindCandidatesResponse_Error.xml',
      'domain.md "Schema reality check": error replies fail on acceptAckCode/@displayName',
    ],
    roots: RESPONSES,
    matches: (issue, root) =>
      RESPONSES.includes(root) &&
      pathEndsWith(issue, 'acceptAckCode') &&
      issue.code === 'xsd.cvc-complex-type.3.2.2' &&
      /attribute '(displayName|codeSystem|codeSystemName|codeSystemVersion)'/.test(issue.message),
  },
  {
    id: 'HCIM-DEV-003',
    title: 'identifiedPerson/@classCode="PERSON" in FindCandidates responses',
    description: 'HCIM FindCandidates responses send identifiedPerson classCode="PERSON"; EntityClass has PSN, not PERSON.',
    evidence: [
      'bcgov/moh-hnweb : backend/src/test/resources/FindCandidatesResponse_Multiples.xml',
      'domain.md "Schema reality check": hnweb FC samples fail (classCode="PERSON")',
    ],
    roots: FIND_CANDIDATES_RESPONSE,
    matches: (issue, root) =>
      FIND_CANDIDATES_RESPONSE.includes(root) &&
      pathEndsWith(issue, 'target', 'identifiedPerson') &&
      issue.code === 'xsd.cvc-datatype-valid' &&
      /attribute 'classCode': 'PERSON'/.test(issue.message),
  },
  {
    id: 'HCIM-DEV-004',
    title: 'subjectOf without @typeCode in FindCandidates responses',
    description: 'HCIM FindCandidates responses send the match-score subjectOf without its required typeCode attribute.',
    evidence: [
      'bcgov/moh-hnweb : backend/src/test/resources/FindCandidatesResponse_Multiples.xml',
      'domain.md "Schema reality check": hnweb FC samples fail (missing subjectOf/@typeCode)',
    ],
    roots: FIND_CANDIDATES_RESPONSE,
    matches: (issue, root) =>
      FIND_CANDIDATES_RESPONSE.includes(root) &&
      pathEndsWith(issue, 'target', 'subjectOf') &&
      issue.code === 'xsd.cvc-complex-type.4' &&
      issue.message.includes("'typeCode' is required"),
  },
  {
    id: 'HCIM-DEV-005',
    title: 'observationEvent without @classCode/@moodCode in FindCandidates responses',
    description:
      'In the same match-score structure HCIM omits the required classCode and moodCode of subjectOf/observationEvent (seen in the same sample as HCIM-DEV-004; domain.md does not list it separately).',
    evidence: ['bcgov/moh-hnweb : backend/src/test/resources/FindCandidatesResponse_Multiples.xml'],
    roots: FIND_CANDIDATES_RESPONSE,
    matches: (issue, root) =>
      FIND_CANDIDATES_RESPONSE.includes(root) &&
      pathEndsWith(issue, 'subjectOf', 'observationEvent') &&
      issue.code === 'xsd.cvc-complex-type.4' &&
      /'(classCode|moodCode)' is required/.test(issue.message),
  },
];

/** The deviation an XSD issue is, if any. */
export function findDeviation(issue: Issue, root: string): KnownDeviation | undefined {
  if (issue.validator !== 'xsd') return undefined;
  return KNOWN_DEVIATIONS.find((deviation) => deviation.matches(issue, root));
}

/**
 * Applies the allow-list: without `strict`, XSD errors that are a known HCIM deviation become
 * warnings whose message names the deviation; every other issue is returned unchanged.
 */
export function applyKnownDeviations(issues: readonly Issue[], root: string, strict: boolean): Issue[] {
  if (strict) return [...issues];
  return issues.map((issue) => {
    if (issue.severity !== 'error') return issue;
    const deviation = findDeviation(issue, root);
    if (deviation === undefined) return issue;
    const location = issue.path ?? (issue.line ? `line ${issue.line}` : 'message');
    const detail = issue.message.startsWith(`${location}: `) ? issue.message.slice(location.length + 2) : issue.message;
    return { ...issue, severity: 'warning', message: `${location}: known HCIM deviation ${deviation.id}: ${deviation.title} (use --strict to fail on it); ${detail}` };
  });
}
