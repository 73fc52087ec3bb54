import type { Provider } from '../provider.js';
import { healthCareProvider, plrWrapper } from './provider-xml.js';

/**
 * PLR → subscriber distribution: PRPM_IN301030CA (add provider) or PRPM_IN303030CA (revise
 * provider), interactionId extension without the `PRPM_` prefix as in the moh-prime samples.
 */
export function distributionMessage(kind: 'add' | 'revise', provider: Provider, subscriberUrl: string): string {
  const root = kind === 'add' ? 'PRPM_IN301030CA' : 'PRPM_IN303030CA';
  return [
    `<${root} xmlns="urn:hl7-org:v3" ITSVersion="XML_1.0">`,
    plrWrapper(root.replace(/^PRPM_/, ''), subscriberUrl),
    '<controlActProcess classCode="CACT" moodCode="EVN">',
    '<priorityCode code="R"/>',
    '<subject typeCode="SUBJ"><registrationEvent classCode="REG" moodCode="EVN"><statusCode code="active"/><subject1 typeCode="SBJ">',
    healthCareProvider(provider),
    '</subject1></registrationEvent></subject>',
    '</controlActProcess>',
    `</${root}>`,
  ].join('\n');
}
