import { judgePathCheck, type PathCheck } from '../path-check.js';
import { evaluateFhirPath } from '../fhirpath-eval.js';
import { errored, failed, passed, unexpected, type ExpectationContext, type Verdict } from './context.js';

export async function checkFhirPath(expression: string, check: PathCheck, context: ExpectationContext): Promise<Verdict> {
  const parsed = context.view.json();
  if (!parsed.ok) return failed(`Response is not JSON, so ${expression} cannot be evaluated: ${parsed.issue.message}`, { issues: [parsed.issue] });
  let values: unknown[];
  try {
    values = await evaluateFhirPath(parsed.value, expression);
  } catch (error) {
    return errored(`fhirpath "${expression}" could not be evaluated: ${(error as Error).message}`);
  }
  const complaint = judgePathCheck(values, check);
  if (!complaint) return passed(`${expression} → ${values.length === 1 ? JSON.stringify(values[0]) : `${values.length} item(s)`}`, { actual: values.length === 1 ? values[0] : values });
  return failed(unexpected(expression, complaint.expected, complaint.actual), complaint);
}
