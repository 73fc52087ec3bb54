import type { DefectName } from './defects.js';
import type { PersonStore } from './person-store.js';
import type { ProviderStore } from './provider-store.js';

/** OAuth2 client-credentials settings of `/oauth/token` (DESIGN.md §3a defaults). */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  /** Token lifetime in seconds. */
  expiresIn: number;
}

/** Everything the pure handlers read and change; one per simulator instance. */
export interface SimulatorState {
  persons: PersonStore;
  providers: ProviderStore;
  /** Folder holding the HCIM WSDLs served at `?wsdl`. */
  wsdlDir: string;
  defects: ReadonlySet<DefectName>;
  /** Where async HCIM results go (v3 PersonRevisedAccepted/Rejected, FHIR `.Async` results). */
  callbackUrl?: string;
  /** HCIM FHIR change-distribution subscribers (`POST Subscription` adds one). */
  subscriberUrls: string[];
  /** PLR distribution subscriber (v3 PRPM_IN301030CA/303030CA, FHIR $distribution). */
  plrSubscriberUrl?: string;
  oauth: OAuthSettings;
  /** Issued bearer tokens → expiry (epoch ms). */
  tokens: Map<string, number>;
  /** Message ids of accepted PersonRevised/PersonMerged/FHIR updates (duplicate detection, RP.2.0032). */
  seenMessageIds: Set<string>;
  /** Delay before async results are POSTed. */
  asyncDelayMs: number;
}
