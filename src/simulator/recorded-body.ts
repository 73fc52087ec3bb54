import type { Exchange } from '../transport/exchange.js';

// Recorded messages whose body is kept as the bytes that went over the wire and decoded to a string
// only when read. The simulator keeps its last 10,000 exchanges; held as strings (about 6 KB per
// HL7v3 request and answer) they all outlive the young generation, are copied into the old one and
// moved again by its compactions: under load that cost more CPU per request than the XSD
// validation. Buffers keep the bytes off the V8 heap. `body` is an own enumerable getter, so
// JSON.stringify, spreads and deep equality see the same plain string as before.

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

/** A recorded response (Exchange.response) with its body decoded from `bytes` on first read. */
export function recordedResponse(status: number, headers: Record<string, string>, bytes: Buffer): NonNullable<Exchange['response']> {
  const body = decodedOnce(bytes);
  return {
    status,
    headers,
    get body(): string {
      return body();
    },
  };
}
