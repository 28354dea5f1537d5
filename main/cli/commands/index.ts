import type { CliCommand } from '../command';
import { alignCommand } from './align';
import { checkCommand } from './check';

/**
 * Every `taiyaku` subcommand, by name. Each lives in its own module beside this one and is registered here.
 */
export const cliCommands: Record<string, CliCommand> = {
  align: alignCommand,
  check: checkCommand,
};
