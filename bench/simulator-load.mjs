// Load generator for the embedded simulator (bench/simulator.sh). Starts the simulator in process
// (dist/), then CLIENTS loops each send HCIM_IN_GetDemographics back to back over keep-alive
// loopback connections for SECONDS (bounded also by MAX requests). Each request carries a unique
// message id and sending-device id and asks for one of the seeded PHNs; the response must echo
// that device id as its receiver and that PHN in the person and the echoed payload, otherwise it
// is counted as mismatched. Transport failures and non-200 answers count as lost.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createSimulator } from '../dist/simulator/simulator-server.js';

const [clients = 200, seconds = 30, max = 2_000_000] = process.argv.slice(2).map(Number);
const PHNS = ['9876543218', '9876780786', '9876939162', '9877097548', '9877176002'];

function request(phn, device, messageId) {
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3"><id root="2.16.840.1.113883.3.51.1.1.1" extension="${messageId}"/><creationTime value="20261123101500"/><versionCode code="V3PR1"/><interactionId root="2.16.840.1.113883.3.51.1.1.2" extension="HCIM_IN_GetDemographics"/><processingCode code="P"/><processingModeCode code="T"/><acceptAckCode code="NE"/>
<receiver typeCode="RCV"><device determinerCode="INSTANCE" classCode="DEV"><id root="2.16.840.1.113883.3.51.1.1.4" extension="HCIM"/><asAgent classCode="AGNT"><representedOrganization determinerCode="INSTANCE" classCode="ORG"><id root="2.16.840.1.113883.3.51.1.1.3" extension="HCIM"/></representedOrganization></asAgent></device></receiver>
<sender typeCode="SND"><device determinerCode="INSTANCE" classCode="DEV"><id root="2.16.840.1.113883.3.51.1.1.5" extension="${device}"/><asAgent classCode="AGNT"><representedOrganization determinerCode="INSTANCE" classCode="ORG"><id root="2.16.840.1.113883.3.51.1.1.3" extension="BENCH"/></representedOrganization></asAgent></device></sender>
<controlActProcess classCode="ACCM" moodCode="EVN"><dataEnterer typeCode="CST"><assignedPerson classCode="ENT"><id root="2.16.840.1.113883.3.51.1.1.7" extension="bench"/></assignedPerson></dataEnterer><queryByParameter><queryByParameterPayload><person.id><value root="2.16.840.1.113883.3.51.1.1.6.1" extension="${phn}" assigningAuthorityName="MOH_CRS"/></person.id></queryByParameterPayload></queryByParameter></controlActProcess>
</HCIM_IN_GetDemographics></soap:Body></soap:Envelope>`;
}

const sim = await createSimulator({ recordLimit: 1000 });
const url = new URL(`${sim.url}/hcim/QUPA_AR101102.asmx`);
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const latencies = [];
let sent = 0;
let lost = 0;
let mismatched = 0;
const deadline = performance.now() + seconds * 1000;

function post(body) {
  return new Promise((resolve) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"urn:hl7-org:v3/QUPA_IN101101"', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve(undefined));
    });
    req.setTimeout(10_000, () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end(body);
  });
}

async function client(index) {
  let n = 0;
  while (performance.now() < deadline && sent < max) {
    sent += 1;
    const phn = PHNS[(index + n) % PHNS.length];
    const device = `B${index}-${n++}`;
    const started = performance.now();
    const reply = await post(request(phn, device, randomUUID()));
    latencies.push(performance.now() - started);
    if (!reply || reply.status !== 200) {
      lost += 1;
      continue;
    }
    const receiver = /<receiver[^]*?<id root="[^"]+" extension="([^"]+)"/.exec(reply.body)?.[1];
    const person = /<identifiedPerson classCode="PSN" determinerCode="INSTANCE">\s*<id root="2\.16\.840\.1\.113883\.3\.51\.1\.1\.6\.1" extension="(\d+)"/.exec(reply.body)?.[1];
    const echoed = /<person\.id>\s*<value root="[^"]+" extension="(\d+)"/.exec(reply.body)?.[1];
    if (receiver !== device || person !== phn || echoed !== phn) mismatched += 1;
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
agent.destroy();
await sim.close();
console.log(`simulator load: ${clients} clients, ${elapsed.toFixed(1)} s, ${latencies.length} requests (HCIM_IN_GetDemographics, HL7v3 over SOAP, loopback)`);
console.log(`  throughput ${(latencies.length / elapsed).toFixed(0)} req/s`);
console.log(`  latency p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1) ?? 0} ms`);
console.log(`  lost ${lost}, mismatched ${mismatched}`);
console.log(`  targets: 0 lost, 0 mismatched, p99 < 50 ms → ${lost === 0 && mismatched === 0 && pct(99) < 50 ? 'met' : 'NOT met'}`);
process.exitCode = lost === 0 && mismatched === 0 ? 0 : 1;
