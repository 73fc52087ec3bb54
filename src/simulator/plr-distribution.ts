import { randomUUID } from 'node:crypto';
import { interactionForRoot } from '../hl7v3/interactions.js';
import { soapEnvelope } from './hcim-v3/soap-reply.js';
import { PLR_FHIR, practitionerResource, practitionerRoleResource } from './plr-fhir/plr-resources.js';
import { distributionMessage } from './plr-v3/distribution-message.js';
import type { Provider } from './provider.js';
import type { Delivery } from './sim-http.js';

/** What a PLR distribution sends: v3 PRPM_IN301030CA/303030CA (SOAP POST) or FHIR `$distribution` (PUT transaction Bundle). */
export interface ProviderDistribution {
  kind: 'add' | 'revise';
  format: 'v3' | 'fhir';
}

/** The delivery of one provider distribution to the PLR subscriber. */
export function providerDistribution(provider: Provider, subscriberUrl: string, options: ProviderDistribution, baseUrl: string): Delivery {
  if (options.format === 'v3') {
    const root = options.kind === 'add' ? 'PRPM_IN301030CA' : 'PRPM_IN303030CA';
    return {
      label: `${root} ${provider.ipc}`,
      url: subscriberUrl,
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${interactionForRoot(root)?.soapAction ?? ''}"` },
      body: soapEnvelope(distributionMessage(options.kind, provider, subscriberUrl)),
    };
  }
  const method = options.kind === 'add' ? 'POST' : 'PUT';
  const bundle = {
    resourceType: 'Bundle',
    id: randomUUID(),
    type: 'transaction',
    timestamp: new Date().toISOString(),
    entry: [
      { fullUrl: `${baseUrl}/plr/fhir/Practitioner/${provider.ipc}`, resource: practitionerResource(provider), request: { method, url: `Practitioner?identifier=${PLR_FHIR.ipc}|${provider.ipc}` } },
      { fullUrl: `${baseUrl}/plr/fhir/PractitionerRole/${provider.ipc}`, resource: practitionerRoleResource(provider), request: { method, url: `PractitionerRole/${provider.ipc}` } },
    ],
  };
  return { label: `$distribution ${options.kind} ${provider.ipc}`, url: subscriberUrl, method: 'PUT', headers: { 'content-type': 'application/fhir+json; charset=utf-8' }, body: `${JSON.stringify(bundle, null, 2)}\n` };
}
