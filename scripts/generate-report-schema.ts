// Writes docs/report.schema.json from the zod ReportSchema (`npm run docs:schema`).
// src/report/report-json-schema.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPORT_JSON_SCHEMA_PATH, reportJsonSchemaText } from '../src/report/report-json-schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(path.join(root, REPORT_JSON_SCHEMA_PATH), reportJsonSchemaText());
console.log(`wrote ${REPORT_JSON_SCHEMA_PATH}`);
