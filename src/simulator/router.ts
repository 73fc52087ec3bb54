import { existsSync } from 'node:fs';
import path from 'node:path';
import { handleAdmin } from './admin-endpoint.js';
import { handleHcimFhir } from './hcim-fhir/hcim-fhir-port.js';
import { handleHcimV3, HCIM_PORTS } from './hcim-v3/hcim-v3-port.js';
import { handleOAuthToken } from './oauth-token.js';
import { handlePlrFhir } from './plr-fhir/plr-fhir-port.js';
import { handlePlrV3, PLR_PORTS } from './plr-v3/plr-v3-port.js';
import { respond, type SimRequest, type SimResponse } from './sim-http.js';
import type { SimulatorState } from './simulator-state.js';

export type { SimulatorState } from './simulator-state.js';

/**
 * Map a request to its endpoint (DESIGN.md §3a). Pure: no sockets. Not `async`: the SOAP ports'
 * promise is handed back as it is and the synchronous endpoints answer directly, which saves the
 * extra promise and microtask hops an async wrapper costs on every request (the caller awaits
 * inside try/catch, so a handler that throws still becomes the 500 answer).
 */
export function route(request: SimRequest, state: SimulatorState, baseUrl: string): SimResponse | Promise<SimResponse> {
  const v3 = /^\/(hcim|plr)\/(\w+)\.asmx$/.exec(request.path);
  if (v3?.[1] === 'hcim') {
    if (!(HCIM_PORTS as readonly string[]).includes(v3[2]!)) return respond(404, 'text/plain', `unknown HCIM port ${v3[2]}; ports: ${HCIM_PORTS.join(', ')}`);
    return handleHcimV3(v3[2]!, request, state, (port, flavour) => wsdlFor(state.wsdlDir, port, flavour));
  }
  if (v3?.[1] === 'plr') {
    if (!(PLR_PORTS as readonly string[]).includes(v3[2]!)) return respond(404, 'text/plain', `unknown PLR port ${v3[2]}; ports: ${PLR_PORTS.join(', ')}`);
    return handlePlrV3(v3[2]!, request, state);
  }
  if (request.path.startsWith('/hcim/fhir/')) return handleHcimFhir(request.path.slice('/hcim/fhir'.length), request, state, `${baseUrl}${request.path}`);
  if (request.path.startsWith('/plr/fhir/')) return handlePlrFhir(request.path.slice('/plr/fhir'.length), request, state, baseUrl);
  if (request.path === '/oauth/token') return handleOAuthToken(request, state);
  if (request.path.startsWith('/admin/')) return handleAdmin(request.path.slice('/admin'.length), request, state, baseUrl);
  if (request.path === '/' || request.path === '') {
    return respond(
      200,
      'text/plain; charset=utf-8',
      [
        'hie-conform embedded simulator',
        `${baseUrl}/hcim/<PortType>.asmx  (${HCIM_PORTS.join(', ')}; ?wsdl)`,
        `${baseUrl}/hcim/fhir/`,
        `${baseUrl}/plr/<PortType>.asmx  (${PLR_PORTS.join(', ')})`,
        `${baseUrl}/plr/fhir/  (bearer token from ${baseUrl}/oauth/token)`,
        `${baseUrl}/admin/plr/distribute?ipc=…&kind=add|revise&format=v3|fhir`,
        `${baseUrl}/admin/hcim/distribute?event=NEW|COMP|MERGE|DEATH|NEWBORN|PHN|PHNJOIN|SSRISYNC&phn=…`,
        '',
      ].join('\n'),
    );
  }
  return respond(404, 'text/plain; charset=utf-8', `no simulator endpoint at ${request.path}`);
}

function wsdlFor(dir: string, port: string, flavour: string): string | undefined {
  const names = flavour === 'async' ? [`${port}.async.wsdl`] : [`${port}.wsdl`, `${port}.sync.wsdl`, `${port}.async.wsdl`];
  for (const name of names) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}
