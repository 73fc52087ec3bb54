import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HarnessError } from '../core/errors.js';
import type { Exchange } from './exchange.js';
import { redactHeaders } from './redact.js';

/** Decides whether a received message is the one a step waits for. */
export type CallbackPredicate = (exchange: Exchange) => boolean | Promise<boolean>;

interface Waiter {
  predicate: CallbackPredicate;
  resolve: (exchange: Exchange | undefined) => void;
}

/**
 * The run's inbox for asynchronous results (HCIM_IN_PersonRevisedAccepted/Rejected, FHIR `.Async`
 * result Bundles): a plain HTTP listener the registry POSTs to. Every message is recorded as an
 * incoming Exchange; a `callback` step claims the first unclaimed message its predicate accepts, so
 * parallel cases never steal each other's results. Messages that arrive before the step starts
 * waiting are kept, because a fast registry may deliver before the accept ack is even read.
 */
export class CallbackListener {
  private readonly unclaimed: Exchange[] = [];
  private readonly waiters = new Set<Waiter>();
  /** Every message received, claimed or not, oldest first. */
  readonly received: Exchange[] = [];

  private constructor(private readonly server: Server, readonly url: string, private readonly maxBodyBytes: number) {}

  /** Listen on `host:port` (port 0 = any free port). Rejects with ERR_CALLBACK_LISTEN when the port is taken. */
  static async start(options: { host: string; port: number; maxBodyBytes: number; publicUrl?: string }): Promise<CallbackListener> {
    let listener: CallbackListener | undefined;
    const server = createServer((request, response) => listener?.receive(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) => reject(new HarnessError('ERR_CALLBACK_LISTEN', `cannot listen for async callbacks on ${options.host}:${options.port}: ${(error as Error).message}`)));
      server.listen(options.port, options.host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    listener = new CallbackListener(server, options.publicUrl ?? `http://${host}:${address.port}/callback`, options.maxBodyBytes);
    return listener;
  }

  /**
   * The first message (already received or still to come) that `predicate` accepts, or undefined
   * when none arrives within `timeoutMs` or the run is aborted.
   */
  async waitFor(predicate: CallbackPredicate, options: { timeoutMs: number; signal?: AbortSignal }): Promise<Exchange | undefined> {
    if (options.signal?.aborted) return undefined;
    // Register first, then look at what is already here: a message arriving meanwhile is offered
    // to this waiter too, so nothing slips between the scan and the wait.
    let done = false;
    let finish!: (exchange: Exchange | undefined) => void;
    const result = new Promise<Exchange | undefined>((resolve) => {
      finish = (exchange) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        this.waiters.delete(waiter);
        resolve(exchange);
      };
    });
    const waiter: Waiter = { predicate, resolve: (exchange) => finish(exchange) };
    const onAbort = () => finish(undefined);
    const timer = setTimeout(() => finish(undefined), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    this.waiters.add(waiter);
    for (const exchange of [...this.unclaimed]) {
      if (done) break;
      if ((await safely(predicate, exchange)) && !done && this.unclaimed.includes(exchange)) {
        this.unclaimed.splice(this.unclaimed.indexOf(exchange), 1);
        finish(exchange);
      }
    }
    return result;
  }

  async close(): Promise<void> {
    for (const waiter of [...this.waiters]) waiter.resolve(undefined);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private receive(request: IncomingMessage, response: ServerResponse): void {
    const started = performance.now();
    const startedAt = new Date().toISOString();
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > this.maxBodyBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('error', () => response.destroy());
    request.on('end', () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value ?? '']));
      const body = Buffer.concat(chunks).toString('utf8');
      const isSoap = headers.soapaction !== undefined || /xml/.test(headers['content-type'] ?? '');
      const status = tooLarge ? 413 : isSoap ? 200 : 202;
      // A SOAP sender expects an envelope back; HCIM ignores its content for result callbacks.
      const replyBody = tooLarge ? `callback body over ${this.maxBodyBytes} bytes\n` : isSoap ? '<?xml version="1.0" encoding="utf-8"?>\n<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>\n' : '';
      const replyHeaders = { 'content-type': tooLarge ? 'text/plain' : isSoap ? 'text/xml; charset=utf-8' : 'text/plain' };
      response.writeHead(status, replyHeaders).end(replyBody);
      const exchange: Exchange = {
        id: randomUUID(),
        stepId: 'callback',
        direction: 'incoming',
        protocol: isSoap ? 'soap' : /json/.test(headers['content-type'] ?? '') ? 'fhir' : 'http',
        request: { method: request.method ?? 'POST', url: request.url ?? '/', headers: redactHeaders(headers), ...(tooLarge ? {} : { body }) },
        response: { status, headers: replyHeaders, body: replyBody },
        ...(tooLarge ? { failure: { code: 'BODY_TOO_LARGE' as const, message: `callback body over ${this.maxBodyBytes} bytes` } } : {}),
        startedAt,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
      };
      this.received.push(exchange);
      void this.offer(exchange);
    });
  }

  /** Hand a new message to the first waiter that wants it, or keep it for a later step. */
  private async offer(exchange: Exchange): Promise<void> {
    for (const waiter of [...this.waiters]) {
      if (!this.waiters.has(waiter)) continue;
      if (await safely(waiter.predicate, exchange)) {
        if (!this.waiters.has(waiter)) continue;
        waiter.resolve(exchange);
        return;
      }
    }
    this.unclaimed.push(exchange);
  }
}

async function safely(predicate: CallbackPredicate, exchange: Exchange): Promise<boolean> {
  try {
    return await predicate(exchange);
  } catch {
    return false;
  }
}
