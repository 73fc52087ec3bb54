import { formatLocation } from '../core/source-location.js';
import type { CaseResult, Report } from '../run/report-schema.js';
import type { Artefact, Reporter } from './reporter.js';
import { serializeXml, type XmlEntry } from './xml-entry.js';

/**
 * JUnit XML for CI: `failed` → <failure>, `error` → <error>, `skipped` → <skipped/>; requirement
 * ids and tags as properties; suite file:line in the message so CI links back to the YAML.
 */
export class JunitReporter implements Reporter {
  readonly name = 'junit';

  artefacts(report: Readonly<Report>): Artefact[] {
    const suites: XmlEntry[] = report.suites.map((suite) => ({
      name: 'testsuite',
      attributes: {
        name: suite.title,
        id: suite.id,
        file: suite.file,
        tests: suite.cases.length,
        failures: suite.cases.filter((c) => c.outcome === 'failed').length,
        errors: suite.cases.filter((c) => c.outcome === 'error').length,
        skipped: suite.cases.filter((c) => c.outcome === 'skipped').length,
        time: seconds(suite.durationMs),
      },
      children: suite.cases.map((result) => testcase(suite.id, suite.file, result)),
    }));
    if (report.errors.length > 0) {
      suites.push({
        name: 'testsuite',
        attributes: { name: 'hie-conform run errors', tests: report.errors.length, failures: 0, errors: report.errors.length, skipped: 0, time: 0 },
        children: report.errors.map((error, index) => ({ name: 'testcase', attributes: { name: `run error ${index + 1}`, classname: 'hie-conform' }, children: [{ name: 'error', attributes: { type: error.code, message: error.message }, text: error.message }] })),
      });
    }
    const root: XmlEntry = {
      name: 'testsuites',
      attributes: {
        name: `hie-conform (${report.target.name})`,
        tests: report.stats.total,
        failures: report.stats.failed,
        errors: report.stats.error + report.errors.length,
        skipped: report.stats.skipped,
        time: seconds(report.durationMs),
      },
      children: suites,
    };
    return [{ path: 'junit.xml', content: `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(root)}\n` }];
  }
}

function testcase(suiteId: string, file: string, result: CaseResult): XmlEntry {
  const children: XmlEntry[] = [];
  const properties: XmlEntry[] = [
    ...result.requirements.map((id) => ({ name: 'property', attributes: { name: 'requirement', value: id } })),
    ...result.tags.map((tag) => ({ name: 'property', attributes: { name: 'tag', value: tag } })),
    ...(result.optional ? [{ name: 'property', attributes: { name: 'optional', value: 'true' } }] : []),
  ];
  if (properties.length > 0) children.push({ name: 'properties', children: properties });
  if (result.outcome === 'failed' || result.outcome === 'error') {
    const problems = problemLines(result);
    children.push({
      name: result.outcome === 'failed' ? 'failure' : 'error',
      attributes: { message: problems[0] ?? result.outcome, type: result.outcome },
      text: problems.join('\n'),
    });
  } else if (result.outcome === 'skipped') {
    children.push({ name: 'skipped', attributes: { message: result.skipReason ?? 'skipped' } });
  }
  return { name: 'testcase', attributes: { name: result.title, classname: suiteId, file, line: result.location.line, time: seconds(result.durationMs) }, children };
}

function problemLines(result: CaseResult): string[] {
  const lines: string[] = [];
  for (const step of result.steps) {
    if (step.error) lines.push(`${formatLocation(step.error.location ?? step.location)}: ${step.error.message}`);
    for (const assertion of step.assertions) {
      if (assertion.outcome !== 'passed') lines.push(`${formatLocation(assertion.source)}: ${assertion.message}`);
    }
  }
  return lines;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
