import { readFileSync } from 'node:fs';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { HarnessError } from '../core/errors.js';
import { CANONICAL_FIELDS, type CanonicalField, type DqKind } from './dq-record.js';
import { DATE_FORMATS, type DateFormat } from './parse-date.js';

/** Codes a check accepts, overridable per run (the PLR value sets are not all public). */
export interface AllowedCodes {
  gender?: string[];
  providerType?: string[];
  statusCode?: string[];
}

/** The `--map mapping.yaml` file: column names, input options, thresholds. Every key is optional. */
export interface DqMapping {
  kind?: DqKind;
  delimiter?: string;
  dateFormat?: DateFormat;
  columns: Partial<Record<CanonicalField, string>>;
  thresholds: { maxErrorRate?: number; minScore?: number };
  codes: AllowedCodes;
}

const codeList = z.array(z.string().min(1)).min(1);
const MappingSchema = z
  .object({
    kind: z.enum(['client', 'provider']).optional(),
    delimiter: z.string().length(1).optional(),
    dateFormat: z.enum(DATE_FORMATS).optional(),
    columns: z.record(z.string(), z.string().min(1)).optional(),
    thresholds: z.object({ maxErrorRate: z.number().min(0).max(1).optional(), minScore: z.number().min(0).max(100).optional() }).strict().optional(),
    codes: z.object({ gender: codeList.optional(), providerType: codeList.optional(), statusCode: codeList.optional() }).strict().optional(),
  })
  .strict();

/**
 * Read and check a mapping file. Problems are ERR_DQ_MAPPING with `file:line:column` of the
 * offending key, and unknown canonical field names list the valid ones.
 */
export function loadDqMapping(file: string): DqMapping {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new HarnessError('ERR_FILE_NOT_FOUND', `mapping file not found: ${file}`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { file, line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw new HarnessError('ERR_DQ_MAPPING', `not valid YAML: ${first.message.split('\n')[0]}`, { location: at(first.pos[0]) });
  }
  const data = doc.toJS() ?? {};
  const parsed = MappingSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String);
    // Point at the key itself when zod names one (unrecognised keys), else at the value.
    const keys = issue.code === 'unrecognized_keys' ? [...path, String(issue.keys[0])] : path;
    const node = locate(doc, keys);
    throw new HarnessError('ERR_DQ_MAPPING', `${keys.join('.') || '(document)'}: ${issue.message}`, { location: at(node) });
  }
  const columns: Partial<Record<CanonicalField, string>> = {};
  for (const [field, column] of Object.entries(parsed.data.columns ?? {})) {
    if (!(CANONICAL_FIELDS as readonly string[]).includes(field)) {
      throw new HarnessError('ERR_DQ_MAPPING', `columns.${field}: unknown canonical field "${field}"; valid fields: ${CANONICAL_FIELDS.join(', ')}`, { location: at(locate(doc, ['columns', field])) });
    }
    columns[field as CanonicalField] = column;
  }
  return {
    ...(parsed.data.kind ? { kind: parsed.data.kind } : {}),
    ...(parsed.data.delimiter ? { delimiter: parsed.data.delimiter } : {}),
    ...(parsed.data.dateFormat ? { dateFormat: parsed.data.dateFormat } : {}),
    columns,
    thresholds: parsed.data.thresholds ?? {},
    codes: parsed.data.codes ?? {},
  };
}

/** Source offset of the key (or, for a list item, the item) at `path` in the YAML document. */
function locate(doc: ReturnType<typeof parseDocument>, path: string[]): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
    const segment = path[depth - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (pair && isNode(pair.key)) return pair.key.range?.[0];
    }
    if (isSeq(parent)) {
      const item = parent.items[Number(segment)];
      if (isNode(item)) return item.range?.[0];
    }
  }
  return doc.contents?.range?.[0];
}
