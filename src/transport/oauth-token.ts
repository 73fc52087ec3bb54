import { sendHttp, type ClientTls } from './http.js';

/**
 * OAuth2 client-credentials (PLR uses Keycloak): fetch once, reuse until 30 s before expiry,
 * `invalidate()` after a 401 so the next call fetches afresh. The token exchange is not recorded
 * as an Exchange: its body is a secret.
 */
export class TokenProvider {
  private cached?: { token: string; expiresAt: number };
  private pending?: Promise<string>;

  constructor(private readonly options: { tokenUrl: string; clientId: string; clientSecret: string; timeoutMs: number; tls?: ClientTls }) {}

  async token(): Promise<string> {
    if (this.cached && Date.now() < this.cached.expiresAt) return this.cached.token;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: this.options.clientId, client_secret: this.options.clientSecret }).toString();
    const exchange = await sendHttp(
      { method: 'POST', url: this.options.tokenUrl, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body, timeoutMs: this.options.timeoutMs, maxBodyBytes: 1024 * 1024, tls: this.options.tls },
      { stepId: 'oauth-token', protocol: 'http' },
    );
    if (exchange.failure) throw new Error(`token endpoint ${this.options.tokenUrl} unreachable: ${exchange.failure.message}`);
    const status = exchange.response?.status ?? 0;
    let parsed: { access_token?: unknown; expires_in?: unknown; error?: unknown };
    try {
      parsed = JSON.parse(exchange.response?.body ?? '');
    } catch {
      throw new Error(`token endpoint ${this.options.tokenUrl} answered HTTP ${status} without JSON`);
    }
    if (status !== 200 || typeof parsed.access_token !== 'string') {
      throw new Error(`token endpoint ${this.options.tokenUrl} refused client "${this.options.clientId}": HTTP ${status}${parsed.error ? ` ${String(parsed.error)}` : ''}`);
    }
    const lifetime = typeof parsed.expires_in === 'number' ? parsed.expires_in : 300;
    this.cached = { token: parsed.access_token, expiresAt: Date.now() + Math.max(0, lifetime - 30) * 1000 };
    return parsed.access_token;
  }
}
