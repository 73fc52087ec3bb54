import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';

/** One physical line as handed to a format reader: its text, 1-based number and UTF-8 validity. */
export interface Line {
  text: string;
  lineNo: number;
  /** False when the raw bytes were not valid UTF-8 (the text then holds U+FFFD replacements). */
  validUtf8: boolean;
}

/** What {@link readLines} learnt about the file as a whole. */
export interface LineFileInfo {
  bom: 'utf8' | 'utf16' | undefined;
  sha256: string;
  lines: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Stream a file line by line (LF or CRLF) without ever holding more than one read chunk plus one
 * partial line. UTF-8 validity is checked natively once per chunk and per line only when the chunk
 * fails, so clean files pay almost nothing; invalid bytes are reported per line, never thrown.
 * A UTF-16 byte-order mark stops reading: dq reads UTF-8 only, and UTF-16 split on 0x0A is garbage.
 */
export async function readLines(file: string, onLine: (line: Line) => void): Promise<LineFileInfo> {
  const hash = createHash('sha256');
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  let carry: Buffer | undefined;
  let lineNo = 0;
  let first = true;
  let bom: LineFileInfo['bom'];
  const emit = (bytes: Buffer, checkUtf8: boolean) => {
    lineNo += 1;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end -= 1;
    const slice = end === bytes.length ? bytes : bytes.subarray(0, end);
    onLine({ text: slice.toString('utf8'), lineNo, validUtf8: !checkUtf8 || isUtf8(slice) });
  };
  for await (const raw of stream as AsyncIterable<Buffer>) {
    hash.update(raw);
    let chunk = carry ? Buffer.concat([carry, raw]) : raw;
    carry = undefined;
    if (first) {
      first = false;
      if (chunk.length >= 3 && UTF8_BOM.every((b, i) => chunk[i] === b)) {
        bom = 'utf8';
        chunk = chunk.subarray(3);
      } else if (chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
        stream.destroy();
        return { bom: 'utf16', sha256: hash.digest('hex'), lines: 0 };
      }
    }
    const lastNewline = chunk.lastIndexOf(0x0a);
    if (lastNewline < 0) {
      carry = chunk;
      continue;
    }
    const complete = chunk.subarray(0, lastNewline + 1);
    const checkLines = !isUtf8(complete);
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl >= 0 && nl <= lastNewline; nl = chunk.indexOf(0x0a, start)) {
      emit(chunk.subarray(start, nl), checkLines);
      start = nl + 1;
    }
    // Copy the tail: keeping a subarray would pin the whole 1 MiB chunk until the next read.
    if (start < chunk.length) carry = Buffer.from(chunk.subarray(start));
  }
  if (carry && carry.length > 0) emit(carry, true);
  return { bom, sha256: hash.digest('hex'), lines: lineNo };
}
