import { runCli } from './index';

// Entry point of `npm run cli`: wires the command line to the real process.
const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
process.exitCode = exitCode;
