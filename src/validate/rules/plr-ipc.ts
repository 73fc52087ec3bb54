import type { Issue } from '../../core/issue.js';
import { PLR_OID } from '../../hl7v3/oids.js';
import type { ElementNode } from '../xml-tree.js';
import { quoted, ruleIssue, type Rule } from './rule.js';

const ID = 'plr-ipc';
/** PLR internal provider code: `IPC.########.BC.PRS` (domain.md §d). */
export const IPC_FORMAT = /^IPC\.\d{8}\.BC\.PRS$/;
/** Provider distributions carry the provider payload (moh-prime SoapService.cs XPaths). */
const PROVIDER_ROOTS = new Set(['PRPM_IN301030CA', 'PRPM_IN303030CA']);
const PROVIDER_PATH = ['controlActProcess', 'subject', 'registrationEvent', 'subject1', 'healthCareProvider'];
/** The provider details query reply: one registrationEvent per provider found (none when NF). */
const QUERY_REPLY = 'PRPM_IN306011CA';
const QUERY_PROVIDER_PATH = ['controlActEvent', 'subject', 'registrationEvent', 'subject', 'healthCareProvider'];

/**
 * A PLR provider distribution identifies the provider by IPC: a `healthCareProvider/id` with root
 * `2.16.840.1.113883.3.40.2.8` and extension `IPC.########.BC.PRS`; receivers reject messages
 * without one (moh-prime negative sample `PRPM_IN301030CA_missing-IPC.xml`).
 */
export const plrIpcRule: Rule = {
  id: ID,
  description: `PLR provider distributions and every provider of a PRPM_IN306011CA query reply carry healthCareProvider/id with root ${PLR_OID.ipc} and extension IPC.########.BC.PRS`,
  appliesTo: (root) => PROVIDER_ROOTS.has(root) || root === QUERY_REPLY,
  check({ message }) {
    if (message.name === QUERY_REPLY) return message.all(...QUERY_PROVIDER_PATH).flatMap((provider) => checkProvider(provider));
    let node = message;
    for (const name of PROVIDER_PATH) {
      const next = node.child(name);
      if (next === undefined) return [ruleIssue(ID, node, `${PROVIDER_PATH.slice(PROVIDER_PATH.indexOf(name)).join('/')}/id with root "${PLR_OID.ipc}" (IPC) must be present, but ${name} is missing`)];
      node = next;
    }
    return checkProvider(node);
  },
};

/** One healthCareProvider: at least one IPC id, each in the IPC format. */
function checkProvider(node: ElementNode): Issue[] {
  const ipcIds = node.childrenNamed('id').filter((id) => id.attr('root') === PLR_OID.ipc);
  if (ipcIds.length === 0) return [ruleIssue(ID, node, `an id with root "${PLR_OID.ipc}" (IPC) must be present, but none was found`)];
  const issues: Issue[] = [];
  for (const id of ipcIds) {
    const extension = id.attr('extension');
    if (extension === undefined || !IPC_FORMAT.test(extension)) {
      issues.push(ruleIssue(ID, id, `Unexpected IPC: expected the format IPC.########.BC.PRS, but received ${quoted(extension)}`, { attribute: 'extension' }));
    }
  }
  return issues;
}
