import type { Issue, Severity } from '../../core/issue.js';
import type { Interaction } from '../../hl7v3/interactions.js';
import type { ElementNode } from '../xml-tree.js';

/** What a business rule sees: the HL7v3 message (SOAP envelope already removed) and its context. */
export interface RuleContext {
  /** The message element, e.g. `HCIM_IN_GetDemographicsResponse`. */
  message: ElementNode;
  /** Catalogue entry for the root element; undefined for roots the catalogue does not know. */
  interaction: Interaction | undefined;
  /** The request this message answers (`ValidationOptions.request`), when given and usable. */
  request?: ElementNode;
  /** Why `ValidationOptions.request` was given but is not usable (not XML, no message element). */
  requestProblem?: string;
}

/**
 * A business rule over an HL7v3 message: one rule per file under `validate/rules/`, listed in
 * `rules/index.ts`. Rules return issues (`validator: 'rule'`, `code: 'rule.<id>'`), never throw
 * for bad content.
 */
export interface Rule {
  /** Stable kebab-case id, also the file name: `phn-check-digit`. */
  id: string;
  description: string;
  /** Whether the rule applies to messages with this root element name. */
  appliesTo(root: string): boolean;
  check(context: RuleContext): Issue[];
}

/**
 * Builds a rule issue located at `node` (or `node/@attribute`); `message` is the part after the
 * location, e.g. `Unexpected interactionId/@extension: expected "A", but received "B"`.
 */
export function ruleIssue(ruleId: string, node: ElementNode, message: string, options: { attribute?: string; severity?: Severity } = {}): Issue {
  const path = options.attribute ? `${node.path}/@${options.attribute}` : node.path;
  return { severity: options.severity ?? 'error', code: `rule.${ruleId}`, message: `${path}: ${message}`, path, line: node.line, validator: 'rule' };
}

/** `"value"`, or `nothing` when the attribute is absent — for "but received …" evidence. */
export function quoted(value: string | undefined): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
