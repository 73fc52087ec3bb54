import { interactionForRoot } from '../../hl7v3/interactions.js';
import { applyKnownDeviations } from '../../validate/deviations.js';
import os from 'node:os';
import { inspectAndValidateMany } from '../../validate/hl7v3-native.js';
import { schemaForRoot, xsdIssue } from '../../validate/schema-ref.js';
import { MAX_XML_MESSAGE_BYTES } from '../../validate/xml-guard.js';
import type { NativeInspection, NativeXsdAddon } from '../../validate/xsd-engine.js';
import { schemaProblemText } from './request-schema.js';
import { FACT_XPATH_LIST, FACTS, factsFromValues, FOREIGN_XPATH, HL7V3, PAYLOAD } from './v3-request-facts.js';
import type { InspectedV3Request } from './v3-request-libxml.js';

/**
 * The XPath values the addon returns, in this order (prepared once per addon): one per fact, then
 * the foreign-element count and the payload. All are in the addon's simple subset (walked, not run
 * through libxml2's XPath engine), and separate values come back as one-byte strings: a joined value
 * would hold the separator (a private-use character) and make every fact, and every reply built
 * from them, a two-byte string that is slower to encode.
 */
const XPATHS = [...FACT_XPATH_LIST, FOREIGN_XPATH, PAYLOAD];
const FOREIGN_AT = FACTS.length;
const PAYLOAD_AT = FACTS.length + 1;

/**
 * {@link import('./v3-request-libxml.js').inspectV3Request} on the native addon (system libxml2):
 * the same one parse, facts, XSD verdict and fallbacks, but the parse, XPath and validation run on
 * a libuv worker thread, so the simulator's JavaScript thread goes on serving other requests
 * meanwhile. Undefined whenever the reference path (xmldom reader + validateHl7v3) must answer.
 * `bytes`: the body's UTF-8 bytes when the caller has them (the addon copies them before returning).
 */
export async function inspectV3RequestNative(addon: NativeXsdAddon, body: string, bytes?: Buffer): Promise<InspectedV3Request | undefined> {
  if (/<!DOCTYPE/i.test(body)) return undefined;
  const inspected = await inspectCoalesced(addon, bytes ?? Buffer.from(body, 'utf8'));
  if (inspected.status !== 'ok') return undefined;
  const rootName = inspected.name;
  if (inspected.ns !== HL7V3) return { ok: false, reason: `message root {${inspected.ns ?? ''}}${rootName} is not in the HL7v3 namespace urn:hl7-org:v3` };
  const values = inspected.values;
  if (values === undefined || values.length !== XPATHS.length || values.some((value) => value == null)) return undefined;
  const foreign = values[FOREIGN_AT]!;
  const facts = factsFromValues(rootName, values as string[], () => values[PAYLOAD_AT] ?? undefined);
  const validated = interactionForRoot(rootName) !== undefined;
  const schema = validated ? schemaForRoot(rootName) : undefined;
  // A catalogued schema the addon did not validate with (it failed to compile natively): the reference path reports it.
  if (schema && inspected.findings === undefined) return undefined;
  const problem = schema ? schemaProblemText(applyKnownDeviations(inspected.findings!.map(xsdIssue), rootName, false)) : undefined;
  // As in inspectV3Request: only a message valid against an HCIM schema is known to hold no element
  // outside HL7v3, where the facts' name tests and xmldom's local-name matches could differ.
  const hcimValid = schema !== undefined && problem === undefined && schema.name.startsWith('hcim/');
  if (!hcimValid && foreign !== '0') return undefined;
  return { ok: true, facts, validated, ...(problem !== undefined ? { schemaProblem: problem } : {}) };
}

interface Waiting {
  input: Buffer;
  resolve(inspection: NativeInspection): void;
  reject(error: unknown): void;
}
const CPUS = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
/**
 * Inspection jobs on the libuv pool at once: every core but one, which stays for the event loop
 * (reading requests, building and writing answers). More jobs than that only make the pool's
 * threads and the event loop take turns on the same cores. On the 2-core bench machine (5
 * interleaved 7 s runs each of bench/simulator-load.mjs, 200 clients), one job per core per
 * event-loop turn with no limit gave a p99 of 52.1–59.0 ms (median 53.5), this 41.2–47.9 (45.7).
 */
const MAX_JOBS = Math.max(1, CPUS - 1);
/** Requests in one job at most, so that a long queue still comes back in pieces the event loop answers as they finish. */
const MAX_JOB_REQUESTS = 64;
/** One addon's requests waiting for a free job (in arrival order), its jobs on the pool and its prepared XPaths. */
interface Queue {
  addon: NativeXsdAddon;
  waiting: Waiting[];
  jobs: number;
  flushScheduled: boolean;
  xpaths?: object;
}
const queues = new WeakMap<NativeXsdAddon, Queue>();

function queueOf(addon: NativeXsdAddon): Queue {
  let queue = queues.get(addon);
  if (queue === undefined) queues.set(addon, (queue = { addon, waiting: [], jobs: 0, flushScheduled: false }));
  return queue;
}

/**
 * Inspects a request together with the others waiting: requests queue here, and whenever a job is
 * free the queue goes to the addon as one job (setImmediate flushes once this turn's I/O callbacks,
 * which read the request bodies, are done; a finished job flushes at once). Waking the event loop
 * for a finished job costs tens of microseconds, as much as the inspection itself, so under load
 * one job per request would eat the time the worker threads save; and a queue, not a job per turn,
 * keeps the pool from holding more work than it has cores for.
 */
function inspectCoalesced(addon: NativeXsdAddon, input: Buffer): Promise<NativeInspection> {
  const queue = queueOf(addon);
  return new Promise((resolve, reject) => {
    queue.waiting.push({ input, resolve, reject });
    if (!queue.flushScheduled) {
      queue.flushScheduled = true;
      setImmediate(flush, queue);
    }
  });
}

function flush(queue: Queue): void {
  queue.flushScheduled = false;
  const { addon, waiting } = queue;
  if (waiting.length === 0 || queue.jobs >= MAX_JOBS) return;
  let xpaths: object;
  try {
    xpaths = queue.xpaths ??= addon.prepareXPaths(XPATHS);
  } catch (error) {
    // Thrown here it would end the process (a setImmediate callback): each waiting request fails instead.
    for (const entry of waiting.splice(0)) entry.reject(error);
    return;
  }
  while (waiting.length > 0 && queue.jobs < MAX_JOBS) {
    // The queue shared out over the free jobs, none larger than MAX_JOB_REQUESTS.
    const size = Math.min(MAX_JOB_REQUESTS, Math.ceil(waiting.length / (MAX_JOBS - queue.jobs)));
    const job = waiting.splice(0, size);
    queue.jobs += 1;
    const finished = (): void => {
      queue.jobs -= 1;
      flush(queue);
    };
    inspectAndValidateMany(
      addon,
      job.map((entry) => entry.input),
      { maxBytes: MAX_XML_MESSAGE_BYTES, xmldomUnwrap: true, xpaths },
    ).then(
      (results) => {
        finished();
        job.forEach((entry, i) => entry.resolve(results[i]!));
      },
      (error: unknown) => {
        finished();
        job.forEach((entry) => entry.reject(error));
      },
    );
  }
}
