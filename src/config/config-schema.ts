import { z } from 'zod';
import { ENDPOINT_NAMES } from './endpoints.js';

const Urls = z.object(Object.fromEntries(ENDPOINT_NAMES.map((name) => [name, z.string().url().optional()])) as Record<(typeof ENDPOINT_NAMES)[number], z.ZodOptional<z.ZodString>>).strict();

/** A named target in the config file. Secrets are never values here: only names of env vars or files. */
export const TargetConfigSchema = z.object({
  /** One base URL with the simulator layout (BASE/hcim, BASE/hcim/fhir, BASE/plr, BASE/plr/fhir). */
  baseUrl: z.string().url().optional(),
  urls: Urls.optional(),
  /** Test data of this target (PHNs, IPCs …) that suites refer to as ${name}. */
  variables: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).default({}),
  tls: z.object({
    cert: z.string().optional(),
    key: z.string().optional(),
    ca: z.string().optional(),
    passphraseEnv: z.string().optional(),
    servername: z.string().optional(),
  }).strict().optional(),
  oauth: z.object({
    tokenUrl: z.string().url(),
    clientId: z.string(),
    clientSecretEnv: z.string(),
  }).strict().optional(),
  /** Where this target delivers async results (PersonRevised AL/ER, FHIR `.Async`). */
  callback: z.object({
    /** host:port the harness listens on, e.g. 0.0.0.0:9443 (default 127.0.0.1 and any free port). */
    listen: z.string().regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port').optional(),
    /** The URL the target was told to deliver to, when it differs from the listen address (NAT, proxy). */
    url: z.string().url().optional(),
  }).strict().optional(),
}).strict();

export const ConfigFileSchema = z.object({
  target: z.string().optional(),
  out: z.string().optional(),
  reporters: z.array(z.string()).optional(),
  timeout: z.number().int().positive().optional(),
  retries: z.number().int().min(0).max(10).optional(),
  workers: z.number().int().min(1).max(64).optional(),
  strict: z.boolean().optional(),
  maxBody: z.number().int().positive().optional(),
  targets: z.record(z.string(), TargetConfigSchema).default({}),
}).strict();

export type ConfigFile = z.infer<typeof ConfigFileSchema>;
export type TargetConfig = z.infer<typeof TargetConfigSchema>;
