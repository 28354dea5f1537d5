// `--name value` pairs of a plain Node script's command line, as an object: { name: value }. A flag without a value
// (the last word, or one followed by another --flag) maps to undefined.
/** @param {readonly string[]} argv the words after the script's path */
export function commandOptions(argv) {
  return Object.fromEntries(
    argv.reduce(
      (pairs, value, index, all) =>
        value.startsWith('--') ? [...pairs, [value.slice(2), all[index + 1]]] : pairs,
      [],
    ),
  );
}
