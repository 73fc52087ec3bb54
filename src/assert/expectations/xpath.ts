import { judgePathCheck, type PathCheck } from '../path-check.js';
import { evaluateXPath } from '../../hl7v3/xpath-eval.js';
import { errored, failed, passed, unexpected, type ExpectationContext, type Verdict } from './context.js';

export function checkXPath(expression: string, check: PathCheck, context: ExpectationContext): Verdict {
  const parsed = context.view.xml();
  if (!parsed.ok) return failed(`Response is not XML, so ${expression} cannot be evaluated: ${parsed.issue.message}`, { issues: [parsed.issue] });
  let values: (string | number | boolean)[];
  try {
    values = evaluateXPath(parsed.document, expression);
  } catch (error) {
    return errored(`xpath "${expression}" is not a valid XPath 1.0 expression: ${(error as Error).message} (prefixes: hl7, v3, soap, soap12, xsi)`);
  }
  const complaint = judgePathCheck(values, check);
  if (!complaint) return passed(`${expression} → ${values.length === 1 ? JSON.stringify(clip(values[0]!)) : `${values.length} item(s)`}`, { actual: values.length === 1 ? clip(values[0]!) : values.map(clip) });
  return failed(unexpected(expression, complaint.expected, complaint.actual), complaint);
}

/** Element string values can be a whole message's text: keep report lines readable. */
function clip(value: string | number | boolean): string | number | boolean {
  return typeof value === 'string' && value.length > 120 ? `${value.slice(0, 117).replace(/\s+/g, ' ')}…` : value;
}
