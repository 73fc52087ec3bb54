import { expect } from 'chai';
import * as v3 from '../test-support/hcim-v3-requests.js';
import { readHcimRequest, requestSchemaProblem } from './request-schema.js';
import { nativeXsdAddon } from '../../validate/xsd-engine.js';
import { inspectV3Request, type InspectedV3Request } from './v3-request-libxml.js';
import { inspectV3RequestNative } from './v3-request-native.js';
import { readV3Request } from './v3-request.js';
import { echoPayload } from './v3-response.js';

const gd = v3.getDemographicsRequest('9876543218').body;
const person = { sourceId: 'S-1', family: 'DOE', given: 'JANE', gender: 'F' as const, birthDate: '19800101' };

/** Request bodies covering the shapes the one-parse reader must read exactly as the reference reader. */
const BODIES: Record<string, string> = {
  'GetDemographics': gd,
  'GetDemographics .History by source id': v3.getDemographicsRequest('VIHA-000417', { root: '2.16.840.1.113883.3.51.1.1.6', history: true }).body,
  'GetRelatedIdentifiers': v3.getRelatedIdentifiersRequest('9876543218').body,
  'FindCandidates': v3.findCandidatesRequest('ASHWORTH', 'V8V 3K8').body,
  'FindCandidates with non-ASCII and escaped characters in the payload': v3.findCandidatesRequest('MÜLLER-Ōtsuka &amp; 李', 'V8V 3K8').body,
  'PersonRevised': v3.personRevisedRequest(person).body,
  'PersonRevised async': v3.personRevisedRequest(person, { async: true }).body,
  'PersonMerged': v3.personMergedRequest('9877176374', '9877176002').body,
  'PersonNullified': v3.personNullifiedRequest('9877250377').body,
  'PLR query (not an HCIM root)': v3.providerQueryRequest('IPC.00166847.BC.PRS').body,
  'schema-invalid: versionCode moved': gd.replace('<versionCode code="V3PR1"/>', '').replace('<creationTime', '<versionCode code="V3PR1"/><creationTime'),
  'schema-invalid: empty PHN extension (schematron code)': gd.replace('extension="9876543218"', 'extension=""'),
  'no person.id value': gd.replace(/<person\.id>.*<\/person\.id>/, ''),
  'value without attributes': gd.replace(/<value root="[^"]*" extension="[^"]*"/, '<value'),
  'no payload': gd.replace(/<queryByParameter>.*<\/queryByParameter>/, ''),
  'no sender': gd.replace(/<sender [^]*?<\/sender>/, ''),
  'prefixed HL7v3 elements': gd.replace('<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3">', '<hl7:HCIM_IN_GetDemographics xmlns:hl7="urn:hl7-org:v3" xmlns="urn:hl7-org:v3">').replace('</HCIM_IN_GetDemographics>', '</hl7:HCIM_IN_GetDemographics>').replace('<queryByParameterPayload>', '<hl7:queryByParameterPayload>').replace('</queryByParameterPayload>', '</hl7:queryByParameterPayload>'),
  'namespaced attribute in the payload': gd.replace('<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3">', '<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">').replace('<value root=', '<value xsi:type="II" root='),
  'foreign element before sender': gd.replace('<sender typeCode="SND">', '<x:sender xmlns:x="urn:other"><device><id extension="FOREIGN"/></device></x:sender><sender typeCode="SND">'),
  'foreign-namespace root': gd.replace('<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3">', '<HCIM_IN_GetDemographics xmlns="urn:other">'),
  'no-namespace root': gd.replace('<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3">', '<HCIM_IN_GetDemographics>'),
  'bare message, no envelope': gd.slice(gd.indexOf('<HCIM_IN_GetDemographics'), gd.indexOf('</HCIM_IN_GetDemographics>') + '</HCIM_IN_GetDemographics>'.length),
  'SOAP 1.2 envelope': gd.replace('http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope'),
  'envelope in an unknown namespace': gd.replace('http://schemas.xmlsoap.org/soap/envelope/', 'urn:not-soap'),
  'SOAP Fault': '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>x</faultstring></soap:Fault></soap:Body></soap:Envelope>',
  'empty Body': '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>',
  'DOCTYPE': `<!DOCTYPE x [<!ENTITY e "x">]>${gd.slice(gd.indexOf('<soap:Envelope'))}`,
  'DOCTYPE text inside a comment': gd.replace('<soap:Body>', '<soap:Body><!-- <!DOCTYPE -->'),
  'not well-formed': gd.slice(0, 400),
  'empty': '',
  'escaped characters in ids': gd.replace('extension="HIE_CONFORM"', 'extension="A&amp;B &lt;&quot;&#233;&quot;&gt;"'),
  'comment and whitespace in the payload': gd.replace('<person.id>', '<!-- c --> <person.id>\n'),
  'private-use separator character in a value': gd.replace('extension="HIE_CONFORM"', 'extension="A\uE000B"'),
};

type Inspector = (body: string) => InspectedV3Request | undefined | Promise<InspectedV3Request | undefined>;
/** The one-parse readers: libxml2-wasm, and the native addon when it is built (npm install builds it). */
const INSPECTORS: { engine: string; inspect?: Inspector }[] = [
  { engine: 'libxml2-wasm', inspect: inspectV3Request },
  { engine: 'native addon', inspect: nativeXsdAddon() ? (body) => inspectV3RequestNative(nativeXsdAddon()!, body) : undefined },
];

for (const { engine, inspect } of INSPECTORS) describe(`HCIM request reader (${engine}): one libxml2 parse reads what the xmldom reader + validateHl7v3 read`, () => {
  before(function () {
    if (!inspect) {
      process.stdout.write(`      (skipped: the native addon is not built, see native/README.md)\n`);
      this.skip();
    }
  });
  for (const [name, body] of Object.entries(BODIES)) {
    it(name, async () => {
      const reference = readV3Request(body);
      const inspected = await inspect!(body);
      const read = await readHcimRequest(body);
      if (inspected === undefined) {
        // The reference path itself: same parse outcome, same verdict. (readHcimRequest reads with
        // the configured engine, which may take its own one-parse path here: the native addon
        // returns the facts as separate values, so a separator character in a value is no reason
        // for it to fall back. Then its wrapper facts must still be the reference's.)
        if (read.parsed.ok && reference.ok) expect(wrapperFacts(read.parsed.request)).to.deep.equal(wrapperFacts(reference.request));
        else expect(read.parsed).to.deep.equal(reference);
        return;
      }
      if (!inspected.ok) {
        expect(reference).to.deep.equal(inspected);
        return;
      }
      expect(reference.ok, 'the reference reader reads it too').to.equal(true);
      if (!reference.ok) return;
      const r = reference.request;
      const f = inspected.facts;
      expect({ rootName: f.rootName, messageId: f.messageId, senderDevice: f.senderDevice, senderOrganization: f.senderOrganization, processingCode: f.processingCode, interactionId: f.interactionId, acceptAckCode: f.acceptAckCode, hasPayload: f.hasPayload }).to.deep.equal({
        rootName: r.rootName,
        messageId: r.messageId,
        senderDevice: r.senderDevice,
        senderOrganization: r.senderOrganization,
        processingCode: r.processingCode,
        interactionId: r.interactionId,
        acceptAckCode: r.acceptAckCode,
        hasPayload: r.payload !== undefined,
      });
      const value = r.payload ? [...childElements(r.payload)].find((e) => e.localName === 'person.id') : undefined;
      const valueElement = value ? [...childElements(value)].find((e) => e.localName === 'value') : undefined;
      expect(f.queryPersonId).to.deep.equal(valueElement ? { root: valueElement.getAttribute('root') ?? '', extension: valueElement.getAttribute('extension') ?? '' } : null);
      if (f.payloadXml !== undefined) expect(f.payloadXml).to.equal(echoPayload(r.payload));
      // The lazy request exposes the same DOM when a handler asks for it.
      expect(read.parsed.ok).to.equal(true);
      if (read.parsed.ok) {
        expect(read.parsed.request.root.localName).to.equal(r.root.localName);
        expect(read.parsed.request.payload?.localName).to.equal(r.payload?.localName);
        // A spread copy (error-reply context) drops the payload text with the payload.
        expect({ ...read.parsed.request, payload: undefined }.payloadXml).to.equal(undefined);
      }
      expect(await read.schemaProblem()).to.equal(await requestSchemaProblem(body));
    });
  }

  it('takes the one-parse path for the ordinary requests (the load bench shape)', async () => {
    for (const name of ['GetDemographics', 'GetRelatedIdentifiers', 'FindCandidates', 'PersonRevised', 'schema-invalid: versionCode moved']) {
      const inspected = await inspect!(BODIES[name]!);
      expect(inspected?.ok, name).to.equal(true);
    }
    const plain = await inspect!(gd);
    expect(plain?.ok && plain.facts.payloadXml).to.be.a('string');
  });

  it('reads the same facts and verdicts as the libxml2-wasm reader wherever both take the one-parse path', async () => {
    let compared = 0;
    for (const [name, body] of Object.entries(BODIES)) {
      const wasm = inspectV3Request(body);
      const ours = await inspect!(body);
      if (wasm === undefined || ours === undefined) continue;
      expect(ours, name).to.deep.equal(wasm);
      compared++;
    }
    expect(compared).to.be.greaterThan(15);
  });
});

function* childElements(element: { firstChild: unknown }): Generator<import('@xmldom/xmldom').Element> {
  for (let node = element.firstChild as { nodeType: number; nextSibling: unknown } | null; node; node = node.nextSibling as typeof node) if (node.nodeType === 1) yield node as unknown as import('@xmldom/xmldom').Element;
}

/** The wrapper facts of a read request (full or lazy), for comparing readers. */
function wrapperFacts(request: { rootName: string; messageId: unknown; senderDevice: string; senderOrganization: string; processingCode: string; interactionId: string; acceptAckCode: string }) {
  const { rootName, messageId, senderDevice, senderOrganization, processingCode, interactionId, acceptAckCode } = request;
  return { rootName, messageId, senderDevice, senderOrganization, processingCode, interactionId, acceptAckCode };
}
