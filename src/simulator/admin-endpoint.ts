import { distributionsFor, DISTRIBUTION_EVENTS, type DistributionEvent } from './hcim-fhir/distribution.js';
import { providerDistribution } from './plr-distribution.js';
import { respond, type SimRequest, type SimResponse } from './sim-http.js';
import type { SimulatorState } from './simulator-state.js';

/**
 * Test-control endpoints (not part of any MoH interface): make the simulator send what the real
 * registries send on their own.
 * - `POST /admin/plr/distribute?ipc=IPC…&kind=add|revise&format=v3|fhir` → provider distribution to the PLR subscriber
 * - `POST /admin/hcim/distribute?event=NEW|…&phn=…` → HCIM FHIR change distribution to the subscribers
 * Both answer 202; the deliveries are recorded as outgoing exchanges.
 */
export function handleAdmin(subPath: string, request: SimRequest, state: SimulatorState, baseUrl: string): SimResponse {
  if (request.method !== 'POST') return respond(405, 'text/plain', 'admin endpoints take POST', { allow: 'POST' });
  const q = request.query;
  if (subPath === '/plr/distribute') {
    const provider = state.providers.get(q.get('ipc') ?? '');
    if (!provider) return respond(404, 'text/plain', `no provider with ipc "${q.get('ipc') ?? ''}"`);
    if (!state.plrSubscriberUrl) return respond(409, 'text/plain', 'no PLR subscriber URL configured (createSimulator({ plrSubscriberUrl }) or serve --plr-subscriber-url)');
    const kind = q.get('kind') === 'revise' ? 'revise' : 'add';
    const format = q.get('format') === 'fhir' ? 'fhir' : 'v3';
    return { ...respond(202, 'text/plain', `distributing ${kind} ${provider.ipc} (${format}) to ${state.plrSubscriberUrl}\n`), interaction: 'admin.plr.distribute', deliveries: [providerDistribution(provider, state.plrSubscriberUrl, { kind, format }, baseUrl)] };
  }
  if (subPath === '/hcim/distribute') {
    const event = (q.get('event') ?? '') as DistributionEvent;
    if (!DISTRIBUTION_EVENTS.includes(event)) return respond(400, 'text/plain', `event must be one of ${DISTRIBUTION_EVENTS.join(', ')}`);
    const person = state.persons.resolve(q.get('phn') ?? '').person;
    if (!person) return respond(404, 'text/plain', `no person with phn "${q.get('phn') ?? ''}"`);
    if (state.subscriberUrls.length === 0) return respond(409, 'text/plain', 'no HCIM FHIR subscriber registered (POST /hcim/fhir/Subscription or createSimulator({ subscriberUrl }))');
    return { ...respond(202, 'text/plain', `distributing ${event} ${person.phn} to ${state.subscriberUrls.join(', ')}\n`), interaction: 'admin.hcim.distribute', deliveries: distributionsFor(state, event, person, baseUrl) };
  }
  return respond(404, 'text/plain', `no admin endpoint at /admin${subPath}; endpoints: POST /admin/plr/distribute, POST /admin/hcim/distribute`);
}
