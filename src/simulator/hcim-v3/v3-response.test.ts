import assert from 'node:assert/strict';
import { soapReply } from './soap-reply.js';
import { queryResponse, transmissionWrapper, UNKNOWN_REQUEST, type ReplyContext } from './v3-response.js';

const REQUEST: ReplyContext = { messageId: { root: '2.16.840.1.113883.3.51.1.1.1', extension: 'm-1' }, senderDevice: 'DEV<&>', senderOrganization: 'ORG"1', processingCode: 'D', payloadXml: '<queryByParameterPayload/>' };

/** Message id and creation time vary per reply. */
function stable(text: string): string {
  return text.replace(/extension="[0-9a-f-]{36}"/, 'extension="UUID"').replace(/<creationTime value="[^"]*"\/>/, '<creationTime value="TIME"/>');
}

describe('HCIM v3 reply text', () => {
  it('transmissionWrapper: head, receiver = caller (escaped), sender = HCIM, one element per line', () => {
    assert.equal(
      stable(transmissionWrapper('HCIM_IN_GetDemographicsResponse', REQUEST)),
      [
        '<id root="2.16.840.1.113883.3.51.1.1.1" extension="UUID"/>',
        '<creationTime value="TIME"/>',
        '<versionCode code="V3PR1"/>',
        '<interactionId root="2.16.840.1.113883.3.51.1.1.2" extension="HCIM_IN_GetDemographicsResponse"/>',
        '<processingCode code="D"/>',
        '<processingModeCode code="T"/>',
        '<acceptAckCode code="NE"/>',
        '<receiver typeCode="RCV"><device classCode="DEV" determinerCode="INSTANCE">',
        '<id root="2.16.840.1.113883.3.51.1.1.5" extension="DEV&lt;&amp;&gt;"/>',
        '<asAgent classCode="AGNT"><representedOrganization classCode="ORG" determinerCode="INSTANCE"><id root="2.16.840.1.113883.3.51.1.1.3" extension="ORG&quot;1"/></representedOrganization></asAgent>',
        '</device></receiver>',
        '<sender typeCode="SND"><device classCode="DEV" determinerCode="INSTANCE">',
        '<id root="2.16.840.1.113883.3.51.1.1.4" extension="192.168.0.1"/>',
        '<asAgent classCode="AGNT"><representedOrganization classCode="ORG" determinerCode="INSTANCE"><id root="2.16.840.1.113883.3.51.1.1.3" extension="HCIM"/></representedOrganization></asAgent>',
        '</device></sender>',
      ].join('\n'),
    );
  });

  it('transmissionWrapper: unknown caller and acknowledgement', () => {
    const text = stable(transmissionWrapper('HCIM_IN_GetRelatedIdentifiersResponse', UNKNOWN_REQUEST, { typeCode: 'AE', code: 'BCHCIM.GD.2.0006', text: 'bad' }));
    assert.match(text, /<processingCode code="P"\/>\n/);
    assert.match(text, /extension="UNKNOWN"\/>\n<asAgent/);
    assert.ok(text.endsWith('</device></sender>\n<acknowledgement><typeCode code="AE"/><targetMessage><id nullFlavor="UNK"/></targetMessage><acknowledgementDetail typeCode="E"><code code="BCHCIM.GD.2.0006" codeSystem="HCIM"/><text>bad</text></acknowledgementDetail></acknowledgement>'));
  });

  it('queryResponse: no blank lines for empty subjects or payload', () => {
    const text = queryResponse('HCIM_IN_GetDemographicsResponse', { ...REQUEST, payloadXml: '' }, '', 'BCHCIM.GD.0.0018', 0);
    const lines = text.split('\n');
    assert.ok(!lines.includes(''));
    assert.equal(lines[0], '<HCIM_IN_GetDemographicsResponse xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">');
    assert.deepEqual(lines.slice(-5), [
      '<controlActProcess classCode="ACCM" moodCode="EVN">',
      '<queryAck><queryResponseCode code="BCHCIM.GD.0.0018"/><resultTotalQuantity value="0"/></queryAck>',
      '<queryByParameterPayload><person.id><value nullFlavor="NI"/></person.id></queryByParameterPayload>',
      '</controlActProcess>',
      '</HCIM_IN_GetDemographicsResponse>',
    ]);
    const found = queryResponse('HCIM_IN_GetDemographicsResponse', REQUEST, '<subject/>', 'BCHCIM.GD.0.0013', 1, { text: 'a -- b' });
    assert.deepEqual(found.split('\n').slice(-6), [
      '<controlActProcess classCode="ACCM" moodCode="EVN">',
      '<subject/>',
      '<queryAck><!-- a - - b --><queryResponseCode code="BCHCIM.GD.0.0013"/><resultTotalQuantity value="1"/></queryAck>',
      '<queryByParameterPayload/>',
      '</controlActProcess>',
      '</HCIM_IN_GetDemographicsResponse>',
    ]);
  });

  it('soapReply: envelope, keys in order, interaction and deliveries only when given', () => {
    const plain = soapReply('<x/>');
    assert.deepEqual(Object.keys(plain), ['status', 'headers', 'body']);
    assert.equal(plain.body, '<?xml version="1.0" encoding="utf-8"?>\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">\n<s:Body>\n<x/>\n</s:Body>\n</s:Envelope>\n');
    assert.deepEqual(plain.headers, { 'content-type': 'text/xml; charset=utf-8' });
    assert.deepEqual(Object.keys(soapReply('<x/>', 'R', [])), ['status', 'headers', 'body', 'interaction']);
    const delivery = { label: 'l', url: 'http://x', method: 'POST' as const, headers: {}, body: '' };
    assert.deepEqual(Object.keys(soapReply('<x/>', 'R', [delivery])), ['status', 'headers', 'body', 'interaction', 'deliveries']);
  });
});
