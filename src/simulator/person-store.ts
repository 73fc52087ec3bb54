import { readFileSync } from 'node:fs';
import type { CandidateQuery, Person, ScoredCandidate } from './person.js';

/** Most candidates one FindCandidates answer carries before HCIM warns `FC.0.0017`. */
export const MAX_CANDIDATES = 10;

/** In-memory client registry. Pure data operations; no I/O after loading the seed. */
export class PersonStore {
  private readonly byPhn = new Map<string, Person>();

  constructor(persons: readonly Person[]) {
    for (const person of persons) this.byPhn.set(person.phn, structuredClone(person));
  }

  static fromSeedFile(file: string): PersonStore {
    const seed = JSON.parse(readFileSync(file, 'utf8')) as { persons: Person[] };
    return new PersonStore(seed.persons);
  }

  /** The person with this PHN as stored (a merged PHN returns the non-survivor record). */
  byPhnRaw(phn: string): Person | undefined {
    return this.byPhn.get(phn);
  }

  bySourceId(root: string, extension: string): Person | undefined {
    for (const person of this.byPhn.values()) {
      if (!person.mergedInto && person.sourceIds.some((id) => id.root === root && id.extension === extension)) return person;
    }
    return undefined;
  }

  /** Follow merges to the survivor; `merged` tells whether the asked-for PHN was merged away. */
  resolve(phn: string): { person?: Person; merged: boolean } {
    let person = this.byPhn.get(phn);
    let merged = false;
    for (let hops = 0; person?.mergedInto && hops < 10; hops++) {
      merged = true;
      person = this.byPhn.get(person.mergedInto);
    }
    return { person, merged };
  }

  /**
   * Score live persons against the query. HCIM's business rule BCHCIM.SCH.2.5107 (surname plus one
   * of birth date / address line / phone / postal code) is enforced by the caller; here a candidate
   * must share the surname, and each further matching field adds to the score.
   */
  findCandidates(query: CandidateQuery): ScoredCandidate[] {
    const family = normalise(query.family);
    const results: ScoredCandidate[] = [];
    for (const person of this.byPhn.values()) {
      if (person.mergedInto) continue;
      if (!person.names.some((name) => normalise(name.family) === family)) continue;
      let score = 40;
      if (query.birthDate && person.birthDate === query.birthDate) score += 30;
      if (query.given?.length && person.names.some((name) => name.given.some((g) => query.given!.some((q) => normalise(q) === normalise(g))))) score += 15;
      if (query.gender && person.gender === query.gender) score += 5;
      if (query.postalCode && person.addresses.some((a) => normalise(a.postalCode) === normalise(query.postalCode))) score += 20;
      if (query.addressLine && person.addresses.some((a) => a.lines.some((l) => normalise(l) === normalise(query.addressLine)))) score += 20;
      if (query.phone && person.telecoms.some((t) => digits(t.value) === digits(query.phone))) score += 20;
      // Surname alone is not a match: at least one discriminating field must agree.
      if (score > 45) results.push({ person, score });
    }
    return results.sort((a, b) => b.score - a.score || a.person.phn.localeCompare(b.person.phn));
  }
}

function normalise(text: string | undefined): string {
  return (text ?? '').toUpperCase().replace(/\s+/g, '');
}

function digits(text: string | undefined): string {
  return (text ?? '').replace(/\D/g, '');
}
