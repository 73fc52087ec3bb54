import type { Issue } from '../../core/issue.js';
import { interactionForRoot } from '../../hl7v3/interactions.js';
import { quoted, ruleIssue, type Rule } from './rule.js';

const ID = 'ack-correlates-request';

/**
 * An acknowledgement names the message it answers: `acknowledgement/targetMessage/id` equals the
 * request's `id` (root and extension). Runs only when the request is known
 * (`ValidationOptions.request`, e.g. the step's outgoing exchange).
 */
export const ackCorrelatesRequestRule: Rule = {
  id: ID,
  description: 'acknowledgement/targetMessage/id equals the request id (root and extension) when the request is given',
  appliesTo: () => true,
  check({ message, request, requestProblem }) {
    if (requestProblem !== undefined) return [ruleIssue(ID, message, `the request to correlate with is unusable: ${requestProblem}`)];
    if (request === undefined) return [];
    const acknowledgement = message.child('acknowledgement');
    if (acknowledgement === undefined) {
      if (interactionForRoot(message.name)?.direction !== 'ack') return [];
      return [ruleIssue(ID, message, 'acknowledgement/targetMessage/id must name the request, but acknowledgement is missing')];
    }
    const target = acknowledgement.at('targetMessage', 'id');
    const requestId = request.child('id');
    const expected = `root ${quoted(requestId?.attr('root'))} extension ${quoted(requestId?.attr('extension'))}`;
    if (target === undefined) return [ruleIssue(ID, acknowledgement, `targetMessage/id must be ${expected} (the request id), but it is missing`)];
    const issues: Issue[] = [];
    if (target.attr('root') !== requestId?.attr('root') || target.attr('extension') !== requestId?.attr('extension')) {
      issues.push(
        ruleIssue(ID, target, `Unexpected acknowledgement/targetMessage/id: expected ${expected} (the request id), but received root ${quoted(target.attr('root'))} extension ${quoted(target.attr('extension'))}`),
      );
    }
    return issues;
  },
};
