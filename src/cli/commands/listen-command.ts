import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HarnessError, serializeError } from '../../core/errors.js';
import { findClientSuiteFiles } from '../../listen/find-client-suites.js';
import type { JudgedRequest } from '../../listen/judged-request.js';
import { ListenSession } from '../../listen/listen-session.js';
import { loadClientSuite } from '../../listen/load-client-suite.js';
import type { LoadedClientSuite } from '../../listen/client-suite-model.js';
import { sessionReport, type SessionEnd } from '../../listen/session-report.js';
import { createReporters } from '../../report/reporter-registry.js';
import { ReporterMultiplexer } from '../../report/reporter-multiplexer.js';
import { stdoutScreen } from '../../report/screen.js';
import type { Report } from '../../run/report-schema.js';
import type { Exchange } from '../../transport/exchange.js';
import { EXIT } from '../exit-codes.js';
import { toolInfo } from '../tool-info.js';
import { printError } from '../print-error.js';

export interface ListenFlags {
  port?: string;
  host?: string;
  untilComplete?: boolean;
  timeout?: string;
  out?: string;
  reporter?: string;
  strict?: boolean;
  color?: boolean;
  tls?: boolean;
  callbackUrl?: string;
  cert?: string;
  key?: string;
  ca?: string;
}

/** Default session length: long enough for a person to drive a partner UI, short enough for CI. */
const DEFAULT_TIMEOUT_MS = 600_000;
const POLL_MS = 50;

/**
 * `hie-conform listen`: play the registry (the embedded simulator), judge every request the
 * partner sends against the client suites, and write the same reports as `run`. Prints
 * `listening <url>` once ready. Exit: 0 every required expectation met and no stray/invalid
 * request; 1 otherwise; 2 usage/suite/start problems; 130 SIGINT during `--until-complete`.
 */
export async function listenCommand(patterns: string[], flags: ListenFlags): Promise<number> {
  const cwd = process.cwd();
  const screen = stdoutScreen({ color: flags.color });
  let port: number;
  let timeoutMs: number;
  let suites: LoadedClientSuite[];
  let mux: ReporterMultiplexer;
  try {
    port = integer(flags.port ?? '0', '--port', 0, 65535);
    timeoutMs = integer(flags.timeout ?? String(DEFAULT_TIMEOUT_MS), '--timeout', 1, Number.MAX_SAFE_INTEGER);
    // HCIM and PLR use mutual TLS (domain.md §a), so the simulator's HTTPS always requires a client certificate.
    if (flags.tls && (!flags.cert || !flags.key || !flags.ca)) throw new HarnessError('ERR_USAGE', '--tls needs --cert <server-cert.pem>, --key <server-key.pem> and --ca <ca.pem> (partner client certificates must chain to it: mutual TLS)');
    if (flags.callbackUrl !== undefined && !/^https?:\/\//.test(flags.callbackUrl)) throw new HarnessError('ERR_USAGE', `--callback-url must be an http(s) URL, but received "${flags.callbackUrl}"`);
    if (!flags.tls && (flags.cert || flags.key || flags.ca)) throw new HarnessError('ERR_USAGE', '--cert/--key/--ca take effect with --tls only');
    suites = findClientSuiteFiles(patterns, cwd).map((file) => loadClientSuite(file, { cwd }));
    const names = [...new Set([...(flags.reporter ?? 'console,json,junit').split(',').map((n) => n.trim()).filter(Boolean), 'json'])];
    mux = new ReporterMultiplexer(createReporters(names, screen));
  } catch (error) {
    printError(error);
    return EXIT.harness;
  }
  const out = path.resolve(cwd, flags.out ?? 'reports');
  const host = flags.host ?? '127.0.0.1';

  let simulator: { url: string; exchanges: readonly Exchange[]; close(): Promise<void> };
  try {
    const tls = flags.tls ? { cert: readPem(flags.cert!, '--cert'), key: readPem(flags.key!, '--key'), ca: readPem(flags.ca!, '--ca') } : undefined;
    const { createSimulator } = await import('../../simulator/simulator-server.js');
    simulator = await createSimulator({ port, host, ...(tls ? { tls } : {}), ...(flags.callbackUrl ? { callbackUrl: flags.callbackUrl } : {}) });
  } catch (error) {
    printError(error);
    return EXIT.harness;
  }
  const url = simulator.url;
  const expectations = suites.reduce((n, s) => n + s.expectations.length, 0);
  const session = new ListenSession({ suites, strict: flags.strict ?? false, onJudged: (judged) => screen.write(`${describe(judged, screen.colors)}\n`) });
  const startedAt = new Date();
  const started = performance.now();
  process.stdout.write(`listening ${url}\n`);
  screen.write(`  HCIM HL7v3 ${url}/hcim/<PortType>.asmx · HCIM FHIR ${url}/hcim/fhir · PLR HL7v3 ${url}/plr/<PortType>.asmx · PLR FHIR ${url}/plr/fhir\n`);
  screen.write(`  waiting for ${expectations} expectation(s) from ${suites.length} client suite(s)${flags.untilComplete ? ' until complete' : ' until Ctrl-C'} (timeout ${timeoutMs} ms)\n`);

  const end = await waitForEnd(session, simulator, { untilComplete: flags.untilComplete ?? false, timeoutMs });
  await session.poll(simulator);
  await simulator.close();

  const target: Report['target'] = { name: 'listen', kind: 'embedded', urls: { 'hcim-v3': `${url}/hcim`, 'hcim-fhir': `${url}/hcim/fhir`, 'plr-v3': `${url}/plr`, 'plr-fhir': `${url}/plr/fhir` }, variables: {}, ...(flags.tls ? { tls: { clientCertificate: true, ca: true } } : {}) };
  let report: Report;
  try {
    report = sessionReport({ session, end, tool: toolInfo(), target, startedAt, durationMs: Math.round(performance.now() - started) });
  } catch (error) {
    printError(error);
    report = sessionReport({ session: new ListenSession({ suites: [] }), end, tool: toolInfo(), target, startedAt, durationMs: 0, errors: [serializeError(error)] });
  }
  mux.onRunBegin({ total: report.stats.total, target: `listen (${end.reason})`, startedAt: report.startedAt });
  for (const suite of report.suites) for (const result of suite.cases) mux.onCaseEnd({ id: suite.id, title: suite.title, file: suite.file }, result);
  mux.onRunEnd(report);
  const written = mux.writeArtefacts(report, out);
  for (const error of mux.errors) process.stderr.write(`hie-conform: ${error.message}\n`);
  if (written.length > 0) process.stdout.write(`  reports: ${written.map((file) => path.relative(cwd, file) || file).join(', ')}\n`);
  if (report.outcome === 'interrupted') return EXIT.interrupted;
  const problem = report.errors.length > 0 || report.suites.some((s) => s.cases.some((c) => !c.optional && (c.outcome === 'failed' || c.outcome === 'error')));
  return problem ? EXIT.failed : EXIT.ok;
}

/** Poll the simulator's record until the session ends (complete, timeout or signal). */
async function waitForEnd(session: ListenSession, simulator: { exchanges: readonly Exchange[] }, options: { untilComplete: boolean; timeoutMs: number }): Promise<SessionEnd> {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) process.exit(EXIT.interrupted);
    signalled = true;
    process.stderr.write(`\n${signal}: ending the session; the report will be written (press Ctrl-C again to quit at once)\n`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const deadline = performance.now() + options.timeoutMs;
  try {
    for (;;) {
      await session.poll(simulator);
      if (options.untilComplete && session.isComplete()) return { reason: 'complete', timeoutMs: options.timeoutMs };
      if (signalled) return { reason: options.untilComplete ? 'interrupted' : 'stopped', timeoutMs: options.timeoutMs };
      if (performance.now() >= deadline) return { reason: 'timeout', timeoutMs: options.timeoutMs };
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function describe(judged: JudgedRequest, colors: ReturnType<typeof stdoutScreen>['colors']): string {
  const errors = judged.verdict.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
  const matched = [...judged.matches.keys()];
  const verdict = judged.request.kind === 'support' ? colors.dim('supporting request') : errors.length === 0 ? colors.green('valid') : colors.red(`${errors.length} error(s): ${errors[0]!.message.slice(0, 160)}`);
  const status = judged.exchange.response ? ` → ${judged.exchange.response.status}` : '';
  const where = matched.length > 0 ? ` · matches ${matched.join(', ')}` : judged.request.kind === 'support' ? '' : colors.yellow(' · matches no expectation');
  return `  ← #${judged.sequence} ${judged.request.label}${status}: ${verdict}${where}`;
}

function readPem(file: string, flag: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new HarnessError('ERR_FILE_NOT_FOUND', `${flag} ${file}: ${(error as Error).message}`, { cause: error });
  }
}

function integer(text: string, name: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new HarnessError('ERR_USAGE', `${name} must be an integer ${min}-${max}, but received "${text}"`);
  return value;
}
