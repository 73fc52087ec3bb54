import type { LoadedCase, LoadedSuite } from './suite-model.js';

export interface CaseSelection {
  /** Regular expression matched against `suite-id/case-id` and `suite title › case title`. */
  grep?: RegExp;
  /** Case (or its suite) must carry at least one of these tags. */
  tags?: readonly string[];
  /** Run only shard i of n (1-based), splitting the selected cases round-robin. */
  shard?: { index: number; total: number };
}

/** Apply --grep, --tag and --shard; returns the cases to run per suite (suites left empty are dropped). */
export function selectCases(suites: readonly LoadedSuite[], selection: CaseSelection): { suite: LoadedSuite; cases: LoadedCase[] }[] {
  let ordinal = 0;
  const selected: { suite: LoadedSuite; cases: LoadedCase[] }[] = [];
  for (const suite of suites) {
    const cases = suite.cases.filter((loadedCase) => {
      const c = loadedCase.document;
      if (selection.grep) {
        const haystacks = [`${suite.document.id}/${c.id}`, `${suite.document.title} › ${c.title}`];
        if (!haystacks.some((text) => selection.grep!.test(text))) return false;
      }
      if (selection.tags && selection.tags.length > 0) {
        const tags = new Set([...suite.document.tags, ...c.tags]);
        if (!selection.tags.some((tag) => tags.has(tag))) return false;
      }
      if (selection.shard) {
        const mine = ordinal % selection.shard.total === selection.shard.index - 1;
        ordinal++;
        return mine;
      }
      return true;
    });
    if (cases.length > 0) selected.push({ suite, cases });
  }
  return selected;
}
