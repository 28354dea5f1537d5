import { parseArgs } from 'node:util';
import { CliError, type CliIo } from './command';
import { cliCommands } from './commands/index';
import { appVersion } from '../services/appInfo';
import { ServiceError } from '../services/serviceError';

function helpText(): string {
  const names = Object.keys(cliCommands).sort();
  const width = Math.max(8, ...names.map((name) => name.length));
  const lines = names.map((name) => `  ${name.padEnd(width)}  ${cliCommands[name]!.summary}`);
  return [
    'Taiyaku: review a Japanese translation against its English source.',
    '',
    'Usage: npx taiyaku <command> [options]',
    '       npx taiyaku <command> --help',
    '       (or, in the project folder: npm run --silent cli -- <command> [options])',
    '',
    'Commands:',
    ...(lines.length ? lines : ['  (none yet)']),
    '',
    'Options:',
    '  --help, -h     show this help',
    '  --version, -v  print the version',
    '',
  ].join('\n');
}

/** Runs the command line and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(helpText());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`taiyaku ${appVersion()}\n`);
    return 0;
  }
  const command = cliCommands[first];
  if (!command) {
    io.stderr(`taiyaku: unknown command '${first}'. Run with --help to list the commands.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`taiyaku ${first}: ${error.message}\n`);
      return error.exitCode;
    }
    // Services report what the user can fix (a missing, binary or oversized file) the same way.
    if (error instanceof ServiceError) {
      io.stderr(`taiyaku ${first}: ${error.message}\n`);
      return error.code === 'invalid-request' ? 2 : 1;
    }
    // parseArgs reports unknown or malformed options with this code: a usage error, not a crash.
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr(`taiyaku ${first}: ${error.message}\n${command.usage}\n`);
      return 2;
    }
    io.stderr(
      `taiyaku ${first}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

export { parseArgs };
