import { HarnessError } from '../../core/errors.js';
import { EXIT } from '../exit-codes.js';
import { printError } from './run-command.js';

/** `hie-conform serve`: run the embedded simulator until SIGINT/SIGTERM; prints `listening <url>` once ready. */
export async function serveCommand(flags: { port?: string; host?: string }): Promise<number> {
  const port = Number(flags.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    printError(new HarnessError('ERR_USAGE', `--port must be 0-65535, but received "${flags.port}"`));
    return EXIT.harness;
  }
  let simulator;
  try {
    const { createSimulator } = await import('../../simulator/simulator-server.js');
    simulator = await createSimulator({ port, host: flags.host ?? '127.0.0.1' });
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
