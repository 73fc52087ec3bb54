import type { Element } from '@xmldom/xmldom';
import { PLR_OID } from '../../hl7v3/oids.js';
import type { V3Request } from '../hcim-v3/v3-request.js';
import { elementsByPath } from '../hcim-v3/v3-request.js';
import type { Provider } from '../provider.js';
import { COLLEGE_OID, type ProviderStore } from '../provider-store.js';
import { xmlText } from '../xml-text.js';
import { healthCareProvider, plrWrapper } from './provider-xml.js';

/**
 * PRPM_IN306010CA (provider details query) → PRPM_IN306011CA, shaped as the pan-Canadian sample
 * (controlActEvent, one registrationEvent per provider, queryAck with HL7 QueryResponse OK / NF /
 * QE). Parameters: any `parameterList/*\/value` II (IPC, CPN, college or MSP id by extension) and
 * `name/value` family/given.
 */
export function providerQuery(request: V3Request, store: ProviderStore): string {
  const parameters = elementsByPath(request.root, ['controlActEvent', 'queryByParameter', 'parameterList'])[0]
    ?? elementsByPath(request.root, ['controlActProcess', 'queryByParameter', 'parameterList'])[0];
  const found = parameters ? search(parameters, store) : undefined;
  const requestId = request.messageId;
  const queryId = parameters?.parentNode ? elementsByPath(parameters.parentNode as Element, ['queryId'])[0] : undefined;
  const code = found === undefined ? 'QE' : found.length ? 'OK' : 'NF';
  return [
    '<PRPM_IN306011CA xmlns="urn:hl7-org:v3" ITSVersion="XML_1.0">',
    plrWrapper('PRPM_IN306011CA', '', `<acknowledgement><typeCode code="${code === 'QE' ? 'AE' : 'AA'}"/><targetMessage><id root="${xmlText(requestId.root)}" extension="${xmlText(requestId.extension)}"/></targetMessage></acknowledgement>`),
    '<controlActEvent classCode="CACT" moodCode="EVN">',
    '<code code="PRPM_TE306010CA" codeSystem="2.16.840.1.113883.5.4"/>',
    '<statusCode code="completed"/>',
    ...(found ?? []).map((provider) => `<subject typeCode="SUBJ"><registrationEvent classCode="REG" moodCode="EVN"><statusCode code="active"/><subject typeCode="SBJ">\n${healthCareProvider(provider)}\n</subject></registrationEvent></subject>`),
    '<queryAck>',
    queryId ? `<queryId root="${xmlText(queryId.getAttribute('root') ?? '')}"${queryId.getAttribute('extension') ? ` extension="${xmlText(queryId.getAttribute('extension')!)}"` : ''}/>` : '',
    `<queryResponseCode code="${code}"/>`,
    `<resultTotalQuantity value="${found?.length ?? 0}"/>`,
    `<resultCurrentQuantity value="${found?.length ?? 0}"/>`,
    '<resultRemainingQuantity value="0"/>',
    '</queryAck>',
    '</controlActEvent>',
    '</PRPM_IN306011CA>',
  ].filter(Boolean).join('\n');
}

/** Providers matching the parameter list; undefined when it names nothing searchable. */
function search(parameters: Element, store: ProviderStore): Provider[] | undefined {
  const ids: { root: string; extension: string }[] = [];
  let family: string | undefined;
  let given: string | undefined;
  for (let node = parameters.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const parameter = node as Element;
    for (const value of elementsByPath(parameter, ['value'])) {
      if (parameter.localName === 'name') {
        family = elementsByPath(value, ['family'])[0]?.textContent?.trim() || family;
        given = elementsByPath(value, ['given'])[0]?.textContent?.trim() || given;
      } else if (value.getAttribute('extension')) ids.push({ root: (value.getAttribute('root') ?? '').trim(), extension: value.getAttribute('extension')!.trim() });
    }
  }
  if (ids.length) return [...new Map(ids.flatMap((id) => byInstanceIdentifier(store, id.root, id.extension)).map((p) => [p.ipc, p])).values()];
  if (family || given) return store.byName(family, given);
  return undefined;
}

/**
 * Providers holding the II root/extension: the root says which identifier it is (IPC, CPN, MSP id
 * or a college's OID, domain.md §d); an unknown root matches nothing, a missing one any identifier.
 */
function byInstanceIdentifier(store: ProviderStore, root: string, extension: string): Provider[] {
  if (!root) return store.byIdentifier(extension);
  if (root === PLR_OID.ipc) return store.all().filter((p) => p.ipc === extension);
  if (root === PLR_OID.cpn) return store.all().filter((p) => p.cpn === extension);
  if (root === PLR_OID.mspPractitionerId) return store.all().filter((p) => p.mspId === extension);
  const collegeType = Object.entries(COLLEGE_OID).find(([, oid]) => oid === root)?.[0];
  return collegeType ? store.byIdentifier(extension, collegeType).filter((p) => p.collegeId === extension) : [];
}
