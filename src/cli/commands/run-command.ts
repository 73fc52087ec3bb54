import path from 'node:path';
import { resolveConfig, type ConfigFlags } from '../../config/resolve-config.js';
import type { Endpoints } from '../../config/endpoints.js';
import { endpointsFromBase } from '../../config/endpoints.js';
import type { ResolvedConfig } from '../../config/resolved-config.js';
import { HarnessError, serializeError, type SerializedError } from '../../core/errors.js';
import { createReporters } from '../../report/reporter-registry.js';
import { ReporterMultiplexer } from '../../report/reporter-multiplexer.js';
import { loadSigningKey } from '../../report/report-signature.js';
import { stdoutScreen } from '../../report/screen.js';
import { computeApproval } from '../../run/approval.js';
import { REPORT_SCHEMA_VERSION, type Report } from '../../run/report-schema.js';
import { runSuites } from '../../run/run-suites.js';
import { maskReportPhi, maskText, namesFromVariables } from '../../run/mask-phi.js';
import type { RunContext } from '../../run/run-context.js';
import { findSuiteFiles } from '../../suite/find-suites.js';
import { loadSuite } from '../../suite/load-suite.js';
import type { LoadedSuite } from '../../suite/suite-model.js';
import { selectCases } from '../../suite/select-cases.js';
import { CallbackListener } from '../../transport/callback-listener.js';
import { loadClientTls } from '../../transport/client-tls.js';
import { TokenProvider } from '../../transport/oauth-token.js';
import { EXIT } from '../exit-codes.js';
import { printError } from '../print-error.js';
import { toolInfo } from '../tool-info.js';

export interface RunFlags extends ConfigFlags {
  color?: boolean;
  /** Ed25519 private key (PEM) to sign report.json with. */
  signKey?: string;
}

/** Default OAuth2 client of the embedded simulator (DESIGN.md §3a); not a secret of any real system. */
const SIMULATOR_CLIENT = { id: 'hie-conform', secret: 'hie-conform-secret' };

/** `hie-conform run`: returns the exit code; always writes report.json when the output folder is known. */
export async function runCommand(patterns: string[], flags: RunFlags): Promise<number> {
  const plainScreen = stdoutScreen({ color: flags.color });
  // With --mask-phi nothing that reaches the terminal may carry a PHN or a name either.
  const knownNames = new Set<string>();
  const screen = flags.maskPhi ? { ...plainScreen, write: (text: string) => plainScreen.write(maskText(text, knownNames)) } : plainScreen;
  let config: ResolvedConfig;
  try {
    config = resolveConfig(patterns, flags);
  } catch (error) {
    printError(error);
    return EXIT.harness;
  }
  for (const name of namesFromVariables(config.target.variables)) knownNames.add(name);
  const names = [...new Set([...config.reporters, 'json'])];
  let mux: ReporterMultiplexer;
  try {
    const signingKey = flags.signKey ? loadSigningKey(path.resolve(config.cwd, flags.signKey)) : undefined;
    mux = new ReporterMultiplexer(createReporters(names, screen, { signingKey }));
  } catch (error) {
    printError(error);
    return EXIT.harness;
  }
  const target = describeTarget(config);
  // Suites are loaded before anything starts: a broken suite is exit 2 with file:line, and the
  // report still records why nothing ran.
  let suites: LoadedSuite[];
  try {
    suites = findSuiteFiles(config.suitePatterns, config.cwd).map((file) => loadSuite(file, { cwd: config.cwd, allowExternalFiles: config.allowExternalFiles }));
  } catch (error) {
    printError(error);
    writeEmptyReport(mux, config, target, [serializeError(error)]);
    return EXIT.harness;
  }
  const selection = selectCases(suites, { grep: config.grep, tags: config.tags, shard: config.shard });
  if (selection.length === 0) {
    const error = new HarnessError('ERR_NO_SUITES', `no cases match the selection (${[config.grep ? `--grep ${config.grep.source}` : '', config.tags.length ? `--tag ${config.tags.join(',')}` : '', config.shard ? `--shard ${config.shard.index}/${config.shard.total}` : ''].filter(Boolean).join(' ') || `${suites.length} suite(s) loaded`})`);
    printError(error);
    writeEmptyReport(mux, config, target, [serializeError(error)]);
    return EXIT.harness;
  }

  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts += 1;
    if (interrupts > 1) process.exit(EXIT.interrupted);
    process.stderr.write(`\n${signal}: stopping; the partial report will be written (press Ctrl-C again to quit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let simulator: { url: string; close(): Promise<void> } | undefined;
  let callbacks: CallbackListener | undefined;
  try {
    let endpoints: Partial<Endpoints> = config.target.urls ?? {};
    let tokens: TokenProvider | undefined;
    // Only open a port when a selected case waits for an async result.
    if (selection.some((entry) => entry.cases.some((c) => c.steps.some((step) => step.document.kind === 'callback')))) {
      callbacks = await CallbackListener.start({ ...config.target.callback, maxBodyBytes: config.maxBodyBytes });
      target.callbackUrl = callbacks.url;
    }
    if (config.target.kind === 'embedded') {
      const { createSimulator } = await import('../../simulator/simulator-server.js');
      simulator = await createSimulator({ port: 0, ...(callbacks ? { callbackUrl: callbacks.url } : {}) });
      endpoints = endpointsFromBase(simulator.url);
      target.urls = endpoints as Record<string, string>;
      tokens = new TokenProvider({ tokenUrl: `${simulator.url}/oauth/token`, clientId: SIMULATOR_CLIENT.id, clientSecret: SIMULATOR_CLIENT.secret, timeoutMs: config.timeoutMs });
    }
    const tls = loadClientTls(config.target.tls);
    if (config.target.oauth) {
      const secret = process.env[config.target.oauth.clientSecretEnv];
      if (secret === undefined) throw new HarnessError('ERR_CONFIG', `the OAuth2 client secret env var ${config.target.oauth.clientSecretEnv} is not set`);
      tokens = new TokenProvider({ tokenUrl: config.target.oauth.tokenUrl, clientId: config.target.oauth.clientId, clientSecret: secret, timeoutMs: config.timeoutMs, tls });
    }
    const context: RunContext = {
      endpoints,
      targetVariables: config.target.variables,
      timeoutMs: config.timeoutMs,
      retries: config.retries,
      maxBodyBytes: config.maxBodyBytes,
      strict: config.strict,
      allowExternalFiles: config.allowExternalFiles,
      tls,
      tokens,
      signal: controller.signal,
      evidence: new Map(),
      ...(callbacks ? { callbacks } : {}),
      ...(config.debug ? { debug: (line: string) => process.stderr.write(`${config.maskPhi ? maskText(line, knownNames) : line}\n`) } : {}),
    };
    const report = await runSuites({ selection, context, workers: config.workers, tool: toolInfo(), target, listener: mux });
    report.errors.push(...mux.errors.splice(0));
    if (config.shard) report.shard = { index: config.shard.index, total: config.shard.total };
    writeReports(mux, config.maskPhi ? maskReportPhi(report) : report, config);
    if (report.outcome === 'interrupted') return EXIT.interrupted;
    return report.errors.length > 0 || requiredProblem(report) ? EXIT.failed : EXIT.ok;
  } catch (error) {
    printError(error);
    writeEmptyReport(mux, config, target, [serializeError(error)]);
    return EXIT.harness;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await simulator?.close();
    await callbacks?.close();
  }
}

/** Exit 1 only for required cases that did not pass (optional failures are reported, not fatal). */
function requiredProblem(report: Report): boolean {
  return report.suites.some((suite) => suite.cases.some((c) => !c.optional && (c.outcome === 'failed' || c.outcome === 'error')));
}

function describeTarget(config: ResolvedConfig): Report['target'] {
  return {
    name: config.target.name,
    kind: config.target.kind,
    urls: { ...(config.target.urls ?? {}) },
    variables: { ...config.target.variables },
    ...(config.target.tls ? { tls: { clientCertificate: Boolean(config.target.tls.cert), ca: Boolean(config.target.tls.ca) } } : {}),
    ...(config.target.oauth ? { oauth: { tokenUrl: config.target.oauth.tokenUrl, clientId: config.target.oauth.clientId } } : {}),
  };
}

function writeReports(mux: ReporterMultiplexer, report: Report, config: ResolvedConfig): void {
  const written = mux.writeArtefacts(report, config.out);
  for (const error of [...report.errors, ...mux.errors].filter((e) => e.code === 'ERR_REPORTER')) process.stderr.write(`hie-conform: ${error.message}\n`);
  if (written.length > 0) process.stdout.write(`  reports: ${written.map((file) => path.relative(config.cwd, file) || file).join(', ')}\n`);
}

function writeEmptyReport(mux: ReporterMultiplexer, config: ResolvedConfig, target: Report['target'], errors: SerializedError[]): void {
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: toolInfo(),
    target,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    outcome: 'error',
    suites: [],
    errors,
    stats: { passed: 0, failed: 0, error: 0, skipped: 0, total: 0 },
    evidence: { suites: [], files: [] },
    approval: computeApproval([], errors.length, false),
  };
  try {
    writeReports(mux, report, config);
  } catch (error) {
    printError(error);
  }
}
