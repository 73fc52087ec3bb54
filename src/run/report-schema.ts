import { z } from 'zod';
import type { AssertionResult } from '../assert/assertion-result.js';
import type { Exchange } from '../transport/exchange.js';

/**
 * The canonical report (reports/report.json). Console, JUnit, HTML and FHIR TestReport are
 * projections of it. Bump REPORT_SCHEMA_VERSION on any incompatible change.
 */
export const REPORT_SCHEMA_VERSION = 1;

const OutcomeSchema = z.enum(['passed', 'failed', 'error', 'skipped']);
const LocationSchema = z.object({ file: z.string(), line: z.number().int(), column: z.number().int() });
const IssueSchema = z.object({
  severity: z.enum(['fatal', 'error', 'warning', 'information']),
  code: z.string(),
  message: z.string(),
  path: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  validator: z.string(),
});
const SerializedErrorSchema = z.object({ code: z.string(), message: z.string(), location: LocationSchema.optional(), stack: z.string().optional() });
/** A file the verdict depends on (message body, schema, profile) and its sha256, for tamper evidence. */
const FileEvidenceSchema = z.object({ path: z.string(), sha256: z.string() });

export const ExchangeSchema = z.object({
  id: z.string(),
  stepId: z.string(),
  direction: z.enum(['outgoing', 'incoming']),
  protocol: z.enum(['soap', 'fhir', 'http']),
  request: z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()), body: z.string().optional() }),
  response: z.object({ status: z.number().int(), headers: z.record(z.string(), z.string()), body: z.string().optional(), truncated: z.boolean().optional() }).optional(),
  failure: z.object({ code: z.enum(['ECONNREFUSED', 'ETIMEDOUT', 'TLS', 'DNS', 'ABORTED', 'BODY_TOO_LARGE', 'OTHER']), message: z.string() }).optional(),
  startedAt: z.string(),
  durationMs: z.number(),
});

export const AssertionResultSchema = z.object({
  kind: z.string(),
  outcome: z.enum(['passed', 'failed', 'error']),
  message: z.string(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
  issues: z.array(IssueSchema),
  exchangeId: z.string().optional(),
  source: LocationSchema,
  /** Schemas/profiles the validator used for this assertion (xsd, rule, fhir-profile). */
  evidence: z.array(FileEvidenceSchema).optional(),
});

export const StepResultSchema = z.object({
  id: z.string(),
  title: z.string().optional(),
  kind: z.enum(['soap', 'fhir', 'callback']),
  location: LocationSchema,
  outcome: OutcomeSchema,
  durationMs: z.number(),
  attempts: z.number().int().min(0),
  exchanges: z.array(ExchangeSchema),
  assertions: z.array(AssertionResultSchema),
  captures: z.record(z.string(), z.string()),
  error: SerializedErrorSchema.optional(),
});

export const CaseResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  tags: z.array(z.string()),
  requirements: z.array(z.string()),
  optional: z.boolean(),
  location: LocationSchema,
  outcome: OutcomeSchema,
  durationMs: z.number(),
  skipReason: z.string().optional(),
  steps: z.array(StepResultSchema),
});

export const SuiteResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  file: z.string(),
  sha256: z.string(),
  location: LocationSchema,
  outcome: OutcomeSchema,
  durationMs: z.number(),
  cases: z.array(CaseResultSchema),
});

// ── Data-quality section (`hie-conform dq`, issue 11). Kept self-contained here because run/ must
// not import dq/; src/dq/ imports these types. `row` is the 1-based line in the file (CSV, NDJSON,
// the start tag of an HL7v3 message) or the 1-based entry index of a FHIR Bundle.
export const DqFindingSchema = z.object({
  file: z.string(),
  row: z.number().int().min(0),
  field: z.string(),
  value: z.string(),
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'information']),
  message: z.string(),
  relatedFile: z.string().optional(),
  relatedRow: z.number().int().optional(),
});
export const DqSectionSchema = z.object({
  kind: z.enum(['client', 'provider']),
  files: z.array(z.object({ file: z.string(), format: z.enum(['csv', 'ndjson', 'fhir-bundle', 'fhir-ndjson', 'hl7v3']), rows: z.number().int().min(0) })),
  rows: z.number().int().min(0),
  rowsWithErrors: z.number().int().min(0),
  rowsWithWarnings: z.number().int().min(0),
  checks: z.array(z.object({ rule: z.string(), severity: z.enum(['error', 'warning', 'information']), description: z.string(), count: z.number().int().min(0) })),
  findings: z.array(DqFindingSchema),
  findingsTotal: z.number().int().min(0),
  findingsTruncated: z.boolean(),
  findingsCsv: z.string().optional(),
  score: z.number().min(0).max(100),
  errorRate: z.number().min(0).max(1),
  thresholds: z.object({ maxErrorRate: z.number().min(0).max(1), minScore: z.number().min(0).max(100) }),
  passed: z.boolean(),
  maskPhi: z.boolean(),
});
export type DqFinding = z.infer<typeof DqFindingSchema>;
export type DqSection = z.infer<typeof DqSectionSchema>;

export const ReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  target: z.object({
    name: z.string(),
    kind: z.enum(['embedded', 'remote']),
    urls: z.record(z.string(), z.string()),
    variables: z.record(z.string(), z.string()),
    tls: z.object({ clientCertificate: z.boolean(), ca: z.boolean() }).optional(),
    oauth: z.object({ tokenUrl: z.string(), clientId: z.string() }).optional(),
    /** Where async results were expected (only when a selected case has a `callback` step). */
    callbackUrl: z.string().optional(),
  }),
  startedAt: z.string(),
  durationMs: z.number(),
  outcome: z.union([OutcomeSchema, z.literal('interrupted')]),
  suites: z.array(SuiteResultSchema),
  errors: z.array(SerializedErrorSchema),
  stats: z.object({ passed: z.number().int(), failed: z.number().int(), error: z.number().int(), skipped: z.number().int(), total: z.number().int() }),
  evidence: z.object({
    suites: z.array(z.object({ id: z.string(), file: z.string(), sha256: z.string() })),
    /** Message bodies read from files, then schemas/profiles used by validators; sorted by path. */
    files: z.array(FileEvidenceSchema),
  }),
  approval: z.object({
    verdict: z.enum(['approved', 'not-approved']),
    blocking: z.array(z.string()),
    reasons: z.array(z.string()),
  }),
  /** `run --shard i/n`: which slice of the selection this report covers (absent for a whole run). */
  shard: z.object({ index: z.number().int(), total: z.number().int() }).optional(),
  /** `report --merge`: the shard reports this one was merged from. */
  mergedFrom: z.array(z.object({ startedAt: z.string(), shard: z.object({ index: z.number().int(), total: z.number().int() }).optional(), cases: z.number().int() })).optional(),
  /**
   * Ed25519 signature (`run --sign-key`) over the canonical JSON of the report without this field
   * (keys sorted, no whitespace; see src/report/canonical-json.ts). `publicKey` is SPKI PEM.
   */
  signature: z.object({ algorithm: z.literal('ed25519'), publicKey: z.string(), value: z.string() }).optional(),
  dq: DqSectionSchema.optional(),
});

export type Report = z.infer<typeof ReportSchema>;
export type SuiteResult = z.infer<typeof SuiteResultSchema>;
export type CaseResult = z.infer<typeof CaseResultSchema>;
export type StepResult = z.infer<typeof StepResultSchema>;

// Compile-time guards: the interfaces used by transport/ and assert/ must stay assignable to the
// report schema, so the two cannot drift apart.
type Assignable<A, B extends A> = B;
export type ExchangeMatchesSchema = Assignable<z.infer<typeof ExchangeSchema>, Exchange>;
export type AssertionMatchesSchema = Assignable<z.infer<typeof AssertionResultSchema>, AssertionResult>;
