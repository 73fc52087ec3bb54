import type { Exchange } from './exchange.js';
import { sendHttp, type HttpRequest } from './http.js';

export const FHIR_JSON = 'application/fhir+json';

/**
 * Send one FHIR REST interaction or $operation. JSON only (HCIM and PLR accept nothing else);
 * the step's own headers win, so PLR's `Accept: application/fhir+json;fhirVersion=4.0;BCPLRVersion=1`
 * can be set per suite.
 */
export function sendFhir(request: Omit<HttpRequest, 'headers'> & { headers: Record<string, string>; bearerToken?: string }, stepId: string): Promise<Exchange> {
  const { bearerToken, headers, ...rest } = request;
  const merged: Record<string, string> = {
    accept: FHIR_JSON,
    ...(request.body !== undefined ? { 'content-type': `${FHIR_JSON}; charset=utf-8` } : {}),
    ...(bearerToken ? { authorization: `Bearer ${bearerToken}` } : {}),
    ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
  };
  return sendHttp({ ...rest, headers: merged }, { stepId, protocol: 'fhir' });
}
