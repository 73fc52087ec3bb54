#!/usr/bin/env node
// The reference for bench/simulator.sh: the least a Node.js SOAP endpoint can do per request on
// this machine. A bare node:http server that answers every POST with a canned GetDemographics
// reply (a real simulator answer, captured by the bench) in which only the sender device and the
// PHN are swapped, found by indexOf: no XML parsing, no validation, no store, no recording. The
// simulator's figures are printed as ratios against this server's, measured in the same run with
// the same load generator, so the machine's own speed and noise cancel out.
//   node bench/reference-soap-server.mjs <template-file>   (prints "listening http://127.0.0.1:PORT")
import fs from 'node:fs';
import http from 'node:http';

const template = fs.readFileSync(process.argv[2], 'utf8');
// The template holds the markers the bench put in place of the captured answer's device and PHN.
const parts = template.split(/(@@DEVICE@@|@@PHN@@)/);

function attrAfter(text, after, from) {
  const at = text.indexOf(after, from);
  if (at < 0) return '';
  const start = at + after.length;
  return text.slice(start, text.indexOf('"', start));
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const device = attrAfter(body, 'extension="', body.indexOf('<sender'));
    const phn = attrAfter(body, 'extension="', body.indexOf('<person.id>'));
    const reply = parts.map((part) => (part === '@@DEVICE@@' ? device : part === '@@PHN@@' ? phn : part)).join('');
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'content-length': String(Buffer.byteLength(reply)) });
    res.end(reply);
  });
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening http://127.0.0.1:${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
