import { createHash } from 'node:crypto';
import path from 'node:path';
import { HarnessError } from '../core/errors.js';
import type { LoadedCase, LoadedStep, LoadedSuite } from './suite-model.js';
import { EXPECTATION_KINDS, ExpectationSchema, SuiteSchema, type SuiteDocument } from './suite-schema.js';
import { resolveBodyFile } from './body-file.js';
import { dottedPath, type YamlPositions } from './yaml-positions.js';
import { readYamlSource } from './yaml-source.js';
import { describeIssue, valueAt, type ZodIssue } from './zod-issue-message.js';

export interface LoadSuiteOptions {
  /** Directory paths in messages are relative to. */
  cwd?: string;
  /** Allow body files outside the suite root (--allow-external-files). */
  allowExternalFiles?: boolean;
}

/**
 * Read, parse and validate one suite file. Every problem is a HarnessError whose message starts
 * with `file:line:column` and names the dotted key, e.g.
 * `suites/x.yaml:12:9: cases[0].steps[0].expect[1].status must be 100-599, but received "20O"`.
 */
export function loadSuite(suitePath: string, options: LoadSuiteOptions = {}): LoadedSuite {
  const { absolutePath, file, text, raw, positions } = readYamlSource(suitePath, options.cwd ?? process.cwd(), 'suite file');
  const parsed = SuiteSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = mostSpecificIssue(parsed.error.issues, raw);
    throw new HarnessError('ERR_SUITE_SCHEMA', `${dottedPath(issue.path) || '(root)'} ${describeIssue(issue, raw)}`, {
      location: positions.locate(issue.path as (string | number)[]),
    });
  }
  const document = parsed.data;
  const root = path.dirname(absolutePath);
  checkUniqueIds(document, positions);
  const cases = document.cases.map((caseDocument, caseIndex): LoadedCase => ({
    document: caseDocument,
    location: positions.locate(['cases', caseIndex]),
    steps: caseDocument.steps.map((step, stepIndex): LoadedStep => {
      const stepPath = ['cases', caseIndex, 'steps', stepIndex] as const;
      if (step.kind !== 'callback' && step.body && typeof step.body === 'object' && 'file' in step.body) {
        resolveBodyFile(step.body.file, { root, allowExternalFiles: options.allowExternalFiles, location: positions.locate([...stepPath, 'body', 'file']), key: `${dottedPath(stepPath)}.body.file` });
      }
      return {
        document: step,
        location: positions.locate(stepPath),
        path: dottedPath(stepPath),
        expectations: step.expect.map((expectation, index) => ({
          expectation,
          location: positions.locate([...stepPath, 'expect', index]),
          path: dottedPath([...stepPath, 'expect', index]),
        })),
        captureLocations: Object.fromEntries(Object.keys(step.capture ?? {}).map((name) => [name, positions.locate([...stepPath, 'capture', name])])),
      };
    }),
  }));
  return {
    file,
    absolutePath,
    root,
    sha256: createHash('sha256').update(text).digest('hex'),
    document,
    location: positions.locate([]),
    cases,
  };
}

function checkUniqueIds(document: SuiteDocument, positions: YamlPositions): void {
  const caseIds = new Set<string>();
  document.cases.forEach((caseDocument, caseIndex) => {
    if (caseIds.has(caseDocument.id)) {
      throw new HarnessError('ERR_SUITE_DUPLICATE_ID', `cases[${caseIndex}].id "${caseDocument.id}" is already used by another case of this suite`, { location: positions.locate(['cases', caseIndex, 'id']) });
    }
    caseIds.add(caseDocument.id);
    const stepIds = new Set<string>();
    caseDocument.steps.forEach((step, stepIndex) => {
      if (stepIds.has(step.id)) {
        throw new HarnessError('ERR_SUITE_DUPLICATE_ID', `cases[${caseIndex}].steps[${stepIndex}].id "${step.id}" is already used by another step of this case`, { location: positions.locate(['cases', caseIndex, 'steps', stepIndex, 'id']) });
      }
      stepIds.add(step.id);
    });
  });
}

/**
 * zod reports a failed union as one `invalid_union` issue; dig into it so the user learns which key
 * is wrong (`expect[1].status must be …`) rather than "invalid input".
 */
function mostSpecificIssue(issues: readonly ZodIssue[], raw: unknown): ZodIssue {
  const issue = issues[0]!;
  if (issue.code !== 'invalid_union') return issue;
  const value = valueAt(raw, issue.path);
  const last = issue.path[issue.path.length - 2];
  if (last === 'expect' && value && typeof value === 'object' && !Array.isArray(value)) {
    const kind = EXPECTATION_KINDS.find((k) => k in value);
    if (!kind) return { ...issue, code: 'custom', message: `has no known expectation kind (keys: ${Object.keys(value).join(', ') || 'none'}); valid kinds: ${EXPECTATION_KINDS.join(', ')}` } as ZodIssue;
    const member = ExpectationSchema.options.find((option) => kind in option.shape);
    const result = member?.safeParse(value);
    if (result && !result.success) {
      const inner = result.error.issues[0]!;
      return { ...inner, path: [...issue.path, ...inner.path] } as ZodIssue;
    }
  }
  if (issue.message && issue.message !== 'Invalid input') return issue;
  const nested = issue.errors.flat().sort((a, b) => b.path.length - a.path.length)[0];
  return nested ? ({ ...nested, path: [...issue.path, ...nested.path] } as ZodIssue) : issue;
}
