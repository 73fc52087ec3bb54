import type { Report } from './report-schema.js';

/**
 * The approval verdict that gates interface sign-off: `approved` only when every required
 * (non-optional) case passed and every requirement id has at least one passing case.
 */
export function computeApproval(suites: Report['suites'], runErrors: number, interrupted: boolean): Report['approval'] {
  const reasons: string[] = [];
  const blocking = new Set<string>();
  const passing = new Set<string>();
  const all = new Set<string>();
  for (const suite of suites) {
    for (const result of suite.cases) {
      for (const requirement of result.requirements) all.add(requirement);
      if (result.outcome === 'passed') for (const requirement of result.requirements) passing.add(requirement);
    }
  }
  for (const suite of suites) {
    for (const result of suite.cases) {
      if (result.optional || result.outcome === 'passed') continue;
      reasons.push(`required case ${suite.id}/${result.id} is ${result.outcome}`);
      for (const requirement of result.requirements) blocking.add(requirement);
    }
  }
  for (const requirement of all) {
    if (!passing.has(requirement)) {
      blocking.add(requirement);
      reasons.push(`requirement ${requirement} has no passing case`);
    }
  }
  if (runErrors > 0) reasons.push(`${runErrors} run-level error(s)`);
  if (interrupted) reasons.push('the run was interrupted');
  if (suites.length === 0) reasons.push('no cases ran');
  const approved = reasons.length === 0;
  return { verdict: approved ? 'approved' : 'not-approved', blocking: [...blocking].sort(), reasons };
}
