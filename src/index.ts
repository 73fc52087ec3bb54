/**
 * Programmatic API of hie-conform: run suites, validate messages, start the simulator.
 * The CLI (`src/cli/`) is a thin layer over these.
 */
export type { Outcome } from './core/outcome.js';
export type { Issue, Severity } from './core/issue.js';
export type { SourceLocation } from './core/source-location.js';
export { HarnessError, ERROR_CODES, type ErrorCode } from './core/errors.js';
export type { Exchange } from './transport/exchange.js';
export type { AssertionResult } from './assert/assertion-result.js';
export { ReportSchema, REPORT_SCHEMA_VERSION, type Report, type SuiteResult, type CaseResult, type StepResult } from './run/report-schema.js';
export { SuiteSchema, type SuiteDocument } from './suite/suite-schema.js';
export { loadSuite } from './suite/load-suite.js';
export { findSuiteFiles } from './suite/find-suites.js';
export { selectCases } from './suite/select-cases.js';
export { runSuites, type RunSuitesInput } from './run/run-suites.js';
export type { RunContext } from './run/run-context.js';
export type { RunListener } from './run/run-events.js';
export { resolveConfig } from './config/resolve-config.js';
export { endpointsFromBase, ENDPOINT_NAMES, type Endpoints } from './config/endpoints.js';
export type { MessageValidation, ValidationOptions } from './validate/contract.js';
export { createSimulator, type Simulator, type SimulatorOptions } from './simulator/simulator-server.js';
export { isValidPhn } from './hl7v3/phn.js';

import type { MessageValidation, ValidationOptions } from './validate/contract.js';

/** Validate one HL7v3 (bare or SOAP-enveloped) or FHIR JSON message, detected from its content. */
export async function validateMessage(content: string, options: ValidationOptions = {}): Promise<MessageValidation> {
  const start = content.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    const { validateFhir } = await import('./validate/fhir-profile.js');
    return validateFhir(content, options);
  }
  const { validateHl7v3 } = await import('./validate/hl7v3.js');
  return validateHl7v3(content, options);
}
