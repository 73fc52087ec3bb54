import { extractResponseCodes } from '../response-codes.js';
import { errored, failed, passed, unexpected, type ExpectationContext, type Verdict } from './context.js';

/** `response-code: BCHCIM.GD.0.0013` or `{ matches: "^BCHCIM\\.GD\\.0\\." }`. */
export function checkResponseCode(expected: string | { matches: string }, context: ExpectationContext): Verdict {
  const { codes, format } = extractResponseCodes(context.view);
  let test: (code: string) => boolean;
  let wanted: string;
  if (typeof expected === 'string') {
    test = (code) => code === expected;
    wanted = expected;
  } else {
    let pattern: RegExp;
    try {
      pattern = new RegExp(expected.matches);
    } catch (error) {
      return errored(`response-code.matches is not a regular expression: ${(error as Error).message}`);
    }
    test = (code) => pattern.test(code);
    wanted = `a code matching /${expected.matches}/`;
  }
  if (format === 'none') return failed(unexpected('response code', wanted, 'a body that is neither HL7v3 XML nor FHIR JSON'), { expected: wanted });
  if (codes.some(test)) return passed(`response code ${codes.find(test)}`, { expected: wanted, actual: codes });
  return failed(unexpected('response code', wanted, codes.length > 0 ? codes.join(', ') : 'no response code'), { expected: wanted, actual: codes });
}
