/** A provider in the simulated Provider & Location Registry (row of fixtures/seed/plr-providers.csv). */
export interface Provider {
  /** Internal provider code, `IPC.########.BC.PRS` (domain.md §d). */
  ipc: string;
  /** Common party number, `CPN.########.BC.PRS`. */
  cpn: string;
  /** College id type (`CPSID`, `RNID`, …) and value. */
  collegeIdType: string;
  collegeId: string;
  /** Provider role type, e.g. `MD`. */
  roleType: string;
  mspId?: string;
  family: string;
  given: string[];
  gender: 'M' | 'F' | 'U';
  /** yyyyMMdd */
  birthDate: string;
  /** License status, e.g. `ACTIVE`, `SUSPENDED`. */
  status: string;
  statusReason: string;
  /** yyyyMMdd */
  statusStart: string;
  address?: { lines: string[]; city: string; province: string; country: string; postalCode: string };
  phone?: string;
  fax?: string;
  email?: string;
}

/** An organization or location (facility) in the simulated PLR. */
export interface Facility {
  kind: 'Organization' | 'Location';
  /** `IFC.########.BC.PRS` for locations, organization id for organizations. */
  id: string;
  name: string;
  city: string;
}
