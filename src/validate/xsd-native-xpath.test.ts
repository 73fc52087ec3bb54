import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import * as v3 from '../simulator/test-support/hcim-v3-requests.js';
import { FACT_XPATH_LIST, FACTS_XPATH, FOREIGN_XPATH, PAYLOAD } from '../simulator/hcim-v3/v3-request-facts.js';
import { nativeAddonProblem, nativeXsdAddon, type NativeXsdAddon } from './xsd-engine.js';

// The addon walks the simple XPaths the simulator asks for (native/simple-xpath.c) instead of
// running them through libxml2's XPath engine. Every value must be the one libxml2 gives: each
// expression is evaluated both ways (`prepareXPaths(..., { libxml2: true })` is the reference) on
// the simulator's request shapes and on documents built to trip a tree walker up.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const gd = v3.getDemographicsRequest('9876543218').body;

/** Expressions in the walked subset: the simulator's, and others of the same grammar. */
const SIMPLE = [
  ...FACT_XPATH_LIST,
  FACTS_XPATH,
  FOREIGN_XPATH,
  PAYLOAD,
  'hl7:id[1]',
  'hl7:sender[1]/hl7:device[1]',
  'count(hl7:controlActProcess[1])',
  'string(hl7:sender[1]/hl7:device[1]/@classCode)',
  'string(hl7:id[1]/@missing)',
  `concat('a', "b", count(hl7:id[1]), string(hl7:id[1]/@root))`,
  'concat(string(hl7:id[1]/@extension),string(hl7:id[1]/@root))',
  'hl7:nothing[1]/hl7:id[1]',
];

/** Outside the subset: evaluated by libxml2 even in a handle without the libxml2 option. */
const NOT_SIMPLE = [
  'hl7:id',
  'hl7:id[2]',
  'count(//hl7:id)',
  'string(hl7:id/@root)',
  'string(x:id[1]/@root)',
  "concat('only one')",
  'string(hl7:id[1]/@root) ',
  'local-name(*[1])',
  'string(hl7:id[1]/@xsi:type)',
];

/** Documents: request shapes, and edge cases for a walker (namespaces, entities, order, absence). */
const DOCUMENTS: Record<string, string> = {
  'GetDemographics': gd,
  'GetDemographics .History': v3.getDemographicsRequest('VIHA-000417', { root: '2.16.840.1.113883.3.51.1.1.6', history: true }).body,
  'GetRelatedIdentifiers': v3.getRelatedIdentifiersRequest('9876543218').body,
  'FindCandidates (non-ASCII, escaped)': v3.findCandidatesRequest('MÜLLER-Ōtsuka &amp; 李', 'V8V 3K8').body,
  'PersonRevised': v3.personRevisedRequest({ sourceId: 'S-1', family: 'DOE', given: 'JANE', gender: 'F', birthDate: '19800101' }).body,
  'PersonMerged': v3.personMergedRequest('9877176374', '9877176002').body,
  'PLR query': v3.providerQueryRequest('IPC.00166847.BC.PRS').body,
  'character and entity references in attributes': gd.replace('extension="HIE_CONFORM"', 'extension="A&amp;B &lt;&quot;&#233;&#x1F600;&quot;&gt;"'),
  'attribute values with tabs and newlines (normalised by the parser)': gd.replace('extension="HIE_CONFORM"', 'extension="a\tb\nc&#10;d"'),
  'empty attribute': gd.replace('extension="HIE_CONFORM"', 'extension=""'),
  'namespaced attribute of the same local name before the plain one': gd.replace('<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3">', '<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3" xmlns:o="urn:other">').replace('<id root=', '<id o:root="OTHER" o:extension="OTHER" root='),
  'only a namespaced attribute': gd.replace('<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3">', '<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3" xmlns:o="urn:other">').replace(/<id root="([^"]*)" extension="([^"]*)"/, '<id o:root="$1" o:extension="$2"'),
  'same local names in another namespace first': gd.replace('<sender typeCode="SND">', '<sender xmlns="urn:other"><device><id extension="FOREIGN"/></device></sender><sender typeCode="SND">'),
  'same local names in no namespace first': gd.replace('<sender typeCode="SND">', '<sender xmlns=""><device><id extension="NONE"/></device></sender><sender typeCode="SND">'),
  'prefixed HL7v3 elements': gd.replace('<HCIM_IN_GetDemographics xmlns="urn:hl7-org:v3">', '<h:HCIM_IN_GetDemographics xmlns:h="urn:hl7-org:v3">').replace('</HCIM_IN_GetDemographics>', '</h:HCIM_IN_GetDemographics>').replace(/<(\/?)(id|sender|device|queryByParameterPayload)([ >/])/g, '<$1h:$2$3'),
  'repeated elements: the first one counts': gd.replace(/(<id root="[^"]*" extension=")([^"]*)(")/, '$1FIRST$3/><id root="2" extension="SECOND"'),
  'comments, PIs, CDATA and text between elements': gd.replace('<sender typeCode="SND">', '<!-- c --><?pi x?><![CDATA[ <sender> ]]> text <sender typeCode="SND">').replace('<person.id>', '<!-- a:b --><person.id>'),
  'missing elements': gd.replace(/<sender [^]*?<\/sender>/, '').replace(/<queryByParameter>.*<\/queryByParameter>/, ''),
  'element with no attributes': gd.replace(/<value root="[^"]*" extension="[^"]*"/, '<value'),
  'foreign elements deep inside': gd.replace('<person.id>', '<person.id><x:a xmlns:x="urn:x"><x:b><c xmlns=""><d/></c></x:b></x:a>'),
  'many nested elements': gd.replace('<person.id>', `<person.id>${'<n>'.repeat(200)}${'</n>'.repeat(200)}`),
  'default namespace undeclared and redeclared': gd.replace('<controlActProcess', '<wrap xmlns=""><inner xmlns="urn:hl7-org:v3"/></wrap><controlActProcess'),
};

describe('native simple XPaths (native/simple-xpath.c) give what libxml2 XPath gives', function () {
  let addon: NativeXsdAddon;
  before(function () {
    const loaded = nativeXsdAddon();
    if (!loaded) {
      process.stdout.write(`      (skipped: native XSD addon not available: ${nativeAddonProblem() ?? ''})\n`);
      this.skip();
    }
    addon = loaded!;
  });

  it('walks the simulator expressions and the rest of the subset; leaves anything else to libxml2', function () {
    expect(addon.xpathEngines(addon.prepareXPaths(SIMPLE))).to.deep.equal(SIMPLE.map(() => 'simple'));
    expect(addon.xpathEngines(addon.prepareXPaths(NOT_SIMPLE))).to.deep.equal(NOT_SIMPLE.map(() => 'libxml2'));
    expect(addon.xpathEngines(addon.prepareXPaths(SIMPLE, { libxml2: true }))).to.deep.equal(SIMPLE.map(() => 'libxml2'));
  });

  it('the same value for every expression on every document (the documents differ where it matters)', async function () {
    const expressions = [...SIMPLE, ...NOT_SIMPLE];
    const walked = addon.prepareXPaths(expressions);
    const reference = addon.prepareXPaths(expressions, { libxml2: true });
    const inputs = Object.values(DOCUMENTS).map((text) => Buffer.from(text, 'utf8'));
    const options = { maxBytes: 10_000_000, xmldomUnwrap: true };
    const [fast, slow] = await Promise.all([addon.inspect(inputs, { ...options, xpaths: walked }), addon.inspect(inputs, { ...options, xpaths: reference })]);
    const names = Object.keys(DOCUMENTS);
    names.forEach((name, i) => {
      const a = fast[i]!;
      const b = slow[i]!;
      expect(a.status, `${name}: parsed`).to.equal('ok');
      expect(b.status).to.equal('ok');
      if (a.status !== 'ok' || b.status !== 'ok') return;
      expressions.forEach((expression, k) => expect(a.values![k], `${name}: ${expression}`).to.equal(b.values![k]));
    });
    // Not vacuous: the edge documents do change the values the simulator reads.
    const column = (expression: string) => new Set(slow.map((result) => (result.status === 'ok' ? result.values![expressions.indexOf(expression)] : undefined)));
    expect(column(FACT_XPATH_LIST[1]!).size, 'message id extension differs across documents').to.be.greaterThan(3);
    expect(column(FOREIGN_XPATH).size, 'foreign-element counts differ').to.be.greaterThan(2);
    expect(column(PAYLOAD).size, 'payloads differ, and one is absent').to.be.greaterThan(3);
    expect(column(PAYLOAD).has('')).to.equal(true);
  });

  it('the same values on every HL7v3 sample message in test/fixtures', async function () {
    const dir = path.join(ROOT, 'test/fixtures/hl7v3');
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.xml')).map((file) => path.join(dir, file));
    expect(files.length).to.be.greaterThan(5);
    const expressions = [...SIMPLE, 'string(hl7:interactionId[1]/@extension)', 'hl7:controlActProcess[1]/hl7:subject[1]'];
    const options = { maxBytes: 10_000_000, file: true };
    const [fast, slow] = await Promise.all([addon.inspect(files, { ...options, xpaths: addon.prepareXPaths(expressions) }), addon.inspect(files, { ...options, xpaths: addon.prepareXPaths(expressions, { libxml2: true }) })]);
    expect(fast).to.deep.equal(slow);
    expect(fast.filter((result) => result.status === 'ok').length, 'most samples are inspected, not handed back').to.be.greaterThan(files.length / 2);
  });
});
