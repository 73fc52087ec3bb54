import type { Report } from '../run/report-schema.js';
import type { Artefact, Reporter } from './reporter.js';

/** The canonical report, `report.json`. */
export class JsonReporter implements Reporter {
  readonly name = 'json';

  artefacts(report: Readonly<Report>): Artefact[] {
    return [{ path: 'report.json', content: `${JSON.stringify(report, null, 2)}\n` }];
  }
}
