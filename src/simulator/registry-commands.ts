import { isValidPhn } from '../hl7v3/phn.js';
import type { Person } from './person.js';
import type { PersonStore } from './person-store.js';

/** What a PersonRevised (v3) / $AddPatient / $RevisePatient (FHIR) asks for. */
export interface ReviseCommand {
  messageId: string;
  /** Purported PHN; absent = "add" (find an existing person or assign a new PHN). */
  phn?: string;
  person: Omit<Person, 'phn'>;
}

/** Outcome of a registry command: the BCHCIM code, the person it concerns, extra detail text. */
export interface CommandOutcome {
  code: string;
  person?: Person;
  /** True when a new PHN was assigned (FHIR: HTTP 201). */
  created?: boolean;
  text?: string;
}

/**
 * PersonRevised business rules over the store (codes: fixtures/codes/BCHCIM.RP-codes.csv):
 * duplicate message id RP.2.0032; invalid PHN check digit RP.2.0006 citing BRV.2.0003 (as HCIM's
 * death-date-esb sample does); unknown PHN RP.2.0002; merged subject RP.2.0015; deceased subject
 * RP.2.0016; logically deleted RP.2.0020; death before birth RP.2.0035; update of an existing
 * PHN or a demographic match RP.0.0001; otherwise a new PHN RP.0.0000.
 */
export function revisePerson(store: PersonStore, seen: Set<string>, command: ReviseCommand): CommandOutcome {
  if (command.messageId && seen.has(command.messageId)) return { code: 'BCHCIM.RP.2.0032' };
  if (command.messageId) seen.add(command.messageId);
  const { person } = command;
  if (person.deceasedDate && person.birthDate && person.deceasedDate.slice(0, 8) < person.birthDate.slice(0, 8)) return { code: 'BCHCIM.RP.2.0035' };
  if (command.phn) {
    if (!isValidPhn(command.phn)) return { code: 'BCHCIM.RP.2.0006', text: `Error: The HL7 message is invalid. Please correct the HL7 message, and resubmit it. Error BCHCIM.BRV.2.0003. PHN Checksum has failed. phn=${command.phn}` };
    const existing = store.byPhnRaw(command.phn);
    if (!existing) return { code: 'BCHCIM.RP.2.0002' };
    if (existing.mergedInto) return { code: 'BCHCIM.RP.2.0015', person: store.resolve(command.phn).person };
    if (existing.nullified) return { code: 'BCHCIM.RP.2.0020' };
    if (existing.deceasedDate) return { code: 'BCHCIM.RP.2.0016', person: existing };
    const revised = store.revise(command.phn, { ...person, sourceIds: mergeSourceIds(existing.sourceIds, person.sourceIds) });
    return { code: 'BCHCIM.RP.0.0001', person: revised };
  }
  const legal = person.names[0];
  const match = legal ? store.findExact(legal.family, legal.given[0], person.birthDate) : undefined;
  if (match) {
    if (match.deceasedDate) return { code: 'BCHCIM.RP.2.0016', person: match };
    const revised = store.revise(match.phn, { sourceIds: mergeSourceIds(match.sourceIds, person.sourceIds) });
    return { code: 'BCHCIM.RP.0.0001', person: revised };
  }
  return { code: 'BCHCIM.RP.0.0000', person: store.add(person), created: true };
}

/**
 * PersonMerged / $MergePatient: `nonSurvivor` is merged into `survivor`. Codes: PM.0.0008 done;
 * invalid check digit PM.2.0006 citing BRV.2.0003; unknown PHN PM.2.0002; non-survivor already
 * merged PM.2.0015.
 */
export function mergePersons(store: PersonStore, seen: Set<string>, messageId: string, nonSurvivor: string, survivor: string): CommandOutcome {
  if (messageId && seen.has(messageId)) return { code: 'BCHCIM.PM.2.0032' };
  if (messageId) seen.add(messageId);
  for (const phn of [nonSurvivor, survivor]) {
    if (!isValidPhn(phn)) return { code: 'BCHCIM.PM.2.0006', text: `Error: The HL7 message is invalid. Error BCHCIM.BRV.2.0003. PHN Checksum has failed. phn=${phn}` };
    if (!store.byPhnRaw(phn)) return { code: 'BCHCIM.PM.2.0002' };
  }
  if (store.byPhnRaw(nonSurvivor)!.mergedInto) return { code: 'BCHCIM.PM.2.0015' };
  if (!store.merge(nonSurvivor, survivor)) return { code: 'BCHCIM.PM.2.0006', text: 'The survivor and the non-survivor of a merge must be different persons.' };
  return { code: 'BCHCIM.PM.0.0008', person: store.resolve(survivor).person };
}

function mergeSourceIds(current: Person['sourceIds'], added: Person['sourceIds']): Person['sourceIds'] {
  const out = [...current];
  for (const id of added) if (!out.some((o) => o.root === id.root && o.extension === id.extension)) out.push(id);
  return out;
}
