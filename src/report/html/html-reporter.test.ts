import { expect } from 'chai';
import type { DqSection } from '../../run/report-schema.js';
import { sampleReport } from '../test-helpers/sample-report.js';
import { HtmlReporter } from './html-reporter.js';

function render(report = sampleReport()): string {
  const [artefact] = new HtmlReporter().artefacts(report);
  expect(artefact!.path).to.equal('report.html');
  return artefact!.content;
}

describe('HtmlReporter', () => {
  it('is one self-contained page: inline style and script, nothing loaded from elsewhere', () => {
    const page = render();
    expect(page).to.match(/^<!doctype html>/);
    expect(page).to.contain('<style>');
    expect(page).to.contain('<script>');
    expect(page).to.not.match(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(page).to.contain("default-src 'none'");
    expect(page).to.contain('@media print');
  });

  it('shows the verdict banner with blocking requirements and the coverage matrix', () => {
    const page = render();
    expect(page).to.contain('<section class="verdict not-approved"');
    expect(page).to.contain('<div class="word">NOT APPROVED</div>');
    expect(page).to.match(/<tr id="req-REQ-2">[\s\S]*?blocking[\s\S]*?0 \/ 1/);
    expect(page).to.match(/<tr id="req-REQ-1">[\s\S]*?covered[\s\S]*?1 \/ 1/);
    expect(render(sampleReport({ approval: { verdict: 'approved', blocking: [], reasons: [] } }))).to.contain('<div class="word">APPROVED</div>');
  });

  it('renders cases with outcome, filter data, suite locations, expected/received and escaped bodies', () => {
    const page = render();
    expect(page).to.contain('id="case-demo--bad-case" data-outcome="failed" data-tags="gd" data-protocols="soap"');
    expect(page).to.contain('suites/demo.yaml:24:13 · response-code');
    expect(page).to.contain('- expected: BCHCIM.GD.0.0099');
    expect(page).to.contain('+ received: BCHCIM.GD.0.0013');
    expect(page).to.contain('bad &lt;value&gt; &amp; pattern');
    expect(page).to.not.contain('bad <value>');
    // The issue at response line 3 flags that line of the response body.
    expect(page).to.match(/<div class="ln flag"><i>3<\/i><span>&lt;<span class="x-tag">code<\/span>&gt;BCHCIM\.GD\.0\.0013/);
    expect(page).to.contain('<div class="note error">▲ error xsd.cvc-pattern-valid: bad &lt;value&gt; &amp; pattern at response:3</div>');
  });

  it('renders the DQ section when the report has one', () => {
    const dq: DqSection = {
      kind: 'client',
      files: [{ file: 'clients.csv', format: 'csv', rows: 10 }],
      rows: 10,
      rowsWithErrors: 1,
      rowsWithWarnings: 0,
      checks: [{ rule: 'phn-check-digit', severity: 'error', description: 'PHN check digit', count: 1 }],
      findings: [{ file: 'clients.csv', row: 4, field: 'phn', value: '123', rule: 'phn-check-digit', severity: 'error', message: 'bad <phn>' }],
      findingsTotal: 1,
      findingsTruncated: false,
      score: 90,
      errorRate: 0.1,
      thresholds: { maxErrorRate: 0.01, minScore: 90 },
      passed: false,
      maskPhi: false,
    };
    const page = render(sampleReport({ dq }));
    expect(page).to.contain('id="dq"');
    expect(page).to.contain('phn-check-digit');
    expect(page).to.contain('bad &lt;phn&gt;');
  });
});
