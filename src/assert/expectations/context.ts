import type { Issue } from '../../core/issue.js';
import type { ResponseView } from '../response-view.js';

/** What an expectation is judged against. */
export interface ExpectationContext {
  view: ResponseView;
  /** The request body as sent (for correlation rules). */
  requestBody?: string;
  /** --strict: keep known deviations as errors. */
  strict: boolean;
}

/** An expectation's verdict before the runner adds kind, source and exchange id. */
export interface Verdict {
  outcome: 'passed' | 'failed' | 'error';
  message: string;
  expected?: unknown;
  actual?: unknown;
  issues?: Issue[];
  /** Files the verdict depends on (schemas, profiles) with their sha256. */
  evidence?: { path: string; sha256: string }[];
}

export function passed(message: string, extra: Partial<Verdict> = {}): Verdict {
  return { outcome: 'passed', message, ...extra };
}

export function failed(message: string, extra: Partial<Verdict> = {}): Verdict {
  return { outcome: 'failed', message, ...extra };
}

export function errored(message: string, extra: Partial<Verdict> = {}): Verdict {
  return { outcome: 'error', message, ...extra };
}

/** `Unexpected <subject>: expected <A>, but received <B>` — the house wording for a mismatch. */
export function unexpected(subject: string, expected: unknown, actual: unknown): string {
  return `Unexpected ${subject}: expected ${show(expected)}, but received ${show(actual)}`;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
