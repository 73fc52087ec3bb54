import { readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { HarnessError } from '../core/errors.js';
import type { SourceLocation } from '../core/source-location.js';
import { RequirementIdSchema } from './suite-schema.js';
import { dottedPath } from './yaml-positions.js';
import { readYamlSource } from './yaml-source.js';
import { describeIssue } from './zod-issue-message.js';

/** One file of the requirements catalogue (`suites/requirements/<area>.yaml`). */
export const RequirementsFileSchema = z.object({
  /** The interface the requirements belong to, e.g. `HCIM HL7v3`. */
  area: z.string().min(1),
  requirements: z.array(z.object({
    id: RequirementIdSchema,
    /** What the system under test must do, in one sentence. */
    title: z.string().min(1),
    /** Where the requirement comes from: the domain.md section (and the artefact behind it). */
    source: z.string().min(1),
  }).strict()).min(1),
}).strict();

export interface Requirement {
  id: string;
  title: string;
  source: string;
  area: string;
  location: SourceLocation;
}

/**
 * The requirements catalogue: every `*.yaml` in `directory`, ids unique across files. Suites cite
 * these ids; `list --requirements` and docs/requirements.md show which cases cover each one.
 */
export function loadRequirementCatalogue(directory: string, cwd = process.cwd()): Requirement[] {
  const files = readdirSync(directory).filter((name) => /\.ya?ml$/.test(name)).sort();
  const seen = new Map<string, Requirement>();
  for (const name of files) {
    const { raw, positions, file } = readYamlSource(path.join(directory, name), cwd, 'requirements file');
    const parsed = RequirementsFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new HarnessError('ERR_SUITE_SCHEMA', `${dottedPath(issue.path) || '(root)'} ${describeIssue(issue, raw)}`, { location: positions.locate(issue.path as (string | number)[]) });
    }
    parsed.data.requirements.forEach((entry, index) => {
      const location = positions.locate(['requirements', index, 'id']);
      const earlier = seen.get(entry.id);
      if (earlier) throw new HarnessError('ERR_SUITE_DUPLICATE_ID', `requirement ${entry.id} is already defined at ${earlier.location.file}:${earlier.location.line}`, { location });
      seen.set(entry.id, { ...entry, area: parsed.data.area, location });
    });
  }
  return [...seen.values()];
}

/** A case (run suite) or expectation (client suite) that cites requirements. */
export interface CoveringCase {
  /** `suite-id/case-id`. */
  ref: string;
  optional: boolean;
  requirements: readonly string[];
}

export interface CoverageRow {
  requirement: Requirement;
  cases: { ref: string; optional: boolean }[];
}

export interface Coverage {
  rows: CoverageRow[];
  /** Requirement ids cases cite that the catalogue does not define. */
  unknown: { id: string; cases: string[] }[];
  /** Requirements no case covers. */
  uncovered: Requirement[];
}

/** The coverage matrix: catalogue order, each requirement with the cases citing it. */
export function requirementCoverage(catalogue: readonly Requirement[], cases: readonly CoveringCase[]): Coverage {
  const byId = new Map(catalogue.map((requirement) => [requirement.id, [] as { ref: string; optional: boolean }[]]));
  const unknown = new Map<string, string[]>();
  for (const covering of cases) {
    for (const id of new Set(covering.requirements)) {
      const list = byId.get(id);
      if (list) list.push({ ref: covering.ref, optional: covering.optional });
      else unknown.set(id, [...(unknown.get(id) ?? []), covering.ref]);
    }
  }
  const rows = catalogue.map((requirement) => ({ requirement, cases: byId.get(requirement.id)! }));
  return {
    rows,
    unknown: [...unknown.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([id, refs]) => ({ id, cases: refs })),
    uncovered: rows.filter((row) => row.cases.length === 0).map((row) => row.requirement),
  };
}
