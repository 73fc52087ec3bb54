import type { DqFields, DqKind } from '../dq-record.js';
import { collegeBodyByOid } from '../college-bodies.js';

/* HL7v3 person messages → canonical fields, by element local name (namespace prefixes vary
   between senders). Paths follow domain.md §(a) PersonRevised and §(b) PRPM_IN301030CA. */

const PHN_ROOT = '2.16.840.1.113883.3.51.1.1.6.1';
const IPC_ROOT = '2.16.840.1.113883.3.40.2.8';
const CPN_ROOT = '2.16.840.1.113883.3.40.2.3';
const MSP_ROOT = '2.16.840.1.113883.3.40.2.11';

/** Message root local names each kind reads; anything else in a batch is `record-unsupported`. */
export const HL7V3_ROOTS: Readonly<Record<DqKind, RegExp>> = {
  client: /^HCIM_IN_PersonRevised\w*$/,
  provider: /^PRPM_IN30[13]030CA$/,
};

/** `HCIM_IN_PersonRevised`: identifiedPerson (role: addr, telecom) › identifiedPerson (person: PHN, name, gender, birth, death). */
export function personRevisedFields(root: Element): DqFields {
  const all = descendants(root, 'identifiedPerson');
  const person = all.find((el) => child(el, 'name')) ?? all[all.length - 1];
  const role = person?.parentNode && (person.parentNode as Element).localName === 'identifiedPerson' ? (person.parentNode as Element) : person;
  const phn = descendants(root, 'id').find((id) => id.getAttribute('root') === PHN_ROOT);
  return {
    phn: phn?.getAttribute('extension') ?? '',
    ...nameFields(person),
    gender: attr(child(person, 'administrativeGenderCode'), 'code'),
    birthDate: attr(child(person, 'birthTime'), 'value'),
    deceasedDate: attr(child(person, 'deceasedTime'), 'value'),
    ...addressFields(child(role, 'addr') ?? child(person, 'addr')),
    ...telecomFields(role ? children(role, 'telecom') : [], person ? children(person, 'telecom') : []),
  };
}

/** `PRPM_IN301030CA` / `PRPM_IN303030CA`: healthCareProvider with ids by root, code, statusCode, principal person. */
export function healthCareProviderFields(root: Element): DqFields {
  const provider = descendants(root, 'healthCareProvider')[0];
  const ids = provider ? children(provider, 'id') : [];
  const idBy = (oid: string) => ids.find((id) => id.getAttribute('root') === oid)?.getAttribute('extension') ?? '';
  const licence = ids.map((id) => ({ id, body: collegeBodyByOid(id.getAttribute('root') ?? '') })).find((x) => x.body);
  const status = child(provider, 'statusCode');
  const validTime = child(status, 'validTime');
  const person = child(provider, 'healthCarePrincipalPerson');
  const reason = provider ? descendants(provider, 'roleActivation').map((el) => child(el, 'reasonCode'))[0] : undefined;
  return {
    ipc: idBy(IPC_ROOT),
    cpn: idBy(CPN_ROOT),
    mspId: idBy(MSP_ROOT),
    identifierType: licence?.body?.code ?? '',
    collegeId: licence?.id.getAttribute('extension') ?? '',
    providerType: attr(child(provider, 'code'), 'code'),
    statusCode: attr(status, 'code'),
    statusReason: attr(reason, 'code'),
    statusStart: attr(child(validTime, 'low'), 'value'),
    statusExpiry: attr(child(validTime, 'high'), 'value'),
    ...nameFields(person),
    gender: attr(child(person, 'administrativeGenderCode'), 'code'),
    birthDate: attr(child(person, 'birthTime'), 'value'),
    ...addressFields(child(provider, 'addr')),
    ...telecomFields(provider ? children(provider, 'telecom') : []),
  };
}

function nameFields(person: Element | undefined): DqFields {
  const names = person ? children(person, 'name') : [];
  const name = names.find((n) => (n.getAttribute('use') ?? '').split(/\s+/).includes('L')) ?? names[0];
  const given = name ? children(name, 'given') : [];
  return { family: text(child(name, 'family')), given: text(given[0]), middle: text(given[1]) };
}

function addressFields(addr: Element | undefined): DqFields {
  const lines = addr ? children(addr, 'streetAddressLine') : [];
  return {
    addressLine1: text(lines[0]),
    addressLine2: text(lines[1]),
    city: text(child(addr, 'city')),
    province: text(child(addr, 'state')),
    postalCode: text(child(addr, 'postalCode')),
    country: text(child(addr, 'country')),
  };
}

function telecomFields(...groups: Element[][]): DqFields {
  const values = groups.flat().map((t) => t.getAttribute('value') ?? '');
  const strip = (prefix: string) => values.find((v) => v.startsWith(prefix))?.slice(prefix.length) ?? '';
  return { phone: strip('tel:'), fax: strip('fax:'), email: strip('mailto:') };
}

function children(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let node = el.firstChild; node; node = node.nextSibling) if (node.nodeType === 1 && (node as Element).localName === name) out.push(node as Element);
  return out;
}

function child(el: Element | undefined, name: string): Element | undefined {
  return el ? children(el, name)[0] : undefined;
}

function descendants(el: Element, name: string): Element[] {
  return Array.from(el.getElementsByTagNameNS('*', name) as unknown as ArrayLike<Element>);
}

function attr(el: Element | undefined, name: string): string {
  return el?.getAttribute(name) ?? '';
}

function text(el: Element | undefined): string {
  return el?.textContent ?? '';
}
