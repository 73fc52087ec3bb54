import { interactionForRoot } from '../../hl7v3/interactions.js';
import { registryOf } from './registry-of.js';
import { quoted, ruleIssue, type Rule } from './rule.js';

const ID = 'version-code';
/** HCIM's HL7v3 release code (domain.md, "Transmission wrapper": `versionCode/@code` = V3PR1). */
export const HCIM_VERSION_CODE = 'V3PR1';

/**
 * `versionCode/@code` is `V3PR1` in HCIM messages. MCCI_IN000002 acks from HCIM omit versionCode
 * (death-date-esb samples; optional in PRPA_AR101202.async.xsd), so for acks it is checked only
 * when present.
 */
export const versionCodeRule: Rule = {
  id: ID,
  description: `HCIM messages carry versionCode/@code "${HCIM_VERSION_CODE}"`,
  appliesTo: (root) => registryOf(root) === 'hcim',
  check({ message }) {
    const versionCode = message.child('versionCode');
    if (versionCode === undefined) {
      if (interactionForRoot(message.name)?.direction === 'ack') return [];
      return [ruleIssue(ID, message, `versionCode must be present with code "${HCIM_VERSION_CODE}", but it is missing`)];
    }
    const code = versionCode.attr('code');
    if (code === HCIM_VERSION_CODE) return [];
    return [ruleIssue(ID, versionCode, `Unexpected versionCode/@code: expected "${HCIM_VERSION_CODE}", but received ${quoted(code)}`, { attribute: 'code' })];
  },
};
