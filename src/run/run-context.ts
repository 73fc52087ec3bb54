import type { Endpoints } from '../config/endpoints.js';
import type { ClientTls } from '../transport/http.js';
import type { TokenProvider } from '../transport/oauth-token.js';
import type { CallbackListener } from '../transport/callback-listener.js';

/** Everything a running step needs besides its own document. */
export interface RunContext {
  endpoints: Partial<Endpoints>;
  targetVariables: Readonly<Record<string, string>>;
  timeoutMs: number;
  retries: number;
  maxBodyBytes: number;
  strict: boolean;
  allowExternalFiles: boolean;
  tls?: ClientTls;
  tokens?: TokenProvider;
  signal: AbortSignal;
  /** --debug: one line per exchange on stderr. Receives only redacted data. */
  debug?: (line: string) => void;
  /** Files read during the run (bodies), for the report's evidence section. */
  evidence: Map<string, string>;
  /** Where async results arrive (`callback` steps); started only when a selected case needs it. */
  callbacks?: CallbackListener;
}
