import { DOMParser } from '@xmldom/xmldom';
import { expect } from 'chai';
import { JunitReporter } from './junit-reporter.js';
import { sampleReport } from './test-helpers/sample-report.js';

function parse(report = sampleReport()) {
  const [artefact] = new JunitReporter().artefacts(report);
  expect(artefact!.path).to.equal('junit.xml');
  const document = new DOMParser().parseFromString(artefact!.content, 'text/xml');
  const cases = [...(document.getElementsByTagName('testcase') as unknown as Iterable<Element>)];
  return { document, cases, byName: (name: string) => cases.find((c) => c.getAttribute('name') === name)! };
}

describe('JunitReporter', () => {
  it('writes parseable XML with suite/case counts and times in seconds', () => {
    const { document } = parse();
    const root = document.documentElement!;
    expect(root.tagName).to.equal('testsuites');
    expect(root.getAttribute('tests')).to.equal('4');
    expect(root.getAttribute('failures')).to.equal('1');
    expect(root.getAttribute('errors')).to.equal('1');
    expect(root.getAttribute('skipped')).to.equal('1');
    const suite = document.getElementsByTagName('testsuite')[0]!;
    expect(suite.getAttribute('name')).to.equal('Demo suite');
    expect(suite.getAttribute('file')).to.equal('suites/demo.yaml');
    expect(suite.getAttribute('time')).to.equal('0.090');
  });

  it('failed → <failure> with file:line message, error → <error>, skipped → <skipped/>, passed → nothing', () => {
    const { byName } = parse();
    const failure = byName('Bad case').getElementsByTagName('failure')[0]!;
    expect(failure.getAttribute('message')).to.equal('suites/demo.yaml:24:13: Unexpected response code: expected BCHCIM.GD.0.0099, but received BCHCIM.GD.0.0013');
    expect(byName('Bad case').getElementsByTagName('error')).to.have.length(0);
    const error = byName('Broken case').getElementsByTagName('error')[0]!;
    expect(error.getAttribute('message')).to.equal('suites/demo.yaml:33:9: no usable response from http://127.0.0.1:1/x: connection refused');
    expect(byName('Later case').getElementsByTagName('skipped')[0]!.getAttribute('message')).to.equal('not in this release');
    const ok = byName('OK case');
    expect(ok.getElementsByTagName('failure')).to.have.length(0);
    expect(ok.getElementsByTagName('error')).to.have.length(0);
    expect(ok.getAttribute('classname')).to.equal('demo');
    expect(ok.getAttribute('line')).to.equal('5');
  });

  it('requirement ids, tags and optional are <properties>', () => {
    const { byName } = parse();
    const props = (name: string) => [...(byName(name).getElementsByTagName('property') as unknown as Iterable<Element>)].map((p) => `${p.getAttribute('name')}=${p.getAttribute('value')}`);
    expect(props('OK case')).to.deep.equal(['requirement=REQ-1', 'tag=smoke']);
    expect(props('Broken case')).to.deep.equal(['requirement=REQ-3', 'optional=true']);
  });

  it('run-level errors become an extra suite of <error> cases; markup in messages is escaped', () => {
    const { document } = parse(sampleReport({ errors: [{ code: 'ERR_SUITE_SCHEMA', message: 'bad <tag> & "quote"\u0001' }] }));
    const suites = document.getElementsByTagName('testsuite');
    expect(suites).to.have.length(2);
    const error = suites[1]!.getElementsByTagName('error')[0]!;
    expect(error.getAttribute('type')).to.equal('ERR_SUITE_SCHEMA');
    expect(error.getAttribute('message')).to.equal('bad <tag> & "quote"');
  });
});
