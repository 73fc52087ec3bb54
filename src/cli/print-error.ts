import { HarnessError } from '../core/errors.js';

/** One line on stderr: `hie-conform: ERR_CODE: file:line:col: message`; a stack only for harness bugs. */
export function printError(error: unknown): void {
  if (error instanceof HarnessError) process.stderr.write(`hie-conform: ${error.code}: ${error.message}\n`);
  else process.stderr.write(`hie-conform: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
}
