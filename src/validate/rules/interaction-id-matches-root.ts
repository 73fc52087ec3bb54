import { interactionForRoot } from '../../hl7v3/interactions.js';
import { quoted, ruleIssue, type Rule } from './rule.js';

const ID = 'interaction-id-matches-root';

/**
 * Documented interactionId/@extension values other than the root element name (domain.md,
 * "Interactions"): the GetDemographics history flavour (two spellings in two client codebases),
 * HCIM's negative ack to PersonRevised and the distribution ack.
 */
export const INTERACTION_ID_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  HCIM_IN_GetDemographics: ['HCIM_IN_GetDemographics.History', 'HCIM_GetDemographics.History'],
  MCCI_IN000002: ['HCIM_IN_PersonRevisedNak', 'HCIM_IN_PersonRevisedDistribution.ACK'],
};

/** Accepted interactionId/@extension values for a root element. */
export function acceptedInteractionIds(root: string): string[] {
  const accepted = [root, ...(INTERACTION_ID_VARIANTS[root] ?? [])];
  // BC PLR drops the PRPM_ prefix: root PRPM_IN301030CA carries extension IN301030CA (plr/v3-samples).
  if (interactionForRoot(root)?.registry === 'plr') accepted.push(root.replace(/^PRPM_/, ''));
  return accepted;
}

/** `interactionId/@extension` names the interaction of the root element (or a documented variant). */
export const interactionIdMatchesRootRule: Rule = {
  id: ID,
  description: 'interactionId/@extension equals the root element name or a documented variant (GetDemographics .History, PersonRevisedNak, .ACK, PLR IN…CA)',
  appliesTo: (root) => interactionForRoot(root) !== undefined,
  check({ message }) {
    const accepted = acceptedInteractionIds(message.name);
    const interactionId = message.child('interactionId');
    const expected = accepted.map((value) => `"${value}"`).join(' or ');
    if (interactionId === undefined) return [ruleIssue(ID, message, `interactionId must be present with extension ${expected}, but it is missing`)];
    const extension = interactionId.attr('extension');
    if (extension !== undefined && accepted.includes(extension)) return [];
    return [ruleIssue(ID, interactionId, `Unexpected interactionId/@extension: expected ${expected}, but received ${quoted(extension)}`, { attribute: 'extension' })];
  },
};
