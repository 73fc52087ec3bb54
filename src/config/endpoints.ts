import { HarnessError } from '../core/errors.js';

/** The four endpoint bases a target exposes; suites refer to them as `${hcim-v3}` etc. */
export const ENDPOINT_NAMES = ['hcim-v3', 'hcim-fhir', 'plr-v3', 'plr-fhir'] as const;
export type EndpointName = (typeof ENDPOINT_NAMES)[number];
export type Endpoints = Record<EndpointName, string>;

/** The simulator layout of DESIGN.md §3a applied to one base URL. */
export function endpointsFromBase(base: string): Endpoints {
  const trimmed = checkUrl(base, '--target-url').replace(/\/+$/, '');
  return {
    'hcim-v3': `${trimmed}/hcim`,
    'hcim-fhir': `${trimmed}/hcim/fhir`,
    'plr-v3': `${trimmed}/plr`,
    'plr-fhir': `${trimmed}/plr/fhir`,
  };
}

/** Parse one `--url NAME=URL` override. */
export function parseEndpointOverride(text: string): [EndpointName, string] {
  const at = text.indexOf('=');
  const name = at > 0 ? text.slice(0, at) : text;
  if (!(ENDPOINT_NAMES as readonly string[]).includes(name) || at < 0) {
    throw new HarnessError('ERR_USAGE', `--url must be NAME=URL with NAME one of ${ENDPOINT_NAMES.join(', ')}, but received "${text}"`);
  }
  return [name as EndpointName, checkUrl(text.slice(at + 1), `--url ${name}`).replace(/\/+$/, '')];
}

export function checkUrl(text: string, what: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new HarnessError('ERR_TARGET', `${what} must be an absolute http(s) URL, but received "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HarnessError('ERR_TARGET', `${what} must use http or https, but received "${url.protocol}"`);
  }
  return text;
}
