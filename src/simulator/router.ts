import { existsSync } from 'node:fs';
import path from 'node:path';
import { handleHcimFhir } from './hcim-fhir/hcim-fhir-port.js';
import { handleHcimV3 } from './hcim-v3/hcim-v3-port.js';
import type { PersonStore } from './person-store.js';
import { respond, type SimRequest, type SimResponse } from './sim-http.js';

export interface SimulatorState {
  persons: PersonStore;
  /** Folder holding the HCIM WSDLs served at `?wsdl`. */
  wsdlDir: string;
}

const HCIM_PORTS = ['QUPA_AR101102', 'PRPA_AR101202', 'PRPA_AR101002'];

/** Map a request to its endpoint (DESIGN.md §3a). Pure: no sockets. */
export function route(request: SimRequest, state: SimulatorState, baseUrl: string): SimResponse {
  const v3 = /^\/hcim\/(\w+)\.asmx$/.exec(request.path);
  if (v3) {
    if (!HCIM_PORTS.includes(v3[1]!)) return respond(404, 'text/plain', `unknown HCIM port ${v3[1]}; ports: ${HCIM_PORTS.join(', ')}`);
    return handleHcimV3(v3[1]!, request, state.persons, (port) => wsdlFor(state.wsdlDir, port));
  }
  if (request.path.startsWith('/hcim/fhir/')) {
    return handleHcimFhir(request.path.slice('/hcim/fhir'.length), request, state.persons, `${baseUrl}${request.path}`);
  }
  if (request.path === '/' || request.path === '') {
    return respond(200, 'text/plain; charset=utf-8', `hie-conform embedded simulator\n${baseUrl}/hcim/<PortType>.asmx  (${HCIM_PORTS.join(', ')})\n${baseUrl}/hcim/fhir/\n`);
  }
  return respond(404, 'text/plain; charset=utf-8', `no simulator endpoint at ${request.path}`);
}

function wsdlFor(dir: string, port: string): string | undefined {
  for (const name of [`${port}.wsdl`, `${port}.sync.wsdl`]) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}
