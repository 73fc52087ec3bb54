import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A received callback/distribution. */
export interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A loopback HTTP receiver standing in for a partner's callback/subscriber endpoint (tests only). */
export async function startSink(status = 200): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`,
    received,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** POST a SOAP message the way a partner system does. */
export async function postSoap(base: string, message: { path: string; soapAction: string; body: string }, soapAction = message.soapAction): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(`${base}${message.path}`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${soapAction}"` }, body: message.body });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

/** The first BCHCIM code in a reply (queryResponseCode, acknowledgementDetail or detectedIssueEvent). */
export function bchcimCode(xml: string): string | undefined {
  return /code="(BCHCIM\.[A-Z]+\.\d\.\d{4})/.exec(xml)?.[1];
}
