import { Command, CommanderError, Option } from 'commander';
import { defectHelp } from '../simulator/defects.js';
import { EXIT } from './exit-codes.js';

/**
 * argv → command. The only module that touches process.argv and process.exit. Heavy modules are
 * imported inside each action so `--help` stays fast.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('hie-conform')
    .description('Conformance test harness for the BC Ministry of Health HCIM and PLR interfaces (HL7v3 SOAP and FHIR R4).\nWith no target it runs every built-in suite against the embedded simulator.')
    .version(await version(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  const collect = (value: string, previous: string[] = []) => [...previous, value];

  program
    .command('run')
    .description('run suites against a target (default: the embedded simulator) and write reports')
    .argument('[suites...]', 'suite files, folders or globs (default: all built-in suites)')
    .option('--config <file>', 'config file (default: hie-conform.config.{yaml,yml,json} in the working folder)')
    .option('--target <name>', 'named target from the config file; "local" = embedded simulator')
    .option('--target-url <base>', 'one base URL with the simulator layout: BASE/hcim, BASE/hcim/fhir, BASE/plr, BASE/plr/fhir')
    .option('--url <name=url>', 'override one endpoint base: hcim-v3|hcim-fhir|plr-v3|plr-fhir=URL (repeatable)', collect)
    .option('--var <name=value>', 'set a target variable (test data such as phn=...) (repeatable)', collect)
    .option('--cert <file>', 'client certificate for mutual TLS: PEM (with --key) or PKCS#12 (.p12/.pfx)')
    .option('--key <file>', 'PEM private key for --cert')
    .option('--ca <file>', 'CA bundle (PEM) to trust for the target')
    .option('--passphrase-env <VAR>', 'environment variable holding the key/PKCS#12 passphrase')
    .option('--token-url <url>', 'OAuth2 token endpoint (client-credentials) for bearer-token FHIR targets')
    .option('--client-id <id>', 'OAuth2 client id')
    .option('--client-secret-env <VAR>', 'environment variable holding the OAuth2 client secret')
    .option('--callback-listen <host:port>', 'where to listen for async results (PersonRevised AL/ER, FHIR .Async) (default 127.0.0.1:<any free port>)')
    .option('--callback-url <url>', 'the URL the target delivers async results to, when not the listen address (NAT, proxy)')
    .option('--grep <regex>', 'only cases whose "suite-id/case-id" or "suite › case" title matches')
    .option('--tag <tag>', 'only cases with this tag (repeatable)', collect)
    .option('--workers <n>', 'cases run at once (default 4)')
    .option('--shard <i/n>', 'run shard i of n of the selected cases')
    .option('--timeout <ms>', 'per-step timeout in milliseconds (default 30000)')
    .option('--retries <n>', 'retry a step whose outcome is error (never failed) up to n times (default 0)')
    .option('--reporter <names>', 'comma-separated reporters: console, json, junit, html, testreport, github (json is always written)')
    .option('--out <dir>', 'report folder (default reports/)')
    .option('--strict', 'keep known HCIM deviations as errors')
    .option('--max-body <bytes>', 'largest response body read (default 20 MiB)')
    .option('--allow-external-files', 'let suites read body files outside their folder')
    .option('--debug', 'verbose diagnostics on stderr (secrets redacted)')
    .option('--sign-key <key.pem>', 'sign report.json with this Ed25519 private key (check with: report --verify --pub)')
    .option('--mask-phi', 'mask PHNs and person names in reports and console output, for sharing')
    .option('--no-color', 'plain console output')
    .addHelpText('after', '\nExit codes: 0 all required cases passed, 1 a required case failed or errored, 2 usage/config/suite error, 130 interrupted.')
    .action(async (suites: string[], flags) => {
      const { runCommand } = await import('./commands/run-command.js');
      exitCode = await runCommand(suites, flags);
    });

  program
    .command('list')
    .description('list suites and cases (ids, tags, requirements)')
    .argument('[suites...]', 'suite files, folders or globs (default: all built-in suites)')
    .option('--requirements', 'print the requirement coverage matrix')
    .option('--grep <regex>', 'only matching cases')
    .option('--tag <tag>', 'only cases with this tag (repeatable)', collect)
    .addOption(new Option('--format <format>', 'output format (markdown: the docs/requirements.md page, with --requirements)').choices(['text', 'json', 'markdown']).default('text'))
    .action(async (suites: string[], flags) => {
      const { listCommand } = await import('./commands/list-command.js');
      exitCode = await listCommand(suites, flags);
    });

  program
    .command('serve')
    .description('run the embedded HCIM + PLR simulator (prints "listening <url>" when ready)')
    .option('--port <n>', 'port to listen on; 0 = any free port', '0')
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--tls', 'HTTPS with required client certificates (mutual TLS); needs --cert, --key and --ca')
    .option('--cert <file>', 'server certificate (PEM) for --tls')
    .option('--key <file>', 'server private key (PEM) for --tls')
    .option('--ca <file>', 'CA bundle (PEM) that client certificates must chain to, for --tls')
    .option('--callback-url <url>', 'where async results go (HCIM_IN_PersonRevisedAccepted/Rejected, FHIR .Async results)')
    .option('--subscriber-url <url>', 'HCIM FHIR change-distribution subscriber')
    .option('--plr-subscriber-url <url>', 'PLR distribution subscriber (PRPM_IN301030CA/303030CA, $distribution)')
    .option('--fault <interaction=kind>', 'inject a fault: <interaction>=latency:<ms>|http500|malformed|drop|slow-body[:<ms>] (repeatable; interaction "*" = all)', collect)
    .option('--defect <name>', 'make answers non-conformant in one precise way (repeatable; list below)', collect)
    .addHelpText('after', defectHelp)
    .action(async (flags) => {
      const { serveCommand } = await import('./commands/serve-command.js');
      exitCode = await serveCommand(flags);
    });

  program
    .command('listen')
    .description('client mode: play the registry, validate every request the partner system sends, answer it, and report (prints "listening <url>" when ready)')
    .argument('[client-suites...]', 'client-suite files, folders or globs (default: the built-in suites/client-*)')
    .option('--port <n>', 'port to listen on; 0 = any free port', '0')
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--until-complete', 'end the session as soon as every required expectation is met')
    .option('--timeout <ms>', 'end the session after this long (default 600000)')
    .option('--out <dir>', 'report folder (default reports/)')
    .option('--reporter <names>', 'comma-separated reporters: console, json, junit (json is always written)')
    .option('--strict', 'keep known HCIM deviations as errors')
    .option('--tls', 'serve HTTPS with mutual TLS, as HCIM/PLR do (needs --cert, --key and --ca)')
    .option('--cert <file>', 'PEM server certificate for --tls')
    .option('--key <file>', 'PEM private key for --cert')
    .option('--ca <file>', 'PEM CA bundle partner client certificates must chain to (--tls)')
    .option('--callback-url <url>', "partner's PRPA_AR101201 endpoint: async PersonRevised results are POSTed there")
    .option('--no-color', 'plain console output')
    .addHelpText('after', '\nExit codes: 0 every required expectation met and no unexpected request, 1 otherwise, 2 usage/suite error, 130 interrupted during --until-complete.')
    .action(async (suites: string[], flags) => {
      const { listenCommand } = await import('./commands/listen-command.js');
      exitCode = await listenCommand(suites, flags);
    });

  program
    .command('report')
    .description('regenerate report projections from a report.json, verify a signed report, or merge shard reports')
    .argument('[report]', 'canonical report.json')
    .option('--reporter <names>', 'comma-separated reporters: console, json, junit, html, testreport, github', 'console')
    .option('--out <dir>', 'folder for regenerated files (default: beside the report; reports/ for --merge)')
    .option('--verify', 'check the report signature and re-hash the suite/evidence files still on disk')
    .option('--pub <key.pem>', 'Ed25519 public key (PEM) to verify the signature with')
    .option('--merge <reports...>', 'merge the reports of run --shard i/n into one report and one verdict')
    .option('--no-color', 'plain console output')
    .addHelpText('after', '\nExit codes: 0 regenerated / verified / merged run passed, 1 tampered or bad signature / a required case failed in the merge, 2 usage error or unreadable report.')
    .action(async (file: string | undefined, flags) => {
      const { reportCommand } = await import('./commands/report-command.js');
      exitCode = await reportCommand(file, flags);
    });

  program
    .command('validate')
    .description('validate message files offline: HL7v3 (bare or SOAP-enveloped) or FHIR JSON')
    .argument('<files...>', 'message files')
    .option('--schema <xsd>', 'XSD to use instead of the one picked from the root element')
    .option('--profile <url|file>', 'FHIR profile to validate against')
    .option('--ig <package.tgz>', 'load an IG package (repeatable)', collect)
    .option('--only <layer>', 'run one layer only: xsd, rules or profile (repeatable)', collect)
    .option('--response <file>', 'validate this response against the request given as <files>')
    .option('--strict', 'keep known HCIM deviations as errors')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExit codes: 0 all files valid, 1 a file is invalid, 2 usage error.')
    .action(async (files: string[], flags) => {
      const { validateCommand } = await import('./commands/validate-command.js');
      exitCode = await validateCommand(files, flags);
    });

  program
    .command('dq')
    .description('data-quality checks of client (HCIM) or provider (PLR) extracts before onboarding')
    .argument('<files...>', 'CSV (header row), NDJSON, FHIR Bundle/NDJSON of Patient or Practitioner, or HL7v3 batch (HCIM_IN_PersonRevised, PRPM_IN301030CA)')
    .addOption(new Option('--kind <kind>', 'client (HCIM) or provider (PLR); default: detected (PHN column/Patient → client, IPC/Practitioner → provider)').choices(['client', 'provider']))
    .option('--map <mapping.yaml>', 'column mapping (canonical field → column), dateFormat, delimiter, codes and thresholds (see docs/dq.md)')
    .option('--out <dir>', 'report folder (default reports/)')
    .option('--mask-phi', 'mask PHN, names, birth dates, addresses, phones and emails in findings (97******15)')
    .option('--max-error-rate <rate>', 'fail when more than this share of rows has an error: 0.01 or 1% (default 1%)')
    .option('--min-score <n>', 'fail when the score (0-100) is below this (default 90)')
    .option('--max-findings <n>', 'findings kept in report.json (all are in dq-findings.csv; default 10000)')
    .option('--debug', 'print rows/s and memory statistics on stderr')
    .addHelpText(
      'after',
      [
        '',
        'Checks (rule ids in the report):',
        '  client:   PHN present, 10 digits, check digit; names (digits, spaces, characters, length, given/family swapped);',
        '            birth date valid, not future, not over 120 years; deceased date valid and after birth; gender code;',
        '            address line; postal code A9A 9A9 and BC ⇔ V; phone (NANP); same PHN with conflicting demographics;',
        '            probable duplicates without a PHN (surname + birth date blocks, Jaro-Winkler on given name and address).',
        '  provider: IPC/CPN IPC.########.BC.PRS; college id type (CPSID, RNID, PHID…), presence, format, provider type;',
        '            provider role code; licence status and start ≤ expiry; names, birth date, gender, address, phone, fax,',
        '            email; duplicate IPC, CPN and college id.',
        '  any:      BOM, invalid UTF-8, wrong CSV field count, unterminated/stray quotes, bad JSON/XML — as findings with the row.',
        'Score: 100 × (1 − (rows with errors + 0.25 × rows with warnings only) / rows). Passes when the error rate ≤',
        '--max-error-rate and the score ≥ --min-score (flags override the mapping file\'s thresholds block).',
        'Writes <out>/report.json (dq section) and <out>/dq-findings.csv.',
        'Exit codes: 0 thresholds met, 1 thresholds not met, 2 usage error (missing file, bad mapping with file:line).',
      ].join('\n'),
    )
    .action(async (files: string[], flags) => {
      const { dqCommand } = await import('./commands/dq-command.js');
      exitCode = await dqCommand(files, flags);
    });

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.harness;
    }
    process.stderr.write(`hie-conform: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.harness;
  }
  return exitCode;
}

async function version(): Promise<string> {
  const { toolInfo } = await import('./tool-info.js');
  return toolInfo().version;
}

// Run when executed (bin/hie-conform imports this module).
const code = await main(process.argv.slice(2));
process.exitCode = code;
