import type { XmlElement } from 'libxml2-wasm';
import type { Issue } from '../core/issue.js';
import { interactionForRoot } from '../hl7v3/interactions.js';
import type { MessageValidation, MessageValidator, ValidationLayer, ValidationOptions } from './contract.js';
import { applyKnownDeviations } from './deviations.js';
import type { RuleContext } from './rules/index.js';
import { findMessageElement } from './xml-message-element.js';
import { parseXmlSafely } from './xml-parse.js';
import { ElementNode } from './xml-tree.js';
import { hl7v3Result, isKnownRoot, noSchemaIssue, schemaForRoot, unknownRootIssue } from './schema-ref.js';
import { compileSchema, resolveSchema, validateAgainstSchema, type SchemaRef } from './xsd.js';

const HL7V3_LAYERS: readonly ValidationLayer[] = ['xsd', 'rules'];
let rulesModule: Promise<typeof import('./rules/index.js')> | undefined;

export { schemaForRoot } from './schema-ref.js';

/**
 * HL7v3 validation: XSD (libxml2, in process, compiled-schema cache), business rules
 * (`validate/rules/`), and the known-HCIM-deviation allow-list. Accepts a bare message or one
 * wrapped in a SOAP 1.1/1.2 envelope; lines always refer to `content`.
 *
 * Never throws for invalid content; throws HarnessError only for unusable options (missing
 * `schema` file, schema that does not compile, unknown rule id).
 */
export const validateHl7v3: MessageValidator = async (content: string, options: ValidationOptions = {}): Promise<MessageValidation> => {
  const layers = new Set((options.only ?? HL7V3_LAYERS).filter((layer) => HL7V3_LAYERS.includes(layer)));
  // Rules are loaded only when they run: `--only xsd` never imports them.
  const rules = layers.has('rules') ? (await (rulesModule ??= import('./rules/index.js'))).selectRules(options.rules) : [];
  const override = options.schema !== undefined ? resolveSchema(options.schema) : undefined;
  const overrideSchema = override && layers.has('xsd') ? compileSchema(override) : undefined;

  const parsed = parseXmlSafely(content);
  if (!parsed.ok) return hl7v3Result(parsed.issues, override);
  const { doc } = parsed;
  try {
    const located = findMessageElement(doc);
    if (!located.ok) return hl7v3Result(located.issues, override);
    const element = located.element;
    const root = element.name;
    const issues: Issue[] = [];

    const known = isKnownRoot(root);
    if (!known && override === undefined) issues.push(unknownRootIssue(root, element.line));

    let schemaRef = override;
    let evidence: MessageValidation['evidence'];
    if (layers.has('xsd')) {
      const schema = overrideSchema ?? (known ? compileFor(root) : undefined);
      if (schema) {
        schemaRef = schema.ref;
        evidence = schema.evidence;
        issues.push(...applyKnownDeviations(validateAgainstSchema(element, schema), root, options.strict === true));
      } else if (known) {
        issues.push(noSchemaIssue(root, element.line));
      }
    }

    const applicable = rules.filter((rule) => rule.appliesTo(root));
    if (applicable.length > 0) {
      const context = ruleContext(element, options.request);
      for (const rule of applicable) issues.push(...rule.check(context));
    }
    return { ...hl7v3Result(issues, schemaRef), ...(evidence ? { evidence } : {}) };
  } finally {
    doc.dispose();
  }
};

function compileFor(root: string) {
  const ref = schemaForRoot(root);
  return ref ? compileSchema(ref) : undefined;
}

function ruleContext(element: XmlElement, request: string | undefined): RuleContext {
  const message = ElementNode.fromLibxml(element);
  const context: RuleContext = { message, interaction: interactionForRoot(message.name) };
  if (request === undefined) return context;
  const parsed = parseXmlSafely(request);
  if (!parsed.ok) return { ...context, requestProblem: parsed.issues.map((issue) => issue.message).join('; ') };
  try {
    const located = findMessageElement(parsed.doc);
    if (!located.ok) return { ...context, requestProblem: located.issues.map((issue) => issue.message).join('; ') };
    return { ...context, request: ElementNode.fromLibxml(located.element) };
  } finally {
    parsed.doc.dispose();
  }
}

