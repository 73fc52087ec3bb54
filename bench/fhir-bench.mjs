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
const cpuStart = process.cpuUsage();
const { validateFhirText } = await import(fromSource ? join(root, 'src/validate/fhir-profile.ts') : join(root, 'dist/validate/fhir-profile.js'));

const samples = [];
for (const dir of ['test/fixtures/fhir/hcim', 'test/fixtures/fhir/plr']) {
  for (const file of readdirSync(join(root, dir)).sort()) {
    if (/Invalid|Missing/.test(file)) continue;
    samples.push({ file, text: readFileSync(join(root, dir, file), 'utf8') });
  }
}

const loopStart = performance.now();
let cpuAfterFirst;
let first = 0;
let invalid = 0;
for (let i = 0; i < count; i++) {
  const result = validateFhirText(samples[i % samples.length].text);
  if (!result.valid) invalid++;
  if (i === 0) {
    first = performance.now() - loopStart;
    cpuAfterFirst = process.cpuUsage();
  }
}
const end = performance.now();
const cpuEnd = process.cpuUsage();
const cpuMs = (from, to) => (to.user - from.user + to.system - from.system) / 1000;
const steadyCpu = (count - 1) / (cpuMs(cpuAfterFirst, cpuEnd) / 1000);
const amortisedCpu = count / (cpuMs(cpuStart, cpuEnd) / 1000);
const steady = (count - 1) / ((end - loopStart - first) / 1000);
const amortised = count / ((end - processStart) / 1000);
console.log(`fhir-profile: ${count} bundles (${samples.length} distinct samples, ${fromSource ? 'src via tsx' : 'dist'})`);
console.log(`  first bundle (loads R4 definitions + BC profiles): ${first.toFixed(0)} ms`);
console.log(`  steady state: ${steady.toFixed(0)} bundles/s wall clock, ${steadyCpu.toFixed(0)} bundles/s of CPU time`);
console.log(`  amortised (whole run incl. loading): ${amortised.toFixed(0)} bundles/s wall clock, ${amortisedCpu.toFixed(0)} bundles/s of CPU time, ${(end - processStart).toFixed(0)} ms total`);
console.log(`  (CPU-time figures are the ones to compare on a busy machine; the process is single-threaded)`);
console.log(`  invalid verdicts: ${invalid} (the two request samples with the misspelt "valuecode" property)`);
