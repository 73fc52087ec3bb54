import type { RequestMetadata } from './operation-bundles.js';

type Resource = { resourceType?: string; [key: string]: unknown };

/** The parts of an HCIM operation request bundle the simulator reads. */
export interface OperationRequest {
  metadata: RequestMetadata;
  patient?: Resource;
}

export type ParsedOperationRequest = { ok: true; request: OperationRequest } | { ok: false; reason: string };

/** Read a `collection` Bundle holding bc-metadata-parameters-in + Patient (HCIM request bundles). */
export function readOperationRequest(body: string): ParsedOperationRequest {
  let bundle: Resource;
  try {
    bundle = JSON.parse(body) as Resource;
  } catch (error) {
    return { ok: false, reason: `request body is not JSON: ${(error as Error).message}` };
  }
  if (!bundle || bundle.resourceType !== 'Bundle') return { ok: false, reason: `request body must be a Bundle, but received resourceType ${JSON.stringify(bundle?.resourceType)}` };
  const resources = ((bundle.entry as { resource?: Resource }[] | undefined) ?? []).map((e) => e?.resource).filter((r): r is Resource => Boolean(r));
  const parameters = resources.find((r) => r.resourceType === 'Parameters');
  if (!parameters) return { ok: false, reason: 'request Bundle has no Parameters entry (bc-metadata-parameters-in)' };
  const values = new Map<string, Record<string, unknown>>();
  for (const parameter of (parameters.parameter as Record<string, unknown>[] | undefined) ?? []) if (typeof parameter?.name === 'string') values.set(parameter.name, parameter);
  const messageId = values.get('messageId')?.valueString;
  if (typeof messageId !== 'string' || messageId === '') return { ok: false, reason: 'Parameters.parameter messageId (valueString) is required' };
  return {
    ok: true,
    request: {
      metadata: {
        messageId,
        sender: (values.get('sender')?.valueIdentifier as { value?: string } | undefined)?.value,
        history: typeof values.get('history')?.valueBoolean === 'boolean' ? (values.get('history')!.valueBoolean as boolean) : undefined,
        identifiersOnly: typeof values.get('identifiersOnly')?.valueBoolean === 'boolean' ? (values.get('identifiersOnly')!.valueBoolean as boolean) : undefined,
      },
      patient: resources.find((r) => r.resourceType === 'Patient' || r.resourceType === 'RelatedPerson'),
    },
  };
}
