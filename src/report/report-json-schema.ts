import { z } from 'zod';
import { REPORT_SCHEMA_VERSION, ReportSchema } from '../run/report-schema.js';

/** Where the published JSON Schema of report.json lives, relative to the package root. */
export const REPORT_JSON_SCHEMA_PATH = 'docs/report.schema.json';

/**
 * The JSON Schema (draft 2020-12) of the canonical report, generated from the zod `ReportSchema`
 * so the two cannot drift. Published as docs/report.schema.json by `npm run docs:schema`.
 */
export function reportJsonSchema(): Record<string, unknown> {
  // `io: 'input'` describes what a reader may find in a file (defaults/optionals as written).
  const schema = z.toJSONSchema(ReportSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: `urn:hie-conform:report:v${REPORT_SCHEMA_VERSION}`,
    title: `hie-conform report (schemaVersion ${REPORT_SCHEMA_VERSION})`,
    description: 'The canonical conformance report (reports/report.json) written by `hie-conform run`; console, JUnit, HTML and FHIR TestReport are projections of it.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

/** The file content: pretty-printed with a trailing newline, stable across runs. */
export function reportJsonSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}
