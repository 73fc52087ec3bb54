/**
 * Interaction catalogue: HL7v3 root element → port type, SOAPAction, expected response root.
 * Facts from the HCIM WSDLs (fixtures/schemas/hcim) and the PLR samples; see fixtures/README.md.
 */
export interface Interaction {
  /** Root element name of the message, e.g. `HCIM_IN_GetDemographics`. */
  root: string;
  /** `ihe`: IHE PDQv3/PIXv3 interactions, validated against the HL7v3 NE2008 schemas. */
  registry: 'hcim' | 'plr' | 'ihe';
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
/** IHE ITI TF-2b §3.44–3.47 SOAPAction form: `urn:hl7-org:v3:<interaction>` (colon, not slash). */
const IHE = 'urn:hl7-org:v3:';
const NE2008 = 'hl7v3/NE2008/multicacheschemas';

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
  { root: 'PRPA_IN201301UV02', registry: 'ihe', portType: 'PIXManager_PortType', soapAction: `${IHE}PRPA_IN201301UV02`, responseRoot: 'MCCI_IN000002UV01', schema: `${NE2008}/PRPA_IN201301UV02.xsd`, direction: 'request' },
  { root: 'PRPA_IN201302UV02', registry: 'ihe', portType: 'PIXManager_PortType', soapAction: `${IHE}PRPA_IN201302UV02`, responseRoot: 'MCCI_IN000002UV01', schema: `${NE2008}/PRPA_IN201302UV02.xsd`, direction: 'request' },
  { root: 'PRPA_IN201304UV02', registry: 'ihe', portType: 'PIXManager_PortType', soapAction: `${IHE}PRPA_IN201304UV02`, responseRoot: 'MCCI_IN000002UV01', schema: `${NE2008}/PRPA_IN201304UV02.xsd`, direction: 'request' },
  { root: 'PRPA_IN201305UV02', registry: 'ihe', portType: 'PDQSupplier_PortType', soapAction: `${IHE}PRPA_IN201305UV02`, responseRoot: 'PRPA_IN201306UV02', schema: `${NE2008}/PRPA_IN201305UV02.xsd`, direction: 'request' },
  { root: 'PRPA_IN201306UV02', registry: 'ihe', portType: 'PDQSupplier_PortType', soapAction: `${IHE}PRPA_IN201305UV02`, schema: `${NE2008}/PRPA_IN201306UV02.xsd`, direction: 'response' },
  { root: 'PRPA_IN201309UV02', registry: 'ihe', portType: 'PIXManager_PortType', soapAction: `${IHE}PRPA_IN201309UV02`, responseRoot: 'PRPA_IN201310UV02', schema: `${NE2008}/PRPA_IN201309UV02.xsd`, direction: 'request' },
  { root: 'PRPA_IN201310UV02', registry: 'ihe', portType: 'PIXManager_PortType', soapAction: `${IHE}PRPA_IN201309UV02`, schema: `${NE2008}/PRPA_IN201310UV02.xsd`, direction: 'response' },
  { root: 'MCCI_IN000002UV01', registry: 'ihe', portType: 'PIXManager_PortType', soapAction: '', schema: `${NE2008}/MCCI_IN000002UV01.xsd`, direction: 'ack' },
  { root: 'QUQI_IN000003UV01', registry: 'ihe', portType: 'PDQSupplier_PortType', soapAction: `${IHE}QUQI_IN000003UV01_Continue`, responseRoot: 'PRPA_IN201306UV02', schema: `${NE2008}/QUQI_IN000003UV01.xsd`, direction: 'request' },
];

const BY_ROOT = new Map(INTERACTIONS.map((interaction) => [interaction.root, interaction]));

/** Every root element name the catalogue knows, sorted (for "unknown root" messages). */
export const KNOWN_ROOTS: readonly string[] = [...BY_ROOT.keys()].sort();

/** Look up an interaction by its root element name; undefined when unknown. */
export function interactionForRoot(root: string): Interaction | undefined {
  return BY_ROOT.get(root);
}
