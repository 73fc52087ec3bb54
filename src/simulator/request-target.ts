/** Where a request goes: what `new URL(target, base)` gives the simulator (path, query, recorded URL). */
export interface RequestTarget {
  /** `url.pathname` */
  path: string;
  /** `url.searchParams` */
  query: URLSearchParams;
  /** `url.pathname + url.search`: the URL recorded in the exchange. */
  recordedUrl: string;
}

/**
 * Targets `new URL` would return unchanged: origin-form path of plain segments (letters, digits,
 * `_ ~ -`, dots only inside a segment, so no `.`/`..` segments, no `//`, no `%`-escapes) and a
 * query without characters the URL parser percent-encodes (space, `"`, `'`, `<`, `>`, `#`,
 * controls, non-ASCII) and without `?`.
 */
const PLAIN_TARGET = /^(\/(?:[\w~-]+(?:[./][\w~-]+)*\/?)?)(?:\?([\w.~%&=+,:;@/!$*()-]*))?$/;

/**
 * Path and query of a request target. Every request used to go through the WHATWG URL parser
 * (about 1% of the simulator's CPU under load); the ordinary targets the clients send
 * (`/hcim/QUPA_AR101102.asmx`, `/plr/fhir/Practitioner?identifier=…`) are split by one regex
 * instead, with exactly the result the parser gives (request-target.test.ts compares them).
 * Anything else — dot segments, escapes, absolute-form, `//host` — still goes through `new URL`,
 * which throws on the same targets as before.
 */
export function requestTarget(target: string, baseUrl: string): RequestTarget {
  const plain = PLAIN_TARGET.exec(target);
  if (plain) {
    const path = plain[1]!;
    const search = plain[2] ?? '';
    // `url.search` is '' for both no query and an empty one (`/x?`).
    return { path, query: new URLSearchParams(search), recordedUrl: search === '' ? path : `${path}?${search}` };
  }
  const url = new URL(target, baseUrl);
  return { path: url.pathname, query: url.searchParams, recordedUrl: `${url.pathname}${url.search}` };
}
