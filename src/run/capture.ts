import type { ResponseView } from '../assert/response-view.js';
import { evaluateFhirPath } from '../assert/fhirpath-eval.js';
import { evaluateXPath } from '../hl7v3/xpath-eval.js';
import type { Capture } from '../suite/suite-schema.js';

/** Read a capture's value from a response; `undefined` when the response does not contain it. */
export async function readCapture(capture: Capture, view: ResponseView): Promise<{ value?: string; problem?: string }> {
  if ('header' in capture) {
    const value = view.header(capture.header);
    return value === undefined ? { problem: `response has no header ${capture.header}` } : { value };
  }
  if ('xpath' in capture) {
    const parsed = view.xml();
    if (!parsed.ok) return { problem: parsed.issue.message };
    const values = evaluateXPath(parsed.document, capture.xpath);
    return values.length > 0 && values[0] !== '' ? { value: String(values[0]) } : { problem: `${capture.xpath} selected nothing` };
  }
  const parsed = view.json();
  if (!parsed.ok) return { problem: parsed.issue.message };
  const values = await evaluateFhirPath(parsed.value, capture.fhirpath);
  const first = values[0];
  return first === undefined || first === null || typeof first === 'object' ? { problem: `${capture.fhirpath} selected no primitive value` } : { value: String(first) };
}
