import { randomBytes, timingSafeEqual } from 'node:crypto';
import { respond, type SimRequest, type SimResponse } from './sim-http.js';
import type { SimulatorState } from './simulator-state.js';

/**
 * `POST /oauth/token`: OAuth2 client-credentials grant (RFC 6749 §4.4) as the PLR's Keycloak does
 * it. Client credentials by HTTP Basic or form fields; errors per §5.2 (`invalid_client` 401,
 * `unsupported_grant_type` 400).
 */
export function handleOAuthToken(request: SimRequest, state: SimulatorState): SimResponse {
  if (request.method !== 'POST') return respond(405, 'application/json', JSON.stringify({ error: 'invalid_request', error_description: 'token endpoint takes POST' }), { allow: 'POST' });
  const form = new URLSearchParams(request.body);
  if (form.get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' });
  let clientId = form.get('client_id') ?? '';
  let secret = form.get('client_secret') ?? '';
  const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    clientId = decodeURIComponent(decoded.slice(0, colon));
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  if (clientId !== state.oauth.clientId || !same(secret, state.oauth.clientSecret)) {
    return json(401, { error: 'invalid_client', error_description: 'unknown client or wrong secret' }, { 'www-authenticate': 'Basic realm="hie-conform"' });
  }
  const token = randomBytes(24).toString('base64url');
  state.tokens.set(token, Date.now() + state.oauth.expiresIn * 1000);
  return json(200, { access_token: token, token_type: 'Bearer', expires_in: state.oauth.expiresIn, scope: form.get('scope') ?? 'system/*.read' }, { 'cache-control': 'no-store' });
}

/** True when the `Authorization: Bearer` header holds a live token issued here. */
export function bearerValid(request: SimRequest, state: SimulatorState): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return false;
  const expiry = state.tokens.get(match[1]!);
  return expiry !== undefined && expiry > Date.now();
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): SimResponse {
  return respond(status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
}
