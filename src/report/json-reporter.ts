import type { KeyObject } from 'node:crypto';
import type { Report } from '../run/report-schema.js';
import type { Artefact, Reporter } from './reporter.js';
import { signReport } from './report-signature.js';

/** The canonical report, `report.json`; signed with Ed25519 when given a key (`run --sign-key`). */
export class JsonReporter implements Reporter {
  readonly name = 'json';

  constructor(private readonly options: { signingKey?: KeyObject } = {}) {}

  artefacts(report: Readonly<Report>): Artefact[] {
    const written = this.options.signingKey ? signReport(report, this.options.signingKey) : report;
    return [{ path: 'report.json', content: `${JSON.stringify(written, null, 2)}\n` }];
  }
}
