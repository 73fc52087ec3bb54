import { readFileSync } from 'node:fs';
import { phnCheckDigit } from '../hl7v3/phn.js';
import type { CandidateQuery, Person, PersonVersion, ScoredCandidate } from './person.js';

/** Most candidates one FindCandidates answer carries before HCIM warns `FC.0.0017`. */
export const MAX_CANDIDATES = 10;

/** First nine digits the simulator counts up from when it assigns a new PHN. */
const NEW_PHN_START = 987_900_000;

/** In-memory client registry. Pure data operations; no I/O after loading the seed. */
export class PersonStore {
  private readonly byPhn = new Map<string, Person>();
  private readonly versions = new Map<string, PersonVersion[]>();
  private nextNine = NEW_PHN_START;

  constructor(persons: readonly Person[]) {
    for (const person of persons) this.put(structuredClone(person));
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
      if (!person.mergedInto && !person.nullified && person.sourceIds.some((id) => id.root === root && id.extension === extension)) return person;
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
    if (person?.nullified) return { merged };
    return { person, merged };
  }

  /** PHNs merged (directly or transitively) into this survivor: GetRelatedIdentifiers. */
  mergedInto(survivorPhn: string): string[] {
    const out: string[] = [];
    for (const person of this.byPhn.values()) {
      if (person.mergedInto && this.resolve(person.phn).person?.phn === survivorPhn) out.push(person.phn);
    }
    return out.sort();
  }

  /** Stored versions of a person, oldest first. */
  history(phn: string): readonly PersonVersion[] {
    return this.versions.get(phn) ?? [];
  }

  /** Register a new person and assign a PHN with a valid check digit (PersonRevised "new PHN"). */
  add(person: Omit<Person, 'phn'>): Person {
    const created: Person = { ...structuredClone(person), phn: this.newPhn() };
    this.put(created);
    return created;
  }

  /** Replace the demographics of an existing person, keeping its PHN; a new version is recorded. */
  revise(phn: string, changes: Partial<Omit<Person, 'phn'>>): Person | undefined {
    const current = this.byPhn.get(phn);
    if (!current) return undefined;
    const revised: Person = { ...current, ...structuredClone(changes), phn };
    this.put(revised);
    return revised;
  }

  /** Merge `nonSurvivor` into `survivor`; false when either is unknown or they are the same. */
  merge(nonSurvivor: string, survivor: string): boolean {
    const loser = this.byPhn.get(nonSurvivor);
    const winner = this.resolve(survivor).person;
    if (!loser || !winner || winner.phn === nonSurvivor) return false;
    this.put({ ...loser, mergedInto: winner.phn });
    return true;
  }

  /** Logically delete a person (PersonNullified). */
  nullify(phn: string): boolean {
    const person = this.byPhn.get(phn);
    if (!person) return false;
    this.put({ ...person, nullified: true });
    return true;
  }

  /** Person with the same legal surname, given name and birth date (PersonRevised duplicate check). */
  findExact(family: string, given: string | undefined, birthDate: string): Person | undefined {
    for (const person of this.byPhn.values()) {
      if (person.mergedInto || person.nullified || person.birthDate !== birthDate) continue;
      if (person.names.some((name) => normalise(name.family) === normalise(family) && (!given || name.given.some((g) => normalise(g) === normalise(given))))) return person;
    }
    return undefined;
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
      if (person.mergedInto || person.nullified) continue;
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

  private put(person: Person): void {
    this.byPhn.set(person.phn, person);
    const list = this.versions.get(person.phn) ?? [];
    list.push({ versionId: list.length + 1, recordedAt: new Date().toISOString(), person: structuredClone(person) });
    this.versions.set(person.phn, list);
  }

  private newPhn(): string {
    for (;;) {
      const nine = String(this.nextNine++);
      const check = phnCheckDigit(nine);
      if (check !== undefined && !this.byPhn.has(`${nine}${check}`)) return `${nine}${check}`;
    }
  }
}

function normalise(text: string | undefined): string {
  return (text ?? '').toUpperCase().replace(/\s+/g, '');
}

function digits(text: string | undefined): string {
  return (text ?? '').replace(/\D/g, '');
}
