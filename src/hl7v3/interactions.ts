/**
 * Interaction catalogue: HL7v3 root element → port type, SOAPAction, expected response root.
 * Facts from the HCIM WSDLs (fixtures/schemas/hcim) and the PLR samples; see fixtures/README.md.
 */
export interface Interaction {
  /** Root element name of the message, e.g. `HCIM_IN_GetDemographics`. */
  root: string;
  registry: 'hcim' | 'plr';
  /** WSDL port type, also the `.asmx` path segment: `/hcim/QUPA_AR101102.asmx`. */
  portType: string;
  /** SOAPAction header value for requests with this root. */
  soapAction: string;
  /** Root of the synchronous answer. */
  responseRoot?: string;
  /** Root a synchronous-mode port answers with when the async port is used. */
  asyncResponseRoot?: string;
  /** Fixture-relative XSD, under fixtures/schemas/. */
  schema?: string;
  direction: 'request' | 'response' | 'distribution' | 'ack';
}

const V3 = 'urn:hl7-org:v3/';

export const INTERACTIONS: readonly Interaction[] = [
  { root: 'HCIM_IN_GetDemographics', registry: 'hcim', portType: 'QUPA_AR101102', soapAction: `${V3}QUPA_IN101101`, responseRoot: 'HCIM_IN_GetDemographicsResponse', schema: 'hcim/QUPA_AR101102.xsd', direction: 'request' },
  { root: 'HCIM_IN_GetDemographicsResponse', registry: 'hcim', portType: 'QUPA_AR101102', soapAction: `${V3}QUPA_IN101101`, schema: 'hcim/QUPA_AR101102.xsd', direction: 'response' },
  { root: 'HCIM_IN_FindCandidates', registry: 'hcim', portType: 'QUPA_AR101102', soapAction: `${V3}QUPA_IN101103`, responseRoot: 'HCIM_IN_FindCandidatesResponse', schema: 'hcim/QUPA_AR101102.xsd', direction: 'request' },
  { root: 'HCIM_IN_FindCandidatesResponse', registry: 'hcim', portType: 'QUPA_AR101102', soapAction: `${V3}QUPA_IN101103`, schema: 'hcim/QUPA_AR101102.xsd', direction: 'response' },
  { root: 'HCIM_IN_GetRelatedIdentifiers', registry: 'hcim', portType: 'QUPA_AR101102', soapAction: `${V3}QUPA_IN101105`, responseRoot: 'HCIM_IN_GetRelatedIdentifiersResponse', schema: 'hcim/QUPA_AR101102.xsd', direction: 'request' },
  { root: 'HCIM_IN_GetRelatedIdentifiersResponse', registry: 'hcim', portType: 'QUPA_AR101102', soapAction: `${V3}QUPA_IN101105`, schema: 'hcim/QUPA_AR101102.xsd', direction: 'response' },
  { root: 'HCIM_IN_PersonRevised', registry: 'hcim', portType: 'PRPA_AR101202', soapAction: `${V3}PRPA_IN101204`, responseRoot: 'HCIM_IN_PersonRevisedResult', asyncResponseRoot: 'MCCI_IN000002', schema: 'hcim/PRPA_AR101202.sync.xsd', direction: 'request' },
  { root: 'HCIM_IN_PersonRevisedResult', registry: 'hcim', portType: 'PRPA_AR101202', soapAction: `${V3}PRPA_IN101204`, schema: 'hcim/PRPA_AR101202.sync.xsd', direction: 'response' },
  { root: 'HCIM_IN_PersonMerged', registry: 'hcim', portType: 'PRPA_AR101002', soapAction: `${V3}PRPA_IN101004`, responseRoot: 'HCIM_IN_PersonRevisedResult', asyncResponseRoot: 'MCCI_IN000002', schema: 'hcim/PRPA_AR101002.sync.xsd', direction: 'request' },
  { root: 'HCIM_IN_PersonNullified', registry: 'hcim', portType: 'PRPA_AR101002', soapAction: `${V3}PRPA_IN101003`, asyncResponseRoot: 'MCCI_IN000002', schema: 'hcim/PRPA_AR101002.async.xsd', direction: 'request' },
  { root: 'HCIM_IN_PersonRevisedAccepted', registry: 'hcim', portType: 'PRPA_AR101201', soapAction: `${V3}HCIM_IN_PersonRevisedAccepted`, responseRoot: 'MCCI_IN000002', schema: 'hcim/PRPA_AR101201.xsd', direction: 'distribution' },
  { root: 'HCIM_IN_PersonRevisedRejected', registry: 'hcim', portType: 'PRPA_AR101201', soapAction: `${V3}HCIM_IN_PersonRevisedRejected`, responseRoot: 'MCCI_IN000002', schema: 'hcim/PRPA_AR101201.xsd', direction: 'distribution' },
  { root: 'HCIM_IN_PersonRevisedDistribution', registry: 'hcim', portType: 'PRPA_AR101006', soapAction: `${V3}HCIM_IN_PersonRevisedDistribution`, responseRoot: 'MCCI_IN000002', schema: 'hcim/PRPA_AR101006.xsd', direction: 'distribution' },
  { root: 'MCCI_IN000002', registry: 'hcim', portType: 'PRPA_AR101202', soapAction: '', schema: 'hcim/PRPA_AR101202.async.xsd', direction: 'ack' },
  { root: 'PRPM_IN301030CA', registry: 'plr', portType: 'PRPM_AR301030CA', soapAction: `${V3}PRPM_IN301030CA`, responseRoot: 'MCCI_IN000002', direction: 'distribution' },
  { root: 'PRPM_IN303030CA', registry: 'plr', portType: 'PRPM_AR303030CA', soapAction: `${V3}PRPM_IN303030CA`, responseRoot: 'MCCI_IN000002', direction: 'distribution' },
  { root: 'PRPM_IN306010CA', registry: 'plr', portType: 'PRPM_AR306010CA', soapAction: `${V3}PRPM_IN306010CA`, responseRoot: 'PRPM_IN306011CA', direction: 'request' },
  { root: 'PRPM_IN306011CA', registry: 'plr', portType: 'PRPM_AR306010CA', soapAction: `${V3}PRPM_IN306010CA`, direction: 'response' },
];

const BY_ROOT = new Map(INTERACTIONS.map((interaction) => [interaction.root, interaction]));

/** Look up an interaction by its root element name; undefined when unknown. */
export function interactionForRoot(root: string): Interaction | undefined {
  return BY_ROOT.get(root);
}
