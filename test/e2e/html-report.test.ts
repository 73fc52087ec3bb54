import { expect } from 'chai';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { demoProject } from './helpers/demo-project.js';
import { REPO_ROOT, runCli } from './helpers/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';

describe('e2e: HTML report in a real browser', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;

  before(async function () {
    if (!existsSync(CHROMIUM)) this.skip(); // scripts/install-chromium.sh installs it (CI does, as root)
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  });

  after(async () => {
    await browser?.close();
  });

  it('shows the verdict, expands a failed case, filters, prints expanded, loads nothing from the network', async () => {
    const result = await runCli(['run', 'suites/wrong.yaml', '--reporter', 'html'], { cwd: demoProject() });
    expect(result.code, result.stderr).to.equal(1);
    expect(result.report.approval.verdict).to.equal('not-approved');
    const file = path.join(result.cwd, 'reports', 'report.html');
    expect(existsSync(file)).to.equal(true);

    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => void requests.push(request.url()));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => void pageErrors.push(error.message));
    await page.goto(pathToFileURL(file).href);

    expect(await page.locator('#verdict .word').textContent()).to.equal('NOT APPROVED');
    expect(await page.locator('#verdict').textContent()).to.contain('DEMO-02');
    expect(await page.locator('#req-DEMO-02').textContent()).to.contain('blocking');
    expect(await page.locator('#visible-count').textContent()).to.equal('3 of 3 cases shown');

    // A failed case starts collapsed; a click shows the expectation, its suite line and the exchange.
    const failed = page.locator('#case-demo--gd-wrong-code');
    expect(await failed.locator('.case-body').isVisible()).to.equal(false);
    await failed.locator('.case-head').click();
    expect(await failed.locator('.case-body').isVisible()).to.equal(true);
    const body = await failed.locator('.case-body').innerText();
    expect(body).to.contain('suites/wrong.yaml:35:13 · response-code');
    expect(body).to.contain('- expected: BCHCIM.GD.2.0099');
    expect(body).to.contain('HCIM_IN_GetDemographicsResponse');
    await page.screenshot({ path: screenshotPath(result.cwd, 'html-report.png'), fullPage: true });

    // Filters: outcome checkbox, then protocol.
    await page.locator('[data-filter-outcome][value=passed]').uncheck();
    expect(await page.locator('#visible-count').textContent()).to.equal('2 of 3 cases shown');
    expect(await page.locator('#case-demo--gd-ok').isVisible()).to.equal(false);
    await page.locator('#filter-protocol').selectOption('fhir');
    expect(await page.locator('#visible-count').textContent()).to.equal('1 of 3 cases shown');
    expect(await page.locator('#case-demo--fhir-missing').isVisible()).to.equal(true);
    expect(await failed.isVisible()).to.equal(false);
    await page.screenshot({ path: screenshotPath(result.cwd, 'html-report-filtered.png') });

    // Printed (PDF), every case is shown expanded whatever the filters.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#case-demo--gd-ok .case-body').isVisible(), 'a case hidden by the filters is printed too').to.equal(true);
    expect(await failed.locator('.case-body').isVisible()).to.equal(true);
    expect(await page.locator('.toolbar').isVisible()).to.equal(false);
    await page.screenshot({ path: screenshotPath(result.cwd, 'html-report-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).to.equal('%PDF-');

    expect(pageErrors).to.deep.equal([]);
    expect(requests.filter((url) => !url.startsWith('file:'))).to.deep.equal([]);
    await page.close();
  });
});

/** Screenshots go to the repository's reports/ (git-ignored), to be looked at after the test; `cwd` is the run's folder. */
function screenshotPath(cwd: string, name: string): string {
  const dir = path.join(REPO_ROOT, 'reports');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
