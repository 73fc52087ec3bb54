/** A request as the pure handlers see it (no sockets). */
export interface SimRequest {
  method: string;
  /** Path without query, e.g. `/hcim/QUPA_AR101102.asmx`. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
  /** The body's bytes as received, when the server has them (readers that need bytes skip re-encoding `body`). */
  bytes?: Buffer;
}

/**
 * A message the simulator sends on its own after answering (async results, subscription
 * distributions). Handlers only describe it; simulator-server.ts performs and records it.
 */
export interface Delivery {
  /** What is sent, for the record: `HCIM_IN_PersonRevisedAccepted`, `distribution NEW`, … */
  label: string;
  url: string;
  method: 'POST' | 'PUT';
  headers: Record<string, string>;
  body: string;
  /** Wait this long after the answer before sending (async replies come "later"). */
  delayMs?: number;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Interaction answered (request root, `Patient/$GetDemographics`, …): faults and defects key on it. */
  interaction?: string;
  /** Messages to send after this answer. */
  deliveries?: Delivery[];
}

export function respond(status: number, contentType: string, body: string, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': contentType, ...headers }, body };
}
