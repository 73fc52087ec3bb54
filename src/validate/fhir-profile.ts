import { existsSync } from 'node:fs';
import { HarnessError } from '../core/errors.js';
import { hasErrors, type Issue } from '../core/issue.js';
import { profileRegistry, type ProfileRegistry } from '../fhir/profiles.js';
import type { MessageValidation, MessageValidator, ValidationOptions } from './contract.js';
import { applyDeviations } from './fhir/deviations.js';
import { validateResourceTree, type EngineIssue } from './fhir/engine.js';
import { parseJsonSource, pathPositions, positionOf } from './fhir/json-source.js';

/**
 * FHIR R4 + BC profile validation (HCIM `fhir.ca-bc.client`, PLR `fhir.ca-bc.provider`).
 *
 * Profile selection for the top-level resource: `options.profile` (canonical URL or
 * StructureDefinition file) when given; else its `meta.profile`; else a BC profile inferred from
 * its shape (`select-profile.ts`); else the core R4 definition. Bundle entries and other nested
 * resources follow the slice's declared profile, their own `meta.profile`, or inference.
 *
 * Returns issues as data; throws `HarnessError` only when the harness cannot run: an unknown
 * `options.profile` (`ERR_FHIR_PROFILE_UNKNOWN`, listing the loaded profiles) or an unreadable IG
 * package (`ERR_FHIR_PACKAGE`).
 */
export const validateFhir: MessageValidator = async (content, options = {}) => validateFhirText(content, options);

/** Synchronous form of {@link validateFhir}, for hot loops (benchmarks, simulator). */
export function validateFhirText(content: string, options: ValidationOptions = {}): MessageValidation {
  const profileFile = options.profile && isProfileFile(options.profile) ? options.profile : undefined;
  const registry = profileRegistry(options.igPackages ?? [], profileFile ? [profileFile] : []);
  const explicit = options.profile ? resolveProfileOption(registry, options.profile) : undefined;
  if (options.only && !options.only.includes('profile')) return { kind: 'fhir', valid: true, issues: [] };

  const parsed = parseJsonSource(content);
  if (parsed.kind === 'failed') return { kind: 'fhir', valid: false, issues: [parsed.issue] };
  const resource = parsed.value;
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource) || typeof (resource as { resourceType?: unknown }).resourceType !== 'string') {
    const received = Array.isArray(resource) ? 'an array' : resource === null ? 'null' : typeof resource === 'object' ? 'an object without resourceType' : `a JSON ${typeof resource}`;
    const issue: Issue = { severity: 'fatal', code: 'fhir.not-a-resource', message: `Unexpected document: expected a FHIR resource (a JSON object with resourceType), but received ${received}`, validator: 'fhir' };
    return { kind: 'fhir', valid: false, issues: [issue] };
  }

  const { issues, applied } = validateResourceTree(registry, resource as Record<string, unknown>, explicit ? [explicit] : []);
  const final = dedupe(applyDeviations(issues, options.strict ?? false)).map(publicIssue);
  if (final.length) locate(final, content, String((resource as { resourceType: string }).resourceType));
  const evidence = applied.map((url) => registry.evidence(url)).filter((item): item is { path: string; sha256: string } => item !== undefined);
  return { kind: 'fhir', valid: !hasErrors(final), profiles: applied, issues: final, ...(evidence.length ? { evidence } : {}) };
}

/** Canonical URLs of the BC profiles available (fixtures plus the given IG packages). */
export function loadedFhirProfiles(igPackages: readonly string[] = []): string[] {
  return profileRegistry(igPackages).list();
}

function isProfileFile(profile: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(profile) || existsSync(profile);
}

function resolveProfileOption(registry: ProfileRegistry, profile: string): string {
  if (isProfileFile(profile)) {
    if (!existsSync(profile)) throw new HarnessError('ERR_FILE_NOT_FOUND', `--profile ${profile}: no such StructureDefinition file`);
    return registry.urlOfFile(profile) ?? registry.addFile(profile, 'file');
  }
  if (registry.get(profile)) return profile.split('|')[0]!;
  throw new HarnessError('ERR_FHIR_PROFILE_UNKNOWN', `--profile ${profile} is not loaded; loaded profiles: ${registry.list().join(', ')}`);
}

/** Adds line/column from the element path (nearest present ancestor for missing elements). */
function locate(issues: Issue[], content: string, root: string): void {
  const positions = pathPositions(content, root);
  for (const issue of issues) {
    if (!issue.path || issue.line !== undefined) continue;
    const position = positionOf(positions, issue.path);
    if (position) Object.assign(issue, position);
  }
}

function dedupe(issues: EngineIssue[]): EngineIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.code}\0${issue.path}\0${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function publicIssue(issue: EngineIssue): Issue {
  const { profile: _profile, rule: _rule, rootProfile: _root, ...rest } = issue;
  return rest;
}
