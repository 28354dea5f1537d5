import type { CliCommand } from '../command';

/**
 * Every `taiyaku` subcommand, by name. Each lives in its own module beside this one and is registered here.
 */
export const cliCommands: Record<string, CliCommand> = {};
