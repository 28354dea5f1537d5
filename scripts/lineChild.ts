// A child process of a crash harness: this repository's TypeScript run with tsx, speaking a line protocol on stdout
// ("ready …", then events). Shared by kill-during-autosave.ts and journalFaultRounds.ts.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

/** A started child: its process, when it exits, and what it printed besides the protocol lines it was handed. */
export interface LineChild {
  readonly process: ChildProcessByStdio<null, Readable, Readable>;
  readonly exited: Promise<void>;
  /** Unrecognised stdout lines and all of stderr, for failure messages. */
  output(): string;
}

/**
 * Runs `node --import tsx script ...args`, hands each stdout line to `onLine` (which answers `ready` for the line that
 * says the child is ready, `true` for another protocol line, `false` for anything else, kept in `output`), and
 * resolves once the child is ready, has exited, or `timeoutMs` has passed (the caller checks which).
 */
export async function startLineChild(
  script: string,
  args: readonly string[],
  onLine: (line: string) => 'ready' | boolean,
  timeoutMs: number,
): Promise<LineChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let buffered = '';
  let resolveReady: () => void = () => {};
  const readyOrExit = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const taken = onLine(line);
      if (taken === 'ready') resolveReady();
      else if (!taken) output += `${line}\n`;
      newline = buffered.indexOf('\n');
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(resolveReady);
  const timeout = setTimeout(resolveReady, timeoutMs);
  await readyOrExit;
  clearTimeout(timeout);
  return { process: child, exited, output: () => output };
}
