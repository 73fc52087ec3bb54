import { interactionForRoot } from '../../hl7v3/interactions.js';
import { registryOf } from './registry-of.js';
import { quoted, ruleIssue, type Rule } from './rule.js';

const ID = 'creation-time';
const PLAIN = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
/** Acks from HCIM carry fractional seconds (`20171110154146.45`, death-date-esb samples); HL7 TS allows a zone. */
const ACK = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d{1,4})?([+-]\d{4})?$/;

/**
 * `creationTime/@value` is `yyyyMMddHHmmss` (domain.md, "Transmission wrapper"), a real
 * date-time; acks may add fractional seconds and a time zone.
 */
export const creationTimeRule: Rule = {
  id: ID,
  description: 'creationTime/@value is a valid yyyyMMddHHmmss date-time (acks: optional fraction and zone)',
  appliesTo: (root) => registryOf(root) === 'hcim' || registryOf(root) === 'plr',
  check({ message }) {
    const creationTime = message.child('creationTime');
    if (creationTime === undefined) return [ruleIssue(ID, message, 'creationTime must be present with a yyyyMMddHHmmss value, but it is missing')];
    const value = creationTime.attr('value');
    const isAck = interactionForRoot(message.name)?.direction === 'ack';
    const format = isAck ? 'yyyyMMddHHmmss[.ffff][+zzzz]' : 'yyyyMMddHHmmss';
    const match = value === undefined ? null : (isAck ? ACK : PLAIN).exec(value);
    if (match === null || !isRealDateTime(match)) {
      return [ruleIssue(ID, creationTime, `Unexpected creationTime/@value: expected a valid ${format} date-time, but received ${quoted(value)}`, { attribute: 'value' })];
    }
    return [];
  },
};

function isRealDateTime(match: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
