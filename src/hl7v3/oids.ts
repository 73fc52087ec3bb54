/** HCIM and PLR OID arcs (domain.md §d). */
export const HCIM_OID = {
  messageId: '2.16.840.1.113883.3.51.1.1.1',
  interactionId: '2.16.840.1.113883.3.51.1.1.2',
  organization: '2.16.840.1.113883.3.51.1.1.3',
  receivingDevice: '2.16.840.1.113883.3.51.1.1.4',
  sendingSystem: '2.16.840.1.113883.3.51.1.1.5',
  sourcePersonId: '2.16.840.1.113883.3.51.1.1.6',
  phn: '2.16.840.1.113883.3.51.1.1.6.1',
  dataEnterer: '2.16.840.1.113883.3.51.1.1.7',
} as const;

export const PLR_OID = {
  messageId: '2.16.840.1.113883.3.40.1.5',
  profileId: '2.16.840.1.113883.3.40.1.7',
  interactionId: '2.16.840.1.113883.3.40.3.1',
  ipc: '2.16.840.1.113883.3.40.2.8',
  cpn: '2.16.840.1.113883.3.40.2.3',
  mspPractitionerId: '2.16.840.1.113883.3.40.2.11',
  cpsid: '2.16.840.1.113883.3.40.2.4',
} as const;
