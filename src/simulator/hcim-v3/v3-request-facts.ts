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
} as const;
export const FACTS = Object.keys(FACT_XPATHS) as (keyof typeof FACT_XPATHS)[];
/** One XPath per fact, in {@link FACTS} order: for the native addon, which walks them (simple-xpath.c) cheaper than it splits a joined string. */
export const FACT_XPATH_LIST: readonly string[] = FACTS.map((name) => FACT_XPATHS[name]);
/** All facts as one string XPath (joined by {@link SEP}): one evaluation inside libxml2-wasm, whose per-call cost dominates. */
export const FACTS_XPATH = `concat(${FACT_XPATH_LIST.join(`, '${SEP}', `)})`;
/**
 * How many elements outside HL7v3 (another namespace or none) are under the message element. A
 * name test (`self::hl7:*`) rather than comparing `namespace-uri()` strings: 5x cheaper in libxml2.
 */
export const FOREIGN_XPATH = `count(descendant::*[not(self::hl7:*)])`;

/**
 * Whether a payload serialised by libxml2 (`xmlSaveTree` of the element alone) can be pasted into a
 * reply as is: no prefixed element and no prefixed (namespaced) attribute, whose prefix would be
 * declared outside the payload. Checked on the text, conservatively: a colon in anything shaped like
 * a tag or attribute name (a comment `<!--a:b` too) sends the reply to the DOM serialiser, which is
 * always right, only slower.
 */
const PREFIXED_NAME = /<\/?[^\s>/:]*:|\s[^\s=<>"']*:[^\s=<>"']*\s*=/;
export function pasteablePayload(serialised: string | undefined): string | undefined {
  return serialised !== undefined && !PREFIXED_NAME.test(serialised) ? serialised : undefined;
}

/**
 * The facts from the value of {@link FACTS_XPATH}; undefined when it does not split into one part
 * per fact (a value holds the separator: the caller takes the reference path).
 */
export function factsFromJoined(rootName: string, joined: string, payload: () => string | undefined): V3RequestFacts | undefined {
  const values = joined.split(SEP);
  return values.length === FACTS.length ? factsFromValues(rootName, values, payload) : undefined;
}

/**
 * The facts from one value per fact ({@link FACT_XPATH_LIST} order). `payload` serialises the query
 * payload (asked for only when there is one), kept when {@link pasteablePayload}.
 */
export function factsFromValues(rootName: string, values: readonly string[], payload: () => string | undefined): V3RequestFacts {
  const fact = (name: (typeof FACTS)[number]) => values[FACTS.indexOf(name)]!;
  const hasPayload = fact('payloads') !== '0';
  const payloadXml = hasPayload ? pasteablePayload(payload()) : undefined;
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
