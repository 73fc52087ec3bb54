import { z } from 'zod';
import { describedFields, ExpectationSchema, RequirementIdSchema } from '../suite/suite-schema.js';

/**
 * The client-suite file format (YAML, `suites/client-*`): what the partner's system must send to
 * `hie-conform listen` during one session. Unlike a run suite it sends nothing; each expectation
 * describes a request the partner sends (matchers) and what makes it count (validation, the
 * registry's answer). One zod schema is the single source of truth; types are inferred from it.
 */


/** The expectation kinds a `where:` condition may use on the incoming request. */
export const REQUEST_CONDITION_KINDS = ['xpath', 'fhirpath', 'header'] as const;

/** Which incoming requests an expectation is about. */
export const RequestMatchSchema = z
  .object({
    /** `soap`: HL7v3 over SOAP 1.1 (`/hcim|plr/<PortType>.asmx`); `fhir`: a FHIR base (`/hcim/fhir`, `/plr/fhir`). */
    kind: z.enum(['soap', 'fhir']),
    /** soap: the HL7v3 root element inside the SOAP Body, e.g. `HCIM_IN_GetDemographics`. */
    root: z.string().min(1).optional(),
    /** fhir: `Patient/$FindCandidates`, `Practitioner/$entityQuery`, … (path after the FHIR base, ids excluded). */
    operation: z.string().min(1).optional(),
    /** fhir: HTTP method (default any). */
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']).optional(),
    /** Registry the request goes to (default: any). */
    registry: z.enum(['hcim', 'plr']).optional(),
    /** Conditions on the request itself (xpath on the XML, fhirpath on the JSON body, header); all must hold. */
    where: z.array(ExpectationSchema).default([]),
  })
  .strict();

export const ClientExpectationSchema = z
  .object({
    ...describedFields,
    /** Traceability ids, e.g. `HCIM-GD-01`. */
    requirements: z.array(RequirementIdSchema).default([]),
    /** Optional expectations do not block approval and `--until-complete` does not wait for them. */
    optional: z.boolean().default(false),
    /** How many matching, acceptable requests must arrive (default 1). */
    count: z.number().int().min(1).default(1),
    request: RequestMatchSchema,
    /** The request must pass every incoming check (XSD, rules, profile, SOAPAction, …); default true. */
    valid: z.boolean().default(true),
    /** Conditions on the registry's answer (status, xpath, fhirpath, response-code, …). */
    response: z.array(ExpectationSchema).default([]),
  })
  .strict();

export const ClientSuiteSchema = z
  .object({
    /** Marks the file as a client suite, so a run suite given to `listen` (or this to `run`) is told apart at once. */
    kind: z.literal('client'),
    ...describedFields,
    expectations: z.array(ClientExpectationSchema).min(1),
  })
  .strict();

export type ClientSuiteDocument = z.infer<typeof ClientSuiteSchema>;
export type ClientExpectationDocument = z.infer<typeof ClientExpectationSchema>;
export type RequestMatch = z.infer<typeof RequestMatchSchema>;
