import { failed, passed, unexpected, type ExpectationContext, type Verdict } from './context.js';

export function checkStatus(expected: number | number[], context: ExpectationContext): Verdict {
  const allowed = Array.isArray(expected) ? expected : [expected];
  const actual = context.view.status;
  const wanted = allowed.length === 1 ? allowed[0] : `one of ${allowed.join(', ')}`;
  if (actual !== undefined && allowed.includes(actual)) return passed(`HTTP status is ${actual}`, { expected: wanted, actual });
  return failed(unexpected('HTTP status', wanted, actual), { expected: wanted, actual });
}
