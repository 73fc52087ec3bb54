/** Why no usable response arrived. Any of these makes the step outcome `error`, never `failed`. */
export type TransportFailureCode = 'ECONNREFUSED' | 'ETIMEDOUT' | 'TLS' | 'DNS' | 'ABORTED' | 'BODY_TOO_LARGE' | 'OTHER';

/** One message sent or received, recorded in the report and linked to the assertions that used it. */
export interface Exchange {
  id: string;
  stepId: string;
  direction: 'outgoing' | 'incoming';
  protocol: 'soap' | 'fhir' | 'http';
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body?: string; truncated?: boolean };
  failure?: { code: TransportFailureCode; message: string };
  startedAt: string;
  durationMs: number;
}
