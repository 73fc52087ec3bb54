import type { Person } from '../person.js';
import type { Delivery } from '../sim-http.js';
import type { SimulatorState } from '../simulator-state.js';
import { notificationBundle } from './operation-bundles.js';
import { patientResource } from './patient-resource.js';

/** HCIM change-distribution event codes (bc-client-registry-patient-change-notification-events). */
export const DISTRIBUTION_EVENTS = ['NEW', 'COMP', 'MERGE', 'DEATH', 'NEWBORN', 'PHN', 'PHNJOIN', 'SSRISYNC'] as const;
export type DistributionEvent = (typeof DISTRIBUTION_EVENTS)[number];

/** One bc-subscription-notification-bundle per registered subscriber, POSTed as HCIM does. */
export function distributionsFor(state: SimulatorState, event: DistributionEvent, person: Person, baseUrl: string): Delivery[] {
  const body = `${JSON.stringify(notificationBundle(event, patientResource(person), baseUrl), null, 2)}\n`;
  return state.subscriberUrls.map((url) => ({ label: `distribution ${event} ${person.phn}`, url, method: 'POST' as const, headers: { 'content-type': 'application/fhir+json; charset=utf-8' }, body }));
}
