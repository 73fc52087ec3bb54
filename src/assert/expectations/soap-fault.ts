import { evaluateXPath } from '../../hl7v3/xpath-eval.js';
import { failed, passed, type ExpectationContext, type Verdict } from './context.js';

/** `soap-fault: false` — the reply must not be a SOAP 1.1/1.2 Fault (and vice versa). */
export function checkSoapFault(expectFault: boolean, context: ExpectationContext): Verdict {
  const parsed = context.view.xml();
  if (!parsed.ok) return failed(`Response is not a SOAP message: ${parsed.issue.message}`, { issues: [parsed.issue] });
  const faultString = evaluateXPath(parsed.document, 'string((//soap:Fault/faultstring | //soap12:Fault/soap12:Reason/soap12:Text)[1])')[0];
  const isFault = evaluateXPath(parsed.document, 'count(//soap:Fault | //soap12:Fault)')[0] !== 0;
  if (isFault === expectFault) return passed(expectFault ? `SOAP Fault returned: ${faultString}` : 'no SOAP Fault');
  return failed(expectFault ? 'Unexpected SOAP reply: expected a SOAP Fault, but received a normal body' : `Unexpected SOAP Fault: ${faultString || '(no faultstring)'}`, {
    expected: expectFault ? 'a SOAP Fault' : 'no SOAP Fault',
    actual: isFault ? `SOAP Fault: ${faultString}` : 'no SOAP Fault',
  });
}
