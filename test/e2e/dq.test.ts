import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ReportSchema } from '../../src/run/report-schema.js';
import { REPO_ROOT, runCli, tempProject } from './helpers/run-cli.js';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'dq');
const PLR = path.join(REPO_ROOT, 'fixtures', 'seed', 'plr-providers.csv');
const ENV = { HIE_DQ_TODAY: '2026-01-01' };

/** `row rule` pairs of a report's findings, for order-independent comparison. */
const pairs = (report: any): string[] => report.dq.findings.map((f: any) => `${f.row} ${f.rule}`).sort();

describe('hie-conform dq (e2e)', function () {
  this.timeout(60_000);

  it('checks the PLR synthetic extract: BOM, postal codes with unused letters, N11 area codes, bad fax', async () => {
    const result = await runCli(['dq', PLR], { env: ENV });
    expect(result.code, result.stderr).to.equal(1);
    const report = ReportSchema.parse(result.report);
    const dq = report.dq!;
    expect(dq.kind).to.equal('provider');
    expect(dq.files).to.deep.equal([{ file: PLR, format: 'csv', rows: 50 }]);
    expect(dq.rows).to.equal(50);
    const postal = [5, 11, 12, 20, 21, 22, 23, 27, 29, 33, 37, 38, 39, 42, 45, 50].map((row) => `${row} postal-code-format`);
    expect(pairs(report)).to.deep.equal([...postal, '1 encoding-bom', '2 fax-format', '20 phone-format', '33 phone-format'].sort());
    const bom = dq.findings.find((f) => f.rule === 'encoding-bom')!;
    expect(bom.severity).to.equal('information');
    const row33 = dq.findings.find((f) => f.row === 33 && f.rule === 'phone-format')!;
    expect(row33).to.include({ field: 'phone', value: '911 534-8062', severity: 'error' });
    // No duplicate IPC/CPN/college id and every identifier well-formed in this extract.
    for (const rule of ['ipc-format', 'cpn-format', 'ipc-duplicate', 'college-id-type', 'college-id-format', 'college-type-mismatch', 'status-code', 'status-dates-order']) {
      expect(dq.checks.find((c) => c.rule === rule)?.count, rule).to.equal(0);
    }
    expect(dq.rowsWithErrors).to.equal(17);
    expect(dq.score).to.equal(66);
    expect(dq.passed).to.equal(false);
    expect(report.outcome).to.equal('failed');
    expect(report.approval.verdict).to.equal('not-approved');
    expect(report.suites).to.deep.equal([]);
    expect(report.stats.total).to.equal(0);
    expect(report.evidence.files[0]!.sha256).to.match(/^[0-9a-f]{64}$/);
    const csv = readFileSync(path.join(result.cwd, 'reports', 'dq-findings.csv'), 'utf8').trim().split(/\r\n/);
    expect(csv[0]).to.equal('file,row,field,value,rule,severity,message,related_file,related_row');
    expect(csv).to.have.length(21);
  });

  it('passes the PLR extract with thresholds loose enough, exit 0', async () => {
    const result = await runCli(['dq', PLR, '--max-error-rate', '40%', '--min-score', '60'], { env: ENV });
    expect(result.code, result.stderr).to.equal(0);
    expect(result.report.dq.passed).to.equal(true);
    expect(result.report.approval.verdict).to.equal('approved');
    expect(result.report.dq.thresholds).to.deep.equal({ maxErrorRate: 0.4, minScore: 60 });
  });

  it('checks a client CSV: PHN, names, dates, gender, postal/province, phone, PHN conflicts, probable duplicates, malformed rows', async () => {
    const result = await runCli(['dq', path.join(FIXTURES, 'clients.csv')], { env: ENV });
    expect(result.code, result.stderr).to.equal(1);
    const report = ReportSchema.parse(result.report);
    expect(report.dq!.kind).to.equal('client');
    expect(pairs(report)).to.deep.equal(
      [
        '3 phn-check-digit',
        '4 phn-missing',
        '5 name-digits',
        '5 birth-date-future',
        '5 gender-code',
        '5 address-line-missing',
        '5 postal-code-province',
        '5 phone-format',
        '6 phn-conflict',
        '7 phn-missing',
        '7 deceased-before-birth',
        '7 probable-duplicate',
        '9 csv-field-count',
        '10 csv-unterminated-quote',
      ].sort(),
    );
    const conflict = report.dq!.findings.find((f) => f.rule === 'phn-conflict')!;
    expect(conflict).to.include({ relatedRow: 2, message: 'PHN also on row 2 with a different birth date' });
    const duplicate = report.dq!.findings.find((f) => f.rule === 'probable-duplicate')!;
    expect(duplicate).to.include({ relatedRow: 4, field: 'person', value: 'DELACROIX, SIMONA' });
    expect(report.dq!.rows).to.equal(9);
  });

  it('masks PHI with --mask-phi', async () => {
    const result = await runCli(['dq', path.join(FIXTURES, 'clients.csv'), '--mask-phi'], { env: ENV });
    const findings = result.report.dq.findings as any[];
    expect(findings.find((f) => f.rule === 'phn-check-digit').value).to.equal('97******16');
    expect(findings.find((f) => f.rule === 'probable-duplicate').value).to.equal('DE*************NA');
    expect(findings.find((f) => f.rule === 'gender-code').value).to.equal('Z');
    expect(result.report.dq.maskPhi).to.equal(true);
    const csv = readFileSync(path.join(result.cwd, 'reports', 'dq-findings.csv'), 'utf8');
    expect(csv).to.not.contain('9735353316');
  });

  it('reads FHIR NDJSON of Patients and reports a bad JSON line with its row', async () => {
    const result = await runCli(['dq', path.join(FIXTURES, 'patients.ndjson')], { env: ENV });
    expect(result.code).to.equal(1);
    expect(result.report.dq.files[0].format).to.equal('fhir-ndjson');
    expect(pairs(result.report)).to.deep.equal(['2 birth-date-invalid', '2 phn-check-digit', '3 json-invalid']);
  });

  it('reads a FHIR Bundle: Patients checked by entry index, other resources noted', async () => {
    const result = await runCli(['dq', path.join(FIXTURES, 'patients-bundle.json')], { env: ENV });
    expect(result.code).to.equal(1);
    expect(result.report.dq.files[0]).to.deep.equal({ file: path.join(FIXTURES, 'patients-bundle.json'), format: 'fhir-bundle', rows: 2 });
    expect(pairs(result.report)).to.deep.equal(['1 record-unsupported', '3 deceased-before-birth', '3 name-whitespace', '3 postal-code-province']);
    expect(result.report.dq.findings.find((f: any) => f.rule === 'record-unsupported').severity).to.equal('information');
  });

  it('reads an HL7v3 HCIM_IN_PersonRevised batch: rows are start-tag lines, a broken message is xml-invalid', async () => {
    const result = await runCli(['dq', path.join(FIXTURES, 'person-revised-batch.xml')], { env: ENV });
    expect(result.code).to.equal(1);
    expect(result.report.dq).to.deep.include({ kind: 'client', rows: 3 });
    expect(pairs(result.report)).to.deep.equal(['22 birth-date-invalid', '22 phn-check-digit', '38 xml-invalid']);
  });

  it('reads an HL7v3 PLR batch (PRPM_IN301030CA + PRPM_IN303030CA in SOAP envelopes)', async () => {
    const result = await runCli(['dq', path.join(FIXTURES, 'prpm-batch.xml')], { env: ENV });
    expect(result.code).to.equal(1);
    expect(result.report.dq.kind).to.equal('provider');
    expect(result.report.dq.files[0]).to.include({ format: 'hl7v3', rows: 2 });
    const rules = pairs(result.report).map((p) => p.split(' ')[1]);
    expect(rules).to.include.members(['ipc-format', 'ipc-duplicate', 'college-id-duplicate']);
  });

  it('uses a --map file for column names and thresholds', async () => {
    const result = await runCli(['dq', path.join(FIXTURES, 'clients-renamed.csv'), '--map', path.join(FIXTURES, 'mapping.yaml')], { env: ENV });
    expect(result.code, result.stderr).to.equal(0);
    expect(pairs(result.report)).to.deep.equal(['3 phn-check-digit']);
    expect(result.report.dq.thresholds).to.deep.equal({ maxErrorRate: 0.5, minScore: 10 });
  });

  it('exits 2 with file:line for a bad mapping, and for a missing input file', async () => {
    const bad = await runCli(['dq', path.join(FIXTURES, 'clients-renamed.csv'), '--map', path.join(FIXTURES, 'bad-mapping.yaml')]);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.contain('ERR_DQ_MAPPING');
    expect(bad.stderr).to.contain('bad-mapping.yaml:4:3: columns.surname: unknown canonical field "surname"');
    const missing = await runCli(['dq', 'nope.csv']);
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.contain('ERR_FILE_NOT_FOUND');
  });

  it('exits 2 when the kind cannot be detected, and reads the file with --kind', async () => {
    const cwd = tempProject({ 'people.csv': 'NAME,CITY\nA,B\n' });
    const undetected = await runCli(['dq', 'people.csv'], { cwd });
    expect(undetected.code).to.equal(2);
    expect(undetected.stderr).to.contain('--kind client|provider');
    const forced = await runCli(['dq', 'people.csv', '--kind', 'client'], { cwd });
    // Absent columns are reported once (warning) and their checks skipped; the one row is clean.
    expect(forced.code).to.equal(0);
    expect(pairs(forced.report)).to.deep.equal(['1 column-missing', '1 column-missing', '1 column-missing', '1 column-missing', '1 column-missing']);
  });

  it('reports invalid UTF-8 with the row, not a crash', async () => {
    const cwd = tempProject();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(cwd, 'latin1.csv'), Buffer.concat([Buffer.from('PHN,FAMILY_NAME,GIVEN_NAME,BIRTH_DATE,GENDER\n9735353315,M'), Buffer.from([0xfc]), Buffer.from('LLER,ANNA,1975-03-14,F\n')]));
    const result = await runCli(['dq', 'latin1.csv'], { cwd, env: ENV });
    expect(pairs(result.report)).to.include('2 encoding-invalid-utf8');
  });

  it('documents checks, thresholds and exit codes in --help', async () => {
    const result = await runCli(['dq', '--help']);
    expect(result.code).to.equal(0);
    for (const text of ['--kind', '--map', '--mask-phi', '--max-error-rate', '--min-score', 'Exit codes', 'PHN', 'IPC']) expect(result.stdout).to.contain(text);
  });
});
