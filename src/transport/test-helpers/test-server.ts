import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export type TestHandler = (request: http.IncomingMessage, response: http.ServerResponse, body: string) => void;

/** A loopback HTTP(S) server for transport tests; closes every connection on `close()`. */
export async function startTestServer(handler: TestHandler, tls?: https.ServerOptions): Promise<{ url: string; close(): Promise<void>; requests: { headers: http.IncomingHttpHeaders; body: string; url: string }[] }> {
  const requests: { headers: http.IncomingHttpHeaders; body: string; url: string }[] = [];
  const listener = (request: http.IncomingMessage, response: http.ServerResponse) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      requests.push({ headers: request.headers, body, url: request.url ?? '' });
      handler(request, response, body);
    });
  };
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
