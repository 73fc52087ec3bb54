// Validates the valid HCIM FHIR samples (and the PLR example) round-robin, N bundles in one
// process, and prints throughput: steady state, and amortised including the one-time load of
// the R4 definitions and BC profiles. Usage: node bench/fhir-bench.mjs [--source] [N]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fromSource = process.argv.includes('--source');
const count = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 1000);

const processStart = performance.now();
const { validateFhirText } = await import(fromSource ? join(root, 'src/validate/fhir-profile.ts') : join(root, 'dist/validate/fhir-profile.js'));

const samples = [];
for (const dir of ['test/fixtures/fhir/hcim', 'test/fixtures/fhir/plr']) {
  for (const file of readdirSync(join(root, dir)).sort()) {
    if (/Invalid|Missing/.test(file)) continue;
    samples.push({ file, text: readFileSync(join(root, dir, file), 'utf8') });
  }
}

const loopStart = performance.now();
let first = 0;
let invalid = 0;
for (let i = 0; i < count; i++) {
  const result = validateFhirText(samples[i % samples.length].text);
  if (!result.valid) invalid++;
  if (i === 0) first = performance.now() - loopStart;
}
const end = performance.now();
const steady = (count - 1) / ((end - loopStart - first) / 1000);
const amortised = count / ((end - processStart) / 1000);
console.log(`fhir-profile: ${count} bundles (${samples.length} distinct samples, ${fromSource ? 'src via tsx' : 'dist'})`);
console.log(`  first bundle (loads R4 definitions + BC profiles): ${first.toFixed(0)} ms`);
console.log(`  steady state: ${steady.toFixed(0)} bundles/s`);
console.log(`  amortised (whole run incl. loading): ${amortised.toFixed(0)} bundles/s, ${(end - processStart).toFixed(0)} ms total`);
console.log(`  invalid verdicts: ${invalid} (the two request samples with the misspelt "valuecode" property)`);
