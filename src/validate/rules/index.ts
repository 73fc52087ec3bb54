import { HarnessError } from '../../core/errors.js';
import { ackCorrelatesRequestRule } from './ack-correlates-request.js';
import { bchcimCodeRule } from './bchcim-code.js';
import { creationTimeRule } from './creation-time.js';
import { hcimOidsRule } from './hcim-oids.js';
import { interactionIdMatchesRootRule } from './interaction-id-matches-root.js';
import { phnCheckDigitRule } from './phn-check-digit.js';
import { plrInteractionIdRule } from './plr-interaction-id.js';
import { plrIpcRule } from './plr-ipc.js';
import { plrMessageIdRule } from './plr-message-id.js';
import type { Rule } from './rule.js';
import { versionCodeRule } from './version-code.js';

export type { Rule, RuleContext } from './rule.js';

/** Every HL7v3 business rule, in reporting order. */
export const RULES: readonly Rule[] = [
  phnCheckDigitRule,
  hcimOidsRule,
  versionCodeRule,
  creationTimeRule,
  interactionIdMatchesRootRule,
  bchcimCodeRule,
  ackCorrelatesRequestRule,
  plrMessageIdRule,
  plrIpcRule,
  plrInteractionIdRule,
];

/** Rule ids, for `ValidationOptions.rules`, suite `rule:` expectations and "unknown rule" messages. */
export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

/**
 * The rules to run: all, or the subset named in `ids`.
 *
 * @throws HarnessError `ERR_USAGE` for an unknown id, listing the valid ones.
 */
export function selectRules(ids?: readonly string[]): readonly Rule[] {
  if (ids === undefined) return RULES;
  const unknown = ids.filter((id) => !RULE_IDS.includes(id));
  if (unknown.length > 0) {
    throw new HarnessError('ERR_USAGE', `rules: unknown rule id ${unknown.map((id) => `"${id}"`).join(', ')}; valid ids are ${RULE_IDS.join(', ')}`);
  }
  return RULES.filter((rule) => ids.includes(rule.id));
}
