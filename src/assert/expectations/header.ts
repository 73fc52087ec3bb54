import { errored, failed, passed, unexpected, type ExpectationContext, type Verdict } from './context.js';

export function checkHeader(expectation: { name: string; equals?: string; matches?: string; exists?: boolean }, context: ExpectationContext): Verdict {
  const value = context.view.header(expectation.name);
  const subject = `response header ${expectation.name}`;
  if (expectation.equals !== undefined) {
    return value === expectation.equals ? passed(`${subject} is "${value}"`) : failed(unexpected(subject, expectation.equals, value ?? 'no such header'), { expected: expectation.equals, actual: value });
  }
  if (expectation.matches !== undefined) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(expectation.matches, 'i');
    } catch (error) {
      return errored(`header.matches is not a regular expression: ${(error as Error).message}`);
    }
    return value !== undefined && pattern.test(value)
      ? passed(`${subject} "${value}" matches /${expectation.matches}/`)
      : failed(unexpected(subject, `a value matching /${expectation.matches}/`, value ?? 'no such header'), { expected: expectation.matches, actual: value });
  }
  const wantExists = expectation.exists ?? true;
  return (value !== undefined) === wantExists
    ? passed(`${subject} ${wantExists ? 'is present' : 'is absent'}`)
    : failed(unexpected(subject, wantExists ? 'present' : 'absent', value ?? 'absent'), { expected: wantExists, actual: value });
}
