import type { Issue } from '../../core/issue.js';
import { HCIM_OID } from '../../hl7v3/oids.js';
import { isValidPhn, phnCheckDigit } from '../../hl7v3/phn.js';
import type { ElementNode } from '../xml-tree.js';
import { quoted, ruleIssue, type Rule } from './rule.js';

const ID = 'phn-check-digit';

/**
 * Every II whose root is the PHN OID carries a PHN with a valid check digit (domain.md §d, after
 * bcgov/healthgateway PhnValidator; HCIM answers BCHCIM.BRV.2.0003 otherwise). Applies to every
 * message: a PHN is a PHN wherever it appears — except the echo of the query in a query response
 * (`controlActProcess/queryByParameterPayload` after `queryAck`): that is the requester's input
 * returned verbatim, and HCIM must echo a bad PHN it rejected with BRV.2.0003, not repair it.
 */
export const phnCheckDigitRule: Rule = {
  id: ID,
  description: `Every id with root ${HCIM_OID.phn} holds a 10-digit PHN starting with 9 whose check digit is valid`,
  appliesTo: () => true,
  check({ message }) {
    const issues: Issue[] = [];
    for (const node of message.descendantsAndSelf()) {
      if (node.attr('root') !== HCIM_OID.phn) continue;
      if (isQueryEcho(node, message)) continue;
      const extension = node.attr('extension');
      if (extension === undefined && node.attr('nullFlavor') !== undefined) continue;
      const phn = extension ?? '';
      if (!/^9\d{9}$/.test(phn)) {
        issues.push(ruleIssue(ID, node, `Unexpected PHN: expected 10 digits starting with 9, but received ${quoted(extension)}`, { attribute: 'extension' }));
        continue;
      }
      if (!isValidPhn(phn)) {
        const check = phnCheckDigit(phn.slice(0, 9));
        const expected = check === undefined ? 'none (no check digit exists for these first 9 digits)' : String(check);
        issues.push(ruleIssue(ID, node, `Unexpected PHN check digit: expected ${expected}, but received ${phn[9]} in "${phn}"`, { attribute: 'extension' }));
      }
    }
    return issues;
  },
};

/** Inside the queryByParameterPayload echoed by a query response (a direct child of its controlActProcess). */
function isQueryEcho(node: ElementNode, message: ElementNode): boolean {
  if (!message.name.endsWith('Response')) return false;
  for (let current: ElementNode | undefined = node; current; current = current.parent) {
    if (current.name === 'queryByParameterPayload' && current.parent?.name === 'controlActProcess' && current.parent.parent === message) return true;
  }
  return false;
}
