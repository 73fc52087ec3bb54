import { HarnessError } from '../../core/errors.js';
import type { Issue } from '../../core/issue.js';
import { hasErrors } from '../../core/issue.js';
import type { MessageValidation, ValidationOptions } from '../../validate/contract.js';
import { errored, failed, passed, type ExpectationContext, type Verdict } from './context.js';

type Layer = 'xsd' | 'rule' | 'fhir-profile';

/**
 * `xsd`, `rule` and `fhir-profile` expectations: run the validator on the response body. Validator
 * findings make the step `failed`; a validator that cannot run makes it `error` (never a silent pass).
 */
export async function checkWithValidator(layer: Layer, options: ValidationOptions, context: ExpectationContext): Promise<Verdict> {
  const body = context.view.body;
  let result: MessageValidation;
  try {
    if (layer === 'fhir-profile') {
      const { validateFhir } = await import('../../validate/fhir-profile.js');
      result = await validateFhir(body, options);
    } else {
      const { validateHl7v3 } = await import('../../validate/hl7v3.js');
      result = await validateHl7v3(body, { ...options, only: [layer === 'xsd' ? 'xsd' : 'rules'], request: context.requestBody });
    }
  } catch (error) {
    if (error instanceof HarnessError) return errored(error.message);
    return errored(`${layer} validator crashed: ${(error as Error).message}`);
  }
  const issues: Issue[] = result.issues;
  const evidence = result.evidence?.length ? { evidence: result.evidence } : {};
  const target = layer === 'fhir-profile' ? (result.profiles ?? []).join(', ') || 'FHIR R4' : layer === 'xsd' ? result.schema ?? 'schema' : 'business rules';
  if (hasErrors(issues)) {
    const errors = issues.filter((issue) => issue.severity === 'error' || issue.severity === 'fatal');
    const first = errors[0]!;
    return failed(`Unexpected ${layer} result: expected the response to be valid against ${target}, but received ${errors.length} error(s), first: ${first.message}${first.line ? ` (line ${first.line})` : ''}`, {
      expected: 'valid',
      actual: `${errors.length} error(s)`,
      issues,
      ...evidence,
    });
  }
  const warnings = issues.filter((issue) => issue.severity === 'warning').length;
  return passed(`valid against ${target}${warnings ? ` (${warnings} warning(s))` : ''}`, { issues, ...evidence });
}
