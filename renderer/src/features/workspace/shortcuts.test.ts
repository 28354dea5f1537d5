// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { messages } from '../../i18n';
import {
  chordKeys,
  chordMatches,
  formatChord,
  SHORTCUTS,
  shortcutFor,
  shortcutOf,
  type KeyInput,
} from './shortcuts';

function key(name: string, modifiers: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput {
  return {
    key: name,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...modifiers,
  };
}

describe('the shortcut table', () => {
  it('has one entry per action, each with a label in both languages', () => {
    const actions = SHORTCUTS.map((shortcut) => shortcut.action);
    expect(new Set(actions).size).toBe(actions.length);
    for (const shortcut of SHORTCUTS) {
      expect(shortcut.chords.length).toBeGreaterThan(0);
      expect(messages.en[shortcut.label]).toBeTruthy();
      expect(messages.ja[shortcut.label]).toBeTruthy();
    }
  });

  it('never gives one key combination to two actions', () => {
    for (const isMac of [false, true]) {
      for (const shortcut of SHORTCUTS) {
        for (const chord of shortcut.chords) {
          const event = key(chord.key, {
            shiftKey: chord.shift === true,
            altKey: chord.alt === true,
            ctrlKey: chord.mod === true && !isMac,
            metaKey: chord.mod === true && isMac,
          });
          const matching = SHORTCUTS.filter((candidate) =>
            candidate.chords.some((other) => chordMatches(other, event, isMac)),
          );
          expect(matching.map((match) => match.action)).toEqual([shortcut.action]);
        }
      }
    }
  });

  it('covers what the brief promises', () => {
    const find = (event: KeyInput) => shortcutFor(event, { isMac: false })?.action;
    expect(find(key('ArrowDown'))).toBe('nextRow');
    expect(find(key('j'))).toBe('nextRow');
    expect(find(key('ArrowUp'))).toBe('previousRow');
    expect(find(key('k'))).toBe('previousRow');
    expect(find(key('n'))).toBe('nextFlagged');
    expect(find(key('p'))).toBe('previousFlagged');
    expect(find(key('Enter'))).toBe('togglePin');
    expect(find(key('c'))).toBe('togglePin');
    expect(find(key('m'))).toBe('mergeNext');
    expect(find(key('M', { shiftKey: true }))).toBe('mergePrevious');
    expect(find(key('s'))).toBe('splitRow');
    expect(find(key('x'))).toBe('detachTarget');
    expect(find(key('z', { ctrlKey: true }))).toBe('undo');
    expect(find(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(find(key('y', { ctrlKey: true }))).toBe('redo');
    expect(find(key('/'))).toBe('focusSearch');
    expect(find(key('f'))).toBe('flag');
    expect(find(key('e', { ctrlKey: true }))).toBe('export');
    expect(find(key('e'))).toBe('editIssue');
    // The desktop app's File › Export accelerator owns Ctrl+E there.
    expect(
      shortcutFor(key('e', { ctrlKey: true }), { isMac: false, skipMenuOwned: true }),
    ).toBeUndefined();
    // '?' needs Shift on most layouts; the symbol itself is what counts.
    expect(find(key('?', { shiftKey: true }))).toBe('help');
    expect(find(key('{', { shiftKey: true }))).toBe('moveTargetToPrevious');
  });

  it('does not fire plain-letter shortcuts with Ctrl, Alt or ⌘ held, nor Ctrl shortcuts with ⌘ on a PC', () => {
    expect(shortcutFor(key('m', { ctrlKey: true }), { isMac: false })).toBeUndefined();
    expect(shortcutFor(key('m', { altKey: true }), { isMac: false })).toBeUndefined();
    expect(shortcutFor(key('j', { metaKey: true }), { isMac: true })).toBeUndefined();
    expect(shortcutFor(key('z', { metaKey: true }), { isMac: false })).toBeUndefined();
    expect(shortcutFor(key('z', { metaKey: true }), { isMac: true })?.action).toBe('undo');
    expect(shortcutFor(key('z', { ctrlKey: true }), { isMac: true })).toBeUndefined();
    expect(shortcutFor(key('ArrowDown', { shiftKey: true }), { isMac: false })).toBeUndefined();
  });

  it('leaves the keys the desktop menu bar owns to the menu', () => {
    const options = { isMac: false, skipMenuOwned: true };
    expect(shortcutFor(key('z', { ctrlKey: true }), options)).toBeUndefined();
    expect(shortcutFor(key('s', { ctrlKey: true }), options)).toBeUndefined();
    expect(shortcutFor(key('m'), options)?.action).toBe('mergeNext');
  });

  it('formats chords as key caps', () => {
    const redo = shortcutOf('redo').chords[0]!;
    expect(chordKeys(redo, false)).toEqual(['Ctrl', 'Shift', 'Z']);
    expect(formatChord(redo, false)).toBe('Ctrl+Shift+Z');
    expect(formatChord(redo, true)).toBe('⌘⇧Z');
    expect(formatChord(shortcutOf('nextRow').chords[0]!, false)).toBe('↓');
    expect(formatChord(shortcutOf('mergePrevious').chords[0]!, false)).toBe('Shift+M');
  });
});
