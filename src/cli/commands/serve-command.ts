import { readFileSync } from 'node:fs';
import { HarnessError } from '../../core/errors.js';
import { EXIT } from '../exit-codes.js';
import { printError } from '../print-error.js';

/** Flags of `hie-conform serve` (src/cli/main.ts). */
export interface ServeFlags {
  port?: string;
  host?: string;
  tls?: boolean;
  cert?: string;
  key?: string;
  ca?: string;
  callbackUrl?: string;
  subscriberUrl?: string;
  plrSubscriberUrl?: string;
  fault?: string[];
  defect?: string[];
}

/** `hie-conform serve`: run the embedded simulator until SIGINT/SIGTERM; prints `listening <url>` once ready. */
export async function serveCommand(flags: ServeFlags): Promise<number> {
  const port = Number(flags.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    printError(new HarnessError('ERR_USAGE', `--port must be 0-65535, but received "${flags.port}"`));
    return EXIT.harness;
  }
  let simulator;
  try {
    const tls = flags.tls ? readTls(flags) : undefined;
    if (!flags.tls && (flags.cert || flags.key || flags.ca)) throw new HarnessError('ERR_USAGE', '--cert, --key and --ca need --tls');
    for (const [name, value] of [['--callback-url', flags.callbackUrl], ['--subscriber-url', flags.subscriberUrl], ['--plr-subscriber-url', flags.plrSubscriberUrl]] as const) {
      if (value !== undefined && !/^https?:\/\/[^\s]+$/.test(value)) throw new HarnessError('ERR_USAGE', `${name} must be an http(s) URL, but received "${value}"`);
    }
    const { createSimulator } = await import('../../simulator/simulator-server.js');
    simulator = await createSimulator({
      port,
      host: flags.host ?? '127.0.0.1',
      ...(tls ? { tls } : {}),
      ...(flags.callbackUrl ? { callbackUrl: flags.callbackUrl } : {}),
      ...(flags.subscriberUrl ? { subscriberUrl: flags.subscriberUrl } : {}),
      ...(flags.plrSubscriberUrl ? { plrSubscriberUrl: flags.plrSubscriberUrl } : {}),
      faults: flags.fault ?? [],
      defects: flags.defect ?? [],
    });
  } catch (error) {
    printError(error);
    return EXIT.harness;
  }
  process.stdout.write(`listening ${simulator.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await simulator.close();
  return EXIT.ok;
}

function readTls(flags: ServeFlags): { cert: Buffer; key: Buffer; ca: Buffer } {
  const missing = (['cert', 'key', 'ca'] as const).filter((name) => !flags[name]);
  if (missing.length) throw new HarnessError('ERR_USAGE', `--tls needs ${missing.map((m) => `--${m}`).join(', ')} (PEM files)`);
  const read = (name: 'cert' | 'key' | 'ca') => {
    try {
      return readFileSync(flags[name]!);
    } catch (error) {
      throw new HarnessError('ERR_FILE_NOT_FOUND', `--${name} ${flags[name]}: ${(error as Error).message}`);
    }
  };
  return { cert: read('cert'), key: read('key'), ca: read('ca') };
}
