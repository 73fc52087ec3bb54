import { HarnessError } from '../../core/errors.js';

type Validate = (content: string, options: { only: ['xsd'] }) => Promise<{ valid: boolean; issues: { severity: string; message: string; path?: string }[] }>;

/**
 * XSD findings HCIM reports with a schematron code instead of `…2.0006`: an empty
 * `person.id/value/@extension` is BCHCIM.SCH.2.5017 (domain.md §a), answered by the handler.
 */
function reportedBySchematron(issue: { message: string; path?: string }): boolean {
  return /person\.id\/value$/.test(issue.path ?? '') && issue.message.includes("attribute 'extension'");
}
let validator: Validate | null | undefined;

/**
 * The XSD problem of an incoming HL7v3 request, as the text HCIM puts after "The HL7 message is
 * invalid"; undefined when valid. When the validator is unavailable (`ERR_VALIDATOR_UNAVAILABLE`),
 * only well-formedness is checked (the caller already parsed the message).
 */
export async function requestSchemaProblem(body: string): Promise<string | undefined> {
  if (validator === undefined) {
    try {
      validator = (await import('../../validate/hl7v3.js')).validateHl7v3 as Validate;
    } catch {
      validator = null;
    }
  }
  if (!validator) return undefined;
  try {
    const result = await validator(body, { only: ['xsd'] });
    if (result.valid) return undefined;
    const errors = result.issues.filter((issue) => (issue.severity === 'error' || issue.severity === 'fatal') && !reportedBySchematron(issue));
    if (errors.length === 0) return undefined;
    return errors.slice(0, 3).map((issue) => issue.message).join(' ');
  } catch (error) {
    if (error instanceof HarnessError && error.code === 'ERR_VALIDATOR_UNAVAILABLE') return undefined;
    throw error;
  }
}
