import { hasErrors } from '../core/issue.js';
import type { Exchange } from '../transport/exchange.js';
import { checkIncoming } from './check-incoming.js';
import type { LoadedClientExpectation, LoadedClientSuite } from './client-suite-model.js';
import { readIncoming } from './incoming-request.js';
import type { JudgedRequest } from './judged-request.js';
import { judgeMatch, matchesRequest } from './match-expectation.js';
import { MessageIdRegister } from './message-id-register.js';

/** Where recorded incoming exchanges come from: the simulator's `exchanges` list. */
export interface ExchangeSource {
  readonly exchanges: readonly Exchange[];
}

export interface ListenSessionOptions {
  suites: readonly LoadedClientSuite[];
  strict?: boolean;
  /** Called once per request after it was judged (console progress). */
  onJudged?: (judged: JudgedRequest, session: ListenSession) => void;
}

/** Progress of one expectation. */
export interface ExpectationProgress {
  key: string;
  suite: LoadedClientSuite;
  expectation: LoadedClientExpectation;
  /** Matching requests that passed (valid + response conditions). */
  good: number;
  /** Matching requests that did not pass. */
  bad: number;
  met: boolean;
}

/**
 * One client-mode session: takes every request the partner sent (as the simulator recorded it),
 * checks it, matches it against the client suites' expectations and keeps the verdicts. Pure
 * bookkeeping over exchanges: it never touches sockets (DESIGN.md principle 6).
 */
export class ListenSession {
  readonly judged: JudgedRequest[] = [];
  /** Messages the registry sent on its own (async results, distributions) to the partner, with the partner's replies. */
  readonly deliveries: Exchange[] = [];
  private readonly deliveryIds = new Set<string>();
  private readonly messageIds = new MessageIdRegister();
  private readonly strict: boolean;
  private lastSeen = 0;
  private draining: Promise<void> = Promise.resolve();

  constructor(private readonly options: ListenSessionOptions) {
    this.strict = options.strict ?? false;
  }

  get suites(): readonly LoadedClientSuite[] {
    return this.options.suites;
  }

  /** Judge one incoming exchange (in arrival order). */
  async ingest(exchange: Exchange): Promise<JudgedRequest> {
    const request = readIncoming(exchange);
    const verdict = await checkIncoming(request, { strict: this.strict, messageIds: this.messageIds });
    const judged: JudgedRequest = { sequence: this.judged.length + 1, exchange, request, verdict, valid: !hasErrors(verdict.issues), matches: new Map() };
    for (const suite of this.options.suites) {
      for (const expectation of suite.expectations) {
        const matched = await matchesRequest(expectation, request, this.strict);
        if (!matched) continue;
        judged.matches.set(keyOf(suite, expectation), await judgeMatch(expectation, request, verdict, matched, this.strict));
      }
    }
    this.judged.push(judged);
    this.options.onJudged?.(judged, this);
    return judged;
  }

  /**
   * Judge every exchange of `source` not seen yet. The simulator numbers incoming exchanges
   * `in1`, `in2`, … and may drop the oldest past its record limit, so progress is tracked by
   * number, not by index. Calls are serialised: order matters for the duplicate-id check.
   */
  poll(source: ExchangeSource): Promise<void> {
    this.draining = this.draining.then(async () => {
      for (const exchange of [...source.exchanges]) {
        if (exchange.direction === 'outgoing') {
          if (!this.deliveryIds.has(exchange.id)) {
            this.deliveryIds.add(exchange.id);
            this.deliveries.push(exchange);
          }
          continue;
        }
        const number = Number(/^in(\d+)$/.exec(exchange.id)?.[1] ?? Number.NaN);
        if (!Number.isFinite(number) || number <= this.lastSeen || exchange.direction !== 'incoming') continue;
        this.lastSeen = number;
        await this.ingest(exchange);
      }
    });
    return this.draining;
  }

  /** Per-expectation progress, in suite order. */
  progress(): ExpectationProgress[] {
    return this.options.suites.flatMap((suite) =>
      suite.expectations.map((expectation) => {
        const key = keyOf(suite, expectation);
        let good = 0;
        let bad = 0;
        for (const judged of this.judged) {
          const match = judged.matches.get(key);
          if (!match) continue;
          if (match.outcome === 'passed') good += 1;
          else bad += 1;
        }
        return { key, suite, expectation, good, bad, met: good >= expectation.document.count };
      }),
    );
  }

  /** Every required expectation is met (optional ones are not waited for). */
  isComplete(): boolean {
    const progress = this.progress();
    const required = progress.filter((p) => !p.expectation.document.optional);
    return (required.length > 0 ? required : progress).every((p) => p.met);
  }
}

/** `suite-id/expectation-id`: the key of an expectation across the loaded client suites. */
export function keyOf(suite: LoadedClientSuite, expectation: LoadedClientExpectation): string {
  return `${suite.document.id}/${expectation.document.id}`;
}
