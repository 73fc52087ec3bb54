import type { Element } from '@xmldom/xmldom';
import type { Issue } from '../core/issue.js';
import { childAt, childElements } from './incoming-request.js';

const CODE = 'listen.find-candidates-parameters';
const RULE = 'BCHCIM.SCH.2.5107: a FindCandidates needs the surname plus one of birth date, address line 1, phone or postal code';

/**
 * HCIM business rule BCHCIM.SCH.2.5107 (domain.md §a "Query payloads") on an HL7v3
 * `HCIM_IN_FindCandidates`: `person.name/value/family` plus one of `person.birthTime`,
 * `person.addr/value/streetAddressLine`, `person.telecom` or `person.addr/value/postalCode`.
 */
export function checkV3FindCandidates(message: Element): Issue[] {
  const payload = childAt(message, ['controlActProcess', 'queryByParameter', 'queryByParameterPayload']);
  const path = `/${message.localName}/controlActProcess/queryByParameter/queryByParameterPayload`;
  if (!payload) return [issue(`${path} is missing, so no search parameters were sent; ${RULE}`, path)];
  const values = (name: string) => childElements(payload).filter((e) => e.localName === name).flatMap((e) => childElements(e).filter((v) => v.localName === 'value'));
  const text = (elements: Element[], child: string) => elements.flatMap((v) => childElements(v).filter((e) => e.localName === child)).map((e) => e.textContent?.trim() ?? '').filter(Boolean);
  const surname = text(values('person.name'), 'family');
  const found = {
    'birth date': values('person.birthTime').some((v) => (v.getAttribute('value') ?? '') !== ''),
    'address line 1': text(values('person.addr'), 'streetAddressLine').length > 0,
    phone: values('person.telecom').some((v) => /^tel:/i.test(v.getAttribute('value') ?? '')),
    'postal code': text(values('person.addr'), 'postalCode').length > 0,
  };
  return judge(surname.length > 0, found, path);
}

/**
 * The same rule on a FHIR `$FindCandidates` request Bundle: the Patient (or RelatedPerson, the
 * mother's-PHN search) entry needs `name.family` plus birthDate, address.line, a phone telecom or
 * address.postalCode.
 */
export function checkFhirFindCandidates(bundle: unknown): Issue[] {
  const entries = Array.isArray((bundle as { entry?: unknown })?.entry) ? ((bundle as { entry: unknown[] }).entry) : [];
  const index = entries.findIndex((entry) => ['Patient', 'RelatedPerson'].includes(String((entry as { resource?: { resourceType?: unknown } })?.resource?.resourceType)));
  const path = index < 0 ? 'Bundle.entry' : `Bundle.entry[${index}].resource`;
  if (index < 0) return [issue(`${path} holds no Patient or RelatedPerson to search by; ${RULE}`, path)];
  const person = (entries[index] as { resource: Record<string, unknown> }).resource;
  const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter((v) => v && typeof v === 'object') : []);
  const surname = list(person.name).some((name) => typeof name.family === 'string' && name.family.trim() !== '');
  const found = {
    'birth date': typeof person.birthDate === 'string' && person.birthDate !== '',
    'address line 1': list(person.address).some((a) => Array.isArray(a.line) && a.line.some((l) => typeof l === 'string' && l.trim() !== '')),
    phone: list(person.telecom).some((t) => t.system === 'phone' && typeof t.value === 'string' && t.value !== ''),
    'postal code': list(person.address).some((a) => typeof a.postalCode === 'string' && a.postalCode.trim() !== ''),
  };
  return judge(surname, found, path);
}

function judge(surname: boolean, found: Record<string, boolean>, path: string): Issue[] {
  const present = Object.entries(found).filter(([, ok]) => ok).map(([name]) => name);
  if (surname && present.length > 0) return [];
  const received = [surname ? 'surname' : '', ...present].filter(Boolean).join(', ') || 'no parameters';
  return [issue(`${path}: Unexpected search parameters: expected the surname plus one of birth date, address line 1, phone, postal code (BCHCIM.SCH.2.5107), but received ${received}`, path)];
}

function issue(message: string, path: string): Issue {
  return { severity: 'error', code: CODE, message, path, validator: 'listen' };
}
