import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPORT_JSON_SCHEMA_PATH, reportJsonSchema, reportJsonSchemaText } from './report-json-schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('report JSON Schema', () => {
  it('docs/report.schema.json is up to date with ReportSchema (run `npm run docs:schema`)', () => {
    const committed = readFileSync(path.join(root, REPORT_JSON_SCHEMA_PATH), 'utf8');
    expect(committed, `${REPORT_JSON_SCHEMA_PATH} is stale: run \`npm run docs:schema\``).to.equal(reportJsonSchemaText());
  });

  it('pins schemaVersion 1 and requires the approval verdict', () => {
    const schema = reportJsonSchema() as { properties: Record<string, any>; required: string[] };
    expect(schema.properties.schemaVersion.const).to.equal(1);
    expect(schema.required).to.include.members(['schemaVersion', 'tool', 'target', 'suites', 'errors', 'stats', 'evidence', 'approval']);
    expect(schema.properties.approval.properties.verdict.enum).to.deep.equal(['approved', 'not-approved']);
    expect(schema.required).to.not.include('signature');
  });
});
