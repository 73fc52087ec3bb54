import { expect } from 'chai';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JsonReporter } from './json-reporter.js';
import { JunitReporter } from './junit-reporter.js';
import type { Reporter } from './reporter.js';
import { ReporterMultiplexer } from './reporter-multiplexer.js';
import { sampleReport } from './test-helpers/sample-report.js';

/** A reporter that throws from every hook. */
const throwing: Reporter = {
  name: 'broken',
  onRunBegin: () => { throw new Error('boom at begin'); },
  onCaseEnd: () => { throw new Error('boom at case end'); },
  onRunEnd: () => { throw new Error('boom at end'); },
  artefacts: () => { throw new Error('boom at artefacts'); },
};

describe('ReporterMultiplexer', () => {
  it('a throwing reporter never stops the others; its errors land in report.errors as ERR_REPORTER', () => {
    const heard: string[] = [];
    const listening: Reporter = { name: 'listening', onRunBegin: () => void heard.push('begin'), onCaseEnd: () => void heard.push('case'), onRunEnd: () => void heard.push('end') };
    const mux = new ReporterMultiplexer([throwing, listening, new JsonReporter(), new JunitReporter()]);
    const report = sampleReport();
    mux.onRunBegin({ total: 1, target: 'local', startedAt: report.startedAt });
    mux.onCaseEnd({ id: 'demo', title: 'Demo', file: 'suites/demo.yaml' }, report.suites[0]!.cases[0]!);
    mux.onRunEnd(report);
    expect(heard).to.deep.equal(['begin', 'case', 'end']);
    const out = mkdtempSync(path.join(tmpdir(), 'hie-mux-'));
    const written = mux.writeArtefacts(report, out).map((f) => path.basename(f));
    expect(written).to.deep.equal(['junit.xml', 'report.json']);
    const json = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    const messages = json.errors.map((e: { code: string; message: string }) => `${e.code} ${e.message}`);
    expect(messages).to.deep.equal([
      'ERR_REPORTER reporter "broken" failed in onRunBegin: boom at begin',
      'ERR_REPORTER reporter "broken" failed in onCaseEnd: boom at case end',
      'ERR_REPORTER reporter "broken" failed in onRunEnd: boom at end',
      'ERR_REPORTER reporter "broken" failed in artefacts: boom at artefacts',
    ]);
  });

  it('writes the JSON last and leaves no temporary files behind', () => {
    const order: string[] = [];
    const tracking = (name: string): Reporter => ({ name, artefacts: () => (order.push(name), [{ path: `${name}.txt`, content: name }]) });
    const out = mkdtempSync(path.join(tmpdir(), 'hie-mux-'));
    new ReporterMultiplexer([new JsonReporter(), tracking('a'), tracking('b')]).writeArtefacts(sampleReport(), out);
    expect(order).to.deep.equal(['a', 'b']);
    expect(readdirSync(out).sort()).to.deep.equal(['a.txt', 'b.txt', 'report.json']);
    expect(existsSync(path.join(out, 'report.json'))).to.equal(true);
  });
});
