import type { DqSection } from '../../run/report-schema.js';
import { escapeHtml } from './escape-html.js';

/** Findings shown in the HTML view; the rest are in dq-findings.csv (linked). */
const MAX_ROWS = 2000;

/**
 * The HTML report's data-quality view: verdict, score and thresholds, per-check counts and the
 * findings table, as a self-contained fragment (inline styles scoped to `.dq`, no scripts).
 * Everything from the report is escaped: values come from untrusted extracts. Tolerates a partial
 * section (older or hand-made reports): missing lists render as empty.
 */
export function renderDqSection(section: Readonly<DqSection>): string {
  const dq = { ...section, files: section.files ?? [], checks: section.checks ?? [], findings: section.findings ?? [], thresholds: section.thresholds ?? { maxErrorRate: 0, minScore: 0 } };
  const verdict = dq.passed ? 'passed' : 'failed';
  const checks = dq.checks.filter((c) => c.count > 0);
  const shown = dq.findings.slice(0, MAX_ROWS);
  const more = (dq.findingsTotal ?? dq.findings.length) - shown.length;
  return `<section class="dq" id="dq">
<style>
.dq table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
.dq th,.dq td{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}
.dq td.n{text-align:right}
.dq .error{color:#b00020}.dq .warning{color:#8a6d00}.dq .information{color:#555}
.dq .passed{color:#1b5e20}.dq .failed{color:#b00020}
</style>
<h2>Data quality (${esc(dq.kind)})</h2>
<p><strong class="${verdict}">${dq.passed ? 'PASSED' : 'FAILED'}</strong> — score <strong>${esc(dq.score)}</strong> (minimum ${esc(dq.thresholds.minScore)}),
error rate ${esc(((dq.errorRate ?? 0) * 100).toFixed(2))} % (maximum ${esc((dq.thresholds.maxErrorRate * 100).toFixed(2))} %);
${esc(dq.rows)} rows, ${esc(dq.rowsWithErrors)} with errors, ${esc(dq.rowsWithWarnings)} with warnings only${dq.maskPhi ? '; personal values masked' : ''}.</p>
<table class="dq-files"><thead><tr><th>file</th><th>format</th><th>rows</th></tr></thead><tbody>
${dq.files.map((f) => `<tr><td>${esc(f.file)}</td><td>${esc(f.format)}</td><td class="n">${esc(f.rows)}</td></tr>`).join('\n')}
</tbody></table>
<h3>Checks</h3>
${checks.length === 0 ? '<p>No findings.</p>' : `<table class="dq-checks"><thead><tr><th>rule</th><th>severity</th><th>count</th><th>description</th></tr></thead><tbody>
${checks.map((c) => `<tr><td>${esc(c.rule)}</td><td class="${esc(c.severity)}">${esc(c.severity)}</td><td class="n">${esc(c.count)}</td><td>${esc(c.description)}</td></tr>`).join('\n')}
</tbody></table>`}
<h3>Findings</h3>
${shown.length === 0 ? '<p>None.</p>' : `<table class="dq-findings"><thead><tr><th>file</th><th>row</th><th>field</th><th>value</th><th>rule</th><th>severity</th><th>message</th></tr></thead><tbody>
${shown.map((f) => `<tr><td>${esc(f.file)}</td><td class="n">${esc(f.row)}</td><td>${esc(f.field)}</td><td>${esc(f.value)}</td><td>${esc(f.rule)}</td><td class="${esc(f.severity)}">${esc(f.severity)}</td><td>${esc(f.message)}</td></tr>`).join('\n')}
</tbody></table>`}
${more > 0 ? `<p>${esc(more)} more finding(s)${dq.findingsCsv ? ` in <a href="${esc(dq.findingsCsv)}">${esc(dq.findingsCsv)}</a>` : ''}.</p>` : ''}
</section>`;
}

function esc(value: unknown): string {
  return escapeHtml(String(value ?? ''));
}
