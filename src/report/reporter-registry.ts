import type { KeyObject } from 'node:crypto';
import { HarnessError } from '../core/errors.js';
import { ConsoleReporter } from './console-reporter.js';
import { GithubReporter } from './github-reporter.js';
import { HtmlReporter } from './html/html-reporter.js';
import { JsonReporter } from './json-reporter.js';
import { JunitReporter } from './junit-reporter.js';
import type { Reporter } from './reporter.js';
import type { Screen } from './screen.js';
import { TestReportReporter } from './testreport-reporter.js';

/** Options some built-in reporters take. */
export interface ReporterOptions {
  /** `run --sign-key`: the JSON reporter signs report.json with this Ed25519 key. */
  signingKey?: KeyObject;
}

/** Built-in reporters by name. */
const FACTORIES: Record<string, (screen: Screen, options: ReporterOptions) => Reporter> = {
  console: (screen) => new ConsoleReporter(screen),
  json: (_screen, options) => new JsonReporter({ signingKey: options.signingKey }),
  junit: () => new JunitReporter(),
  html: () => new HtmlReporter(),
  testreport: () => new TestReportReporter(),
  github: (screen) => new GithubReporter(screen),
};

export const REPORTER_NAMES = Object.keys(FACTORIES);

/** Reporters by name, in the order given; an unknown name is ERR_USAGE listing the valid ones. */
export function createReporters(names: readonly string[], screen: Screen, options: ReporterOptions = {}): Reporter[] {
  return names.map((name) => {
    const factory = FACTORIES[name];
    if (!factory) throw new HarnessError('ERR_USAGE', `unknown reporter "${name}"; valid reporters: ${REPORTER_NAMES.join(', ')}`);
    return factory(screen, options);
  });
}
