/**
 * The four result words used everywhere (model, console, JSON, JUnit, exit code).
 * `failed` = the system under test is non-conformant; `error` = the harness, suite, network or
 * endpoint broke. A timeout is never `failed`.
 */
export type Outcome = 'passed' | 'failed' | 'error' | 'skipped';

export const OUTCOMES: readonly Outcome[] = ['passed', 'failed', 'error', 'skipped'];

const PRECEDENCE: Record<Outcome, number> = { skipped: 0, passed: 1, failed: 2, error: 3 };

/**
 * Combine child outcomes into a parent outcome: `error` beats `failed` beats `passed` beats
 * `skipped`. An empty list (nothing ran) is `skipped`.
 */
export function rollUp(outcomes: Iterable<Outcome>): Outcome {
  let result: Outcome = 'skipped';
  for (const outcome of outcomes) {
    if (PRECEDENCE[outcome] > PRECEDENCE[result]) result = outcome;
  }
  return result;
}

/** Zeroed counters for each outcome word. */
export function emptyStats(): Record<Outcome, number> {
  return { passed: 0, failed: 0, error: 0, skipped: 0 };
}
