// Load generator for the embedded simulator (bench/simulator.sh).
//
// The simulator runs as its own process (`bin/hie-conform serve`, as users run it), so the load
// generator does not steal its event loop. CLIENTS closed-loop clients each own one keep-alive
// loopback connection and send HCIM_IN_GetDemographics back to back for SECONDS (bounded also by
// MAX requests): the next request leaves as soon as the previous answer has fully arrived.
//
// The generator is kept cheap so it competes as little as possible for the cores: raw node:net
// sockets, one pre-built HTTP/1.1 request string per send (template + unique ids, no http.Agent),
// answers read into one buffer shared by all sockets (net's `onread`: no stream events, no Buffer
// or string per read), framed by Content-Length and checked with Buffer.indexOf, not a parser, and
// one sweep a second for timeouts instead of a timer per request. (On this 2-core machine the
// generator shares the cores with the server it measures; the shared buffer and the sweep took its
// CPU from about 47 to about 40 µs per request.) Every answer is still verified against its own
// request: each request carries a unique message id and sending-device id and asks for one of the
// seeded PHNs; the answer must echo that device id as its receiver, that PHN in the person and in
// the echoed payload, and queryResponseCode BCHCIM.GD.0.0013 — otherwise it is counted as
// mismatched. Transport failures, timeouts (10–11 s) and non-200 answers count as lost.
//
// References measured in the same run: before the simulator, the same clients load
// bench/reference-soap-server.mjs twice: bare (a node:http server answering with a captured
// simulator reply, device and PHN swapped in, no parsing: the floor for a Node.js endpoint on this
// machine with this load generator), then with --validate (the same server, but every request first
// read and XSD-validated by the simulator's own native reader: the floor for an endpoint that
// validates its requests as HCIM does). The simulator's figures are also printed as ratios to both;
// the steps bare → validation floor → simulator show where the time per request goes.
//
// Usage: node bench/simulator-load.mjs [clients=200] [seconds=30] [max=2000000]
//        SIM_URL=http://127.0.0.1:PORT to load an already running simulator instead;
//        SIM_CLI=/path/to/bin/hie-conform to start another build's simulator;
//        REFERENCE=0 to skip both reference servers, VALIDATION_FLOOR=0 to skip the validating one;
//        RATE=n to offer n requests/s in all (paced clients) instead of as many as answered;
//        WARMUP=s seconds of untimed load before the measurement (default 3).
import { spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [clients = 200, seconds = 30, max = 2_000_000] = process.argv.slice(2).map(Number);
// RATE=n: offered load instead of as fast as possible: each client sends one request every
// clients/n seconds (the next one at once when an answer comes later than that).
const rate = Number(process.env.RATE ?? 0);
const WARMUP_SECONDS = Number(process.env.WARMUP ?? 3);
const pace = rate > 0 ? (clients / rate) * 1000 : 0;
const PHNS = ['9876543218', '9876780786', '9876939162', '9877097548', '9877176002'];
const PATH = '/hcim/QUPA_AR101102.asmx';
const TIMEOUT_MS = 10_000;

const BODY = [
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3"><id root="2.16.840.1.113883.3.51.1.1.1" extension="`,
  /* message id */ `"/><creationTime value="20261123101500"/><versionCode code="V3PR1"/><interactionId root="2.16.840.1.113883.3.51.1.1.2" extension="HCIM_IN_GetDemographics"/><processingCode code="P"/><processingModeCode code="T"/><acceptAckCode code="NE"/>
<receiver typeCode="RCV"><device determinerCode="INSTANCE" classCode="DEV"><id root="2.16.840.1.113883.3.51.1.1.4" extension="HCIM"/><asAgent classCode="AGNT"><representedOrganization determinerCode="INSTANCE" classCode="ORG"><id root="2.16.840.1.113883.3.51.1.1.3" extension="HCIM"/></representedOrganization></asAgent></device></receiver>
<sender typeCode="SND"><device determinerCode="INSTANCE" classCode="DEV"><id root="2.16.840.1.113883.3.51.1.1.5" extension="`,
  /* device */ `"/><asAgent classCode="AGNT"><representedOrganization determinerCode="INSTANCE" classCode="ORG"><id root="2.16.840.1.113883.3.51.1.1.3" extension="BENCH"/></representedOrganization></asAgent></device></sender>
<controlActProcess classCode="ACCM" moodCode="EVN"><dataEnterer typeCode="CST"><assignedPerson classCode="ENT"><id root="2.16.840.1.113883.3.51.1.1.7" extension="bench"/></assignedPerson></dataEnterer><queryByParameter><queryByParameterPayload><person.id><value root="2.16.840.1.113883.3.51.1.1.6.1" extension="`,
  /* phn */ `" assigningAuthorityName="MOH_CRS"/></person.id></queryByParameterPayload></queryByParameter></controlActProcess>
</HCIM_IN_GetDemographics></soap:Body></soap:Envelope>`,
];

// Message ids: a per-run random prefix + client + sequence number (unique, ASCII, fixed shape).
const RUN = Math.random().toString(36).slice(2, 10);

function httpRequest(host, messageId, device, phn) {
  const body = BODY[0] + messageId + BODY[1] + device + BODY[2] + phn + BODY[3];
  // All ASCII: string length = byte length.
  return `POST ${PATH} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: "urn:hl7-org:v3/QUPA_IN101101"\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n${body}`;
}

/** Bytes between `after` (searched from `from`) and the next `"` of an answer buffer, as text; undefined when absent. */
function attrAfter(bytes, after, from, end) {
  if (from < 0) return undefined; // (a negative offset would count from the end)
  const at = bytes.indexOf(after, from, 'latin1');
  if (at < 0 || at >= end) return undefined;
  const start = at + after.length;
  const close = bytes.indexOf(34, start); // '"'
  return close < 0 || close >= end ? undefined : bytes.toString('latin1', start, close);
}

/** Does the answer (bytes[from, end)) belong to this request? Receiver device, person PHN, echoed PHN, found code. */
function matches(bytes, from, end, device, phn) {
  const receiverAt = bytes.indexOf('<receiver', from, 'latin1');
  if (receiverAt < 0 || attrAfter(bytes, 'extension="', bytes.indexOf('<id ', receiverAt, 'latin1'), end) !== device) return false;
  const personAt = bytes.indexOf('<identifiedPerson classCode="PSN" determinerCode="INSTANCE">', from, 'latin1');
  if (personAt < 0 || attrAfter(bytes, '<id root="2.16.840.1.113883.3.51.1.1.6.1" extension="', personAt, end) !== phn) return false;
  const echoAt = bytes.indexOf('<person.id>', from, 'latin1');
  if (echoAt < 0 || attrAfter(bytes, 'extension="', echoAt, end) !== phn) return false;
  return attrAfter(bytes, '<queryResponseCode code="', from, end) === 'BCHCIM.GD.0.0013';
}

/** Starts `node <args>` and waits for its "listening URL" line; `cpu()` reads its CPU ticks from /proc. */
async function startServer(args) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  // Never leave the server behind, whatever ends this process.
  process.on('exit', () => child.kill('SIGTERM'));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /listening (\S+)/.exec(out);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}) before listening`)));
  });
  const ticks = () => {
    try {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return Number(fields[11]) + Number(fields[12]); // utime + stime, clock ticks
    } catch {
      return undefined;
    }
  };
  return {
    url,
    cpu: ticks,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function startSimulator() {
  if (process.env.SIM_URL) return { url: process.env.SIM_URL, stop: async () => undefined, cpu: () => undefined };
  // SIM_CLI: another build's bin/hie-conform (before/after comparisons).
  const cli = process.env.SIM_CLI ?? fileURLToPath(new URL('../bin/hie-conform', import.meta.url));
  return startServer([...(process.env.SIM_NODE_OPTIONS ? process.env.SIM_NODE_OPTIONS.split(' ') : []), cli, 'serve', '--port', '0']);
}

/** One simulator answer with its device and PHN replaced by the reference server's markers. */
async function captureTemplate(url) {
  const target = new URL(url);
  const device = 'CAPTUREDEVICE7';
  const phn = PHNS[0];
  const body = await new Promise((resolve, reject) => {
    const socket = net.connect({ host: target.hostname, port: Number(target.port) });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('end', () => resolve(text.slice(text.indexOf('\r\n\r\n') + 4)));
    socket.on('error', reject);
    socket.write(httpRequest(`${target.hostname}:${target.port}`, `${RUN}-capture`, device, phn).replace('Connection: keep-alive', 'Connection: close'));
  });
  if (!matches(Buffer.from(body, 'latin1'), 0, Buffer.byteLength(body, 'latin1'), device, phn)) throw new Error('the simulator did not answer the capture request as expected');
  return body.split(device).join('@@DEVICE@@').split(phn).join('@@PHN@@');
}

/** Loads `server` with the closed-loop clients; returns the figures. */
async function measure(server) {
const target = new URL(server.url);
const host = `${target.hostname}:${target.port}`;

const latencies = new Float64Array(Math.min(max, 20_000_000));
let count = 0;
let sent = 0;
let lost = 0;
let mismatched = 0;
// Requests sent before `timedFrom` (the connection round and the warm-up load) are checked like
// the others but counted apart and not timed.
let timedFrom = Infinity;
let deadline = Infinity;
const warmupLatencies = [];
let warmupLost = 0;
let warmupMismatched = 0;

const readBuffer = Buffer.alloc(256 * 1024);
// Timeouts: one sweep a second over the clients instead of a timer per request.
const inFlightCheck = [];
const sweep = setInterval(() => inFlightCheck.forEach((check) => check()), 1000);
/** One closed-loop client on one keep-alive connection; reconnects after a failure. */
function client(index) {
  return new Promise((done) => {
    let n = 0;
    let socket;
    let device = '';
    let phn = '';
    let started = 0;
    let pending; // an answer's first bytes when it came in more than one read
    let inFlight = false;

    let connecting = true;
    let slot = 0;
    const finish = (ok, bytes, from, end) => {
      inFlight = false;
      const took = performance.now() - started;
      const timed = started >= timedFrom;
      const good = ok && matches(bytes, from, end, device, phn);
      if (timed) {
        if (!ok) lost += 1;
        else if (!good) mismatched += 1;
      } else if (!ok) warmupLost += 1;
      else if (!good) warmupMismatched += 1;
      if (connecting) {
        // First round: one request per client; then wait until every client is connected and answered.
        connecting = false;
        warmupMax = Math.max(warmupMax, took);
        warmed(index);
        return void go.then(() => {
          slot = performance.now() + Math.random() * pace; // spread the clients over one interval
          setTimeout(next, slot - performance.now());
        });
      }
      if (!timed) warmupLatencies.push(took);
      else if (count < latencies.length) latencies[count++] = took;
      if (pace === 0) return next();
      // RATE: this client's next request leaves at its next slot (at once when the answer came late).
      slot = Math.max(slot + pace, performance.now());
      setTimeout(next, Math.max(0, slot - performance.now()));
    };
    const fail = () => {
      if (socket) socket.destroy();
      socket = undefined;
      if (inFlight) finish(false);
    };
    inFlightCheck.push(() => inFlight && performance.now() - started > TIMEOUT_MS && fail());
    /** One read's bytes: complete answer → finish; part of one → kept until the rest arrives. */
    const onRead = (own, nread, buffer) => {
      if (own !== socket || !inFlight) return;
      let bytes = buffer.subarray(0, nread);
      let length = nread;
      if (pending !== undefined) {
        bytes = pending = Buffer.concat([pending, buffer.subarray(0, nread)]);
        length = bytes.length;
      }
      const headerEnd = bytes.indexOf('\r\n\r\n', 0, 'latin1');
      if (headerEnd < 0 || headerEnd >= length) return void (pending ??= Buffer.from(buffer.subarray(0, nread)));
      const status = bytes.toString('latin1', 9, 12);
      const lengthAt = bytes.subarray(0, headerEnd).toString('latin1').toLowerCase().indexOf('\r\ncontent-length:');
      const bodyLength = lengthAt < 0 ? -1 : parseInt(bytes.toString('latin1', lengthAt + 17, bytes.indexOf('\r\n', lengthAt + 2, 'latin1')), 10);
      if (!(bodyLength >= 0)) return fail(); // the simulator always sends Content-Length
      const end = headerEnd + 4 + bodyLength;
      if (length < end) return void (pending ??= Buffer.from(buffer.subarray(0, nread)));
      // Bytes beyond the body would be a protocol error (one request in flight per connection).
      if (length !== end) return fail();
      pending = undefined;
      finish(status === '200', bytes, headerEnd + 4, end);
    };
    const connect = () => {
      // Reads land in one buffer shared by all clients (each read is handled before the next one).
      const own = net.connect({ host: target.hostname, port: Number(target.port), noDelay: true, onread: { buffer: readBuffer, callback: (nread, buffer) => onRead(own, nread, buffer) } });
      socket = own;
      const lose = () => {
        if (own === socket) fail();
      };
      own.on('error', lose);
      own.on('close', lose);
    };
    const next = () => {
      const now = performance.now();
      if (now >= deadline || sent >= max) {
        const last = socket;
        socket = undefined;
        last?.destroy();
        return done();
      }
      if (now >= timedFrom) sent += 1;
      phn = PHNS[(index + n) % PHNS.length];
      device = `B${index}-${n}`;
      const messageId = `${RUN}-${index}-${n++}`;
      pending = undefined;
      if (!socket) connect();
      inFlight = true;
      started = performance.now();
      socket.write(httpRequest(host, messageId, device, phn));
    };
    next();
  });
}

// Warm-up, not timed: every client connects and gets one (verified) answer, then all clients load
// the server for WARMUP seconds (default 3) exactly as in the measurement, which starts right after
// without a pause. So the figures are the steady state of 200 connected clients, not connection
// set-up (under load Node accepts new connections slowly), the one-off schema compilation, or the
// first second or so in which V8 still runs the request path unoptimised and a queue builds up
// (on this 2-core VM that second alone held more than 1 % of a 30 s run's requests, so it set the
// p99). The warm-up's own latencies, losses and mismatches are printed apart.
let warmupMax = 0;
let warmedCount = 0;
let startLoad;
const go = new Promise((resolve) => (startLoad = resolve));
let allWarm;
const warm = new Promise((resolve) => (allWarm = resolve));
function warmed() {
  if (++warmedCount === clients) allWarm();
}
const warmStarted = performance.now();
const running = Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
await warm;
const connectSeconds = (performance.now() - warmStarted) / 1000;
timedFrom = performance.now() + WARMUP_SECONDS * 1000;
deadline = timedFrom + seconds * 1000;
startLoad();
await new Promise((resolve) => setTimeout(resolve, Math.max(0, timedFrom - performance.now())));
const load1 = os.loadavg();
const cpuBefore = process.cpuUsage();
const serverBefore = server.cpu();
const started = performance.now();
await running;
clearInterval(sweep);
const elapsed = (performance.now() - started) / 1000;
const serverAfter = server.cpu();
const cpu = process.cpuUsage(cpuBefore);
const load2 = os.loadavg();
const sorted = latencies.subarray(0, count).sort();
const pct = (p) => (count ? sorted[Math.min(count - 1, Math.floor((p / 100) * count))] : 0);
const tick = 100; // USER_HZ
return {
  count,
  elapsed,
  rate: count / elapsed,
  p50: pct(50),
  p90: pct(90),
  p99: pct(99),
  max: count ? sorted[count - 1] : 0,
  lost,
  mismatched,
  warmupLost,
  warmupMismatched,
  connectSeconds,
  warmupMax,
  warmupCount: warmupLatencies.length,
  warmupP99: warmupLatencies.length ? warmupLatencies.sort((a, b) => a - b)[Math.floor(0.99 * warmupLatencies.length)] : 0,
  serverCpu: serverBefore !== undefined && serverAfter !== undefined ? (serverAfter - serverBefore) / tick / elapsed : undefined,
  loadgenCpu: (cpu.user + cpu.system) / 1e6 / elapsed,
  load1,
  load2,
};
}

const sim = await startSimulator();
let reference;
let floor;
if (process.env.REFERENCE !== '0') {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hie-conform-bench-'));
  try {
    const file = path.join(dir, 'reply.xml');
    writeFileSync(file, await captureTemplate(sim.url));
    const script = fileURLToPath(new URL('./reference-soap-server.mjs', import.meta.url));
    const measureServer = async (args) => {
      const server = await startServer([script, file, ...args]);
      try {
        return await measure(server);
      } finally {
        await server.stop();
      }
    };
    reference = await measureServer([]);
    if (process.env.VALIDATION_FLOOR !== '0') floor = await measureServer(['--validate']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const result = await measure(sim);
await sim.stop();

const cpuText = (r) => `${r.serverCpu !== undefined ? `${(r.serverCpu * 100).toFixed(0)}%` : 'n/a'} (${r.serverCpu !== undefined ? `${((r.serverCpu / r.rate) * 1e6).toFixed(0)} µs/request` : ''}), load generator ${(r.loadgenCpu * 100).toFixed(0)}% of one core`;
const line = (name, r) => `  ${name.padEnd(10)} ${r.rate.toFixed(0).padStart(6)} req/s, latency p50 ${r.p50.toFixed(1)} ms, p90 ${r.p90.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms; lost ${r.lost}, mismatched ${r.mismatched}; cpu: server ${cpuText(r)}`;
// Losses and mismatches count whenever they happen, warm-up included; the latency target is the timed part's.
const clean = (r) => r.lost + r.mismatched + r.warmupLost + r.warmupMismatched === 0;
const met = clean(result) && result.p99 < 50;
console.log(`simulator load: ${clients} closed-loop clients${rate > 0 ? ` offering ${rate} req/s in all (RATE)` : ''}, ${result.elapsed.toFixed(1)} s, ${result.count} requests (HCIM_IN_GetDemographics, HL7v3 over SOAP, loopback, simulator = separate \`hie-conform serve\` process)`);
console.log(`  throughput ${result.rate.toFixed(0)} req/s`);
console.log(`  latency p50 ${result.p50.toFixed(1)} ms, p90 ${result.p90.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms`);
console.log(`  lost ${result.lost}, mismatched ${result.mismatched}`);
console.log(`  warm-up before the clock (not in the figures above): connecting ${result.connectSeconds.toFixed(1)} s (slowest first answer ${result.warmupMax.toFixed(0)} ms), then ${WARMUP_SECONDS} s of the same load: ${result.warmupCount} requests, p99 ${result.warmupP99.toFixed(1)} ms, ${result.warmupLost} lost, ${result.warmupMismatched} mismatched`);
console.log(`  cpu: simulator ${cpuText(result)}; ${os.cpus().length} cores; load average ${result.load1.map((l) => l.toFixed(2)).join(' ')} → ${result.load2.map((l) => l.toFixed(2)).join(' ')}`);
const ratio = (r, base) => `throughput ${(r.rate / base.rate).toFixed(2)}x, p50 ${(r.p50 / base.p50).toFixed(2)}x, p99 ${(r.p99 / base.p99).toFixed(2)}x${base.serverCpu !== undefined && r.serverCpu !== undefined ? `, CPU per request ${(r.serverCpu / r.rate / (base.serverCpu / base.rate)).toFixed(2)}x` : ''}`;
if (reference) {
  console.log(`\nsame run, same clients, same ${seconds} s, one after the other:`);
  console.log(line('reference', reference));
  if (floor) console.log(line('+ XSD', floor));
  console.log(line('simulator', result));
  console.log(`  simulator / reference: ${ratio(result, reference)}`);
  if (floor) console.log(`  simulator / + XSD:     ${ratio(result, floor)}`);
  console.log(`  (reference = bench/reference-soap-server.mjs: bare node:http, canned reply, no parsing: the floor for a Node.js endpoint here;`);
  if (floor) console.log(`   + XSD = the same with --validate: each request read and XSD-validated by the simulator's native reader first: the floor for an endpoint that validates)`);
  else console.log(`   validation floor skipped: VALIDATION_FLOOR=0)`);
}
const references = [reference, floor].filter(Boolean);
console.log(`  targets: 0 lost, 0 mismatched, p99 < 50 ms → ${met ? 'met' : 'NOT met'}${reference ? `; the reference itself: p99 ${reference.p99.toFixed(1)} ms` : ''}${floor ? `, + XSD: p99 ${floor.p99.toFixed(1)} ms` : ''}`);
process.exitCode = clean(result) && references.every(clean) ? 0 : 1;
