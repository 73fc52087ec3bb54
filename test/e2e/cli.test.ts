import { expect } from 'chai';
import { runCli } from './helpers/run-cli.js';

describe('e2e: hie-conform CLI verbs', function () {
  this.timeout(30_000);

  for (const verb of ['run', 'list', 'serve', 'report', 'validate']) {
    it(`${verb} --help prints usage and exits 0`, async () => {
      const result = await runCli([verb, '--help']);
      expect(result.code).to.equal(0);
      expect(result.stdout).to.contain(`Usage: hie-conform ${verb}`);
    });
  }

  it('list shows every built-in case and the requirement matrix', async () => {
    const list = await runCli(['list', '--format', 'json']);
    expect(list.code).to.equal(0);
    const parsed = JSON.parse(list.stdout);
    expect(parsed.suites.length).to.be.greaterThanOrEqual(4);
    const matrix = await runCli(['list', '--requirements']);
    expect(matrix.code, matrix.stderr).to.equal(0);
    expect(matrix.stdout).to.match(/HCIM-GD-01 +GetDemographics[^\n]*\n +hcim-v3-get-demographics\/gd-by-phn/);
    expect(matrix.stdout).to.match(/\d+ requirement\(s\), \d+ covered, 0 not covered/);
  });

  it('serve prints "listening <url>" and answers until SIGTERM', async () => {
    let url = '';
    const result = await runCli(['serve', '--port', '0'], {
      onStdout: (text, child) => {
        const match = /listening (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
        if (match && !url) {
          url = match[1]!;
          fetch(`${url}/hcim/QUPA_AR101102.asmx?wsdl`)
            .then(async (response) => {
              expect(response.status).to.equal(200);
              expect(await response.text()).to.contain('wsdl:definitions');
            })
            .finally(() => child.kill('SIGTERM'));
        }
      },
    });
    expect(url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(result.code).to.equal(0);
  });

  it('report regenerates junit.xml from report.json alone', async () => {
    const run = await runCli(['run', '--grep', 'gd-by-phn']);
    expect(run.code).to.equal(0);
    const regenerated = await runCli(['report', 'reports/report.json', '--reporter', 'junit', '--out', 'again'], { cwd: run.cwd });
    expect(regenerated.code).to.equal(0);
    expect(regenerated.stdout).to.contain('again/junit.xml');
  });

  it('report rejects a file that is not a report with exit 2', async () => {
    const result = await runCli(['report', 'missing.json']);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain('report file not found');
  });
});
