import { XmlElement, XmlXPath, type XmlTreeNode } from 'libxml2-wasm';
import { interactionForRoot } from '../../hl7v3/interactions.js';
import { applyKnownDeviations } from '../../validate/deviations.js';
import { schemaForRoot } from '../../validate/hl7v3.js';
import { findMessageElement } from '../../validate/xml-message-element.js';
import { parseXmlSafely } from '../../validate/xml-parse.js';
import { compileSchema, validateAgainstSchema } from '../../validate/xsd.js';
import { schemaProblemText } from './request-schema.js';
import { FACTS_XPATH, factsFromJoined, FOREIGN_XPATH, HL7V3, PAYLOAD } from './v3-request-facts.js';
import type { V3RequestFacts } from './v3-request.js';


/**
 * What one libxml2 parse of an incoming HL7v3 request yields: the wrapper facts the simulator
 * answers with, and the XSD verdict, so the request is parsed once (not by libxml2 for the XSD
 * and again by xmldom for the facts). Plain data.
 *
 * `ok: false` is a request HCIM cannot route (root not in the HL7v3 namespace); its `reason` is
 * worded as {@link readV3Request} words it.
 */
export type InspectedV3Request =
  | { ok: true; facts: V3RequestFacts; /** XSD verdict (undefined = valid); only when `validated`. */ schemaProblem?: string; validated: boolean }
  | { ok: false; reason: string };

/**
 * Parse `body` with libxml2 once; read the wrapper facts; XSD-validate the message element (the
 * same schema, engine and finding filter as `validateHl7v3(body, { only: ['xsd'] })`) when its
 * root is a catalogued interaction. Returns undefined whenever this path could answer differently
 * from the xmldom reader + string validator, so the caller takes that (slow, reference) path:
 * content libxml2 does not parse, any `<!DOCTYPE`, an envelope libxml2's and xmldom's rules unwrap
 * differently, a SOAP Fault, a root the catalogue does not know.
 */
export function inspectV3Request(body: string): InspectedV3Request | undefined {
  if (/<!DOCTYPE/i.test(body)) return undefined;
  const parsed = parseXmlSafely(body);
  if (!parsed.ok) return undefined;
  const { doc } = parsed;
  try {
    const top = doc.root;
    const located = findMessageElement(doc);
    if (!located.ok) return undefined;
    const root = located.element;
    // xmldom's reader unwraps any element named Envelope (first `Body` child, its first element).
    if (top.name === 'Envelope') {
      if (located.soap === undefined) return undefined;
      const body0 = firstChild(top, 'Body');
      if (body0 === undefined || !body0.isSameNode(root.parent!)) return undefined;
    }
    if (root.namespaceUri !== HL7V3) return { ok: false, reason: `message root {${root.namespaceUri ?? ''}}${root.name} is not in the HL7v3 namespace urn:hl7-org:v3` };
    const rootName = root.name;
    // All facts in one XPath evaluation inside libxml2: walking the tree from JS costs a wrapper
    // object per node visited, several times the whole evaluation.
    const facts = factsFromJoined(rootName, String(root.eval(factsXPath())), () => (root.get(payloadXPath()) as XmlElement | null)?.toString({ format: false }));
    if (facts === undefined) return undefined;
    const validated = interactionForRoot(rootName) !== undefined;
    const problem = validated ? schemaProblem(root, rootName) : undefined;
    // The facts were read with HL7v3 name tests, the xmldom reader matches local names in any
    // namespace: the same elements unless the message holds elements of another namespace. A
    // message valid against an HCIM schema holds none (single-file schemas, all elements
    // qualified in urn:hl7-org:v3, no wildcards), so only other messages are checked.
    const hcimValid = validated && problem === undefined && schemaForRoot(rootName)?.name.startsWith('hcim/') === true;
    if (!hcimValid && root.eval(foreignXPath()) !== 0) return undefined;
    return { ok: true, facts, validated, ...(problem !== undefined ? { schemaProblem: problem } : {}) };
  } finally {
    doc.dispose();
  }
}

/** `validateHl7v3`'s xsd layer for a catalogued root, on an already parsed message element. */
function schemaProblem(element: XmlElement, rootName: string): string | undefined {
  const ref = schemaForRoot(rootName);
  // No vendored schema: validateHl7v3 only warns (xsd.no-schema), which is no problem.
  if (ref === undefined) return undefined;
  const schema = compileSchema(ref);
  return schemaProblemText(applyKnownDeviations(validateAgainstSchema(element, schema), rootName, false));
}

let compiledFacts: XmlXPath | undefined;
let compiledPayload: XmlXPath | undefined;
let compiledForeign: XmlXPath | undefined;
/** Compiled once per process (libxml2 memory, kept for the process like compiled schemas). */
function factsXPath(): XmlXPath {
  return (compiledFacts ??= XmlXPath.compile(FACTS_XPATH, { hl7: HL7V3 }));
}
function foreignXPath(): XmlXPath {
  return (compiledForeign ??= XmlXPath.compile(FOREIGN_XPATH, { hl7: HL7V3 }));
}
function payloadXPath(): XmlXPath {
  return (compiledPayload ??= XmlXPath.compile(PAYLOAD, { hl7: HL7V3 }));
}

function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  for (let node: XmlTreeNode | null = element.firstChild; node !== null; node = node.next) if (node instanceof XmlElement && node.name === name) return node;
  return undefined;
}
