import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DqFields } from '../dq-record.js';
import { readCsv } from './csv-reader.js';
import type { ReadNote, RecordSink } from './record-sink.js';
import { opensQuote, splitCsvRecord } from './split-csv-record.js';

function collect(): RecordSink & { rows: [number, DqFields][]; notes: string[] } {
  const rows: [number, DqFields][] = [];
  const notes: string[] = [];
  return {
    rows,
    notes,
    record: (row, fields, n?: readonly ReadNote[]) => {
      rows.push([row, fields]);
      for (const x of n ?? []) notes.push(`${row} ${x.rule}`);
    },
    rejected: (row, n) => notes.push(`${row} ${n.rule}`),
    fileNote: (row, n) => notes.push(`${row} ${n.rule}`),
  };
}

function file(content: string | Buffer): string {
  const f = path.join(mkdtempSync(path.join(tmpdir(), 'dq-csv-')), 'x.csv');
  writeFileSync(f, content);
  return f;
}

describe('dq CSV reading', () => {
  it('splits RFC 4180 records: quotes, doubled quotes, delimiters and newlines inside quotes, stray quotes', () => {
    expect(splitCsvRecord('a,b,,c', ',')).to.deep.equal({ fields: ['a', 'b', '', 'c'], strayQuote: false });
    expect(splitCsvRecord('"a,b","say ""hi""","x\ny"', ',').fields).to.deep.equal(['a,b', 'say "hi"', 'x\ny']);
    expect(splitCsvRecord('a;b', ';').fields).to.deep.equal(['a', 'b']);
    expect(splitCsvRecord('ab"c,d', ',')).to.deep.equal({ fields: ['ab"c', 'd'], strayQuote: true });
    expect(opensQuote('a,"b', ',', false)).to.equal(true);
    expect(opensQuote('a,"b""', ',', false)).to.equal(true);
    expect(opensQuote('a,b"c', ',', false)).to.equal(false);
    expect(opensQuote('end",x', ',', true)).to.equal(false);
  });

  it('maps header aliases, joins area code + number, numbers rows by line and reads multi-line records', async () => {
    const sink = collect();
    await readCsv(file('PHN,Last Name,first_name,TEL_AREA_CD,TEL_NUMBER,ADDRESS\r\n9735353315,SMITH,MARY,250,555-0142,"1 A ST\r\nUNIT 2"\r\n\r\n9735361219,LEE,ANN,,,x\r\n'), { kind: 'client', columns: {} }, sink);
    expect(sink.rows.map(([row]) => row)).to.deep.equal([2, 5]);
    expect(sink.rows[0]![1]).to.include({ phn: '9735353315', family: 'SMITH', given: 'MARY', phone: '250 555-0142', addressLine1: '1 A ST\nUNIT 2' });
    expect(sink.rows[1]![1]).to.include({ phone: '' });
    expect(sink.notes).to.deep.equal(['1 column-missing', '1 column-missing']); // birthDate, gender
  });

  it('reports BOM, invalid UTF-8, field count, stray and unterminated quotes as notes with rows, and keeps reading', async () => {
    const sink = collect();
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('PHN,FAMILY,GIVEN,DOB,SEX\n1,M'), Buffer.from([0xfc]), Buffer.from('LLER,A,B,C\n2,X\n3,a"b,c,d,e\n"4,open,x,y,z\n5,after,x,y,z\n')]);
    await readCsv(file(bytes), { kind: 'client', columns: {} }, sink);
    expect(sink.notes).to.deep.equal(['2 encoding-invalid-utf8', '3 csv-field-count', '4 csv-stray-quote', '5 csv-unterminated-quote', '1 encoding-bom']);
    expect(sink.rows.map(([row]) => row)).to.deep.equal([2, 4, 6]);
  });

  it('uses explicit --map columns and a given delimiter', async () => {
    const sink = collect();
    await readCsv(file('HEALTH_NO;SURNAME_TXT\n9735353315;SMITH\n'), { kind: 'client', columns: { phn: 'HEALTH_NO', family: 'SURNAME_TXT' }, delimiter: ';' }, sink);
    expect(sink.rows[0]![1]).to.include({ phn: '9735353315', family: 'SMITH' });
  });
});
