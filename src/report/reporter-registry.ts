import { HarnessError } from '../core/errors.js';
import { ConsoleReporter } from './console-reporter.js';
import { JsonReporter } from './json-reporter.js';
import { JunitReporter } from './junit-reporter.js';
import type { Reporter } from './reporter.js';
import type { Screen } from './screen.js';

/** Built-in reporters by name. */
const FACTORIES: Record<string, (screen: Screen) => Reporter> = {
  console: (screen) => new ConsoleReporter(screen),
  json: () => new JsonReporter(),
  junit: () => new JunitReporter(),
};

export const REPORTER_NAMES = Object.keys(FACTORIES);

export function createReporters(names: readonly string[], screen: Screen): Reporter[] {
  return names.map((name) => {
    const factory = FACTORIES[name];
    if (!factory) throw new HarnessError('ERR_USAGE', `unknown reporter "${name}"; valid reporters: ${REPORTER_NAMES.join(', ')}`);
    return factory(screen);
  });
}
