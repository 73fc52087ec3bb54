import { createHash } from 'node:crypto';
import { HarnessError } from '../core/errors.js';
import { expectationKind } from '../suite/suite-schema.js';
import { dottedPath } from '../suite/yaml-positions.js';
import { readYamlSource } from '../suite/yaml-source.js';
import { describeIssue, type ZodIssue } from '../suite/zod-issue-message.js';
import type { LoadedClientExpectation, LoadedClientSuite, LocatedCondition } from './client-suite-model.js';
import { ClientSuiteSchema, REQUEST_CONDITION_KINDS } from './client-suite-schema.js';

/**
 * Read, parse and validate one client suite. Every problem is a HarnessError whose message starts
 * with `file:line:column` and names the dotted key, e.g.
 * `suites/client-hcim-v3/queries.yaml:14:9: expectations[0].request.kind must be one of "soap", "fhir", but received "rest"`.
 */
export function loadClientSuite(suitePath: string, options: { cwd?: string } = {}): LoadedClientSuite {
  const { absolutePath, file, text, raw, positions } = readYamlSource(suitePath, options.cwd ?? process.cwd(), 'client suite file');
  if (raw && typeof raw === 'object' && !('kind' in raw) && 'cases' in raw) {
    throw new HarnessError('ERR_SUITE_SCHEMA', 'is a run suite (it has "cases"), not a client suite; run it with "hie-conform run", or give listen a file with "kind: client" and "expectations"', { location: positions.locate([]) });
  }
  const parsed = ClientSuiteSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = deepest(parsed.error.issues);
    throw new HarnessError('ERR_SUITE_SCHEMA', `${dottedPath(issue.path) || '(root)'} ${describeIssue(issue, raw)}`, { location: positions.locate(issue.path as (string | number)[]) });
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


/** zod reports a failed union as one issue; the deepest nested one tells the user which key is wrong. */
function deepest(issues: readonly ZodIssue[]): ZodIssue {
  const issue = issues[0]!;
  if (issue.code !== 'invalid_union') return issue;
  const nested = issue.errors.flat().sort((a, b) => b.path.length - a.path.length)[0];
  return nested ? ({ ...nested, path: [...issue.path, ...nested.path] } as ZodIssue) : issue;
}

