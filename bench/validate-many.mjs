#!/usr/bin/env node
// Fallback for bench/xsd.sh when `hie-conform validate` is not built: validates files in one
// process with the compiled HL7v3 validator and prints `validate --format json`'s shape.
//   node bench/validate-many.mjs [--strict] [--only xsd|rules]... [--schema S] <files...>
import fs from 'node:fs';

const { validateHl7v3 } = await import('../dist/validate/hl7v3.js');
const args = process.argv.slice(2);
const options = { strict: false, only: [] };
const files = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--strict') options.strict = true;
  else if (arg === '--only') options.only.push(args[++i]);
  else if (arg === '--schema') options.schema = args[++i];
  else if (arg === '--format') i++;
  else files.push(arg);
}
if (options.only.length === 0) delete options.only;
const results = [];
for (const file of files) results.push({ ...(await validateHl7v3(fs.readFileSync(file, 'utf8'), options)), file });
process.stdout.write(`${JSON.stringify({ files: results })}\n`);
process.exitCode = results.every((result) => result.valid) ? 0 : 1;
