import { interactionForRoot, type Interaction } from '../../hl7v3/interactions.js';

/** The registry a root element belongs to (`hcim`, `plr`, `ihe`), undefined when unknown. */
export function registryOf(root: string): Interaction['registry'] | undefined {
  return interactionForRoot(root)?.registry;
}
