import { expect } from 'chai';
import { rulesOf } from '../test-helpers/run-check.js';
import { checkAddressLine } from './address-line.js';
import { checkBirthDate } from './birth-date.js';
import { checkEmail } from './email.js';
import { checkGender } from './gender.js';
import { checkNames } from './name-checks.js';
import { checkPhones, isNanpNumber } from './phone.js';
import { checkPostalCode } from './postal-code.js';

describe('dq shared field checks', () => {
  it('names: clean names pass; missing, digits, spaces, characters and length fail', () => {
    expect(rulesOf(checkNames, { family: "O'Brien-Smith", given: 'Anne Marie', middle: 'J.' })).to.deep.equal([]);
    expect(rulesOf(checkNames, { family: 'Lévesque', given: 'Zoë' })).to.deep.equal([]);
    expect(rulesOf(checkNames, { family: '', given: '' })).to.deep.equal(['family-missing', 'given-missing']);
    expect(rulesOf(checkNames, { family: 'BR0WN', given: 'JOHN' })).to.deep.equal(['name-digits']);
    expect(rulesOf(checkNames, { family: 'BROWN ', given: 'JOHN' })).to.deep.equal(['name-whitespace']);
    expect(rulesOf(checkNames, { family: 'BROWN', given: 'JO  HN' })).to.deep.equal(['name-whitespace']);
    expect(rulesOf(checkNames, { family: 'BROWN', given: 'JOHN_' })).to.deep.equal(['name-characters']);
    expect(rulesOf(checkNames, { family: 'A'.repeat(41), given: 'JOHN' })).to.deep.equal(['name-length']);
  });

  it('birth date: valid dates in three layouts pass; missing, invalid, future, > 120 years fail', () => {
    for (const birthDate of ['1975-03-14', '19750314', '03-14-1975', '2024-02-29']) expect(rulesOf((f, c) => checkBirthDate(f, c, true), { birthDate }), birthDate).to.deep.equal([]);
    expect(rulesOf((f, c) => checkBirthDate(f, c, true), { birthDate: '' })).to.deep.equal(['birth-date-missing']);
    expect(rulesOf((f, c) => checkBirthDate(f, c, false), { birthDate: '' })).to.deep.equal([]);
    expect(rulesOf((f, c) => checkBirthDate(f, c, true), { birthDate: '2023-02-29' })).to.deep.equal(['birth-date-invalid']);
    expect(rulesOf((f, c) => checkBirthDate(f, c, true), { birthDate: '14/03/1975' })).to.deep.equal(['birth-date-invalid']);
    expect(rulesOf((f, c) => checkBirthDate(f, c, true), { birthDate: '2026-01-02' })).to.deep.equal(['birth-date-future']);
    expect(rulesOf((f, c) => checkBirthDate(f, c, true), { birthDate: '1905-12-31' })).to.deep.equal(['birth-date-too-old']);
  });

  it('gender: HL7v3 and FHIR codes pass; missing warns, unknown code fails', () => {
    for (const gender of ['M', 'f', 'UN', 'X', 'female', 'unknown']) expect(rulesOf(checkGender, { gender }), gender).to.deep.equal([]);
    expect(rulesOf(checkGender, { gender: '' })).to.deep.equal(['gender-missing']);
    expect(rulesOf(checkGender, { gender: 'Z' })).to.deep.equal(['gender-code']);
  });

  it('postal code: A9A 9A9 with BC ⇔ V; unused letters, wrong shape and province mismatch fail; foreign skipped', () => {
    expect(rulesOf(checkPostalCode, { postalCode: 'V8V 3K8', province: 'BC' })).to.deep.equal([]);
    expect(rulesOf(checkPostalCode, { postalCode: 'v8v3k8', province: 'bc' })).to.deep.equal([]);
    expect(rulesOf(checkPostalCode, { postalCode: 'T2P 1J9', province: 'AB' })).to.deep.equal([]);
    expect(rulesOf(checkPostalCode, { postalCode: 'V9J 3I9', province: 'BC' })).to.deep.equal(['postal-code-format']);
    expect(rulesOf(checkPostalCode, { postalCode: 'W8V 3K8' })).to.deep.equal(['postal-code-format']);
    expect(rulesOf(checkPostalCode, { postalCode: 'V8V 3K' })).to.deep.equal(['postal-code-format']);
    expect(rulesOf(checkPostalCode, { postalCode: 'T2P 1J9', province: 'BC' })).to.deep.equal(['postal-code-province']);
    expect(rulesOf(checkPostalCode, { postalCode: 'V8V 3K8', province: 'AB' })).to.deep.equal(['postal-code-province']);
    expect(rulesOf(checkPostalCode, { postalCode: '98101', country: 'US' })).to.deep.equal([]);
  });

  it('phone and fax: NANP numbers pass; short, N11 area and 1XX exchange fail', () => {
    for (const phone of ['250-555-0142', '(604) 555 0199', '+1 778 555 0100', 'tel:2505550142', '250 555 0142 x12']) expect(isNanpNumber(phone), phone).to.equal(true);
    for (const phone of ['555-1234', '911 534-8062', '250 123 4455', '250-555-014', 'call me']) expect(isNanpNumber(phone), phone).to.equal(false);
    expect(rulesOf(checkPhones, { phone: '250-555-0142', fax: '250 1234455' })).to.deep.equal(['fax-format']);
    expect(rulesOf(checkPhones, { phone: '811 474-5332' })).to.deep.equal(['phone-format']);
  });

  it('address line and email', () => {
    expect(rulesOf(checkAddressLine, { addressLine1: '1120 FORT ST' })).to.deep.equal([]);
    expect(rulesOf(checkAddressLine, { addressLine1: ' ' })).to.deep.equal(['address-line-missing']);
    expect(rulesOf(checkEmail, { email: 'PRIMETTEN@test.ca' })).to.deep.equal([]);
    expect(rulesOf(checkEmail, { email: 'mailto:a.b+c@health.gov.bc.ca' })).to.deep.equal([]);
    for (const email of ['PRIMETTEN@test', 'a b@c.ca', '@c.ca', 'a@@c.ca']) expect(rulesOf(checkEmail, { email }), email).to.deep.equal(['email-format']);
  });
});
