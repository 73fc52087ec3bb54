import { PLR_OID } from '../../hl7v3/oids.js';
import { registryOf } from './registry-of.js';
import { quoted, ruleIssue, type Rule } from './rule.js';

const ID = 'plr-message-id';

/**
 * PLR messages carry a message id with root `2.16.840.1.113883.3.40.1.5` and a non-empty
 * extension; receivers reject messages without one (moh-prime negative sample
 * `PRPM_IN301030CA_missing-message-id.xml`, domain.md §b).
 */
export const plrMessageIdRule: Rule = {
  id: ID,
  description: `PLR messages carry id with root ${PLR_OID.messageId} and a non-empty extension`,
  appliesTo: (root) => registryOf(root) === 'plr',
  check({ message }) {
    const id = message.child('id');
    if (id === undefined) return [ruleIssue(ID, message, `id must be present with root "${PLR_OID.messageId}" and an extension, but it is missing`)];
    const root = id.attr('root');
    if (root !== PLR_OID.messageId) return [ruleIssue(ID, id, `Unexpected OID for the message id: expected "${PLR_OID.messageId}", but received ${quoted(root)}`, { attribute: 'root' })];
    const extension = id.attr('extension');
    if (extension === undefined || extension.trim() === '') return [ruleIssue(ID, id, `the message id extension must be non-empty, but received ${quoted(extension)}`, { attribute: 'extension' })];
    return [];
  },
};
