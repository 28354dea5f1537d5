// textlint-rule-preset-jtf-style ships no types: a preset is `{ rules, rulesConfig }`, checked where it is used.
declare module 'textlint-rule-preset-jtf-style' {
  const preset: unknown;
  export default preset;
}
