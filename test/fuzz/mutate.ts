/** Seeded PRNG (mulberry32): the same seed yields the same corpus, so a crash can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = ['<', '>', '&', '"', "'", '\u0000', '\uFFFF', '\uD800', ']]>', '<!--', '<![CDATA[', '&xxe;', '<!DOCTYPE x [<!ENTITY a "b">]>', '{', '}', '[', ']', ':', ',', 'null', '-1e309', '"\\u0000"', '\\', '\n', '9876543217', 'BCHCIM.GD.0.0013', '𝔘'];

/** One random mutation of `text`: flips, deletions, duplications, truncation, insertions, nesting. */
export function mutate(text: string, random: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const at = () => Math.floor(random() * (text.length + 1));
  switch (Math.floor(random() * 9)) {
    case 0: {
      const i = at();
      return text.slice(0, i) + String.fromCharCode(Math.floor(random() * 0x2fff)) + text.slice(i + 1);
    }
    case 1: {
      const i = at();
      return text.slice(0, i) + text.slice(i + 1 + Math.floor(random() * 64));
    }
    case 2: {
      const i = at();
      const j = Math.min(text.length, i + Math.floor(random() * 256));
      return text.slice(0, j) + text.slice(i, j) + text.slice(j);
    }
    case 3:
      return text.slice(0, at());
    case 4: {
      const i = at();
      return text.slice(0, i) + pick(NASTY) + text.slice(i);
    }
    case 5: {
      const depth = 1 + Math.floor(random() * 3000);
      const i = at();
      const open = text.trimStart().startsWith('{') ? '{"a":['.repeat(depth) : '<a>'.repeat(depth);
      return text.slice(0, i) + open + text.slice(i);
    }
    case 6: {
      const i = at();
      const j = at();
      return text.slice(0, Math.min(i, j)) + text.slice(Math.max(i, j)) + text.slice(Math.min(i, j), Math.max(i, j));
    }
    case 7:
      return text.replace(/"[^"]{1,40}"/, `"${pick(NASTY)}"`);
    default:
      return pick(NASTY) + text;
  }
}
