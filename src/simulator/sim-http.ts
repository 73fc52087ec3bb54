/** A request as the pure handlers see it (no sockets). */
export interface SimRequest {
  method: string;
  /** Path without query, e.g. `/hcim/QUPA_AR101102.asmx`. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function respond(status: number, contentType: string, body: string, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': contentType, ...headers }, body };
}
