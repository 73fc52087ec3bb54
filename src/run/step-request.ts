import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderTemplate, type Variables } from '../suite/template.js';
import { resolveBodyFile } from '../suite/body-file.js';
import type { LoadedStep, LoadedSuite } from '../suite/suite-model.js';
import type { Body } from '../suite/suite-schema.js';
import type { RunContext } from './run-context.js';

/** A step's request with every template resolved. */
export interface RenderedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  soapAction?: string;
}

/** Resolve a step's url, headers, SOAPAction and body against the variables in scope. Throws HarnessError on unknown variables. */
export function renderStepRequest(step: LoadedStep, suite: LoadedSuite, variables: Variables, context: RunContext): RenderedRequest {
  const document = step.document;
  if (document.kind === 'callback') throw new Error(`${step.path} is a callback step; it sends nothing`);
  const render = (text: string, key: string) => renderTemplate(text, variables, { key: `${step.path}.${key}`, location: step.location });
  const headers = Object.fromEntries(Object.entries(document.headers ?? {}).map(([name, value]) => [name, render(value, `headers.${name}`)]));
  const body = document.body === undefined ? undefined : render(readBody(document.body, suite, step, context), 'body');
  if (document.kind === 'soap') {
    return { url: render(document.url, 'url'), method: 'POST', headers, body, soapAction: render(document.soapAction, 'soapAction') };
  }
  return { url: render(document.url, 'url'), method: document.method ?? (body === undefined ? 'GET' : 'POST'), headers, body };
}

function readBody(body: Body, suite: LoadedSuite, step: LoadedStep, context: RunContext): string {
  if (typeof body === 'string') return body;
  if ('json' in body) return JSON.stringify(body.json, null, 2);
  const file = resolveBodyFile(body.file, { root: suite.root, allowExternalFiles: context.allowExternalFiles, location: step.location, key: `${step.path}.body.file` });
  const text = readFileSync(file, 'utf8');
  context.evidence.set(path.relative(process.cwd(), file), createHash('sha256').update(text).digest('hex'));
  return text;
}
