import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { HarnessError } from '../core/errors.js';
import type { LoadedCase, LoadedStep, LoadedSuite } from './suite-model.js';
import { EXPECTATION_KINDS, ExpectationSchema, SuiteSchema, type SuiteDocument } from './suite-schema.js';
import { resolveBodyFile } from './body-file.js';
import { dottedPath, YamlPositions } from './yaml-positions.js';

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
  const cwd = options.cwd ?? process.cwd();
  const absolutePath = path.resolve(cwd, suitePath);
  const file = path.relative(cwd, absolutePath) || absolutePath;
  if (!existsSync(absolutePath)) {
    throw new HarnessError('ERR_FILE_NOT_FOUND', `suite file not found: ${file}`);
  }
  const text = readFileSync(absolutePath, 'utf8');
  const lineCounter = new LineCounter();
  const yamlDocument = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (yamlDocument.errors.length > 0) {
    const first = yamlDocument.errors[0]!;
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new HarnessError('ERR_SUITE_PARSE', `invalid YAML: ${first.message.split('\n')[0]}`, { location: { file, line, column: col } });
  }
  const positions = new YamlPositions(file, yamlDocument, lineCounter);
  const raw: unknown = yamlDocument.toJS();
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
      if (step.body && typeof step.body === 'object' && 'file' in step.body) {
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

type ZodIssue = z.core.$ZodIssue;

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

function describeIssue(issue: ZodIssue, raw: unknown): string {
  const received = valueAt(raw, issue.path);
  const evidence = received === undefined ? 'but it is missing' : `but received ${JSON.stringify(received)}`;
  switch (issue.code) {
    case 'invalid_type':
      return received === undefined ? `is required (${issue.expected})` : `must be ${issue.expected}, ${evidence}`;
    case 'too_small':
      return typeof received === 'number' || typeof received === 'undefined'
        ? `must be ≥ ${String(issue.minimum)}, ${evidence}`
        : `must have at least ${String(issue.minimum)} item(s), ${evidence}`;
    case 'too_big':
      return `must be ≤ ${String(issue.maximum)}, ${evidence}`;
    case 'unrecognized_keys':
      return `has unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, ${evidence}`;
    case 'invalid_union':
      return issue.message && issue.message !== 'Invalid input' ? `${issue.message}, ${evidence}` : `is not valid here, ${evidence}`;
    default:
      return `${issue.message}, ${evidence}`;
  }
}

function valueAt(raw: unknown, keys: readonly PropertyKey[]): unknown {
  let value: unknown = raw;
  for (const key of keys) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
