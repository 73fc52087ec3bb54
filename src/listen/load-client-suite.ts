import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { HarnessError } from '../core/errors.js';
import { expectationKind } from '../suite/suite-schema.js';
import { dottedPath, YamlPositions } from '../suite/yaml-positions.js';
import type { LoadedClientExpectation, LoadedClientSuite, LocatedCondition } from './client-suite-model.js';
import { ClientSuiteSchema, REQUEST_CONDITION_KINDS } from './client-suite-schema.js';

/**
 * Read, parse and validate one client suite. Every problem is a HarnessError whose message starts
 * with `file:line:column` and names the dotted key, e.g.
 * `suites/client-hcim-v3/queries.yaml:14:9: expectations[0].request.kind must be one of "soap", "fhir", but received "rest"`.
 */
export function loadClientSuite(suitePath: string, options: { cwd?: string } = {}): LoadedClientSuite {
  const cwd = options.cwd ?? process.cwd();
  const absolutePath = path.resolve(cwd, suitePath);
  const file = path.relative(cwd, absolutePath) || absolutePath;
  if (!existsSync(absolutePath)) throw new HarnessError('ERR_FILE_NOT_FOUND', `client suite file not found: ${file}`);
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
  if (raw && typeof raw === 'object' && !('kind' in raw) && 'cases' in raw) {
    throw new HarnessError('ERR_SUITE_SCHEMA', 'is a run suite (it has "cases"), not a client suite; run it with "hie-conform run", or give listen a file with "kind: client" and "expectations"', { location: positions.locate([]) });
  }
  const parsed = ClientSuiteSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = deepest(parsed.error.issues);
    throw new HarnessError('ERR_SUITE_SCHEMA', `${dottedPath(issue.path) || '(root)'} ${describe(issue, raw)}`, { location: positions.locate(issue.path as (string | number)[]) });
  }
  const document = parsed.data;
  const seen = new Set<string>();
  const expectations = document.expectations.map((expectation, index): LoadedClientExpectation => {
    const at = ['expectations', index] as const;
    if (seen.has(expectation.id)) {
      throw new HarnessError('ERR_SUITE_DUPLICATE_ID', `expectations[${index}].id "${expectation.id}" is already used by another expectation of this suite`, { location: positions.locate([...at, 'id']) });
    }
    seen.add(expectation.id);
    const { request } = expectation;
    if (request.kind === 'soap' && request.operation !== undefined) {
      throw new HarnessError('ERR_SUITE_SCHEMA', `expectations[${index}].request.operation is for kind "fhir"; a soap request is matched by "root"`, { location: positions.locate([...at, 'request', 'operation']) });
    }
    if (request.kind === 'fhir' && request.root !== undefined) {
      throw new HarnessError('ERR_SUITE_SCHEMA', `expectations[${index}].request.root is for kind "soap"; a fhir request is matched by "operation"`, { location: positions.locate([...at, 'request', 'root']) });
    }
    const where = request.where.map((condition, i): LocatedCondition => {
      const kind = expectationKind(condition);
      const conditionPath = [...at, 'request', 'where', i] as const;
      if (!(REQUEST_CONDITION_KINDS as readonly string[]).includes(kind)) {
        throw new HarnessError('ERR_SUITE_SCHEMA', `${dottedPath(conditionPath)}.${kind} cannot be a request condition; valid kinds: ${REQUEST_CONDITION_KINDS.join(', ')}`, { location: positions.locate([...conditionPath]) });
      }
      return { expectation: condition, location: positions.locate([...conditionPath]), path: dottedPath(conditionPath) };
    });
    const response = expectation.response.map((condition, i): LocatedCondition => ({
      expectation: condition,
      location: positions.locate([...at, 'response', i]),
      path: dottedPath([...at, 'response', i]),
    }));
    return { document: expectation, location: positions.locate([...at]), requestLocation: positions.locate([...at, 'request']), where, response };
  });
  return { file, absolutePath, sha256: createHash('sha256').update(text).digest('hex'), document, location: positions.locate([]), expectations };
}

type ZodIssue = z.core.$ZodIssue;

/** zod reports a failed union as one issue; the deepest nested one tells the user which key is wrong. */
function deepest(issues: readonly ZodIssue[]): ZodIssue {
  const issue = issues[0]!;
  if (issue.code !== 'invalid_union') return issue;
  const nested = issue.errors.flat().sort((a, b) => b.path.length - a.path.length)[0];
  return nested ? ({ ...nested, path: [...issue.path, ...nested.path] } as ZodIssue) : issue;
}

function describe(issue: ZodIssue, raw: unknown): string {
  let received: unknown = raw;
  for (const key of issue.path) received = received && typeof received === 'object' ? (received as Record<PropertyKey, unknown>)[key] : undefined;
  const evidence = received === undefined ? 'but it is missing' : `but received ${JSON.stringify(received)}`;
  switch (issue.code) {
    case 'invalid_type':
      return received === undefined ? `is required (${issue.expected})` : `must be ${issue.expected}, ${evidence}`;
    case 'too_small':
      return `must have at least ${String(issue.minimum)} item(s) or be ≥ ${String(issue.minimum)}, ${evidence}`;
    case 'unrecognized_keys':
      return `has unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, ${evidence}`;
    default:
      return `${issue.message}, ${evidence}`;
  }
}
