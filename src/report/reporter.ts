import type { RunListener } from '../run/run-events.js';
import type { Report } from '../run/report-schema.js';

/** A file a reporter produces; the caller writes it atomically under the output folder. */
export interface Artefact {
  /** Path relative to the output folder, e.g. `report.json`. */
  path: string;
  content: string;
}

/**
 * A reporter listens to the run (optional hooks) and/or projects the final report into files.
 * Reporters only ever see read-only results; one that throws never stops the run or the others.
 */
export interface Reporter extends RunListener {
  readonly name: string;
  /** Files to write for a finished report. */
  artefacts?(report: Readonly<Report>): Artefact[];
}
