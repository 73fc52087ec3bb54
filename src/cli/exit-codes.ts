/** Process exit codes (DESIGN.md §3). */
export const EXIT = {
  /** All required cases passed / all files valid. */
  ok: 0,
  /** A required case failed or errored / a file is invalid. */
  failed: 1,
  /** The harness could not do what was asked (usage, config, suite, simulator start). */
  harness: 2,
  /** Interrupted (SIGINT/SIGTERM); a partial report was still written. */
  interrupted: 130,
} as const;
