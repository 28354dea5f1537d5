import type { HistoryEntry, HistoryStep, ReviewHistory } from '../../../core/review/history';
import { formatMessage, messages, type MessageKey, type UiLanguage } from '../i18n';

/** The catalogue key naming what a step did (`commandLabel.mergeWithNext` → "merge" / "結合"). */
export function stepMessageKey(step: HistoryStep): MessageKey {
  return step.type === 'setAnnotationStatus'
    ? `commandLabel.setAnnotationStatus.${step.status}`
    : `commandLabel.${step.type}`;
}

function menuLabel(
  action: 'undo' | 'redo',
  entry: HistoryEntry | undefined,
  language: UiLanguage,
): string {
  const words = messages[language];
  if (entry === undefined) return words[action];
  return formatMessage(words[action === 'undo' ? 'undoCommand' : 'redoCommand'], {
    command: words[stepMessageKey(entry.step)],
  });
}

/** The Undo menu item: "Undo merge" / "元に戻す: 結合"; just "Undo" when there is nothing to undo. */
export function undoLabel(history: ReviewHistory, language: UiLanguage = 'en'): string {
  return menuLabel('undo', history.past[history.past.length - 1], language);
}

/** The Redo menu item: "Redo split" / "やり直す: 分割"; just "Redo" when there is nothing to redo. */
export function redoLabel(history: ReviewHistory, language: UiLanguage = 'en'): string {
  return menuLabel('redo', history.future[history.future.length - 1], language);
}
