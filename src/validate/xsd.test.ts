import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { HarnessError } from '../core/errors.js';
import { sample } from './rules/test-helpers/samples.js';
import { findMessageElement } from './xml-message-element.js';
import { parseXmlSafely } from './xml-parse.js';
import { compileSchema, disposeCompiledSchemas, FIXTURE_SCHEMAS_DIR, fixtureSchema, resolveSchema, validateAgainstSchema, xsdIssueId } from './xsd.js';

function xsdIssues(content: string, schemaName: string) {
  const parsed = parseXmlSafely(content);
  if (!parsed.ok) throw new Error('fixture must be well-formed');
  try {
    const located = findMessageElement(parsed.doc);
    if (!located.ok) throw new Error('fixture must have a message element');
    return validateAgainstSchema(located.element, compileSchema(resolveSchema(schemaName)));
  } finally {
    parsed.doc.dispose();
  }
}

describe('xsd', function () {
  it('resolves fixture-relative names, relative and absolute paths to the same schema', function () {
    const absolute = path.join(FIXTURE_SCHEMAS_DIR, 'hcim/QUPA_AR101102.xsd');
    expect(resolveSchema('hcim/QUPA_AR101102.xsd')).to.deep.equal({ path: absolute, name: 'hcim/QUPA_AR101102.xsd' });
    expect(resolveSchema(absolute).name).to.equal('hcim/QUPA_AR101102.xsd');
    expect(resolveSchema(path.relative(process.cwd(), absolute)).name).to.equal('hcim/QUPA_AR101102.xsd');
    expect(fixtureSchema('hcim/NOPE.xsd')).to.equal(undefined);
    expect(() => resolveSchema('nope.xsd')).to.throw(HarnessError, /hcim\/PRPA_AR101002\.async\.xsd, .*hcim\/QUPA_AR101102\.xsd/);
  });

  it('compiles each schema once per process, until the cache is disposed', function () {
    const ref = resolveSchema('hcim/PRPA_AR101201.xsd');
    const first = compileSchema(ref);
    expect(compileSchema(resolveSchema(ref.path))).to.equal(first);
    disposeCompiledSchemas();
    const again = compileSchema(ref);
    expect(again).to.not.equal(first);
    expect(again.evidence).to.deep.equal(first.evidence);
  });

  it('reports element order errors with code, element path and line', function () {
    const issues = xsdIssues(sample('invalid/HCIM_IN_GetDemographics.wrong-element-order.xml'), 'hcim/QUPA_AR101102.xsd');
    expect(issues.map(({ severity, code, path, line, validator }) => ({ severity, code, path, line, validator }))).to.deep.equal([
      { severity: 'error', code: 'xsd.cvc-complex-type.2.4.a', path: '/HCIM_IN_GetDemographics/creationTime', line: 5, validator: 'xsd' },
    ]);
    expect(issues[0]!.message).to.match(/^\/HCIM_IN_GetDemographics\/creationTime: Element '\{urn:hl7-org:v3\}creationTime': This element is not expected\. Expected is \( \{urn:hl7-org:v3\}id \)\.$/);
  });

  it('reports a missing required element, an unknown attribute and a pattern violation', function () {
    expect(xsdIssues(sample('invalid/HCIM_IN_GetDemographics.missing-interactionId.xml'), 'hcim/QUPA_AR101102.xsd').map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([
      { code: 'xsd.cvc-complex-type.2.4.a', path: '/HCIM_IN_GetDemographics/processingCode', line: 13 },
    ]);
    expect(xsdIssues(sample('invalid/HCIM_IN_GetDemographics.unknown-attribute.xml'), 'hcim/QUPA_AR101102.xsd').map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([
      { code: 'xsd.cvc-complex-type.3.2.2', path: '/HCIM_IN_GetDemographics/versionCode', line: 9 },
    ]);
    expect(xsdIssues(sample('invalid/HCIM_IN_GetDemographics.bad-code-value.xml'), 'hcim/QUPA_AR101102.xsd').map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([
      { code: 'xsd.cvc-pattern-valid', path: '/HCIM_IN_GetDemographics/processingCode', line: 13 },
    ]);
  });

  it('locates errors inside a SOAP Body by path from the message root and by original line', function () {
    const issues = xsdIssues(sample('invalid/HCIM_IN_GetDemographicsResponse.soap11.unexpected-element.xml'), 'hcim/QUPA_AR101102.xsd');
    expect(issues.map(({ code, path, line }) => ({ code, path, line }))).to.deep.equal([
      { code: 'xsd.cvc-complex-type.2.4.a', path: '/HCIM_IN_GetDemographicsResponse/unexpected', line: 7 },
    ]);
  });

  it('indexes repeated elements in paths', function () {
    const issues = xsdIssues(sample('hcim/HCIM_IN_FindCandidatesResponse.hnweb-multiples.xml'), 'hcim/QUPA_AR101102.xsd');
    expect(issues.map((issue) => issue.path)).to.include('/HCIM_IN_FindCandidatesResponse/controlActProcess/subject[2]/target/subjectOf');
  });

  it('shortens very long quoted values in messages', function () {
    const issues = xsdIssues(sample('hcim/HCIM_IN_GetDemographicsResponse.hnweb-error.xml'), 'hcim/QUPA_AR101102.xsd');
    const pattern = issues.find((issue) => issue.code === 'xsd.cvc-pattern-valid')!;
    expect(pattern.message.length).to.be.below(400);
    expect(pattern.message).to.contain("The value 'BCHCIM.GD.2.0006|Error: The HL7 message is invalid.");
  });

  it('names libxml2 findings after the XML Schema validation rules', function () {
    expect(xsdIssueId("Element 'a', attribute 'code': [facet 'enumeration'] The value 'X' is not an element of the set {'A'}.")).to.equal('cvc-enumeration-valid');
    expect(xsdIssueId("Element 'a': Missing child element(s). Expected is ( b ).")).to.equal('cvc-complex-type.2.4.b');
    expect(xsdIssueId("Element 'a': The attribute 'typeCode' is required but missing.")).to.equal('cvc-complex-type.4');
    expect(xsdIssueId("Element 'a', attribute 'classCode': 'PERSON' is not a valid value of the union type 'EntityClass'.")).to.equal('cvc-datatype-valid');
    expect(xsdIssueId('Element \'a\': No matching global declaration available for the validation root.')).to.equal('cvc-elt.1');
    expect(xsdIssueId('something libxml2 says that we do not know')).to.equal('invalid');
  });

  it('refuses schema includes outside the schema folder (no arbitrary file reads)', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hie-conform-xsd-'));
    try {
      const schema = path.join(dir, 'evil.xsd');
      fs.writeFileSync(
        schema,
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="../../../../../../etc/hostname"/><xs:element name="a"/></xs:schema>',
      );
      expect(() => compileSchema(resolveSchema(schema))).to.throw(HarnessError, /refused to read .*etc\/hostname/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
