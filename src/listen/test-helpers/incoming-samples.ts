import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../config/package-root.js';
import type { Exchange } from '../../transport/exchange.js';

const GD_TEMPLATE = readFileSync(path.join(packageRoot(), 'suites', 'hcim-v3', 'bodies', 'get-demographics.xml'), 'utf8');

/** A GetDemographics as the built-in suite sends it, SOAP 1.1-enveloped. */
export function getDemographics(values: Partial<Record<string, string>> = {}): string {
  const all: Record<string, string> = { messageId: 'M-1', now: '20260101120000', receiverDevice: 'HCIM', senderDevice: 'PARTNER', senderOrganization: 'PARTNER', dataEnterer: 'clerk', queryRoot: '2.16.840.1.113883.3.51.1.1.6.1', queryId: '9876543218', queryAuthority: 'MOH_CRS', ...values } as Record<string, string>;
  const message = GD_TEMPLATE.replace(/^<\?xml[^>]*>\s*/, '').replace(/\$\{(\w+)\}/g, (_, name: string) => all[name] ?? '');
  return `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>${message}</soapenv:Body></soapenv:Envelope>`;
}

export function exchange(id: string, url: string, body: string, headers: Record<string, string>, method = 'POST'): Exchange {
  return { id, stepId: '', direction: 'incoming', protocol: 'soap', request: { method, url, headers, body }, response: { status: 200, headers: {}, body: '' }, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 };
}
