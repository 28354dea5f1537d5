import type { CliCommand } from '../command';
import { alignCommand } from './align';
import { checkCommand } from './check';
import { annotateCommand } from './annotate';
import { importCommand } from './import';
import { newCommand } from './new';
import { reportCommand } from './report';

/**
 * Every `taiyaku` subcommand, by name. Each lives in its own module beside this one and is registered here.
 */
export const cliCommands: Record<string, CliCommand> = {
  align: alignCommand,
  check: checkCommand,
  annotate: annotateCommand,
  import: importCommand,
  new: newCommand,
  report: reportCommand,
};
