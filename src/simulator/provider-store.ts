import { readFileSync } from 'node:fs';
import { PLR_OID } from '../hl7v3/oids.js';
import type { Facility, Provider } from './provider.js';

/** College id type (CSV IDENTIFIER_TYPE) → HL7v3 OID (domain.md §d). */
export const COLLEGE_OID: Readonly<Record<string, string>> = {
  CPSID: PLR_OID.cpsid,
  DENID: '2.16.840.1.113883.3.40.2.6',
  LPNID: '2.16.840.1.113883.3.40.2.10',
  PHID: '2.16.840.1.113883.3.40.2.14',
  RMID: '2.16.840.1.113883.3.40.2.18',
  RNID: '2.16.840.1.113883.3.40.2.19',
  RNPID: '2.16.840.1.113883.3.40.2.20',
};

/** Facilities the simulator knows besides the seeded providers (no public seed exists). */
const FACILITIES: readonly Facility[] = [
  { kind: 'Organization', id: 'IFC.00047422.BC.PRS', name: 'VICTORIA GENERAL HOSPITAL', city: 'VICTORIA' },
  { kind: 'Location', id: 'IFC.00047423.BC.PRS', name: 'FORT STREET MEDICAL CLINIC', city: 'VICTORIA' },
];

/** In-memory PLR: providers by IPC, searchable by identifier and name. */
export class ProviderStore {
  private readonly byIpc = new Map<string, Provider>();
  readonly facilities: readonly Facility[] = FACILITIES;

  constructor(providers: readonly Provider[]) {
    for (const provider of providers) this.byIpc.set(provider.ipc, structuredClone(provider));
  }

  static fromSeedFile(file: string): ProviderStore {
    return new ProviderStore(parseProviderCsv(readFileSync(file, 'utf8')));
  }

  get(ipc: string): Provider | undefined {
    return this.byIpc.get(ipc);
  }

  all(): Provider[] {
    return [...this.byIpc.values()];
  }

  put(provider: Provider): void {
    this.byIpc.set(provider.ipc, structuredClone(provider));
  }

  /** Providers holding this identifier: IPC, CPN, MSP id or a college id (by value; `type` narrows college ids). */
  byIdentifier(value: string, type?: string): Provider[] {
    return this.all().filter((p) => p.ipc === value || p.cpn === value || p.mspId === value || (p.collegeId === value && (!type || type === p.collegeIdType)));
  }

  /** Name search: exact family (case-insensitive), given with an optional trailing `*` prefix wildcard. */
  byName(family: string | undefined, given: string | undefined): Provider[] {
    return this.all().filter((p) => (!family || matches(p.family, family)) && (!given || p.given.some((g) => matches(g, given))));
  }
}

function matches(value: string, pattern: string): boolean {
  const v = value.toUpperCase();
  const q = pattern.toUpperCase();
  return q.endsWith('*') ? v.startsWith(q.slice(0, -1)) : v === q;
}

/** Parse the PRIME PLR test-data CSV (MM-DD-YYYY dates, `|`-separated multi-values). */
export function parseProviderCsv(text: string): Provider[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = splitCsv(lines[0] ?? '');
  return lines.slice(1).map((line) => {
    const cells = splitCsv(line);
    const get = (name: string) => (cells[header.indexOf(name)] ?? '').trim();
    const phone = get('TEL_AREA_CD') && get('TEL_NUMBER') ? `${get('TEL_AREA_CD')}${get('TEL_NUMBER').replace(/\D/g, '')}` : undefined;
    const fax = get('FAX_AREA_CD') && get('FAX_NUMBER') ? `${get('FAX_AREA_CD')}${get('FAX_NUMBER').replace(/\D/g, '')}` : undefined;
    const gender = get('GENDER');
    return {
      ipc: get('IPC'),
      cpn: get('CPN'),
      collegeIdType: get('IDENTIFIER_TYPE'),
      collegeId: get('COLLEGE_ID'),
      roleType: get('PROVIDER_ROLE_TYPE'),
      ...(get('MSPID') ? { mspId: get('MSPID') } : {}),
      family: get('LAST_NAME'),
      given: [get('FIRST_NAME'), get('SECOND_NAME'), get('THIRD_NAME')].filter(Boolean),
      gender: gender === 'M' || gender === 'F' ? gender : 'U',
      birthDate: usDate(get('DATE_OF_BIRTH')),
      status: get('STATUS_CODE'),
      statusReason: get('STATUS_REASON_CD'),
      statusStart: usDate(get('STATUS_START_DT')),
      ...(get('ADD1_LINE1')
        ? { address: { lines: [get('ADD1_LINE1'), get('ADD1_LINE2'), get('ADD1_LINE3')].filter(Boolean), city: get('CITY1'), province: get('PROVINCE1'), country: get('COUNTRY1'), postalCode: get('POSTAL_CODE1') } }
        : {}),
      ...(phone ? { phone } : {}),
      ...(fax ? { fax } : {}),
      ...(get('EMAIL') ? { email: get('EMAIL') } : {}),
    } satisfies Provider;
  });
}

/** MM-DD-YYYY → yyyyMMdd */
function usDate(text: string): string {
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(text);
  return m ? `${m[3]}${m[1]}${m[2]}` : '';
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(cell), (cell = '');
    else cell += c;
  }
  out.push(cell);
  return out;
}
