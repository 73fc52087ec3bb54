#!/usr/bin/env node
// Synthetic HCIM client extract for bench/dq.sh: N rows of clean, invented persons plus a known
// set of injected rule defects (one per defective row) and injected duplicates, with ground truth.
//   node bench/dq-generate.mjs <out-dir> [rows=1000000] [seed=11]
// Writes <out-dir>/clients.csv and <out-dir>/truth.ndjson ({row, rule} and {row, related, kind}).
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

const [outDir = '.bench/dq', rowsText = '1000000', seedText = '11'] = process.argv.slice(2);
const ROWS = Number(rowsText);
mkdirSync(outDir, { recursive: true });

let seed = Number(seedText) >>> 0 || 1;
const rand = () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

// Invented names from syllables: thousands of surnames, so natural surname+birth-date blocks stay small,
// and none collide with the name-swap heuristic's lists of common real names.
const SYL = ['KA', 'LO', 'MI', 'RA', 'TE', 'SU', 'NO', 'VE', 'DA', 'RI', 'ZE', 'BO', 'LU', 'XA', 'QUI', 'FEN', 'GOR', 'HAL', 'JIN', 'PEL'];
const surnames = [];
for (const a of SYL) for (const b of SYL) for (const c of ['', 'N', 'S', 'RT', 'LD', 'WICK']) surnames.push(a + b + c);
const givens = [];
for (const a of SYL) for (const b of ['RA', 'NA', 'LIE', 'TON', 'MIR', 'DREW', 'SHA', 'VIN', 'LEY', 'TH']) givens.push(a + b);
const STREETS = ['MAPLE', 'CEDAR', 'HEMLOCK', 'ARBUTUS', 'FIR', 'SPRUCE', 'ALDER', 'GARRY OAK', 'DOUGLAS', 'FORT', 'YATES', 'JOHNSON', 'PANDORA', 'COOK', 'QUADRA', 'SHELBOURNE', 'FOUL BAY', 'RICHMOND', 'GORGE', 'TILLICUM'];
const SUFFIXES = [['STREET', 'ST'], ['AVENUE', 'AVE'], ['ROAD', 'RD'], ['DRIVE', 'DR'], ['CRESCENT', 'CRES'], ['PLACE', 'PL']];
const CITIES = ['VICTORIA', 'VANCOUVER', 'KAMLOOPS', 'KELOWNA', 'NANAIMO', 'PRINCE GEORGE', 'SURREY', 'BURNABY'];
const POSTAL_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ';

const WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3];
function phnFor(i) {
  // A permutation of 8-digit bodies (7919 is coprime with 10^8), so PHNs never collide by accident.
  for (let k = i; ; k += 1_500_000) {
    const body = String((k * 7919 + 12345678) % 100_000_000).padStart(8, '0');
    let sum = 0;
    for (let d = 0; d < 8; d++) sum += (Number(body[d]) * WEIGHTS[d]) % 11;
    const check = 11 - (sum % 11);
    if (check < 10) return `9${body}${check}`;
  }
}
const pad = (n) => String(n).padStart(2, '0');
const date = () => `${int(1930, 2020)}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
const postal = () => `V${int(0, 9)}${pick(POSTAL_LETTERS)} ${int(0, 9)}${pick(POSTAL_LETTERS)}${int(0, 9)}`;
const phone = () => `${pick(['250', '604', '778'])}-${int(200, 999)}-${String(int(0, 9999)).padStart(4, '0')}`;
function person(i) {
  const [long, short] = pick(SUFFIXES);
  return { phn: phnFor(i), family: pick(surnames), given: pick(givens), birth: date(), gender: pick(['M', 'F']), line: `${int(1, 9999)} ${pick(STREETS)} ${rand() < 0.5 ? long : short}`, city: pick(CITIES), province: 'BC', postal: postal(), phone: phone() };
}

// Each defect edits one field so that exactly one rule fires.
const DEFECTS = {
  'phn-check-digit': (p) => ({ ...p, phn: p.phn.slice(0, 9) + ((Number(p.phn[9]) + 1) % 10) }),
  'phn-missing': (p) => ({ ...p, phn: '' }),
  'phn-format': (p) => ({ ...p, phn: p.phn.slice(0, 9) }),
  'family-missing': (p) => ({ ...p, family: '' }),
  'name-digits': (p) => ({ ...p, given: `${p.given}3` }),
  'name-whitespace': (p) => ({ ...p, given: ` ${p.given}` }),
  'birth-date-invalid': (p) => ({ ...p, birth: `${p.birth.slice(0, 4)}-02-30` }),
  'birth-date-future': (p) => ({ ...p, birth: `2099-${p.birth.slice(5)}` }),
  'birth-date-too-old': (p) => ({ ...p, birth: `1890-${p.birth.slice(5)}` }),
  'gender-code': (p) => ({ ...p, gender: 'Q' }),
  'postal-code-format': (p) => ({ ...p, postal: p.postal.slice(0, 5) }),
  'postal-code-province': (p) => ({ ...p, postal: `T${p.postal.slice(1)}` }),
  'phone-format': (p) => ({ ...p, phone: `555-${p.phone.slice(-4)}` }),
};
const DEFECT_RULES = Object.keys(DEFECTS);
const typo = (text) => {
  const at = int(2, Math.max(2, text.length - 1));
  const letter = pick('AEIOURSTLN'.split('').filter((c) => c !== text[at]));
  return text.slice(0, at) + letter + text.slice(at + 1);
};
const swapSuffix = (line) => { for (const [long, short] of SUFFIXES) { if (line.endsWith(` ${long}`)) return line.slice(0, -long.length) + short; if (line.endsWith(` ${short}`)) return line.slice(0, -short.length) + long; } return line; };

const csv = createWriteStream(path.join(outDir, 'clients.csv'));
const truth = createWriteStream(path.join(outDir, 'truth.ndjson'));
csv.write('PHN,FAMILY_NAME,GIVEN_NAME,BIRTH_DATE,GENDER,ADDRESS_LINE1,CITY,PROVINCE,POSTAL_CODE,PHONE\n');
const recent = []; // clean rows that may be duplicated: { row, p }
const counts = { defects: 0, duplicates: 0, conflicts: 0 };
let buffer = '';
for (let i = 0; i < ROWS; i++) {
  const row = i + 2; // line number: the header is line 1
  let p;
  const roll = rand();
  if (roll < 0.01) {
    const rule = DEFECT_RULES[counts.defects % DEFECT_RULES.length];
    p = DEFECTS[rule](person(i));
    truth.write(`${JSON.stringify({ row, rule })}\n`);
    counts.defects += 1;
  } else if (roll < 0.015 && recent.length > 100) {
    // A probable duplicate without a PHN: typo in the given name and/or a different street suffix.
    const original = recent[int(0, recent.length - 1)];
    const q = original.p;
    const variant = int(0, 2);
    p = { ...q, phn: '', given: variant !== 1 ? typo(q.given) : q.given, line: variant !== 0 ? swapSuffix(q.line) : q.line, phone: phone() };
    truth.write(`${JSON.stringify({ row, related: original.row, kind: 'probable-duplicate' })}\n`);
    truth.write(`${JSON.stringify({ row, rule: 'phn-missing', expectedWithDuplicate: true })}\n`);
    counts.duplicates += 1;
  } else if (roll < 0.017 && recent.length > 100) {
    // The same PHN with a different birth date: a conflicting registration.
    const original = recent[int(0, recent.length - 1)];
    const q = original.p;
    const other = person(i);
    p = { ...other, phn: q.phn, family: q.family, birth: q.birth === '1960-01-01' ? '1961-01-01' : '1960-01-01' };
    truth.write(`${JSON.stringify({ row, related: original.row, kind: 'phn-conflict' })}\n`);
    counts.conflicts += 1;
  } else {
    p = person(i);
    if (recent.length < 50_000) recent.push({ row, p });
    else if (rand() < 0.05) recent[int(0, recent.length - 1)] = { row, p };
  }
  buffer += `${p.phn},${p.family},${p.given},${p.birth},${p.gender},${p.line},${p.city},${p.province},${p.postal},${p.phone}\n`;
  if (buffer.length > 1 << 20) {
    if (!csv.write(buffer)) await new Promise((resolve) => csv.once('drain', resolve));
    buffer = '';
  }
}
csv.end(buffer);
truth.end();
await Promise.all([new Promise((r) => csv.on('finish', r)), new Promise((r) => truth.on('finish', r))]);
console.log(`generated ${ROWS} rows: ${counts.defects} rule defects, ${counts.duplicates} probable duplicates, ${counts.conflicts} PHN conflicts → ${outDir}/clients.csv`);
