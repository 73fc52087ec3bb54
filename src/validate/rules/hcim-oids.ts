import type { Issue } from '../../core/issue.js';
import { interactionForRoot } from '../../hl7v3/interactions.js';
import { HCIM_OID } from '../../hl7v3/oids.js';
import type { ElementNode } from '../xml-tree.js';
import { registryOf } from './registry-of.js';
import { quoted, ruleIssue, type Rule } from './rule.js';

const ID = 'hcim-oids';
const DEVICE_OIDS = [HCIM_OID.receivingDevice, HCIM_OID.sendingSystem];

/**
 * Transmission-wrapper ids use the HCIM OID arc (domain.md, "Transmission wrapper" and §d):
 * message id `.1`, interactionId `.2`, organisations `.3`, devices `.4` (HCIM host) / `.5`
 * (sending system), data enterer `.7`. In requests the receiver device is HCIM (`.4`) and the
 * sender a sending system (`.5`); HCIM's replies are not consistent about which device gets
 * which (spec sample vs healthgateway mock vs death-date-esb acks), so either is accepted there.
 */
export const hcimOidsRule: Rule = {
  id: ID,
  description: 'HCIM transmission-wrapper ids (message id, interactionId, devices, organisations, data enterer) use the HCIM OIDs',
  appliesTo: (root) => registryOf(root) === 'hcim',
  check({ message }) {
    const issues: Issue[] = [];
    const isRequest = interactionForRoot(message.name)?.direction === 'request';
    expectRoot(issues, message, message.child('id'), 'id', 'the message id', [HCIM_OID.messageId], true);
    expectRoot(issues, message, message.child('interactionId'), 'interactionId', 'interactionId', [HCIM_OID.interactionId], true);
    for (const [party, requestOid] of [['receiver', HCIM_OID.receivingDevice], ['sender', HCIM_OID.sendingSystem]] as const) {
      for (const device of message.all(party, 'device')) {
        for (const id of device.childrenNamed('id')) {
          expectRoot(issues, message, id, `${party}/device/id`, `the ${party} device id`, isRequest ? [requestOid] : DEVICE_OIDS, false);
        }
        for (const organization of [...device.all('asAgent', 'representedOrganization'), ...device.all('agencyFor', 'representedOrganization')]) {
          for (const id of organization.childrenNamed('id')) {
            expectRoot(issues, message, id, `${party} organisation id`, `the ${party} organisation id`, [HCIM_OID.organization], false);
          }
        }
      }
    }
    for (const id of message.all('controlActProcess', 'dataEnterer', 'assignedPerson', 'id')) {
      expectRoot(issues, message, id, 'dataEnterer/assignedPerson/id', 'the data enterer id', [HCIM_OID.dataEnterer], false);
    }
    return issues;
  },
};

function expectRoot(issues: Issue[], message: ElementNode, node: ElementNode | undefined, subject: string, what: string, expected: readonly string[], required: boolean): void {
  if (node === undefined) {
    if (required) issues.push(ruleIssue(ID, message, `${subject} must be present with root "${expected[0]}", but it is missing`));
    return;
  }
  const root = node.attr('root');
  if (root !== undefined && expected.includes(root)) return;
  const wanted = expected.map((oid) => `"${oid}"`).join(' or ');
  issues.push(ruleIssue(ID, node, `Unexpected OID for ${what}: expected ${wanted}, but received ${quoted(root)}`, { attribute: 'root' }));
}
