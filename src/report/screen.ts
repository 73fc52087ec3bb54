import { Chalk, type ChalkInstance } from 'chalk';

/** Where terminal reporters write; injectable so they can be tested without a terminal. */
export interface Screen {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly colors: ChalkInstance;
}

/** stdout, coloured only on a TTY and without --no-color / NO_COLOR. */
export function stdoutScreen(options: { color?: boolean } = {}): Screen {
  const isTTY = Boolean(process.stdout.isTTY);
  const color = options.color !== false && isTTY && !('NO_COLOR' in process.env);
  return { write: (text) => process.stdout.write(text), isTTY, colors: new Chalk({ level: color ? 1 : 0 }) };
}
