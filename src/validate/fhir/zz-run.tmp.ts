import { readdirSync, readFileSync } from 'node:fs';
import { validateFhirText } from '../fhir-profile.js';
for (const dir of ['/work/main/test/fixtures/fhir/hcim', '/work/main/test/fixtures/fhir/plr']) {
  for (const f of readdirSync(dir)) {
    const t = performance.now();
    const r = validateFhirText(readFileSync(`${dir}/${f}`, 'utf8'));
    console.log(`== ${f} valid=${r.valid} ${(performance.now() - t).toFixed(1)}ms profiles=${r.profiles?.map((p) => p.split('/').pop()).join(',')}`);
    for (const i of r.issues) console.log(`   ${i.severity} ${i.code} ${i.path} :: ${i.message.slice(0, 260)}`);
  }
}
