import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ReportSchema } from '../../src/run/report-schema.js';
import { runCli, tempProject } from './helpers/run-cli.js';

describe('e2e: SIGINT during a run', function () {
  this.timeout(60_000);
  let server: http.Server;
  let port: number;
  let child: ChildProcess | undefined;
  let requested = false;
  let interrupted = false;
  const pending: http.ServerResponse[] = [];
  // The request may reach the server before the child's first stdout chunk reaches us: whichever
  // comes second sends the one SIGINT.
  const interrupt = () => {
    if (!child || !requested || interrupted) return;
    interrupted = true;
    child.kill('SIGINT');
  };

  before(async () => {
    // An endpoint that accepts the request and never answers; on the first request, interrupt the run.
    server = http.createServer((_request, response) => {
      pending.push(response);
      requested = true;
      interrupt();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  after(async () => {
    for (const response of pending) response.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('exits 130 and still writes a report with outcome interrupted', async () => {
    const cwd = tempProject({
      'slow.yaml': ['id: slow', 'title: Slow endpoint', 'cases:', ...['first', 'second'].flatMap((id) => [`  - id: ${id}`, `    title: ${id} case`, `    requirements: [SLOW-01]`, '    steps:', '      - id: read', '        kind: fhir', `        url: http://127.0.0.1:${port}/${id}`, '        expect:', '          - status: 200']), ''].join('\n'),
    });
    const started = Date.now();
    const result = await runCli(['run', 'slow.yaml', '--timeout', '20000', '--workers', '1', '--reporter', 'console,junit,html'], {
      cwd,
      onStdout: (_text, process) => {
        child = process;
        interrupt();
      },
    });
    expect(result.code, result.stderr).to.equal(130);
    expect(Date.now() - started).to.be.lessThan(15_000);
    expect(result.stderr).to.contain('SIGINT: stopping; the partial report will be written');
    const report = ReportSchema.parse(result.report);
    expect(report.outcome).to.equal('interrupted');
    expect(report.approval.verdict).to.equal('not-approved');
    expect(report.approval.reasons).to.include('the run was interrupted');
    const [first, second] = report.suites[0]!.cases;
    expect(first!.steps[0]!.exchanges[0]!.failure?.code).to.equal('ABORTED');
    expect(first!.outcome).to.equal('error');
    expect(second!.outcome).to.equal('skipped');
    expect(result.stdout).to.contain('reports/report.json');
  });
});
