import type { V3RequestFacts } from './v3-request.js';

// The wrapper facts the simulator reads from an incoming HL7v3 request, as XPath over the message
// element, shared by the two one-parse readers: libxml2-wasm (v3-request-libxml.ts) and the native
// addon (v3-request-native.ts). The xmldom reader (v3-request.ts) is the reference both match.

export const HL7V3 = 'urn:hl7-org:v3';

/**
 * Separator of the facts (XPath literals must be XML characters: a private-use one). A value that
 * holds it splits into one part too many, and the request takes the reference path.
 */
export const SEP = '\uE000';
/**
 * First child element of this name in the HL7v3 namespace. The xmldom reader's `childByPath` matches
 * local names in any namespace; with no element outside HL7v3 under the message element (see
 * `inspectV3Request`, else the reference path) that is the same element, and name tests are ~2x
 * cheaper for libxml2's XPath than local-name() predicates.
 */
const step = (...names: string[]) => names.map((name) => `hl7:${name}[1]`).join('/');
export const PAYLOAD = step('controlActProcess', 'queryByParameter', 'queryByParameterPayload');
const VALUE = `${PAYLOAD}/${step('person.id', 'value')}`;
/** Fact name → XPath (string or number) relative to the message element, in output order. */
const FACT_XPATHS = {
  idRoot: `string(${step('id')}/@root)`,
  idExtension: `string(${step('id')}/@extension)`,
  senderDevice: `string(${step('sender', 'device', 'id')}/@extension)`,
  senderOrganization: `string(${step('sender', 'device', 'asAgent', 'representedOrganization', 'id')}/@extension)`,
  processingCode: `string(${step('processingCode')}/@code)`,
  interactionId: `string(${step('interactionId')}/@extension)`,
  acceptAckCode: `string(${step('acceptAckCode')}/@code)`,
  payloads: `count(${PAYLOAD})`,
  values: `count(${VALUE})`,
  valueRoot: `string(${VALUE}/@root)`,
  valueExtension: `string(${VALUE}/@extension)`,
  // The payload can be pasted into a reply as libxml2 serialises it when nothing in it needs a
  // namespace declaration from outside: no prefixed element (all are HL7v3, see above), no
  // namespaced attribute. Otherwise the reply serialises the DOM payload (xmldom declares them).
  nonPlain: `count(${PAYLOAD}/descendant-or-self::*[contains(name(),':')]) + count(${PAYLOAD}/descendant-or-self::*/@*[namespace-uri()!=''])`,
} as const;
export const FACTS = Object.keys(FACT_XPATHS) as (keyof typeof FACT_XPATHS)[];
/** All facts as one string XPath (joined by {@link SEP}): one evaluation inside libxml2. */
export const FACTS_XPATH = `concat(${FACTS.map((name) => FACT_XPATHS[name]).join(`, '${SEP}', `)})`;
/** How many elements outside HL7v3 are under the message element. */
export const FOREIGN_XPATH = `count(descendant::*[namespace-uri()!='${HL7V3}'])`;

/**
 * The facts from the value of {@link FACTS_XPATH}; undefined when it does not split into one part
 * per fact (a value holds the separator: the caller takes the reference path). `payload` serialises
 * the query payload, asked for only when it can be pasted into a reply as is.
 */
export function factsFromValues(rootName: string, joined: string, payload: () => string | undefined): V3RequestFacts | undefined {
  const values = joined.split(SEP);
  if (values.length !== FACTS.length) return undefined;
  const fact = (name: (typeof FACTS)[number]) => values[FACTS.indexOf(name)]!;
  const hasPayload = fact('payloads') !== '0';
  const payloadXml = hasPayload && fact('nonPlain') === '0' ? payload() : undefined;
  return {
    rootName,
    messageId: { root: fact('idRoot'), extension: fact('idExtension') },
    senderDevice: fact('senderDevice'),
    senderOrganization: fact('senderOrganization'),
    processingCode: fact('processingCode') || 'P',
    interactionId: fact('interactionId'),
    acceptAckCode: fact('acceptAckCode'),
    hasPayload,
    queryPersonId: fact('values') !== '0' ? { root: fact('valueRoot'), extension: fact('valueExtension') } : null,
    ...(payloadXml !== undefined ? { payloadXml } : {}),
  };
}
