import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../../src/transport/test-helpers/test-server.js';
import { runCli, tempProject } from './helpers/run-cli.js';

const XXE = `<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><x xmlns="urn:hl7-org:v3">&xxe;</x></s:Body></s:Envelope>`;
const BOMB = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<lolz>&lol9;</lolz>`;

function caseYaml(id: string, kind: 'soap' | 'fhir', route: string, expectations: string[], extra = ''): string {
  return [
    `  - id: ${id}`,
    `    title: ${id}`,
    '    steps:',
    '      - id: call',
    `        kind: ${kind}`,
    `        url: \${hcim-fhir}/${route}`,
    ...(kind === 'soap' ? ['        soapAction: urn:hl7-org:v3/QUPA_IN101101', '        body: "<HCIM_IN_GetDemographics xmlns=\'urn:hl7-org:v3\'/>"'] : []),
    ...(extra ? [extra] : []),
    '        expect:',
    ...expectations.map((e) => `          - ${e}`),
  ].join('\n');
}

describe('e2e: hostile responses', function () {
  this.timeout(60_000);

  it('XXE, entity bombs, HTML 5xx, invalid UTF-8, huge and trickling bodies: clear outcomes, the run goes on', async () => {
    const server = await startTestServer((req, res) => {
      const send = (status: number, type: string, body: string | Buffer) => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      };
      switch (req.url) {
        case '/xxe': return send(200, 'text/xml', XXE);
        case '/bomb': return send(200, 'text/xml', BOMB);
        case '/html500': return send(503, 'text/html', '<html><body><h1>Service Unavailable</h1></body></html>');
        case '/utf8': return send(200, 'application/fhir+json', Buffer.concat([Buffer.from('{"resourceType":"Bundle","id":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]));
        case '/huge': {
          res.writeHead(200, { 'content-type': 'text/xml' });
          const chunk = Buffer.alloc(1024 * 1024, 'x');
          let sent = 0;
          const pump = () => {
            while (sent < 100) {
              sent += 1;
              if (!res.write(chunk)) return void res.once('drain', pump);
            }
            res.end();
          };
          res.on('error', () => undefined);
          return pump();
        }
        case '/slow': {
          res.writeHead(200, { 'content-type': 'text/xml' });
          const timer = setInterval(() => res.write(' '), 100);
          return void res.on('close', () => clearInterval(timer));
        }
        default: return send(404, 'text/plain', 'no');
      }
    });
    try {
      const suite = [
        'id: hostile',
        'title: Hostile responses',
        'cases:',
        caseYaml('xxe', 'soap', 'xxe', ['status: 200', 'soap-fault: false', 'xpath: "//hl7:x"', 'response-code: BCHCIM.GD.0.0013']),
        caseYaml('bomb', 'soap', 'bomb', ['soap-fault: false', 'xpath: "//lolz"']),
        caseYaml('html-5xx', 'fhir', 'html500', ['status: 200', 'fhirpath: "Bundle.type"', 'response-code: BCHCIM.GD.0.0013']),
        caseYaml('invalid-utf8', 'fhir', 'utf8', ['status: 200', 'fhirpath: "Bundle.id"']),
        caseYaml('huge', 'soap', 'huge', ['status: 200'], '        timeout: 20000'),
        caseYaml('slow', 'soap', 'slow', ['status: 200'], '        timeout: 600'),
        '',
      ].join('\n');
      const cwd = tempProject({ 'suite.yaml': suite });
      const result = await runCli(['run', 'suite.yaml', '--url', `hcim-fhir=${server.url}`, '--max-body', String(5 * 1024 * 1024), '--workers', '6'], { cwd });
      expect(result.code).to.equal(1);
      const cases = Object.fromEntries(result.report.suites[0].cases.map((c: any) => [c.id, c]));
      expect(Object.keys(cases)).to.have.members(['xxe', 'bomb', 'html-5xx', 'invalid-utf8', 'huge', 'slow']);

      const xxe = cases.xxe.steps[0].assertions;
      expect(cases.xxe.outcome).to.equal('failed');
      expect(xxe[1].issues[0].code).to.equal('xml.doctype-forbidden');
      expect(xxe[2].message).to.contain('DOCTYPE');
      expect(cases.bomb.outcome).to.equal('failed');
      expect(cases.bomb.steps[0].assertions[0].issues[0].code).to.equal('xml.doctype-forbidden');

      const html = cases['html-5xx'].steps[0].assertions;
      expect(cases['html-5xx'].outcome).to.equal('failed');
      expect(html[0].message).to.equal('Unexpected HTTP status: expected 200, but received 503');
      expect(html[1].message).to.contain('not JSON (content-type text/html)');

      expect(cases['invalid-utf8'].outcome).to.equal('passed');
      expect(cases['invalid-utf8'].steps[0].exchanges[0].response.body).to.contain('\uFFFD');

      expect(cases.huge.outcome).to.equal('error');
      expect(cases.huge.steps[0].exchanges[0].failure.code).to.equal('BODY_TOO_LARGE');
      expect(cases.slow.outcome).to.equal('error');
      expect(cases.slow.steps[0].exchanges[0].failure.code).to.equal('ETIMEDOUT');

      const reportText = readFileSync(path.join(cwd, 'reports', 'report.json'), 'utf8');
      expect(reportText).to.not.match(/root:x:0:0/);
      expect(reportText.length).to.be.lessThan(2 * 1024 * 1024);
    } finally {
      await server.close();
    }
  });

  it('a body file outside the suite folder is refused with exit 2 and the suite line', async () => {
    const cwd = tempProject({
      'suites/s.yaml': ['id: s', 'title: S', 'cases:', '  - id: c', '    title: C', '    steps:', '      - id: st', '        kind: soap', '        url: http://127.0.0.1:1/x', '        soapAction: a', '        body: { file: ../../../../../etc/passwd }', ''].join('\n'),
    });
    const result = await runCli(['run', 'suites/s.yaml'], { cwd });
    expect(result.code).to.equal(2);
    expect(result.stderr).to.match(/ERR_SUITE_REFERENCE: suites\/s\.yaml:11:\d+: cases\[0\]\.steps\[0\]\.body\.file "\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" is outside the suite folder/);
    expect(result.stderr).to.contain('--allow-external-files');
  });
});
