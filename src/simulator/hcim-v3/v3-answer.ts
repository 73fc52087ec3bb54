import type { Delivery } from '../sim-http.js';
import type { SimulatorState } from '../simulator-state.js';
import type { V3Request } from './v3-request.js';

/** What an HCIM HL7v3 interaction handler produces: the reply message and any later deliveries. */
export interface V3Answer {
  /** Bare HL7v3 reply (the port wraps it in SOAP). */
  message: string;
  deliveries?: Delivery[];
}

/** One HCIM HL7v3 interaction: pure over the simulator state. */
export type V3Handler = (request: V3Request, state: SimulatorState) => V3Answer;
