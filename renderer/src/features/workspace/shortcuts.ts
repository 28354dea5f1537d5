import type { MessageKey } from '../../i18n';

/**
 * The workspace's keyboard shortcuts: ONE table that the key handler matches against and the help overlay and menus
 * list, so what the help says is what the keys do.
 */

/** Everything a shortcut can do; the workspace maps each to an action. */
export type ShortcutAction =
  | 'nextRow'
  | 'previousRow'
  | 'firstRow'
  | 'lastRow'
  | 'nextFlagged'
  | 'previousFlagged'
  | 'togglePin'
  | 'mergeNext'
  | 'mergePrevious'
  | 'splitRow'
  | 'splitSentence'
  | 'moveSourceToPrevious'
  | 'moveSourceToNext'
  | 'moveTargetToPrevious'
  | 'moveTargetToNext'
  | 'detachTarget'
  | 'detachSource'
  | 'flag'
  | 'editIssue'
  | 'resolveIssue'
  | 'acceptSuggestion'
  | 'dismissSuggestion'
  | 'undo'
  | 'redo'
  | 'save'
  | 'export'
  | 'focusSearch'
  | 'help';

/**
 * One key combination. `key` is `KeyboardEvent.key` (letters lower-case). `mod` is Ctrl, or ⌘ on a Mac. For a letter or
 * a named key (`ArrowDown`, `Enter`) Shift must match `shift`; for a symbol (`?`, `[`, `{`) the symbol itself says
 * whether Shift was needed on the reviewer's keyboard layout, so Shift is not checked.
 */
export interface KeyChord {
  readonly key: string;
  readonly mod?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
}

export type ShortcutGroup = 'navigate' | 'align' | 'review' | 'general';

export interface Shortcut {
  readonly action: ShortcutAction;
  readonly group: ShortcutGroup;
  /** The first chord is the one menus show. */
  readonly chords: readonly KeyChord[];
  /** What it does, in the message catalogue. */
  readonly label: MessageKey;
  /**
   * True when the desktop app's menu bar owns the key (its accelerator sends a `menu:*` event): the page then leaves
   * the key alone so the action does not run twice.
   */
  readonly menuOwned?: boolean;
}

/** Every shortcut, in the order the help overlay lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  {
    action: 'nextRow',
    group: 'navigate',
    chords: [{ key: 'ArrowDown' }, { key: 'j' }],
    label: 'shortcutNextRow',
  },
  {
    action: 'previousRow',
    group: 'navigate',
    chords: [{ key: 'ArrowUp' }, { key: 'k' }],
    label: 'shortcutPreviousRow',
  },
  {
    action: 'firstRow',
    group: 'navigate',
    chords: [{ key: 'Home' }, { key: 'g' }],
    label: 'shortcutFirstRow',
  },
  {
    action: 'lastRow',
    group: 'navigate',
    chords: [{ key: 'End' }, { key: 'g', shift: true }],
    label: 'shortcutLastRow',
  },
  {
    action: 'nextFlagged',
    group: 'navigate',
    chords: [{ key: 'n' }],
    label: 'shortcutNextFlagged',
  },
  {
    action: 'previousFlagged',
    group: 'navigate',
    chords: [{ key: 'p' }],
    label: 'shortcutPreviousFlagged',
  },
  { action: 'focusSearch', group: 'navigate', chords: [{ key: '/' }], label: 'shortcutSearch' },
  {
    action: 'togglePin',
    group: 'align',
    chords: [{ key: 'Enter' }, { key: 'c' }],
    label: 'shortcutTogglePin',
  },
  { action: 'mergeNext', group: 'align', chords: [{ key: 'm' }], label: 'mergeNext' },
  {
    action: 'mergePrevious',
    group: 'align',
    chords: [{ key: 'm', shift: true }],
    label: 'mergePrevious',
  },
  { action: 'splitRow', group: 'align', chords: [{ key: 's' }], label: 'splitRowMenu' },
  {
    action: 'splitSentence',
    group: 'align',
    chords: [{ key: 's', shift: true }],
    label: 'splitSentence',
  },
  {
    action: 'moveSourceToPrevious',
    group: 'align',
    chords: [{ key: '[' }],
    label: 'moveSourceToPrevious',
  },
  { action: 'moveSourceToNext', group: 'align', chords: [{ key: ']' }], label: 'moveSourceToNext' },
  {
    action: 'moveTargetToPrevious',
    group: 'align',
    chords: [{ key: '{' }],
    label: 'moveTargetToPrevious',
  },
  { action: 'moveTargetToNext', group: 'align', chords: [{ key: '}' }], label: 'moveTargetToNext' },
  { action: 'detachTarget', group: 'align', chords: [{ key: 'x' }], label: 'detachTarget' },
  {
    action: 'detachSource',
    group: 'align',
    chords: [{ key: 'x', shift: true }],
    label: 'detachSource',
  },
  { action: 'flag', group: 'review', chords: [{ key: 'f' }], label: 'flagSelection' },
  { action: 'editIssue', group: 'review', chords: [{ key: 'e' }], label: 'shortcutEditIssue' },
  {
    action: 'resolveIssue',
    group: 'review',
    chords: [{ key: 'r' }],
    label: 'shortcutResolveIssue',
  },
  {
    action: 'acceptSuggestion',
    group: 'review',
    chords: [{ key: 'a' }],
    label: 'shortcutAcceptSuggestion',
  },
  {
    action: 'dismissSuggestion',
    group: 'review',
    chords: [{ key: 'd' }],
    label: 'shortcutDismissSuggestion',
  },
  {
    action: 'undo',
    group: 'general',
    chords: [{ key: 'z', mod: true }],
    label: 'undo',
    menuOwned: true,
  },
  {
    action: 'redo',
    group: 'general',
    chords: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    label: 'redo',
    menuOwned: true,
  },
  {
    action: 'save',
    group: 'general',
    chords: [{ key: 's', mod: true }],
    label: 'saveNow',
    menuOwned: true,
  },
  {
    action: 'export',
    group: 'general',
    chords: [{ key: 'e', mod: true }],
    label: 'shortcutExport',
    menuOwned: true,
  },
  { action: 'help', group: 'general', chords: [{ key: '?' }], label: 'shortcutHelp' },
];

/** The parts of a keyboard event the table looks at. */
export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

function isLetter(key: string): boolean {
  return /^[a-z]$/i.test(key);
}

/** True when `event` is `chord`. On a Mac, `mod` is ⌘ and Ctrl is not accepted in its place (nor the reverse). */
export function chordMatches(chord: KeyChord, event: KeyInput, isMac: boolean): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const otherModifier = isMac ? event.ctrlKey : event.metaKey;
  if (mod !== (chord.mod === true) || otherModifier) return false;
  if (event.altKey !== (chord.alt === true)) return false;
  if (isLetter(chord.key)) {
    return event.key.toLowerCase() === chord.key && event.shiftKey === (chord.shift === true);
  }
  if (chord.key.length > 1) {
    return event.key === chord.key && event.shiftKey === (chord.shift === true);
  }
  return event.key === chord.key;
}

/** The shortcut `event` triggers, if any. `skipMenuOwned` in the desktop app, where the menu bar handles those keys. */
export function shortcutFor(
  event: KeyInput,
  options: { readonly isMac: boolean; readonly skipMenuOwned?: boolean },
): Shortcut | undefined {
  return SHORTCUTS.find(
    (shortcut) =>
      !(options.skipMenuOwned && shortcut.menuOwned) &&
      shortcut.chords.some((chord) => chordMatches(chord, event, options.isMac)),
  );
}

/** The shortcut for an action (menus show its first chord next to the item). */
export function shortcutOf(action: ShortcutAction): Shortcut {
  const shortcut = SHORTCUTS.find((candidate) => candidate.action === action);
  if (!shortcut) throw new Error(`No shortcut for ${action}`);
  return shortcut;
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Enter: 'Enter',
  Home: 'Home',
  End: 'End',
};

/** The key caps of a chord, e.g. `['Ctrl', 'Shift', 'Z']` or `['⌘', '⇧', 'Z']`. */
export function chordKeys(chord: KeyChord, isMac: boolean): string[] {
  const keys: string[] = [];
  if (chord.mod) keys.push(isMac ? '⌘' : 'Ctrl');
  if (chord.alt) keys.push(isMac ? '⌥' : 'Alt');
  if (chord.shift) keys.push(isMac ? '⇧' : 'Shift');
  keys.push(KEY_NAMES[chord.key] ?? (isLetter(chord.key) ? chord.key.toUpperCase() : chord.key));
  return keys;
}

/** A chord as one string for menus and tooltips: `Ctrl+Shift+Z`, `⌘⇧Z`. */
export function formatChord(chord: KeyChord, isMac: boolean): string {
  return chordKeys(chord, isMac).join(isMac ? '' : '+');
}

/** True on macOS (⌘ instead of Ctrl). */
export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'password',
  'url',
  'tel',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/** Where typed keys belong to the control: text fields, selects, editable text, dialogs and open menus. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  if (target.closest('textarea, select, [contenteditable=""], [contenteditable="true"]'))
    return true;
  // Dialogs and open menus take their own keys (Escape, arrows, Enter).
  return target.closest('[role=dialog], [role=menu], [role=listbox]') !== null;
}

/**
 * Where a named key (Enter, Space, arrows, Home, End) works the focused control: Enter and Space press a button, a
 * link or a tab; a radio button or checkbox also takes the arrows. Letters still reach the workspace.
 */
export function isControlKey(target: EventTarget | null, key: string): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  if (key.length === 1 && key !== ' ') return false;
  if (target instanceof HTMLInputElement) return true;
  if (key !== 'Enter' && key !== ' ') return false;
  return (
    target.closest('button, a[href], [role=button], [role=tab], [role=menuitem], [role=switch]') !==
    null
  );
}

/** `Undo (Ctrl+Z)`: a label with the first chord of the action's shortcut, for tooltips. */
export function shortcutHint(label: string, action: ShortcutAction, isMac: boolean): string {
  return `${label} (${formatChord(shortcutOf(action).chords[0]!, isMac)})`;
}
