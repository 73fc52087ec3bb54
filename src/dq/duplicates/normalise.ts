/** Names for blocking and comparison: upper-case Latin letters only (accents folded). */
export function normaliseName(value: string | undefined): string {
  if (!value) return '';
  // The PHN and duplicate indexes normalise the same family name back to back: remember the last.
  if (value === lastName.value) return lastName.result;
  lastName.value = value;
  lastName.result = fold(value).toUpperCase().replace(/[^A-Z]/g, '');
  return lastName.result;
}

const lastName = { value: '', result: '' };

/** First given name only: middle names are too often present on one record and not the other. */
export function normaliseGiven(value: string | undefined): string {
  if (!value) return '';
  return normaliseName(value.trim().split(/\s+/)[0]);
}

const STREET_WORDS: Record<string, string> = {
  STREET: 'ST', AVENUE: 'AVE', AV: 'AVE', ROAD: 'RD', DRIVE: 'DR', BOULEVARD: 'BLVD', CRESCENT: 'CRES', PLACE: 'PL',
  COURT: 'CRT', CT: 'CRT', LANE: 'LN', HIGHWAY: 'HWY', TERRACE: 'TERR', SQUARE: 'SQ', CIRCLE: 'CIR', WAY: 'WAY',
  NORTH: 'N', SOUTH: 'S', EAST: 'E', WEST: 'W', APARTMENT: '', APT: '', SUITE: '', UNIT: '',
};

/** Address line for comparison: upper case, punctuation dropped, street words abbreviated the Canada Post way. */
export function normaliseAddress(value: string | undefined): string {
  if (!value) return '';
  return fold(value)
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, ' ')
    .replace(/[A-Z]+/g, (word) => STREET_WORDS[word] ?? word)
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Decompose accents (É → E + ◌́) only when there is anything non-ASCII: NFD is the costly step. */
function fold(value: string): string {
  return /[^\x00-\x7f]/.test(value) ? value.normalize('NFD') : value;
}

/** Gender as 0 unknown, 1 male, 2 female, 3 other. */
export function genderCode(value: string | undefined): number {
  const g = (value ?? '').trim().toUpperCase();
  if (g === 'M' || g === 'MALE') return 1;
  if (g === 'F' || g === 'FEMALE') return 2;
  if (g === 'X' || g === 'OTHER') return 3;
  return 0;
}
