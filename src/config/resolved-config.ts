import type { Endpoints } from './endpoints.js';

/** TLS material for mutual TLS, as file paths; the passphrase is read from an env var at use. */
export interface TlsOptions {
  cert?: string;
  key?: string;
  ca?: string;
  passphraseEnv?: string;
  servername?: string;
}

export interface OAuthOptions {
  tokenUrl: string;
  clientId: string;
  /** Name of the env var holding the client secret (the secret itself is never stored). */
  clientSecretEnv: string;
}

export interface ResolvedTarget {
  name: string;
  /** `embedded`: start the simulator and fill `urls` from its port. */
  kind: 'embedded' | 'remote';
  urls?: Endpoints;
  variables: Record<string, string>;
  tls?: TlsOptions;
  oauth?: OAuthOptions;
  /** The run's async-result listener: where to listen and the URL the target delivers to. */
  callback: { host: string; port: number; publicUrl?: string };
}

/** Every setting resolved once: defaults < config file < env HIE_* < CLI flags. */
export interface ResolvedConfig {
  cwd: string;
  configFile?: string;
  suitePatterns: string[];
  target: ResolvedTarget;
  out: string;
  reporters: string[];
  timeoutMs: number;
  retries: number;
  workers: number;
  grep?: RegExp;
  tags: string[];
  shard?: { index: number; total: number };
  strict: boolean;
  maxBodyBytes: number;
  allowExternalFiles: boolean;
  debug: boolean;
  /** Mask PHNs and person names in every written report and on the console. */
  maskPhi: boolean;
}
