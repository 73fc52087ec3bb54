import type { Report } from '../../run/report-schema.js';
import type { Artefact, Reporter } from '../reporter.js';
import { renderReport } from './render-report.js';

/** `report.html`: one self-contained page (inline CSS/JS, no network) projected from the report. */
export class HtmlReporter implements Reporter {
  readonly name = 'html';

  artefacts(report: Readonly<Report>): Artefact[] {
    return [{ path: 'report.html', content: renderReport(report) }];
  }
}
