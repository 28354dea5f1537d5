/** The value after `--name` on this script's command line, or `fallback` when the option is not given. */
export function argumentValue(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}
