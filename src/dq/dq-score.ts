/** Default pass thresholds: at most 1 % of rows with an error and a score of at least 90. */
export const DEFAULT_THRESHOLDS = { maxErrorRate: 0.01, minScore: 90 } as const;

/** Weight of a row whose worst finding is a warning, against 1 for a row with an error. */
export const WARNING_WEIGHT = 0.25;

/** Row tallies the score is computed from. */
export interface RowTally {
  rows: number;
  rowsWithErrors: number;
  /** Rows with warnings but no error. */
  rowsWithWarnings: number;
}

/**
 * Score 0–100: the share of rows without problems, where a row with an error costs 1 and a row
 * with only warnings costs 0.25 (information findings cost nothing). Rounded to one decimal.
 * No rows at all scores 0: an empty extract is not a clean one.
 */
export function dqScore(tally: RowTally): { score: number; errorRate: number } {
  if (tally.rows === 0) return { score: 0, errorRate: 0 };
  const penalty = tally.rowsWithErrors + WARNING_WEIGHT * tally.rowsWithWarnings;
  const score = Math.max(0, Math.round(1000 * (1 - penalty / tally.rows)) / 10);
  return { score, errorRate: tally.rowsWithErrors / tally.rows };
}

/** Pass iff there were rows, the error rate is within the limit and the score reaches the minimum. */
export function dqPassed(tally: RowTally, score: number, errorRate: number, thresholds: { maxErrorRate: number; minScore: number }): boolean {
  return tally.rows > 0 && errorRate <= thresholds.maxErrorRate && score >= thresholds.minScore;
}
