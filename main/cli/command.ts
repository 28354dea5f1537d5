/** What a CLI command writes to; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
}

/** One `taiyaku <name>` command. `run` returns the process exit code (0 ok, 1 failure, 2 usage error). */
export interface CliCommand {
  /** One line for `--help`. */
  readonly summary: string;
  /** The full usage text for `taiyaku <name> --help`. */
  readonly usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** A failure the user can fix; its message is printed as is, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
