import { TextlintKernel, type TextlintKernelRule } from '@textlint/kernel';
import textPlugin from '@textlint/textlint-plugin-text';
import jtfStyle from 'textlint-rule-preset-jtf-style';
import type { Finding } from '../../../core/checks';
import { makeFinding } from '../../../core/checks/messages';
import type { StyleCheckSettings } from '../../../core/checks/settings';

/**
 * Japanese conventions: the JTF Style Guide's rules (textlint-rule-preset-jtf-style) run by textlint's kernel over
 * Japanese text: punctuation, full- and half-width characters, spacing, brackets. Node side only (textlint is a Node
 * library); off by default, with rules turned off one by one per project.
 */

interface RulePreset {
  readonly rules: Readonly<Record<string, TextlintKernelRule['rule']>>;
  readonly rulesConfig: Readonly<Record<string, unknown>>;
}

/** CommonJS packages compiled from ES modules put their export under `default`. */
function interop<T>(module: T | { default: T }): T {
  return module && typeof module === 'object' && 'default' in module ? module.default : module;
}

const preset = interop(jtfStyle as unknown as RulePreset | { default: RulePreset });
const kernel = new TextlintKernel();

/** Every rule id of the JTF preset, e.g. `2.1.8.算用数字`, for settings screens and `disabledRules`. */
export const JTF_RULE_IDS: readonly string[] = Object.keys(preset.rules);

/** NOTE module-level cache: the kernel's rule list per settings object, built once for a document's sentences. */
const rulesBySettings = new WeakMap<StyleCheckSettings, TextlintKernelRule[]>();

function enabledRules(settings: StyleCheckSettings): TextlintKernelRule[] {
  const known = rulesBySettings.get(settings);
  if (known) return known;
  const disabled = new Set(settings.disabledRules);
  const rules = Object.entries(preset.rules)
    .filter(([ruleId]) => !disabled.has(ruleId) && preset.rulesConfig[ruleId] !== false)
    .map(([ruleId, rule]) => ({
      ruleId,
      rule: interop(rule),
      options: preset.rulesConfig[ruleId] === true ? {} : (preset.rulesConfig[ruleId] as object),
    }));
  rulesBySettings.set(settings, rules);
  return rules;
}

/**
 * Lints Japanese text against the enabled JTF rules.
 * @returns one finding per problem, with its span in UTF-16 code units of `japanese`
 */
export async function checkJapaneseStyle(
  japanese: string,
  settings: StyleCheckSettings,
): Promise<Finding[]> {
  if (!settings.enabled || !japanese.trim()) return [];
  const result = await kernel.lintText(japanese, {
    ext: '.txt',
    plugins: [{ pluginId: 'text', plugin: interop(textPlugin) }],
    rules: enabledRules(settings),
  });
  return result.messages.map((message) => {
    // The fix covers the whole offending text (２０２２), the report often its first character only.
    const [start, end] = message.fix?.range ?? message.range;
    const rule = message.ruleId.replace(/^[^/]*\//, '');
    const fixed = message.fix
      ? `; JTF fix: "${japanese.slice(message.fix.range[0], message.fix.range[1])}" → "${message.fix.text}"`
      : '';
    return makeFinding('style-convention', { rule, advice: message.message }, `${rule}${fixed}`, {
      ja: { start, end: Math.max(end, start + 1) },
    });
  });
}
