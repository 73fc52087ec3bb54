import path from 'node:path';
import { serializeError, type SerializedError } from '../core/errors.js';
import type { RunListener } from '../run/run-events.js';
import type { Report } from '../run/report-schema.js';
import type { Reporter } from './reporter.js';
import { writeAtomic } from './write-atomic.js';

/**
 * Fans run events out to every reporter, isolating each: a reporter that throws is recorded in
 * `errors` and the others go on.
 */
export class ReporterMultiplexer implements RunListener {
  readonly errors: SerializedError[] = [];

  constructor(private readonly reporters: readonly Reporter[]) {}

  onRunBegin(info: Parameters<NonNullable<RunListener['onRunBegin']>>[0]): void {
    this.each('onRunBegin', (r) => r.onRunBegin?.(info));
  }

  onCaseBegin(info: Parameters<NonNullable<RunListener['onCaseBegin']>>[0]): void {
    this.each('onCaseBegin', (r) => r.onCaseBegin?.(info));
  }

  onCaseEnd(...args: Parameters<NonNullable<RunListener['onCaseEnd']>>): void {
    this.each('onCaseEnd', (r) => r.onCaseEnd?.(...args));
  }

  onRunEnd(report: Readonly<Report>): void {
    this.each('onRunEnd', (r) => r.onRunEnd?.(report));
  }

  /**
   * Write every reporter's artefacts under `outDir`; returns the files written. The canonical JSON
   * goes last so it records any reporter that failed before it.
   */
  writeArtefacts(report: Report, outDir: string): string[] {
    const written: string[] = [];
    const ordered = [...this.reporters].sort((a, b) => Number(a.name === 'json') - Number(b.name === 'json'));
    this.eachOf(ordered, 'artefacts', (reporter) => {
      if (reporter.name === 'json') report.errors.push(...this.errors.splice(0));
      for (const artefact of reporter.artefacts?.(report) ?? []) {
        const file = path.join(outDir, artefact.path);
        writeAtomic(file, artefact.content);
        written.push(file);
      }
    });
    return written;
  }

  private each(hook: string, action: (reporter: Reporter) => void): void {
    this.eachOf(this.reporters, hook, action);
  }

  private eachOf(reporters: readonly Reporter[], hook: string, action: (reporter: Reporter) => void): void {
    for (const reporter of reporters) {
      try {
        action(reporter);
      } catch (error) {
        this.errors.push({ ...serializeError(error), code: 'ERR_REPORTER', message: `reporter "${reporter.name}" failed in ${hook}: ${(error as Error).message}` });
      }
    }
  }
}
