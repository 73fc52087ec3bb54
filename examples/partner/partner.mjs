#!/usr/bin/env node
// Reference partner for hie-conform client mode and receiver suites. See README.md.
//   node examples/partner/partner.mjs client --registry http://127.0.0.1:PORT [--misbehave a,b]
//   node examples/partner/partner.mjs receiver [--port 0] [--misbehave a,b]
import { parseArgs } from 'node:util';
import { runClient } from './client.mjs';
import { startReceiver } from './receiver.mjs';

const CLIENT_MISBEHAVIOURS = ['bad-phn', 'wrong-soapaction', 'duplicate-message-id', 'fc-surname-only', 'stray', 'skip-fhir'];
const RECEIVER_MISBEHAVIOURS = ['ack-ae', 'accept-malformed', 'wrong-target-message', 'fhir-500'];

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { registry: { type: 'string' }, port: { type: 'string', default: '0' }, host: { type: 'string', default: '127.0.0.1' }, misbehave: { type: 'string', default: '' }, quiet: { type: 'boolean', default: false } },
});
const mode = positionals[0];
const misbehave = new Set(values.misbehave.split(',').map((s) => s.trim()).filter(Boolean));
const log = values.quiet ? () => {} : (line) => process.stderr.write(`partner: ${line}\n`);
const known = mode === 'client' ? CLIENT_MISBEHAVIOURS : RECEIVER_MISBEHAVIOURS;
const unknown = [...misbehave].filter((m) => !known.includes(m));
if ((mode !== 'client' && mode !== 'receiver') || unknown.length > 0) {
  process.stderr.write(`usage: partner.mjs client --registry URL [--misbehave ${CLIENT_MISBEHAVIOURS.join(',')}]\n       partner.mjs receiver [--port N] [--misbehave ${RECEIVER_MISBEHAVIOURS.join(',')}]\n`);
  if (unknown.length > 0) process.stderr.write(`unknown misbehaviour(s) for ${mode}: ${unknown.join(', ')}\n`);
  process.exit(2);
}

if (mode === 'client') {
  if (!values.registry) {
    process.stderr.write('partner.mjs client needs --registry URL (the URL `hie-conform listen` prints)\n');
    process.exit(2);
  }
  try {
    await runClient(values.registry.replace(/\/+$/, ''), misbehave, log);
  } catch (error) {
    process.stderr.write(`partner: ${error.message}\n`);
    process.exit(1);
  }
} else {
  const receiver = await startReceiver({ port: Number(values.port), host: values.host, misbehave, log });
  process.stdout.write(`listening ${receiver.url}\n`);
  const stop = async () => {
    await receiver.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
