#!/usr/bin/env node
// The references for bench/simulator.sh: the least a Node.js SOAP endpoint can do per request on
// this machine. A bare node:http server that answers every POST with a canned GetDemographics
// reply (a real simulator answer, captured by the bench) in which only the sender device and the
// PHN are swapped. The simulator's figures are printed as ratios against these servers', measured
// in the same run with the same load generator, so the machine's own speed and noise cancel out.
//
//   node bench/reference-soap-server.mjs <template-file>              (prints "listening http://127.0.0.1:PORT")
//     bare: device and PHN found by indexOf: no XML parsing, no validation, no store, no recording.
//   node bench/reference-soap-server.mjs <template-file> --validate
//     validation floor: each request first goes through the simulator's own native request reader
//     (the built dist/, as the simulator runs it: one libxml2 parse, the wrapper facts and the XSD
//     validation on a libuv worker thread, requests queued into a few jobs), and the
//     device and PHN come from its facts; an invalid or unreadable request gets a 500. What is left
//     between this server and the simulator is the registry itself: routing, the person lookup,
//     building the reply, recording the exchange.
import fs from 'node:fs';
import http from 'node:http';

const template = fs.readFileSync(process.argv[2], 'utf8');
const validate = process.argv.includes('--validate');
// The template holds the markers the bench put in place of the captured answer's device and PHN.
const parts = template.split(/(@@DEVICE@@|@@PHN@@)/);

function attrAfter(text, after, from) {
  const at = text.indexOf(after, from);
  if (at < 0) return '';
  const start = at + after.length;
  return text.slice(start, text.indexOf('"', start));
}

/** Device and PHN of a request, or undefined when the validation floor refuses it. */
let read = async (body) => ({ device: attrAfter(body, 'extension="', body.indexOf('<sender')), phn: attrAfter(body, 'extension="', body.indexOf('<person.id>')) });
if (validate) {
  const { nativeXsdAddon, nativeAddonProblem } = await import('../dist/validate/xsd-engine.js');
  const { inspectV3RequestNative } = await import('../dist/simulator/hcim-v3/v3-request-native.js');
  const addon = nativeXsdAddon();
  if (!addon) {
    process.stderr.write(`reference-soap-server --validate: ${nativeAddonProblem()}\n`);
    process.exit(2);
  }
  read = async (body, bytes) => {
    const inspected = await inspectV3RequestNative(addon, body, bytes);
    if (!inspected?.ok || inspected.schemaProblem !== undefined) return undefined;
    return { device: inspected.facts.senderDevice, phn: inspected.facts.queryPersonId?.extension ?? '' };
  };
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    const bytes = Buffer.concat(chunks);
    const found = await read(bytes.toString('utf8'), bytes);
    if (!found) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('not a valid HCIM_IN_GetDemographics request');
      return;
    }
    const reply = parts.map((part) => (part === '@@DEVICE@@' ? found.device : part === '@@PHN@@' ? found.phn : part)).join('');
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'content-length': String(Buffer.byteLength(reply)) });
    res.end(reply);
  });
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening http://127.0.0.1:${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
