/** Fields of one CSV record and what was wrong with its quoting. */
export interface CsvSplit {
  fields: string[];
  /** A `"` inside an unquoted field (kept as a literal character). */
  strayQuote: boolean;
}

/**
 * Split one complete CSV record (RFC 4180: `"` quotes fields, `""` is a literal quote, quoted
 * fields may hold the delimiter and newlines). Records without quotes take the `split` fast path,
 * which is most rows of most extracts.
 */
export function splitCsvRecord(text: string, delimiter: string): CsvSplit {
  if (text.indexOf('"') < 0) return { fields: text.split(delimiter), strayQuote: false };
  const fields: string[] = [];
  let strayQuote = false;
  let field = '';
  let i = 0;
  let atFieldStart = true;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i += 1;
      continue;
    }
    if (ch === '"') {
      if (atFieldStart) quoted = true;
      else {
        strayQuote = true;
        field += ch;
      }
    } else field += ch;
    atFieldStart = false;
    i += 1;
  }
  fields.push(field);
  return { fields, strayQuote };
}

/**
 * True when the line leaves a quoted field open. Only a `"` at the start of a field opens one
 * (elsewhere it is a stray quote), and `""` inside a quoted field is a literal quote, so a stray
 * quote never swallows the following lines.
 */
export function opensQuote(text: string, delimiter: string, alreadyOpen: boolean): boolean {
  if (text.indexOf('"') < 0) return alreadyOpen;
  let open = alreadyOpen;
  let atFieldStart = !alreadyOpen;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (open) {
      if (ch === '"') {
        if (text[i + 1] === '"') i += 1;
        else open = false;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) open = true;
    atFieldStart = ch === delimiter;
  }
  return open;
}
