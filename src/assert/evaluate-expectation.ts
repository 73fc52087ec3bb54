import type { Expectation } from '../suite/suite-schema.js';
import { expectationKind } from '../suite/suite-schema.js';
import type { SourceLocation } from '../core/source-location.js';
import type { AssertionResult } from './assertion-result.js';
import type { ExpectationContext, Verdict } from './expectations/context.js';
import { checkFhirPath } from './expectations/fhirpath.js';
import { checkHeader } from './expectations/header.js';
import { checkResponseCode } from './expectations/response-code.js';
import { checkSoapFault } from './expectations/soap-fault.js';
import { checkStatus } from './expectations/status.js';
import { checkWithValidator } from './expectations/validation.js';
import { checkXPath } from './expectations/xpath.js';

/** Judge one expectation of a step against the step's response. Never throws. */
export async function evaluateExpectation(expectation: Expectation, context: ExpectationContext, source: SourceLocation): Promise<AssertionResult> {
  const kind = expectationKind(expectation);
  let verdict: Verdict;
  try {
    verdict = await judge(expectation, context);
  } catch (error) {
    verdict = { outcome: 'error', message: `${kind} expectation could not be evaluated: ${(error as Error).message}` };
  }
  return {
    kind,
    outcome: verdict.outcome,
    message: verdict.message,
    ...(verdict.expected !== undefined ? { expected: verdict.expected } : {}),
    ...(verdict.actual !== undefined ? { actual: verdict.actual } : {}),
    issues: verdict.issues ?? [],
    exchangeId: context.view.exchange.id,
    source,
    ...(verdict.evidence?.length ? { evidence: verdict.evidence } : {}),
  };
}

async function judge(expectation: Expectation, context: ExpectationContext): Promise<Verdict> {
  if ('status' in expectation) return checkStatus(expectation.status, context);
  if ('header' in expectation) return checkHeader(expectation.header, context);
  if ('soap-fault' in expectation) return checkSoapFault(expectation['soap-fault'], context);
  if ('xpath' in expectation) return checkXPath(expectation.xpath, expectation, context);
  if ('fhirpath' in expectation) return checkFhirPath(expectation.fhirpath, expectation, context);
  if ('response-code' in expectation) return checkResponseCode(expectation['response-code'], context);
  if ('xsd' in expectation) {
    const options = expectation.xsd === true ? {} : expectation.xsd;
    return checkWithValidator('xsd', { schema: options.schema, strict: options.strict ?? context.strict }, context);
  }
  if ('rule' in expectation) {
    return checkWithValidator('rule', { rules: expectation.rule === 'all' ? undefined : expectation.rule, strict: expectation.strict ?? context.strict }, context);
  }
  const profile = expectation['fhir-profile'];
  return checkWithValidator('fhir-profile', { profile: profile === true ? undefined : profile, strict: expectation.strict ?? context.strict }, context);
}
