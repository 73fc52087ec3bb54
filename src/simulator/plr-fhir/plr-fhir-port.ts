import { randomUUID } from 'node:crypto';
import { defectOn } from '../defects.js';
import { bearerValid } from '../oauth-token.js';
import type { Provider } from '../provider.js';
import { respond, type SimRequest, type SimResponse } from '../sim-http.js';
import type { SimulatorState } from '../simulator-state.js';
import { collegeIdTypeOf, facilityBundle, licenseSystem, PLR_FHIR, plrOutcome, practitionerBundle, queryResponseBundle } from './plr-resources.js';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
/**
 * techdetails.md: the media type and parameters exactly, only the versions (and spaces) may vary;
 * "currently PLR only supports fhirVersion=4.0 and BCPLRVersion=1" (a Ministry test tool sends `fhirVersion=4`).
 */
const ACCEPT = /^\s*application\/fhir\+json\s*;\s*fhirVersion\s*=\s*4(?:\.0(?:\.\d+)?)?\s*;\s*BCPLRVersion\s*=\s*1(?:\.0)?\s*$/i;
const TYPES = ['Practitioner', 'Organization', 'Location'] as const;
const OK = 'PRS.PRP.MTN.UNK.0.0.7067';
const NO_RECORDS = 'GRS.DPS.UNK.UNK.0.0.7047';
const ONE_WILDCARD = 'GRS.DPS.UNK.UNK.0.0.7018';
const MAINTAINED = 'PRS.PRP.MTN.UNK.0.0.0000';

function json(status: number, resource: unknown, headers: Record<string, string> = {}, interaction?: string): SimResponse {
  return { ...respond(status, FHIR_JSON, `${JSON.stringify(resource, null, 2)}\n`, headers), ...(interaction ? { interaction } : {}) };
}

/**
 * PLR FHIR base (`/plr/fhir`): `$entityQuery` / `$extendedQuery` on Practitioner, Organization and
 * Location (by id or parameters), `$maintain`, `$batch`. Bearer token required (401 +
 * `WWW-Authenticate: Bearer`), Accept must be `application/fhir+json;fhirVersion=…;BCPLRVersion=…`
 * (406 otherwise), as bcgov/moh-plr-fhir techdetails.md describes.
 */
export function handlePlrFhir(subPath: string, request: SimRequest, state: SimulatorState, baseUrl: string): SimResponse {
  const fhirBase = `${baseUrl}/plr/fhir`;
  const interaction = interactionOf(subPath);
  if (!bearerValid(request, state) && !defectOn(state.defects, 'missing-bearer-check', interaction)) {
    const error = request.headers.authorization ? ', error="invalid_token"' : '';
    return json(401, plrOutcome('GRS.SEC.UNK.UNK.0.0.0401', 'error', 'a valid bearer token is required'), { 'www-authenticate': `Bearer realm="plr"${error}` }, interaction);
  }
  const accept = request.headers.accept ?? '';
  if (!ACCEPT.test(accept) && !defectOn(state.defects, 'accept-header-ignored', interaction)) {
    return json(406, plrOutcome('GRS.SYS.UNK.UNK.0.0.0406', 'error', `Accept must be application/fhir+json;fhirVersion=4.0;BCPLRVersion=1 (the only supported versions), but received "${accept}"`), {}, interaction);
  }
  const selfUrl = `${baseUrl}/plr/fhir${subPath}${request.query.size ? `?${request.query.toString()}` : ''}`;
  const byId = /^\/(Practitioner|Organization|Location)\/([^/$]+)\/\$(entityQuery|extendedQuery)$/.exec(subPath);
  const byParams = /^\/(Practitioner|Organization|Location)\/\$(entityQuery|extendedQuery)$/.exec(subPath);
  if ((byId || byParams) && request.method === 'GET') {
    const type = (byId ?? byParams)![1] as (typeof TYPES)[number];
    return json(200, query(type, byId ? { id: decodeURIComponent(byId[2]!) } : request.query, state, fhirBase, selfUrl, interaction), {}, interaction);
  }
  if (/^\/(?:(?:Practitioner|Organization|Location)\/)?\$maintain$/.test(subPath) && request.method === 'POST') return maintain(request, state, interaction);
  if (subPath === '/$batch' && request.method === 'POST') return batch(request, state, interaction);
  return json(404, plrOutcome('GRS.SYS.UNK.UNK.0.0.0404', 'error', `no PLR FHIR interaction at ${request.method} ${subPath}; supported: GET {Practitioner|Organization|Location}/[id]/$entityQuery|$extendedQuery, GET {…}/$entityQuery?…, POST $maintain, POST $batch`));
}

function interactionOf(subPath: string): string {
  const operation = /\$(\w+)$/.exec(subPath)?.[1];
  const type = /^\/(Practitioner|Organization|Location)\//.exec(subPath)?.[1];
  if (operation === 'maintain' || operation === 'batch') return `$${operation}`;
  return type && operation ? `${type}/$${operation}` : subPath;
}

type Params = URLSearchParams | { id: string };

function query(type: (typeof TYPES)[number], params: Params, state: SimulatorState, fhirBase: string, selfUrl: string, interaction: string): Record<string, unknown> {
  if (!(params instanceof URLSearchParams)) {
    const matches = type === 'Practitioner' ? [state.providers.get(params.id)].filter((p): p is Provider => Boolean(p)).map((p) => practitionerBundle(p, fhirBase)) : state.providers.facilities.filter((f) => f.kind === type && f.id === params.id).map((f) => facilityBundle(f, fhirBase));
    return answer(selfUrl, matches);
  }
  const wildcards = [...params.values()].join('').split('*').length - 1;
  if (wildcards > 1 && !defectOn(state.defects, 'wildcard-not-enforced', interaction)) {
    return queryResponseBundle(selfUrl, plrOutcome(ONE_WILDCARD, 'error', 'Only one wildcard is allowed in a query.'), []);
  }
  if (type !== 'Practitioner') {
    const name = params.get('name')?.toUpperCase();
    const id = params.get('identifier')?.split('|').pop();
    const city = params.get('address-city')?.toUpperCase();
    const found = state.providers.facilities.filter((f) => f.kind === type && (!name || f.name.toUpperCase().startsWith(name.replace(/\*$/, ''))) && (!id || f.id === id) && (!city || f.city === city));
    return answer(selfUrl, found.map((f) => facilityBundle(f, fhirBase)));
  }
  let providers = state.providers.all();
  const identifier = params.get('identifier');
  if (identifier) {
    const [system, value] = identifier.includes('|') ? (identifier.split('|', 2) as [string, string]) : ['', identifier];
    providers = providers.filter((p) => (!system || system === PLR_FHIR.ipc) && p.ipc === value || (!system || system === PLR_FHIR.cpn) && p.cpn === value || (!system || system === licenseSystem(p.collegeIdType)) && p.collegeId === value);
  }
  const family = params.get('family');
  const given = params.get('given');
  if (family || given) {
    const named = new Set(state.providers.byName(family ?? undefined, given ?? undefined).map((p) => p.ipc));
    providers = providers.filter((p) => named.has(p.ipc));
  }
  const status = params.get('status');
  if (status) providers = providers.filter((p) => p.status.toUpperCase() === status.toUpperCase());
  const gender = params.get('gender');
  if (gender) providers = providers.filter((p) => ({ male: 'M', female: 'F' } as Record<string, string>)[gender] === p.gender);
  const city = params.get('address-city');
  if (city) providers = providers.filter((p) => p.address?.city.toUpperCase() === city.toUpperCase());
  if (!identifier && !family && !given) return queryResponseBundle(selfUrl, plrOutcome('GRS.DPS.UNK.UNK.0.0.7000', 'error', 'At least one of identifier, family or given is required.'), []);
  return answer(selfUrl, providers.map((p) => practitionerBundle(p, fhirBase)));
}

function answer(selfUrl: string, matches: Record<string, unknown>[]): Record<string, unknown> {
  const outcome = matches.length ? plrOutcome(OK, 'information', 'Query successful.') : plrOutcome(NO_RECORDS, 'warning', 'No records found.');
  return queryResponseBundle(selfUrl, outcome, matches);
}

/** `$maintain`: a transaction Bundle of Practitioner changes → transaction-response, each entry outcome PRS.PRP.MTN.UNK.0.0.0000. */
function maintain(request: SimRequest, state: SimulatorState, interaction: string): SimResponse {
  let bundle: Record<string, any>;
  try {
    bundle = JSON.parse(request.body) as Record<string, any>;
  } catch (error) {
    return json(400, plrOutcome('GRS.SYS.UNK.UNK.0.0.0400', 'error', `request body is not JSON: ${(error as Error).message}`), {}, interaction);
  }
  if (bundle?.resourceType !== 'Bundle' || bundle.type !== 'transaction') return json(400, plrOutcome('GRS.SYS.UNK.UNK.0.0.0400', 'error', '$maintain takes a Bundle of type transaction'), {}, interaction);
  return json(200, transactionResponse(bundle, state), {}, interaction);
}

function transactionResponse(bundle: Record<string, any>, state: SimulatorState): Record<string, unknown> {
  const entries = ((bundle.entry as Record<string, any>[] | undefined) ?? []).map((entry) => {
    const resource = entry?.resource as Record<string, any> | undefined;
    let status = '200 OK';
    if (resource?.resourceType === 'Practitioner') {
      const ipc = (resource.identifier as { system?: string; value?: string }[] | undefined)?.find((i) => i.system === PLR_FHIR.ipc)?.value ?? resource.id;
      if (typeof ipc === 'string' && ipc) {
        const existing = state.providers.get(ipc);
        state.providers.put(providerFromPractitioner(resource, ipc, existing));
        if (!existing) status = '201 Created';
      }
    }
    return { response: { status, outcome: plrOutcome(MAINTAINED, 'information', 'Provider transaction processed.') } };
  });
  return { resourceType: 'Bundle', id: randomUUID(), type: 'transaction-response', timestamp: new Date().toISOString(), entry: entries };
}

/** The provider a maintained Practitioner describes: its identifiers, name, gender and birth date over what PLR already holds. */
function providerFromPractitioner(resource: Record<string, any>, ipc: string, existing: Provider | undefined): Provider {
  const base: Provider = existing ?? { ipc, cpn: '', collegeIdType: '', collegeId: '', roleType: '', family: '', given: [], gender: 'U', birthDate: '', status: 'ACTIVE', statusReason: '', statusStart: new Date().toISOString().slice(0, 10).replace(/-/g, '') };
  const identifiers = ((resource.identifier as { system?: string; value?: string }[] | undefined) ?? []).filter((i) => typeof i?.value === 'string' && i.value !== '');
  const cpn = identifiers.find((i) => i.system === PLR_FHIR.cpn)?.value;
  const license = identifiers.find((i) => collegeIdTypeOf(i.system) !== undefined);
  const name = (resource.name as { family?: string; given?: string[] }[] | undefined)?.[0];
  const gender = ({ male: 'M', female: 'F' } as Record<string, 'M' | 'F'>)[resource.gender as string];
  const birthDate = typeof resource.birthDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(resource.birthDate) ? resource.birthDate.replace(/-/g, '') : undefined;
  return {
    ...base,
    ipc,
    ...(cpn ? { cpn } : {}),
    ...(license ? { collegeIdType: collegeIdTypeOf(license.system)!, collegeId: license.value! } : {}),
    ...(name?.family ? { family: name.family } : {}),
    ...(name?.given?.length ? { given: name.given } : {}),
    ...(gender ? { gender } : {}),
    ...(birthDate ? { birthDate } : {}),
  };
}

/** `$batch`: a batch of transaction Bundles → batch-response with one transaction-response per entry. */
function batch(request: SimRequest, state: SimulatorState, interaction: string): SimResponse {
  let bundle: Record<string, any>;
  try {
    bundle = JSON.parse(request.body) as Record<string, any>;
  } catch (error) {
    return json(400, plrOutcome('GRS.SYS.UNK.UNK.0.0.0400', 'error', `request body is not JSON: ${(error as Error).message}`), {}, interaction);
  }
  if (bundle?.resourceType !== 'Bundle' || bundle.type !== 'batch') return json(400, plrOutcome('GRS.SYS.UNK.UNK.0.0.0400', 'error', '$batch takes a Bundle of type batch'), {}, interaction);
  const entries = ((bundle.entry as Record<string, any>[] | undefined) ?? []).map((entry) => {
    const inner = entry?.resource;
    if (inner?.resourceType !== 'Bundle' || inner.type !== 'transaction') return { response: { status: '400 Bad Request', outcome: plrOutcome('GRS.SYS.UNK.UNK.0.0.0400', 'error', 'each batch entry must be a transaction Bundle') } };
    return { resource: transactionResponse(inner, state), response: { status: '200 OK', outcome: plrOutcome(MAINTAINED, 'information', 'Provider transaction processed.') } };
  });
  return json(200, { resourceType: 'Bundle', meta: { profile: ['http://hlth.gov.bc.ca/fhir/provider/StructureDefinition/bc-batch-response-bundle'] }, type: 'batch-response', timestamp: new Date().toISOString(), entry: entries }, {}, interaction);
}
