import { formatLocation, type SourceLocation } from './source-location.js';

/**
 * Catalogue of harness error codes. A HarnessError means the harness could not do what was asked
 * (usage, config, suite, simulator start, validator missing) — never that the system under test
 * is non-conformant.
 */
export const ERROR_CODES = {
  ERR_USAGE: 'bad command-line usage',
  ERR_CONFIG: 'invalid configuration',
  ERR_FILE_NOT_FOUND: 'file not found',
  ERR_SUITE_PARSE: 'suite file is not valid YAML',
  ERR_SUITE_SCHEMA: 'suite file does not match the suite schema',
  ERR_SUITE_REFERENCE: 'suite references a file it may not read',
  ERR_SUITE_DUPLICATE_ID: 'duplicate id in suites',
  ERR_NO_SUITES: 'no suites matched',
  ERR_TEMPLATE_VARIABLE: 'unknown variable in a template',
  ERR_TARGET: 'invalid target endpoint',
  ERR_SIMULATOR_START: 'the embedded simulator could not start',
  ERR_CALLBACK_LISTEN: 'the async callback listener could not start',
  ERR_VALIDATOR_UNAVAILABLE: 'validator not available',
  ERR_FHIR_PROFILE_UNKNOWN: 'FHIR profile not loaded',
  ERR_FHIR_PACKAGE: 'FHIR IG package cannot be read',
  ERR_REPORT_READ: 'report file cannot be read',
  ERR_REPORTER: 'a reporter failed',
  ERR_DQ_MAPPING: 'invalid dq column mapping file',
  ERR_DQ_INPUT: 'dq input file cannot be read',
  ERR_INTERNAL: 'internal error',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Base class for every error the harness raises on purpose. */
export class HarnessError extends Error {
  readonly code: ErrorCode;
  readonly location?: SourceLocation;

  constructor(code: ErrorCode, message: string, options: { location?: SourceLocation; cause?: unknown } = {}) {
    super(options.location ? `${formatLocation(options.location)}: ${message}` : message, { cause: options.cause });
    this.name = 'HarnessError';
    this.code = code;
    this.location = options.location;
  }
}

/** Shape of an error as recorded in a report (`Report.errors`, step errors). */
export interface SerializedError {
  code: string;
  message: string;
  location?: SourceLocation;
  stack?: string;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof HarnessError) {
    return { code: error.code, message: error.message, ...(error.location ? { location: error.location } : {}) };
  }
  if (error instanceof Error) {
    return { code: 'ERR_INTERNAL', message: error.message, stack: error.stack };
  }
  return { code: 'ERR_INTERNAL', message: String(error) };
}
