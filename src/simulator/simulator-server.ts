import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HarnessError } from '../core/errors.js';
import type { Exchange } from '../transport/exchange.js';
import { redactHeaders } from '../transport/redact.js';
import { fixturePath } from '../config/package-root.js';
import { PersonStore } from './person-store.js';
import { route, type SimulatorState } from './router.js';
import type { SimRequest } from './sim-http.js';

export interface SimulatorOptions {
  port?: number;
  host?: string;
  /** Largest request body accepted (bytes); bigger → 413. */
  maxBodyBytes?: number;
  /** Keep the last N incoming exchanges (client mode reads them). */
  recordLimit?: number;
}

export interface Simulator {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  /** Incoming requests and the answers given, oldest first. */
  readonly exchanges: readonly Exchange[];
  close(): Promise<void>;
}

/** Start the embedded HCIM + PLR simulator: the only node:http listener in the project. */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const state: SimulatorState = {
    persons: PersonStore.fromSeedFile(fixturePath('seed', 'hcim-persons.json')),
    wsdlDir: fixturePath('wsdl', 'hcim'),
  };
  const host = options.host ?? '127.0.0.1';
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const recordLimit = options.recordLimit ?? 10_000;
  const exchanges: Exchange[] = [];
  let counter = 0;
  let baseUrl = '';
  const server = http.createServer((incoming, outgoing) => {
    const started = performance.now();
    const startedAt = new Date().toISOString();
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) tooLarge = true;
      else chunks.push(chunk);
    });
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', baseUrl);
      const request: SimRequest = {
        method: incoming.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: Object.fromEntries(Object.entries(incoming.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v ?? ''])),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      let response;
      try {
        response = tooLarge ? { status: 413, headers: { 'content-type': 'text/plain' }, body: `request body exceeds ${maxBody} bytes` } : route(request, state, baseUrl);
      } catch (error) {
        response = { status: 500, headers: { 'content-type': 'text/plain' }, body: `simulator error: ${(error as Error).message}` };
      }
      outgoing.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
      outgoing.end(response.body);
      counter += 1;
      exchanges.push({
        id: `in${counter}`,
        stepId: '',
        direction: 'incoming',
        protocol: request.path.includes('/fhir/') ? 'fhir' : request.path.endsWith('.asmx') ? 'soap' : 'http',
        request: { method: request.method, url: `${url.pathname}${url.search}`, headers: redactHeaders(incoming.headers), body: request.body },
        response: { status: response.status, headers: redactHeaders(response.headers), body: response.body },
        startedAt,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
      });
      if (exchanges.length > recordLimit) exchanges.shift();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new HarnessError('ERR_SIMULATOR_START', `simulator could not listen on ${host}:${options.port ?? 0}: ${error.message}`, { cause: error })));
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host}:${port}`;
  return {
    url: baseUrl,
    port,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
