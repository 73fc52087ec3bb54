import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { HarnessError } from '../core/errors.js';
import { dottedPath, YamlPositions } from '../suite/yaml-positions.js';
import { ConfigFileSchema, type ConfigFile, type TargetConfig } from './config-schema.js';
import { endpointsFromBase, ENDPOINT_NAMES, parseEndpointOverride, type Endpoints } from './endpoints.js';
import { fixturePath, packageRoot } from './package-root.js';
import type { ResolvedConfig, ResolvedTarget } from './resolved-config.js';

/** Flags as the CLI parsed them (all optional). */
export interface ConfigFlags {
  config?: string;
  target?: string;
  targetUrl?: string;
  url?: string[];
  var?: string[];
  out?: string;
  reporter?: string;
  timeout?: string;
  retries?: string;
  workers?: string;
  grep?: string;
  tag?: string[];
  shard?: string;
  strict?: boolean;
  maxBody?: string;
  allowExternalFiles?: boolean;
  debug?: boolean;
  maskPhi?: boolean;
  cert?: string;
  key?: string;
  ca?: string;
  passphraseEnv?: string;
  tokenUrl?: string;
  clientId?: string;
  clientSecretEnv?: string;
  callbackListen?: string;
  callbackUrl?: string;
}

export const DEFAULT_REPORTERS = ['console', 'json', 'junit'];
const CONFIG_NAMES = ['hie-conform.config.yaml', 'hie-conform.config.yml', 'hie-conform.config.json'];

export function resolveConfig(suitePatterns: string[], flags: ConfigFlags, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ResolvedConfig {
  const { file: configFile, config } = loadConfigFile(flags.config, cwd);
  const targetName = flags.target ?? env.HIE_TARGET ?? config.target ?? ((flags.targetUrl ?? env.HIE_TARGET_URL ?? flags.url?.length) ? 'custom' : 'local');
  const target = resolveTarget(targetName, config, flags, env);
  const reporters = (flags.reporter ?? env.HIE_REPORTERS)?.split(',').map((r) => r.trim()).filter(Boolean) ?? config.reporters ?? DEFAULT_REPORTERS;
  return {
    cwd,
    configFile,
    suitePatterns: suitePatterns.length > 0 ? suitePatterns : [path.join(packageRoot(), 'suites')],
    target,
    out: path.resolve(cwd, flags.out ?? env.HIE_OUT ?? config.out ?? 'reports'),
    reporters,
    timeoutMs: intFlag(flags.timeout ?? env.HIE_TIMEOUT, '--timeout', 1) ?? config.timeout ?? 30_000,
    retries: intFlag(flags.retries ?? env.HIE_RETRIES, '--retries', 0) ?? config.retries ?? 0,
    workers: intFlag(flags.workers ?? env.HIE_WORKERS, '--workers', 1) ?? config.workers ?? 4,
    grep: flags.grep ? regex(flags.grep) : undefined,
    tags: flags.tag ?? [],
    shard: flags.shard ? parseShard(flags.shard) : undefined,
    strict: flags.strict ?? config.strict ?? false,
    maxBodyBytes: intFlag(flags.maxBody ?? env.HIE_MAX_BODY, '--max-body', 1) ?? config.maxBody ?? 20 * 1024 * 1024,
    allowExternalFiles: flags.allowExternalFiles ?? false,
    debug: flags.debug ?? false,
    maskPhi: flags.maskPhi ?? false,
  };
}

function resolveTarget(name: string, config: ConfigFile, flags: ConfigFlags, env: NodeJS.ProcessEnv): ResolvedTarget {
  const configured: TargetConfig | undefined = config.targets[name];
  const variables: Record<string, string> = {};
  let kind: ResolvedTarget['kind'] = 'remote';
  if (name === 'local' && !configured) {
    kind = 'embedded';
    Object.assign(variables, loadLocalVariables());
  } else if (!configured && name !== 'custom') {
    const known = ['local', 'custom', ...Object.keys(config.targets)];
    throw new HarnessError('ERR_CONFIG', `target "${name}" is not defined; known targets: ${known.join(', ')}`);
  }
  Object.assign(variables, configured?.variables ?? {});
  for (const assignment of flags.var ?? []) {
    const at = assignment.indexOf('=');
    if (at <= 0) throw new HarnessError('ERR_USAGE', `--var must be NAME=VALUE, but received "${assignment}"`);
    variables[assignment.slice(0, at)] = assignment.slice(at + 1);
  }
  let urls: Partial<Endpoints> = {};
  const base = flags.targetUrl ?? env.HIE_TARGET_URL ?? configured?.baseUrl;
  if (base) urls = endpointsFromBase(base);
  Object.assign(urls, configured?.urls ?? {});
  for (const override of flags.url ?? []) {
    const [endpoint, url] = parseEndpointOverride(override);
    urls[endpoint] = url;
  }
  if (Object.keys(urls).length > 0 && kind === 'embedded') kind = 'remote';
  if (kind === 'remote') {
    const missing = ENDPOINT_NAMES.filter((endpoint) => !urls[endpoint]);
    // A target may legitimately expose only some endpoints; steps that use a missing one fail as
    // `error` with "endpoint not configured". Only a target with none at all is unusable.
    if (missing.length === ENDPOINT_NAMES.length) {
      throw new HarnessError('ERR_TARGET', `target "${name}" has no endpoints; give --target-url BASE or --url NAME=URL (NAME: ${ENDPOINT_NAMES.join(', ')})`);
    }
  }
  const tls = { ...configured?.tls, ...(flags.cert ? { cert: flags.cert } : {}), ...(flags.key ? { key: flags.key } : {}), ...(flags.ca ? { ca: flags.ca } : {}), ...(flags.passphraseEnv ? { passphraseEnv: flags.passphraseEnv } : {}) };
  const oauth = flags.tokenUrl
    ? { tokenUrl: flags.tokenUrl, clientId: flags.clientId ?? 'hie-conform', clientSecretEnv: flags.clientSecretEnv ?? 'HIE_CLIENT_SECRET' }
    : configured?.oauth;
  const listen = flags.callbackListen ?? env.HIE_CALLBACK_LISTEN ?? configured?.callback?.listen ?? '127.0.0.1:0';
  const listenMatch = /^(\[[^\]]+\]|[^:\s]+):(\d{1,5})$/.exec(listen);
  if (!listenMatch || Number(listenMatch[2]) > 65535) throw new HarnessError('ERR_USAGE', `--callback-listen must be HOST:PORT (e.g. 127.0.0.1:9090), but received "${listen}"`);
  const publicUrl = flags.callbackUrl ?? env.HIE_CALLBACK_URL ?? configured?.callback?.url;
  return {
    name,
    kind,
    urls: kind === 'remote' ? (urls as Endpoints) : undefined,
    variables,
    callback: { host: listenMatch[1]!.replace(/^\[|\]$/g, ''), port: Number(listenMatch[2]), ...(publicUrl ? { publicUrl } : {}) },
    ...(Object.keys(tls).length > 0 ? { tls } : {}),
    ...(oauth ? { oauth } : {}),
  };
}

/** The `local` target's test data, kept beside the simulator seed it describes. */
export function loadLocalVariables(): Record<string, string> {
  const file = fixturePath('targets', 'local.yaml');
  const parsed = parseDocument(readFileSync(file, 'utf8')).toJS() as { variables: Record<string, unknown> };
  return Object.fromEntries(Object.entries(parsed.variables).map(([k, v]) => [k, String(v)]));
}

function loadConfigFile(explicit: string | undefined, cwd: string): { file?: string; config: ConfigFile } {
  const candidates = explicit ? [explicit] : CONFIG_NAMES;
  for (const candidate of candidates) {
    const absolute = path.resolve(cwd, candidate);
    if (!existsSync(absolute)) {
      if (explicit) throw new HarnessError('ERR_FILE_NOT_FOUND', `config file not found: ${explicit}`);
      continue;
    }
    const file = path.relative(cwd, absolute);
    const lineCounter = new LineCounter();
    const document = parseDocument(readFileSync(absolute, 'utf8'), { lineCounter });
    if (document.errors.length > 0) {
      const { line, col } = lineCounter.linePos(document.errors[0]!.pos[0]);
      throw new HarnessError('ERR_CONFIG', `invalid config file: ${document.errors[0]!.message.split('\n')[0]}`, { location: { file, line, column: col } });
    }
    const parsed = ConfigFileSchema.safeParse(document.toJS() ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const location = new YamlPositions(file, document, lineCounter).locate(issue.path as (string | number)[]);
      throw new HarnessError('ERR_CONFIG', `${dottedPath(issue.path) || '(root)'}: ${issue.message}`, { location });
    }
    return { file, config: parsed.data };
  }
  return { config: ConfigFileSchema.parse({}) };
}

function intFlag(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new HarnessError('ERR_USAGE', `${name} must be an integer ≥ ${min}, but received "${value}"`);
  return number;
}

function regex(text: string): RegExp {
  try {
    return new RegExp(text);
  } catch (error) {
    throw new HarnessError('ERR_USAGE', `--grep must be a regular expression: ${(error as Error).message}`);
  }
}

function parseShard(text: string): { index: number; total: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || index < 1 || total < 1 || index > total) throw new HarnessError('ERR_USAGE', `--shard must be i/n with 1 ≤ i ≤ n, but received "${text}"`);
  return { index, total };
}
