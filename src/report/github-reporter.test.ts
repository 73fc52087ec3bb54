import { expect } from 'chai';
import { GithubReporter, githubAnnotations } from './github-reporter.js';
import { fakeScreen } from './test-helpers/fake-screen.js';
import { sampleReport } from './test-helpers/sample-report.js';

describe('GithubReporter', () => {
  it('prints one ::error per failed assertion at its suite line, with expected/received', () => {
    const lines = githubAnnotations(sampleReport());
    expect(lines[0]).to.equal('::error file=suites/demo.yaml,line=24,col=13,title=Demo suite › Bad case › send [failed]::Unexpected response code: expected BCHCIM.GD.0.0099, but received BCHCIM.GD.0.0013%0Aexpected: BCHCIM.GD.0.0099%0Areceived: BCHCIM.GD.0.0013\n');
  });

  it('a step error of an optional case is a ::warning at the step line; passed and skipped cases print nothing', () => {
    const lines = githubAnnotations(sampleReport());
    expect(lines).to.have.length(2);
    expect(lines[1]).to.equal('::warning file=suites/demo.yaml,line=33,col=9,title=Demo suite › Broken case › send [error]::ERR_TRANSPORT_ECONNREFUSED: no usable response from http://127.0.0.1:1/x: connection refused\n');
  });

  it('escapes %, newlines, and : , in properties; run-level errors are annotated too', () => {
    const report = sampleReport({ errors: [{ code: 'ERR_SUITE_SCHEMA', message: '50% bad\nline', location: { file: 'a,b:c.yaml', line: 3, column: 1 } }] });
    const last = githubAnnotations(report).at(-1)!;
    expect(last).to.equal('::error file=a%2Cb%3Ac.yaml,line=3,col=1,title=hie-conform ERR_SUITE_SCHEMA::50%25 bad%0Aline\n');
  });

  it('writes the annotations to the screen at the end of the run', () => {
    const screen = fakeScreen();
    new GithubReporter(screen).onRunEnd(sampleReport());
    expect(screen.text().split('\n').filter(Boolean)).to.have.length(2);
  });
});
