/** The report's only stylesheet (inline; the page loads nothing from the network). */
export const HTML_STYLES = String.raw`
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --panel: #f6f8fa;
  --passed: #1a7f37; --passed-bg: #dafbe1; --failed: #cf222e; --failed-bg: #ffebe9;
  --error: #8250df; --error-bg: #fbefff; --skipped: #9a6700; --skipped-bg: #fff8c5;
  --accent: #0969da; --mono: ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, Consolas, monospace;
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1200px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 22px; margin: 0; }
h2 { font-size: 17px; margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
code, .mono { font-family: var(--mono); font-size: 12.5px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.muted { color: var(--muted); }
header.top { display: flex; justify-content: space-between; align-items: flex-start; gap: 24px; flex-wrap: wrap; }
header.top .meta { display: grid; grid-template-columns: auto auto; gap: 2px 14px; font-size: 12.5px; margin: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
header.top .subtitle { margin-top: 4px; }
header.top .scope { margin-top: 10px; max-width: 560px; color: var(--muted); font-size: 13px; }
header.top .meta dt { color: var(--muted); }
header.top .meta dd { margin: 0; }
.verdict { margin: 20px 0 8px; border-radius: 10px; padding: 18px 22px; display: flex; gap: 24px; align-items: center; flex-wrap: wrap; border: 1px solid; }
.verdict.approved { background: var(--passed-bg); border-color: #4ac26b; }
.verdict.not-approved { background: var(--failed-bg); border-color: #ff8182; }
.verdict .word { font-size: 26px; font-weight: 700; letter-spacing: .04em; }
.verdict.approved .word { color: var(--passed); }
.verdict.not-approved .word { color: var(--failed); }
.verdict .why { flex: 1; min-width: 260px; }
.verdict .why ul { margin: 4px 0 0; padding-left: 18px; }
.stats { display: flex; gap: 8px; flex-wrap: wrap; }
.stat { border-radius: 8px; padding: 6px 12px; text-align: center; min-width: 72px; background: var(--bg); border: 1px solid var(--line); }
.stat b { display: block; font-size: 20px; line-height: 1.2; }
.stat.passed b { color: var(--passed); } .stat.failed b { color: var(--failed); } .stat.error b { color: var(--error); } .stat.skipped b { color: var(--skipped); }
.pill { display: inline-block; border-radius: 999px; padding: 0 8px; font-size: 12px; font-weight: 600; line-height: 20px; white-space: nowrap; }
.pill.passed { color: var(--passed); background: var(--passed-bg); } .pill.failed { color: var(--failed); background: var(--failed-bg); }
.pill.error { color: var(--error); background: var(--error-bg); } .pill.skipped { color: var(--skipped); background: var(--skipped-bg); }
.pill.interrupted { color: #fff; background: #6e7781; }
.tag { display: inline-block; border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; font-size: 11.5px; color: var(--muted); margin-right: 4px; }
.req { font-family: var(--mono); font-size: 12px; background: #ddf4ff; color: #0550ae; border-radius: 4px; padding: 0 5px; margin-right: 4px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.hash { font-family: var(--mono); font-size: 11.5px; word-break: break-all; }
.matrix td:first-child { white-space: nowrap; }
.matrix .case-link { margin-right: 10px; white-space: nowrap; }
.toolbar { position: sticky; top: 0; z-index: 5; background: rgba(255,255,255,.96); backdrop-filter: blur(4px); border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin-bottom: 14px; }
.toolbar label { display: inline-flex; gap: 4px; align-items: center; font-size: 13px; cursor: pointer; }
.toolbar select, .toolbar input[type=search] { font: inherit; font-size: 13px; padding: 3px 6px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); }
.toolbar input[type=search] { width: 170px; }
.toolbar .sep { width: 1px; align-self: stretch; background: var(--line); }
.toolbar button { font: inherit; font-size: 12.5px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); cursor: pointer; }
.toolbar .count { margin-left: auto; color: var(--muted); font-size: 12.5px; }
.suite { border: 1px solid var(--line); border-radius: 10px; margin-bottom: 16px; overflow: hidden; }
.suite > .suite-head { background: var(--panel); padding: 10px 14px; display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; border-bottom: 1px solid var(--line); }
.suite > .suite-head h3 { margin: 0; font-size: 15px; }
.case { border-bottom: 1px solid var(--line); border-left: 4px solid transparent; }
.case:last-child { border-bottom: 0; }
.case.passed { border-left-color: var(--passed); } .case.failed { border-left-color: var(--failed); }
.case.error { border-left-color: var(--error); } .case.skipped { border-left-color: var(--skipped); }
.case > .case-head { display: flex; gap: 10px; align-items: center; padding: 8px 12px; cursor: pointer; width: 100%; border: 0; background: none; font: inherit; text-align: left; color: inherit; }
.case > .case-head:hover { background: var(--panel); }
.case > .case-head .chev { width: 12px; color: var(--muted); transition: transform .1s; }
.case.open > .case-head .chev { transform: rotate(90deg); }
.case > .case-head .title { font-weight: 600; }
.case > .case-head .right { margin-left: auto; display: flex; gap: 6px; align-items: center; color: var(--muted); font-size: 12.5px; flex-shrink: 0; white-space: nowrap; }
.case > .case-head .title { min-width: 0; }
.case > .case-head .mono, .case > .case-head .pill, .req, .tag { white-space: nowrap; }
.case > .case-head .ms { min-width: 52px; text-align: right; }
.case > .case-body { display: none; padding: 4px 16px 14px 32px; }
.case.open > .case-body { display: block; }
.case.hidden, .suite.hidden { display: none; }
.step { border: 1px solid var(--line); border-radius: 8px; margin-top: 10px; }
.step > .step-head { padding: 6px 10px; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; background: var(--panel); border-radius: 8px 8px 0 0; border-bottom: 1px solid var(--line); }
.step > .step-body { padding: 6px 10px 10px; }
.assertion { display: grid; grid-template-columns: 74px 1fr; gap: 8px; padding: 5px 0; border-bottom: 1px dashed var(--line); }
.assertion:last-child { border-bottom: 0; }
.assertion .msg { white-space: pre-wrap; word-break: break-word; }
.where { color: var(--muted); font-size: 12px; font-family: var(--mono); }
.diff { margin: 4px 0 0; font-family: var(--mono); font-size: 12.5px; border-radius: 6px; overflow: hidden; border: 1px solid var(--line); }
.diff div { padding: 1px 8px; white-space: pre-wrap; word-break: break-all; }
.diff .exp { background: var(--passed-bg); } .diff .act { background: var(--failed-bg); }
.issues { margin: 4px 0 0; padding-left: 18px; font-size: 12.5px; }
.issues li.error, .issues li.fatal { color: var(--failed); } .issues li.warning { color: var(--skipped); } .issues li.information { color: var(--muted); }
.step-error { color: var(--error); font-family: var(--mono); font-size: 12.5px; white-space: pre-wrap; margin: 4px 0; }
.exchange { margin-top: 8px; border: 1px solid var(--line); border-radius: 6px; }
.exchange > .ex-head { padding: 4px 8px; font-family: var(--mono); font-size: 12px; background: #f0f3f6; display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
.exchange .status-ok { color: var(--passed); font-weight: 700; } .exchange .status-bad { color: var(--failed); font-weight: 700; }
.exchange .parts { display: grid; grid-template-columns: 1fr 1fr; }
.exchange .part { min-width: 0; border-top: 1px solid var(--line); }
.exchange .part + .part { border-left: 1px solid var(--line); }
.exchange .part h4 { margin: 0; font-size: 12px; padding: 4px 8px; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: .04em; }
.headers { font-family: var(--mono); font-size: 11.5px; padding: 0 8px 4px; color: var(--muted); word-break: break-all; }
.code { font-family: var(--mono); font-size: 12px; line-height: 1.45; max-height: 420px; overflow: auto; background: #fbfcfd; border-top: 1px solid var(--line); }
.code .ln { display: flex; }
.code .ln > i { font-style: normal; flex: 0 0 44px; text-align: right; padding-right: 8px; color: #8c959f; user-select: none; border-right: 1px solid var(--line); }
.code .ln > span { white-space: pre-wrap; word-break: break-all; padding-left: 8px; flex: 1; }
.code .ln.flag { background: #fff0ee; }
.code .ln.flag > i { color: var(--failed); font-weight: 700; }
.code .note { margin-left: 52px; padding: 1px 8px; font-family: var(--mono); font-size: 11.5px; color: var(--failed); background: var(--failed-bg); border-left: 3px solid var(--failed); white-space: pre-wrap; }
.code .note.warning { color: var(--skipped); background: var(--skipped-bg); border-left-color: var(--skipped); }
.x-tag { color: #116329; } .x-attr { color: #953800; } .x-str { color: #0a3069; } .j-key { color: #0550ae; }
.failure { color: var(--failure); }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@media (max-width: 800px) { .exchange .parts { grid-template-columns: 1fr; } .exchange .part + .part { border-left: 0; } }
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 11px; }
  main { max-width: none; padding: 0; }
  .toolbar { display: none; }
  .case.hidden, .suite.hidden { display: block; }
  .case > .case-body { display: block; }
  .case > .case-head .chev { display: none; }
  .code { max-height: none; overflow: visible; }
  .suite, .step, .exchange { break-inside: auto; }
  .case > .case-head, .step > .step-head { break-after: avoid; }
  .verdict, .stat, .pill, .code .ln.flag, .diff div { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; }
}
`;
