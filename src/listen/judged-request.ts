import type { AssertionResult } from '../assert/assertion-result.js';
import type { Exchange } from '../transport/exchange.js';
import type { IncomingVerdict } from './check-incoming.js';
import type { IncomingRequest } from './incoming-request.js';

/** One incoming request after the session judged it: its checks and which expectations it met. */
export interface JudgedRequest {
  /** Arrival order in the session, from 1. */
  sequence: number;
  exchange: Exchange;
  request: IncomingRequest;
  verdict: IncomingVerdict;
  /** True when no error/fatal issue was found. */
  valid: boolean;
  /** Per matching expectation (`suiteId/expectationId`): the assertions about this request. */
  matches: Map<string, { assertions: AssertionResult[]; outcome: 'passed' | 'failed' | 'error' }>;
}
