import http from 'node:http';
import https from 'node:https';
import type { Exchange, TransportFailureCode } from './exchange.js';
import { redactHeaders } from './redact.js';

/** Client TLS material already read from disk (PEM or PKCS#12). */
export interface ClientTls {
  cert?: Buffer;
  key?: Buffer;
  pfx?: Buffer;
  passphrase?: string;
  ca?: Buffer;
  servername?: string;
  /** Why the client certificate is likely to be refused (e.g. "expired on …"), found when loading it. */
  certificateProblem?: string;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBodyBytes: number;
  tls?: ClientTls;
  signal?: AbortSignal;
}

let exchangeCounter = 0;

/** Exchange ids unique within the process (the report links assertions to them). */
export function nextExchangeId(): string {
  exchangeCounter += 1;
  return `x${exchangeCounter}`;
}

/**
 * The single network chokepoint: send one request, always resolve to an Exchange (never throw for
 * network trouble). `failure` is set when no complete response arrived; secrets in headers are
 * redacted before recording.
 */
export function sendHttp(request: HttpRequest, meta: { stepId: string; protocol: Exchange['protocol'] }): Promise<Exchange> {
  const startedAt = new Date();
  const started = performance.now();
  const exchange: Exchange = {
    id: nextExchangeId(),
    stepId: meta.stepId,
    direction: 'outgoing',
    protocol: meta.protocol,
    request: { method: request.method, url: request.url, headers: redactHeaders(request.headers), ...(request.body !== undefined ? { body: request.body } : {}) },
    startedAt: startedAt.toISOString(),
    durationMs: 0,
  };
  return new Promise((resolve) => {
    let settled = false;
    const finish = (failure?: { code: TransportFailureCode; message: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      exchange.durationMs = Math.round((performance.now() - started) * 100) / 100;
      if (failure) exchange.failure = failure;
      resolve(exchange);
    };
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      finish({ code: 'OTHER', message: `invalid URL "${request.url}"` });
      return;
    }
    const isHttps = url.protocol === 'https:';
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const headers = { ...request.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    const options: https.RequestOptions = {
      method: request.method,
      headers,
      agent: false,
      ...(isHttps && request.tls ? { cert: request.tls.cert, key: request.tls.key, pfx: request.tls.pfx, passphrase: request.tls.passphrase, ca: request.tls.ca, servername: request.tls.servername } : {}),
    };
    const client = isHttps ? https : http;
    const outgoing = client.request(url, options, (incoming) => {
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxBodyBytes) {
          exchange.response = { status: incoming.statusCode ?? 0, headers: redactHeaders(incoming.headers), body: Buffer.concat(chunks).toString('utf8').slice(0, 4096), truncated: true };
          outgoing.destroy();
          finish({ code: 'BODY_TOO_LARGE', message: `response body exceeds --max-body ${request.maxBodyBytes} bytes; reading stopped` });
          return;
        }
        chunks.push(chunk);
      });
      incoming.on('end', () => {
        exchange.response = { status: incoming.statusCode ?? 0, headers: redactHeaders(incoming.headers), body: Buffer.concat(chunks).toString('utf8') };
        finish();
      });
      incoming.on('error', (error) => finish(classify(error, request)));
      incoming.on('aborted', () => finish({ code: 'OTHER', message: 'connection closed before the response body was complete' }));
    });
    const timer = setTimeout(() => {
      outgoing.destroy();
      finish({ code: 'ETIMEDOUT', message: `no complete response within ${request.timeoutMs} ms` });
    }, request.timeoutMs);
    const onAbort = () => {
      outgoing.destroy();
      finish({ code: 'ABORTED', message: 'request aborted (run interrupted)' });
    };
    request.signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.on('error', (error) => finish(classify(error, request)));
    outgoing.end(body);
  });
}

function classify(error: NodeJS.ErrnoException, request: HttpRequest): { code: TransportFailureCode; message: string } {
  const code = error.code ?? '';
  const presentsCertificate = request.url.startsWith('https:') && Boolean(request.tls?.cert || request.tls?.pfx);
  if (code === 'ECONNREFUSED') return { code: 'ECONNREFUSED', message: `connection refused: ${error.message}` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { code: 'DNS', message: `host not found: ${error.message}` };
  if (code === 'ETIMEDOUT') return { code: 'ETIMEDOUT', message: error.message };
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/.test(code) || /ssl|tls|certificate/i.test(error.message)) {
    return { code: 'TLS', message: `TLS failure (${code || 'handshake'}): ${opensslReason(error.message)}${request.tls?.certificateProblem ? `; the client certificate ${request.tls.certificateProblem}` : ''}` };
  }
  if (code === 'ECONNRESET' && presentsCertificate) {
    // With TLS 1.3 the server checks the client certificate after the client's handshake is done, so
    // a refusal arrives as a reset rather than a handshake error.
    return { code: 'TLS', message: `TLS failure: the server closed the connection after the handshake, which under mutual TLS means it refused the client certificate${request.tls?.certificateProblem ? ` (the certificate ${request.tls.certificateProblem})` : ' (untrusted issuer, expired or revoked)'}` };
  }
  if (code === 'ECONNRESET') return { code: 'OTHER', message: `connection reset by the endpoint: ${error.message}` };
  return { code: 'OTHER', message: `${code ? `${code}: ` : ''}${error.message}` };
}

/** `805C…:error:0A00045C:SSL routines:ssl3_read_bytes:tlsv13 alert certificate required:…` → the reason words. */
function opensslReason(message: string): string {
  const match = /SSL routines:[\w]+:([^:]+)/.exec(message);
  return match ? match[1]!.trim() : message.trim();
}
