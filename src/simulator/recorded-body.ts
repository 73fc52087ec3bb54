import type { Exchange } from '../transport/exchange.js';

// A recorded request whose body is kept as the bytes that arrived and decoded to a string only when
// read: for the exchanges the simulator keeps as objects (exchange-log.ts): requests the client gave
// up on, bodies too big for the log's ring. Bytes stay off the V8 heap. `body` is an own enumerable
// getter, so JSON.stringify, spreads and deep equality see the same plain string.

/** The UTF-8 text of `bytes`, decoded on the first call only. */
function decodedOnce(bytes: Buffer): () => string {
  let text: string | undefined;
  return () => (text ??= bytes.toString('utf8'));
}

/** A recorded request (Exchange.request) with its body decoded from `bytes` on first read. */
export function recordedRequest(method: string, url: string, headers: Record<string, string>, bytes: Buffer): Exchange['request'] {
  const body = decodedOnce(bytes);
  return {
    method,
    url,
    headers,
    get body(): string {
      return body();
    },
  };
}
