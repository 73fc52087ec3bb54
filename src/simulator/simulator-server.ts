import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { HarnessError } from '../core/errors.js';
import type { Exchange } from '../transport/exchange.js';
import { redactHeaders } from '../transport/redact.js';
import { fixturePath } from '../config/package-root.js';
import { applyDefects, parseDefects, type DefectName } from './defects.js';
import { faultFor, parseFault, type Fault } from './faults.js';
import { PersonStore } from './person-store.js';
import { ExchangeLog } from './exchange-log.js';
import { recordedRequest } from './recorded-body.js';
import { providerDistribution, type ProviderDistribution } from './plr-distribution.js';
import { ProviderStore } from './provider-store.js';
import { requestTarget, type RequestTarget } from './request-target.js';
import { route } from './router.js';
import type { Delivery, SimRequest, SimResponse } from './sim-http.js';
import type { SimulatorState } from './simulator-state.js';

export interface SimulatorOptions {
  port?: number;
  host?: string;
  /** Largest request body accepted (bytes); bigger → 413. */
  maxBodyBytes?: number;
  /**
   * Keep the last N exchanges (default 10,000; client and listen modes read them). Their messages
   * share a ring of at most 64 MiB (exchange-log.ts): with very large messages fewer are kept.
   */
  recordLimit?: number;
  /**
   * HTTPS with required client certificates (HCIM/PLR use mutual TLS, domain.md §a): PEM texts.
   * Clients whose certificate does not chain to `ca` are rejected during the handshake.
   */
  tls?: { cert: string | Buffer; key: string | Buffer; ca: string | Buffer };
  /** Where async results go: v3 PersonRevisedAccepted/Rejected, FHIR `.Async` result bundles. */
  callbackUrl?: string;
  /** HCIM FHIR change-distribution subscriber (more via `POST /hcim/fhir/Subscription`). */
  subscriberUrl?: string;
  /** PLR distribution subscriber (v3 PRPM_IN301030CA/303030CA, FHIR $distribution). */
  plrSubscriberUrl?: string;
  /** Defect names from {@link DEFECTS} to switch on. */
  defects?: readonly string[];
  /** Faults: parsed or as `<interaction>=latency:ms|http500|malformed|drop|slow-body`. */
  faults?: readonly (Fault | string)[];
  /** OAuth2 client credentials of `/oauth/token` (defaults `hie-conform` / `hie-conform-secret`). */
  oauth?: { clientId?: string; clientSecret?: string; expiresIn?: number };
  /** Delay before async results are POSTed (ms, default 50). */
  asyncDelayMs?: number;
}

export interface Simulator {
  /** `http://127.0.0.1:PORT` (or `https://…` with `tls`) */
  readonly url: string;
  readonly port: number;
  /** Incoming requests and the answers given, and outgoing deliveries with their replies, oldest first (a snapshot: read it again for later ones). */
  readonly exchanges: readonly Exchange[];
  /** Send a PLR provider distribution to the PLR subscriber now; resolves with the recorded exchange. */
  distributeProvider(ipc: string, options?: Partial<ProviderDistribution>): Promise<Exchange>;
  /** Resolves once every scheduled delivery (async results, distributions) has been sent and answered. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Start the embedded HCIM + PLR simulator: the only node:http(s) listener in the project. */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  let defects: Set<DefectName>;
  let faults: Fault[];
  try {
    defects = parseDefects(options.defects ?? []);
    faults = (options.faults ?? []).map((fault) => (typeof fault === 'string' ? parseFault(fault) : fault));
  } catch (error) {
    throw new HarnessError('ERR_USAGE', (error as Error).message);
  }
  const state: SimulatorState = {
    persons: PersonStore.fromSeedFile(fixturePath('seed', 'hcim-persons.json')),
    providers: ProviderStore.fromSeedFile(fixturePath('seed', 'plr-providers.csv')),
    wsdlDir: fixturePath('wsdl', 'hcim'),
    defects,
    ...(options.callbackUrl ? { callbackUrl: options.callbackUrl } : {}),
    subscriberUrls: options.subscriberUrl ? [options.subscriberUrl] : [],
    ...(options.plrSubscriberUrl ? { plrSubscriberUrl: options.plrSubscriberUrl } : {}),
    oauth: { clientId: options.oauth?.clientId ?? 'hie-conform', clientSecret: options.oauth?.clientSecret ?? 'hie-conform-secret', expiresIn: options.oauth?.expiresIn ?? 3600 },
    tokens: new Map(),
    seenMessageIds: new Set(),
    asyncDelayMs: options.asyncDelayMs ?? 50,
  };
  const host = options.host ?? '127.0.0.1';
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const recordLimit = options.recordLimit ?? 10_000;
  const log = new ExchangeLog(recordLimit);
  const pending = new Set<Promise<unknown>>();
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;
  let baseUrl = '';

  const record = (exchange: Omit<Exchange, 'id' | 'stepId'>): Exchange => {
    counter += 1;
    return log.add({ id: `${exchange.direction === 'incoming' ? 'in' : 'out'}${counter}`, stepId: '', ...exchange });
  };

  /** Send one delivery (the simulator as client) and record it with the receiver's reply. */
  const deliver = async (delivery: Delivery): Promise<Exchange> => {
    const startedAt = new Date().toISOString();
    const started = performance.now();
    const base = { direction: 'outgoing' as const, protocol: (delivery.headers.soapaction !== undefined ? 'soap' : 'fhir') as Exchange['protocol'], request: { method: delivery.method, url: delivery.url, headers: redactHeaders(delivery.headers), body: delivery.body }, startedAt };
    try {
      const reply = await fetch(delivery.url, { method: delivery.method, headers: delivery.headers, body: delivery.body, signal: AbortSignal.timeout(10_000) });
      const body = await reply.text();
      return record({ ...base, response: { status: reply.status, headers: redactHeaders(headerRecord(reply.headers)), body }, durationMs: ms(started) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const code = cause === 'ECONNREFUSED' ? 'ECONNREFUSED' : (error as Error).name === 'TimeoutError' ? 'ETIMEDOUT' : 'OTHER';
      return record({ ...base, failure: { code, message: `${delivery.label}: ${(error as Error).message}` }, durationMs: ms(started) });
    }
  };

  const schedule = (delivery: Delivery): void => {
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    pending.add(done);
    const timer = setTimeout(() => {
      timers.delete(timer);
      void deliver(delivery).finally(() => {
        pending.delete(done);
        resolve();
      });
    }, delivery.delayMs ?? 0);
    timers.add(timer);
  };

  /**
   * Answer one request and record it. One async function instead of a promise chain, and the
   * no-fault answer written synchronously: fewer promises and microtask hops per request.
   */
  const answer = async (request: SimRequest, requestBytes: Buffer, recordedUrl: string, outgoing: http.ServerResponse, refusal: SimResponse | undefined, started: number, startedAt: number): Promise<void> => {
    let routed: SimResponse;
    try {
      routed = refusal ?? (await route(request, state, baseUrl));
    } catch (error) {
      routed = { status: 500, headers: { 'content-type': 'text/plain' }, body: `simulator error: ${(error as Error).message}` };
    }
    const response = applyDefects(state.defects, routed);
    if (response.deliveries) for (const delivery of response.deliveries) schedule(delivery);
    const fault = faultFor(faults, response.interaction);
    // The client may have closed its side meanwhile (Node's server then drops the answer): recorded as such, not as answered.
    const gone = outgoing.destroyed;
    const sent = gone ? undefined : fault === undefined ? writeAnswer(outgoing, response) : await send(outgoing, response, fault);
    const protocol = protocolOf(request.path);
    if (sent) {
      // The hot path: packed into the log's ring buffer, no object kept per request (exchange-log.ts).
      counter += 1;
      log.answered(counter, { method: request.method, url: recordedUrl, requestHeaders: request.headers, requestBytes, status: sent.status, responseHeaders: sent.headers, responseBody: sent.body, responseLength: sent.length, protocol, startedAt, durationMs: ms(started) });
      return;
    }
    // Gone before or while a fault held the answer back (latency, slow-body), or dropped by the fault.
    const aborted = gone || (outgoing.destroyed && fault?.kind !== 'drop') ? 'the client closed the connection before the answer was ready' : `fault ${fault?.kind}: connection dropped`;
    record({
      direction: 'incoming',
      protocol,
      request: recordedRequest(request.method, recordedUrl, redactHeaders(request.headers), requestBytes),
      failure: { code: 'ABORTED', message: aborted },
      startedAt: new Date(startedAt).toISOString(),
      durationMs: ms(started),
    });
  };

  const handler = (incoming: http.IncomingMessage, outgoing: http.ServerResponse): void => {
    const started = performance.now();
    const startedAt = Date.now();
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) tooLarge = true;
      else chunks.push(chunk);
    });
    let ended = false;
    // A client that closes (or half-closes) its connection before the request was read to the end:
    // Node's server then drops the request without an 'end' (and the answer, like nginx's 499),
    // but the simulator still records what arrived.
    incoming.on('close', () => {
      if (ended) return;
      record({
        direction: 'incoming',
        protocol: protocolOf((incoming.url ?? '/').split('?')[0]!),
        request: recordedRequest(incoming.method ?? 'GET', incoming.url ?? '/', redactHeaders(incoming.headers), Buffer.concat(chunks)),
        failure: { code: 'ABORTED', message: 'the client closed the connection before the request was answered' },
        startedAt: new Date(startedAt).toISOString(),
        durationMs: ms(started),
      });
    });
    incoming.on('end', () => {
      ended = true;
      let target: RequestTarget;
      let refusal: SimResponse | undefined = tooLarge ? { status: 413, headers: { 'content-type': 'text/plain' }, body: `request body exceeds ${maxBody} bytes` } : undefined;
      try {
        target = requestTarget(incoming.url ?? '/', baseUrl);
      } catch {
        // A target the URL parser rejects (`//[x`): a client error, never a crash of the simulator.
        target = { path: '/', query: new URLSearchParams(), recordedUrl: incoming.url ?? '/' };
        refusal ??= { status: 400, headers: { 'content-type': 'text/plain' }, body: `request target is not a valid URL: ${incoming.url ?? ''}` };
      }
      // A copy, never the socket's chunk: that may share its memory with the next requests' bytes.
      const bytes = Buffer.concat(chunks);
      const request: SimRequest = {
        method: incoming.method ?? 'GET',
        path: target.path,
        query: target.query,
        headers: joinedHeaders(incoming.headers),
        body: bytes.toString('utf8'),
        bytes,
      };
      void answer(request, bytes, target.recordedUrl, outgoing, refusal, started, startedAt);
    });
  };

  const server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key, ca: options.tls.ca, requestCert: true, rejectUnauthorized: true }, handler)
    : http.createServer(handler);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new HarnessError('ERR_SIMULATOR_START', `simulator could not listen on ${host}:${options.port ?? 0}: ${error.message}`, { cause: error })));
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `${options.tls ? 'https' : 'http'}://${host}:${port}`;
  return {
    url: baseUrl,
    port,
    get exchanges() {
      return log.exchanges();
    },
    async distributeProvider(ipc, distribution = {}) {
      const provider = state.providers.get(ipc);
      if (!provider) throw new HarnessError('ERR_USAGE', `no PLR provider with IPC "${ipc}"`);
      if (!state.plrSubscriberUrl) throw new HarnessError('ERR_USAGE', 'no PLR subscriber URL configured (createSimulator({ plrSubscriberUrl }))');
      let delivery = providerDistribution(provider, state.plrSubscriberUrl, { kind: distribution.kind ?? 'add', format: distribution.format ?? 'v3' }, baseUrl);
      const root = distribution.format === 'fhir' ? undefined : (distribution.kind ?? 'add') === 'add' ? 'PRPM_IN301030CA' : 'PRPM_IN303030CA';
      if (root) delivery = { ...delivery, body: applyDefects(state.defects, { status: 200, headers: { 'content-type': 'text/xml' }, body: delivery.body, interaction: root }).body };
      return deliver(delivery);
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => (out[key] = value));
  return out;
}

/** `incoming.headers` as SimRequest headers: repeated ones (set-cookie) joined with ", ". */
function joinedHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    out[name] = typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : value ?? '';
  }
  return out;
}

/** The protocol an incoming request is recorded under, from its path. */
function protocolOf(path: string): Exchange['protocol'] {
  return path.includes('/fhir/') ? 'fhir' : path.endsWith('.asmx') ? 'soap' : 'http';
}

function ms(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

/** What went over the wire: the answer's status, headers and body. */
interface Sent {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** UTF-8 bytes of `body` (its Content-Length). */
  length: number;
}

/**
 * Write an answer as it is (no fault); returns what was sent. The body goes to Node as a string:
 * with the head not yet sent, Node sends head and body as one string, in one system call.
 */
function writeAnswer(outgoing: http.ServerResponse, answer: SimResponse): Sent {
  const length = Buffer.byteLength(answer.body, 'utf8');
  outgoing.writeHead(answer.status, { ...answer.headers, 'content-length': String(length) });
  outgoing.end(answer.body, 'utf8');
  return { status: answer.status, headers: answer.headers, body: answer.body, length };
}

/** Write the answer, misbehaving as the fault says; resolves with what was sent (undefined when dropped). */
async function send(outgoing: http.ServerResponse, response: SimResponse, fault: Fault): Promise<Sent | undefined> {
  let answer = response;
  if (fault.kind === 'latency') await sleep(fault.ms ?? 0);
  // The client may have gone while the answer was held back: nothing is written then.
  if (outgoing.destroyed) return undefined;
  if (fault.kind === 'drop') {
    outgoing.socket?.destroy();
    return undefined;
  }
  if (fault.kind === 'http500') answer = { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Internal Server Error' };
  // Cut the body mid-element: the answer is no longer well-formed XML/JSON.
  if (fault.kind === 'malformed') answer = { ...answer, body: answer.body.slice(0, Math.max(1, Math.floor(answer.body.length / 2))) };
  if (fault.kind === 'slow-body') {
    const bytes = Buffer.from(answer.body);
    outgoing.writeHead(answer.status, { ...answer.headers, 'content-length': String(bytes.length) });
    const pieces = 10;
    const step = Math.ceil(bytes.length / pieces);
    for (let i = 0; i < bytes.length; i += step) {
      if (outgoing.destroyed) return undefined;
      outgoing.write(bytes.subarray(i, i + step));
      await sleep((fault.ms ?? 2000) / pieces);
    }
    outgoing.end();
    return { status: answer.status, headers: answer.headers, body: answer.body, length: bytes.length };
  }
  return writeAnswer(outgoing, answer);
}

function sleep(msec: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, msec));
}
