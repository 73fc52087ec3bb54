import { z } from 'zod';

/**
 * The suite file format (YAML): suite → cases → steps → expectations. One zod schema is the
 * single source of truth; types are inferred from it and docs/suites.md is checked against it.
 */

/** The id of a suite, case, step or client expectation. */
export const KebabIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case (lower-case letters, digits and "-")');

/** The fields every suite, case and client expectation (and client suite) starts with. */
export const describedFields = {
  id: KebabIdSchema,
  title: z.string().min(1),
  description: z.string().optional(),
  tags: z.array(z.string().min(1)).default([]),
};

/** A traceability id such as `HCIM-GD-01` (suites/requirements/*.yaml defines them). */
export const RequirementIdSchema = z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, 'must look like HCIM-GD-01');

/** Inline text or a file relative to the suite file (confined to the suite root). */
export const BodySchema = z.union([
  z.string(),
  z.object({ file: z.string().min(1) }).strict(),
  z.object({ json: z.unknown() }).strict(),
]);

const MatchValue = z.union([z.string(), z.number(), z.boolean()]);

/** Shared shape of `xpath` and `fhirpath` checks: exists (default), equals, matches, count. */
const PathCheck = {
  equals: MatchValue.optional(),
  matches: z.string().optional(),
  exists: z.boolean().optional(),
  count: z.number().int().nonnegative().optional(),
};

export const ExpectationSchema = z.union([
  z.object({ status: z.union([z.number().int().min(100).max(599), z.array(z.number().int().min(100).max(599)).min(1)], { error: 'must be an HTTP status 100-599 or a list of them' }) }).strict(),
  z.object({
    header: z.object({ name: z.string().min(1), equals: z.string().optional(), matches: z.string().optional(), exists: z.boolean().optional() }).strict(),
  }).strict(),
  z.object({ 'soap-fault': z.boolean() }).strict(),
  z.object({ xpath: z.string().min(1), ...PathCheck }).strict(),
  z.object({ fhirpath: z.string().min(1), ...PathCheck }).strict(),
  z.object({ 'response-code': z.union([z.string().min(1), z.object({ matches: z.string().min(1) }).strict()]) }).strict(),
  z.object({ xsd: z.union([z.literal(true), z.object({ schema: z.string().optional(), strict: z.boolean().optional() }).strict()]) }).strict(),
  z.object({ rule: z.union([z.literal('all'), z.array(z.string().min(1)).min(1)]), strict: z.boolean().optional() }).strict(),
  z.object({ 'fhir-profile': z.union([z.literal(true), z.string().min(1)]), strict: z.boolean().optional() }).strict(),
]);

/** Capture a value from the response into a variable for later steps of the same case. */
export const CaptureSchema = z.union([
  z.object({ xpath: z.string().min(1) }).strict(),
  z.object({ fhirpath: z.string().min(1) }).strict(),
  z.object({ header: z.string().min(1) }).strict(),
]);

const StepCommon = {
  id: KebabIdSchema,
  title: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  capture: z.record(z.string().regex(/^[A-Za-z_][\w.-]*$/, 'must be a variable name'), CaptureSchema).optional(),
  expect: z.array(ExpectationSchema).default([]),
  /** Per-step timeout in ms; defaults to the run's --timeout. */
  timeout: z.number().int().positive().optional(),
};

export const SoapStepSchema = z.object({
  kind: z.literal('soap'),
  /** Full URL, usually `${hcim-v3}/QUPA_AR101102.asmx`. */
  url: z.string().min(1),
  soapAction: z.string(),
  body: BodySchema,
  ...StepCommon,
}).strict();

export const FhirStepSchema = z.object({
  kind: z.literal('fhir'),
  /** REST interaction or operation, for the report: `operation`, `read`, `search-type`, `create`, … */
  interaction: z.enum(['operation', 'read', 'vread', 'search-type', 'history-instance', 'create', 'update', 'transaction', 'batch']).optional(),
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']).optional(),
  /** Full URL, e.g. `${hcim-fhir}/Patient/$GetDemographics`. */
  url: z.string().min(1),
  body: BodySchema.optional(),
  /** Send `Authorization: Bearer <token>` fetched from the target's token endpoint. */
  auth: z.enum(['none', 'bearer']).optional(),
  ...StepCommon,
}).strict();

/** Which received message a `callback` step claims: the value an XPath or FHIRPath reads from it. */
export const CallbackMatchSchema = z.union([
  z.object({ xpath: z.string().min(1), equals: z.string() }).strict(),
  z.object({ fhirpath: z.string().min(1), equals: z.string() }).strict(),
]);

/**
 * Wait for an asynchronous result the target POSTs to the run's callback listener
 * (`${callbackUrl}`), then check it like a response. Missing within `timeout` is `failed`.
 */
export const CallbackStepSchema = z.object({
  kind: z.literal('callback'),
  id: KebabIdSchema,
  title: z.string().optional(),
  match: CallbackMatchSchema,
  capture: StepCommon.capture,
  expect: StepCommon.expect,
  /** How long to wait for the message, in ms; defaults to the run's --timeout. */
  timeout: StepCommon.timeout,
}).strict();

export const StepSchema = z.discriminatedUnion('kind', [SoapStepSchema, FhirStepSchema, CallbackStepSchema]);

export const CaseSchema = z.object({
  ...describedFields,
  /** Traceability ids, e.g. `HCIM-GD-01`. */
  requirements: z.array(RequirementIdSchema).default([]),
  /** Optional cases do not block approval when they fail. */
  optional: z.boolean().default(false),
  /** Skip with a reason (a known gap), reported as `skipped`. */
  skip: z.string().optional(),
  variables: z.record(z.string(), z.string()).optional(),
  steps: z.array(StepSchema).min(1),
}).strict();

export const SuiteSchema = z.object({
  ...describedFields,
  /** Suite-level variable defaults; target variables override them. */
  variables: z.record(z.string(), z.string()).optional(),
  cases: z.array(CaseSchema).min(1),
}).strict();

export type SuiteDocument = z.infer<typeof SuiteSchema>;
export type CaseDocument = z.infer<typeof CaseSchema>;
export type StepDocument = z.infer<typeof StepSchema>;
export type SoapStepDocument = z.infer<typeof SoapStepSchema>;
export type FhirStepDocument = z.infer<typeof FhirStepSchema>;
export type CallbackStepDocument = z.infer<typeof CallbackStepSchema>;
export type Expectation = z.infer<typeof ExpectationSchema>;
export type Capture = z.infer<typeof CaptureSchema>;
export type Body = z.infer<typeof BodySchema>;

/** The expectation kinds, in the order docs list them. */
export const EXPECTATION_KINDS = ['status', 'header', 'soap-fault', 'xpath', 'fhirpath', 'response-code', 'xsd', 'rule', 'fhir-profile'] as const;
export type ExpectationKind = (typeof EXPECTATION_KINDS)[number];

/** The discriminating key of an expectation object. */
export function expectationKind(expectation: Expectation): ExpectationKind {
  for (const kind of EXPECTATION_KINDS) if (kind in expectation) return kind;
  throw new Error(`unknown expectation ${JSON.stringify(expectation)}`);
}
