import { expect } from 'chai';
import { ConsoleReporter } from './console-reporter.js';
import { fakeScreen } from './test-helpers/fake-screen.js';
import { sampleReport } from './test-helpers/sample-report.js';

function play(isTTY: boolean) {
  const screen = fakeScreen({ isTTY });
  const reporter = new ConsoleReporter(screen);
  const report = sampleReport();
  reporter.onRunBegin({ total: 4, target: 'local' });
  for (const result of report.suites[0]!.cases) {
    reporter.onCaseBegin({ suite: { title: 'Demo suite' }, case: { title: result.title } });
    reporter.onCaseEnd({ title: 'Demo suite' }, result);
  }
  reporter.onRunEnd(report);
  return screen.text().replace(/\(\d+ ms\)/g, '(<ms>)').replace(/\[\d+\/\d+\] [\d.]+s/g, '[n/n] <s>');
}

describe('ConsoleReporter', () => {
  it('off a TTY: one line per case, no cursor control', () => {
    const text = play(false);
    expect(text).to.not.contain('\u001b');
    expect(text).to.contain('Running 4 case(s) against target local\n');
    expect(text).to.contain('  ✓ Demo suite › OK case (<ms>)\n');
    expect(text).to.contain('  ✗ Demo suite › Bad case (<ms>)\n');
    expect(text).to.contain('  ! Demo suite › Broken case (optional) (<ms>)\n');
    expect(text).to.contain('  - Demo suite › Later case (<ms>)\n');
  });

  it('on a TTY: a live progress line that is cleared before each result line', () => {
    const text = play(true);
    expect(text).to.contain('\r\u001b[2K  [n/n] <s> Demo suite › OK case');
    expect(text).to.contain('Demo suite › Bad case');
    expect(text).to.contain('\r\u001b[2K  ✗ Demo suite › Bad case');
  });

  it('prints a failure block: title path, suite location, message, diff, issues, exchange id', () => {
    const text = play(false);
    const block = text.slice(text.indexOf('  1) '), text.indexOf('  2) '));
    expect(block).to.equal(
      [
        '  1) Demo suite › Bad case [failed]',
        '     suites/demo.yaml:15:5',
        '',
        '     Demo suite › Bad case › send › response-code',
        '     suites/demo.yaml:24:13',
        '     Unexpected response code: expected BCHCIM.GD.0.0099, but received BCHCIM.GD.0.0013',
        '       - expected: BCHCIM.GD.0.0099',
        '       + received: BCHCIM.GD.0.0013',
        '       • error xsd.cvc-pattern-valid: bad <value> & pattern at response:3',
        '       exchange ex-1',
        '',
        '',
      ].join('\n'),
    );
  });

  it('an errored step shows its error code and message at the step location', () => {
    const text = play(false);
    const block = text.slice(text.indexOf('  2) '), text.indexOf('1 passed'));
    expect(block).to.contain('  2) Demo suite › Broken case [error] (optional)\n     suites/demo.yaml:30:5\n');
    expect(block).to.contain('     Demo suite › Broken case › send\n     suites/demo.yaml:33:9\n     ERR_TRANSPORT_ECONNREFUSED: no usable response from http://127.0.0.1:1/x: connection refused\n');
  });

  it('ends with the stats and the approval verdict naming the blocking requirements', () => {
    const text = play(false);
    expect(text).to.contain('  1 passed, 1 failed, 1 error, 1 skipped (4 cases, 0.10 s)\n');
    expect(text).to.contain('  verdict: NOT APPROVED — blocking requirements: REQ-2, REQ-3\n');
  });
});

describe('ConsoleReporter via replayReport (report regenerated from JSON)', () => {
  it('prints the same case lines, failure blocks and verdict as the live run', async () => {
    const { replayReport } = await import('./replay-report.js');
    const screen = fakeScreen();
    replayReport(new ConsoleReporter(screen), sampleReport());
    const text = screen.text();
    expect(text).to.contain('Running 4 case(s) against target local\n');
    expect(text).to.contain('  1) Demo suite › Bad case [failed]\n');
    expect(text).to.contain('  verdict: NOT APPROVED');
  });
});
