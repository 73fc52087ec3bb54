import type { Exchange } from '../transport/exchange.js';
import { isSecretHeader, REDACTED, redactHeaders } from '../transport/redact.js';
import { recordedRequest } from './recorded-body.js';

// The simulator's record of the last N exchanges, oldest first.
//
// Why not an array of Exchange objects: the simulator records every request, and under load
// (bench/simulator.sh) an Exchange per request — with its header copies, body views and closures —
// outlived V8's young generation, was copied into the old one and traced by every mark-compact.
// Measured on the 2-core bench machine at 4,000 GetDemographics/s: recording that way cost about
// 30 µs of CPU per request and took the p99 latency from about 25 ms to about 60 ms (GC pauses).
//
// So an answered request is kept as bytes in one preallocated ring buffer (method, URL, redacted
// headers and both bodies) plus numbers in typed arrays: no object per request stays on the V8
// heap. The Exchange is built when `exchanges` is read and cached until the entry is dropped.
// Anything else (failures, the simulator's own deliveries, bodies too big for the ring) is kept as
// the Exchange object it is. The oldest entries go first: past `limit` entries, or when the ring
// needs their bytes for a new one.

/** A request the simulator answered, as the server has it in hand. */
export interface AnsweredRequest {
  method: string;
  /** Request target as recorded (path and query). */
  url: string;
  /** Lower-case names; secrets are redacted when recorded. */
  requestHeaders: Record<string, string>;
  requestBytes: Buffer;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
  /** UTF-8 bytes of `responseBody` (the server counted them for Content-Length). */
  responseLength: number;
  protocol: Exchange['protocol'];
  /** Epoch milliseconds. */
  startedAt: number;
  durationMs: number;
}

const EMPTY = 0;
const PACKED = 1;
const OBJECT = 2;
const PROTOCOLS: readonly Exchange['protocol'][] = ['soap', 'fhir', 'http'];
/** Field separator inside the packed head (method, URL, header names and values): HTTP forbids LF in all of them. */
const LF = '\n';

export class ExchangeLog {
  private readonly limit: number;
  private readonly capacity: number;
  private ring: Buffer | undefined;
  /** Absolute byte position (grows forever; ring offset = position % capacity) where the next packed entry goes. */
  private head = 0;
  // Entries live in slots first, first+1, … (mod limit), oldest first.
  private first = 0;
  private count = 0;
  private readonly kind: Uint8Array;
  private readonly number: Float64Array;
  private readonly position: Float64Array;
  /** Per slot: packed head length, request body length, response body length, status, protocol. */
  private readonly sizes: Int32Array;
  private readonly startedAt: Float64Array;
  private readonly duration: Float64Array;
  /** Per slot: the Exchange of an OBJECT entry, or the cached build of a PACKED one. */
  private readonly objects: (Exchange | undefined)[];
  // Packed entries in order (their positions only grow): the oldest one decides what the ring can overwrite.
  private readonly packedSlots: Int32Array;
  private packedFirst = 0;
  private packedCount = 0;

  /** `limit` entries; `capacity` bytes of ring for the packed ones (allocated on first use). */
  constructor(limit: number, capacity = Math.min(64 * 1024 * 1024, Math.max(64 * 1024, limit * 8 * 1024))) {
    this.limit = Math.max(0, Math.floor(limit));
    this.capacity = capacity;
    const slots = Math.max(1, this.limit);
    this.kind = new Uint8Array(slots);
    this.number = new Float64Array(slots);
    this.position = new Float64Array(slots);
    this.sizes = new Int32Array(slots * 5);
    this.startedAt = new Float64Array(slots);
    this.duration = new Float64Array(slots);
    this.objects = new Array<Exchange | undefined>(slots).fill(undefined);
    this.packedSlots = new Int32Array(slots);
  }

  /** Number of entries kept. */
  get size(): number {
    return this.count;
  }

  /** Keep an Exchange as it is. */
  add(exchange: Exchange): Exchange {
    if (this.limit === 0) return exchange;
    const slot = this.claim();
    this.kind[slot] = OBJECT;
    this.objects[slot] = exchange;
    return exchange;
  }

  /** Keep an answered request as `in<number>`, packed into the ring (as an Exchange when too big for it). */
  answered(number: number, request: AnsweredRequest): void {
    if (this.limit === 0) return;
    const head = packedHead(request);
    const headBytes = Buffer.byteLength(head);
    const total = headBytes + request.requestBytes.length + request.responseLength;
    if (total > this.capacity / 4) {
      this.add(toExchange(number, request));
      return;
    }
    let at = this.head % this.capacity;
    // An entry never wraps: when it does not fit before the ring's end, it starts at the beginning.
    if (at + total > this.capacity) {
      this.head += this.capacity - at;
      at = 0;
    }
    const end = this.head + total;
    while (this.packedCount > 0 && this.position[this.packedSlots[this.packedFirst]!]! < end - this.capacity) this.evict();
    const slot = this.claim();
    const ring = (this.ring ??= Buffer.allocUnsafeSlow(this.capacity));
    ring.write(head, at, 'utf8');
    request.requestBytes.copy(ring, at + headBytes);
    ring.write(request.responseBody, at + headBytes + request.requestBytes.length, 'utf8');
    this.kind[slot] = PACKED;
    this.objects[slot] = undefined;
    this.number[slot] = number;
    this.position[slot] = this.head;
    const sizes = slot * 5;
    this.sizes[sizes] = headBytes;
    this.sizes[sizes + 1] = request.requestBytes.length;
    this.sizes[sizes + 2] = request.responseLength;
    this.sizes[sizes + 3] = request.status;
    this.sizes[sizes + 4] = PROTOCOLS.indexOf(request.protocol);
    this.startedAt[slot] = request.startedAt;
    this.duration[slot] = request.durationMs;
    this.packedSlots[(this.packedFirst + this.packedCount) % this.limit] = slot;
    this.packedCount += 1;
    this.head = end;
  }

  /** The entries as Exchanges, oldest first (a new array per call; the Exchanges are built once). */
  exchanges(): Exchange[] {
    const out = new Array<Exchange>(this.count);
    for (let i = 0; i < this.count; i++) {
      const slot = (this.first + i) % this.limit;
      out[i] = this.objects[slot] ??= this.build(slot);
    }
    return out;
  }

  /** A free slot at the end, dropping the oldest entry when all `limit` are taken. */
  private claim(): number {
    if (this.count === this.limit) this.evict();
    const slot = (this.first + this.count) % this.limit;
    this.count += 1;
    return slot;
  }

  private evict(): void {
    const slot = this.first;
    if (this.kind[slot] === PACKED) {
      this.packedFirst = (this.packedFirst + 1) % this.limit;
      this.packedCount -= 1;
    }
    this.kind[slot] = EMPTY;
    this.objects[slot] = undefined;
    this.first = (this.first + 1) % this.limit;
    this.count -= 1;
  }

  private build(slot: number): Exchange {
    const ring = this.ring!;
    const at = this.position[slot]! % this.capacity;
    const sizes = slot * 5;
    const headEnd = at + this.sizes[sizes]!;
    const requestEnd = headEnd + this.sizes[sizes + 1]!;
    const responseEnd = requestEnd + this.sizes[sizes + 2]!;
    const fields = ring.toString('utf8', at, headEnd).split(LF);
    const requestHeaderCount = Number(fields[2]);
    const requestHeaders = headerRecord(fields, 3, requestHeaderCount);
    const responseHeaders = headerRecord(fields, 3 + requestHeaderCount * 2, (fields.length - 3 - requestHeaderCount * 2) / 2);
    return {
      id: `in${this.number[slot]}`,
      stepId: '',
      direction: 'incoming',
      protocol: PROTOCOLS[this.sizes[sizes + 4]!]!,
      request: { method: fields[0]!, url: fields[1]!, headers: requestHeaders, body: ring.toString('utf8', headEnd, requestEnd) },
      response: { status: this.sizes[sizes + 3]!, headers: responseHeaders, body: ring.toString('utf8', requestEnd, responseEnd) },
      startedAt: new Date(this.startedAt[slot]!).toISOString(),
      durationMs: this.duration[slot]!,
    };
  }
}

/** Method, URL, then the request's and the response's headers (redacted) as LF-separated fields. */
function packedHead(request: AnsweredRequest): string {
  let head = `${request.method}${LF}${request.url}${LF}`;
  let count = 0;
  let headers = '';
  for (const name of Object.keys(request.requestHeaders)) {
    headers += `${LF}${name}${LF}${recordedValue(name, request.requestHeaders[name]!)}`;
    count += 1;
  }
  head += `${count}${headers}`;
  for (const name of Object.keys(request.responseHeaders)) head += `${LF}${name.toLowerCase()}${LF}${recordedValue(name, request.responseHeaders[name]!)}`;
  return head;
}

function recordedValue(name: string, value: string): string {
  // A header value cannot hold LF on the wire; one set by a handler is kept on one line all the same.
  return isSecretHeader(name) ? REDACTED : value.includes(LF) ? value.replaceAll(LF, ' ') : value;
}

function headerRecord(fields: readonly string[], from: number, count: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < count; i++) out[fields[from + i * 2]!] = fields[from + i * 2 + 1]!;
  return out;
}

/** The Exchange of an answered request, for one too big for the ring. */
function toExchange(number: number, request: AnsweredRequest): Exchange {
  return {
    id: `in${number}`,
    stepId: '',
    direction: 'incoming',
    protocol: request.protocol,
    request: recordedRequest(request.method, request.url, redactHeaders(request.requestHeaders), request.requestBytes),
    response: { status: request.status, headers: redactHeaders(request.responseHeaders), body: request.responseBody },
    startedAt: new Date(request.startedAt).toISOString(),
    durationMs: request.durationMs,
  };
}
