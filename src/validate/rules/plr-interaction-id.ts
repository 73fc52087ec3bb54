import { PLR_OID } from '../../hl7v3/oids.js';
import { registryOf } from './registry-of.js';
import { quoted, ruleIssue, type Rule } from './rule.js';

const ID = 'plr-interaction-id';

/** PLR messages carry interactionId with root `2.16.840.1.113883.3.40.3.1` (plr/v3-samples, domain.md §b). */
export const plrInteractionIdRule: Rule = {
  id: ID,
  description: `PLR messages carry interactionId with root ${PLR_OID.interactionId}`,
  appliesTo: (root) => registryOf(root) === 'plr',
  check({ message }) {
    const interactionId = message.child('interactionId');
    if (interactionId === undefined) return [ruleIssue(ID, message, `interactionId must be present with root "${PLR_OID.interactionId}", but it is missing`)];
    const root = interactionId.attr('root');
    if (root === PLR_OID.interactionId) return [];
    return [ruleIssue(ID, interactionId, `Unexpected OID for interactionId: expected "${PLR_OID.interactionId}", but received ${quoted(root)}`, { attribute: 'root' })];
  },
};
