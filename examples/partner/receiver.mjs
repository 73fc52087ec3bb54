// The reference partner as a RECEIVER of HCIM and PLR distributions: answers what
// suites/receiver-* push. Plain node:http; XML read with @xmldom/xmldom.
import http from 'node:http';
import { DOMParser } from '@xmldom/xmldom';
import { escapeXml, mcciAck, newMessageId, soap } from './messages.mjs';

const V3 = 'urn:hl7-org:v3';
const PLR_MESSAGE_ID = '2.16.840.1.113883.3.40.1.5';
const PLR_IPC = '2.16.840.1.113883.3.40.2.8';
/** Which HL7v3 roots each receiver port takes (HCIM WSDLs PRPA_AR101006/PRPA_AR101201; PLR moh-prime). */
const PORTS = {
  '/HA/PRPA_AR101006.asmx': ['HCIM_IN_PersonRevisedDistribution'],
  '/HA/PRPA_AR101201.asmx': ['HCIM_IN_PersonRevisedAccepted', 'HCIM_IN_PersonRevisedRejected'],
  '/plr/distribution': ['PRPM_IN301030CA', 'PRPM_IN303030CA'],
};

/**
 * Start the receiver; resolves with `{ url, close }`. Endpoints: see README.md.
 * `misbehave`: ack-ae, accept-malformed, wrong-target-message, fhir-500.
 */
export async function startReceiver({ port = 0, host = '127.0.0.1', misbehave = new Set(), log = () => {} } = {}) {
  const seen = new Set();
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = new URL(request.url ?? '/', 'http://partner').pathname;
      let answer;
      try {
        answer = route(request.method ?? 'GET', path, request.headers, body, { seen, misbehave });
      } catch (error) {
        answer = { status: 500, type: 'text/plain', body: `partner error: ${error.message}` };
      }
      log(`${request.method} ${path} → ${answer.status}`);
      response.writeHead(answer.status, { 'content-type': answer.type });
      response.end(answer.body);
    });
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const url = `http://${host}:${server.address().port}`;
  return { url, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }) };
}

function route(method, path, headers, body, state) {
  if (PORTS[path] && method === 'POST') return v3Receive(PORTS[path], headers, body, state);
  if (path === '/hcim/notifications' && method === 'POST') return fhirNotification(body, state);
  if (path === '/plr/fhir/$distribution' && (method === 'PUT' || method === 'POST')) return plrFhirDistribution(body, state);
  return { status: 404, type: 'text/plain', body: `no partner endpoint at ${method} ${path}` };
}

function v3Receive(roots, headers, body, { seen, misbehave }) {
  const accepting = misbehave.has('accept-malformed');
  const message = readMessage(body);
  if (!message.ok && !accepting) return fault(message.reason);
  const root = message.root ?? '';
  const id = message.id ?? { root: '', extension: '' };
  const ack = (typeCode, text) => {
    const target = misbehave.has('wrong-target-message') ? { root: id.root, extension: newMessageId() } : id;
    const finalType = misbehave.has('ack-ae') ? 'AE' : typeCode;
    return { status: 200, type: 'text/xml; charset=utf-8', body: soap(mcciAck({ typeCode: finalType, targetMessage: target, text: finalType === 'AA' ? undefined : text ?? 'rejected by the partner' })) };
  };
  if (accepting) return ack('AA');
  if (!roots.includes(root)) return fault(`this endpoint takes ${roots.join(' or ')}, but received ${root || 'no HL7v3 message'}`);
  const action = String(headers.soapaction ?? '').replace(/^"|"$/g, '');
  if (action !== `urn:hl7-org:v3/${root}`) return ack('AE', `SOAPAction "${action}" does not match ${root}`);
  if (!id.extension) return ack('AE', 'the message id (id/@extension) is missing');
  if (root.startsWith('PRPM_') && !message.ids.some((i) => i.root === PLR_IPC && i.extension)) return ack('AE', `the provider has no IPC (id root ${PLR_IPC})`);
  if (root.startsWith('PRPM_') && id.root !== PLR_MESSAGE_ID) return ack('AE', `the message id root must be ${PLR_MESSAGE_ID}`);
  const key = `${id.root}|${id.extension}`;
  if (seen.has(key)) return ack('AE', `message id ${id.extension} was already received`);
  seen.add(key);
  return ack('AA');
}

/** Parse the SOAP envelope and read the HL7v3 root, its id and every id in the payload. */
function readMessage(body) {
  let problem;
  let document;
  try {
    document = new DOMParser({ onError: (level, text) => { if (level !== 'warning') problem ??= String(text); } }).parseFromString(body, 'text/xml');
  } catch (error) {
    problem ??= error.message;
  }
  if (problem || !document?.documentElement) return { ok: false, reason: `not well-formed XML: ${problem ?? 'no root element'}` };
  const envelope = document.documentElement;
  const bodyElement = elements(envelope).find((e) => e.localName === 'Body');
  const message = envelope.namespaceURI === V3 ? envelope : bodyElement ? elements(bodyElement)[0] : undefined;
  if (!message || message.namespaceURI !== V3) return { ok: false, reason: 'no HL7v3 message in the SOAP Body' };
  const idElement = elements(message).find((e) => e.localName === 'id');
  const ids = [...message.getElementsByTagNameNS(V3, 'id')].map((e) => ({ root: e.getAttribute('root') ?? '', extension: e.getAttribute('extension') ?? '' }));
  return { ok: true, root: message.localName, id: { root: idElement?.getAttribute('root') ?? '', extension: idElement?.getAttribute('extension') ?? '' }, ids };
}

function elements(node) {
  const out = [];
  for (let child = node?.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) out.push(child);
  return out;
}

function fault(reason) {
  // SOAP 1.1 §6.2: a fault travels with HTTP 500.
  return { status: 500, type: 'text/xml; charset=utf-8', body: `<?xml version="1.0" encoding="UTF-8"?>\n<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>${escapeXml(reason)}</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>\n` };
}

function fhirNotification(body, { misbehave }) {
  if (misbehave.has('fhir-500')) return outcome(500, 'error', 'exception', 'the partner failed to store the notification');
  if (misbehave.has('accept-malformed')) return outcome(200, 'information', 'informational', 'received');
  const bundle = parseJson(body);
  const parameters = bundle?.entry?.[0]?.resource;
  const event = parameters?.parameter?.find?.((p) => p?.name === 'eventType')?.valueCodeableConcept?.coding?.[0]?.code;
  if (bundle?.resourceType !== 'Bundle' || bundle.type !== 'collection' || parameters?.resourceType !== 'Parameters' || !event) {
    return outcome(400, 'error', 'structure', 'expected a bc-subscription-notification-bundle (collection Bundle starting with the metadata Parameters and an eventType)');
  }
  return outcome(200, 'information', 'informational', `notification ${event} received`);
}

function plrFhirDistribution(body, { misbehave }) {
  if (misbehave.has('fhir-500')) return outcome(500, 'error', 'exception', 'the partner failed to store the distribution');
  const bundle = parseJson(body);
  if (!misbehave.has('accept-malformed') && (bundle?.resourceType !== 'Bundle' || bundle.type !== 'transaction')) {
    return outcome(400, 'error', 'structure', 'expected a transaction Bundle');
  }
  const entries = Array.isArray(bundle?.entry) ? bundle.entry : [];
  return { status: 200, type: 'application/fhir+json', body: JSON.stringify({ resourceType: 'Bundle', type: 'transaction-response', entry: entries.map(() => ({ response: { status: '200 OK' } })) }) };
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function outcome(status, severity, code, text) {
  return { status, type: 'application/fhir+json', body: JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics: text }] }) };
}
