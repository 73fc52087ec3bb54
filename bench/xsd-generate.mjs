#!/usr/bin/env node
// Generates N HCIM messages (QUPA_AR101102: GetDemographics requests and responses, FindCandidates
// responses) from the vendored samples into a folder, for bench/xsd.sh. Usage:
//   node bench/xsd-generate.mjs <out-dir> [count=1000]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const samples = path.join(here, '../test/fixtures/hl7v3/hcim');
const [outDir, countArg] = process.argv.slice(2);
if (!outDir) {
  process.stderr.write('usage: node bench/xsd-generate.mjs <out-dir> [count]\n');
  process.exit(2);
}
const count = Number(countArg ?? 1000);
const templates = [
  // 45 %: GetDemographics request (valid), 45 %: response (valid), 10 %: FindCandidates response (HCIM deviations, invalid under --strict)
  ...Array(9).fill('HCIM_IN_GetDemographics.request.spec-sample.xml'),
  ...Array(9).fill('HCIM_IN_GetDemographicsResponse.spec-sample.xml'),
  ...Array(2).fill('HCIM_IN_FindCandidatesResponse.hnweb-multiples.xml'),
].map((name) => fs.readFileSync(path.join(samples, name), 'utf8'));

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
for (let i = 0; i < count; i++) {
  const n = String(i).padStart(6, '0');
  const content = templates[i % templates.length]
    .replace(/extension="419E89[0-9A-F]{2}-8D02-4402-B43D-6A32575B12[A-Z]{2}"/, `extension="419E8965-8D02-4402-B43D-6A3257${n}"`)
    .replace(/<creationTime value="\d{14}"\/>/, `<creationTime value="2026${String((i % 12) + 1).padStart(2, '0')}15${String(i % 24).padStart(2, '0')}0000"/>`)
    .replace(/<family>Smith<\/family>/g, `<family>Smith${i}</family>`);
  fs.writeFileSync(path.join(outDir, `m${n}.xml`), content);
}
process.stdout.write(`${count} messages in ${outDir}\n`);
