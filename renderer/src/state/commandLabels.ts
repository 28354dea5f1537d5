import type { HistoryStep, ReviewHistory } from '../../../core/review/history';
import { formatMessage, messages, type MessageKey, type UiLanguage } from '../i18n';

/** The catalogue key naming what a step did (`commandLabel.mergeWithNext` → "merge" / "結合"). */
export function stepMessageKey(step: HistoryStep): MessageKey {
  return step.type === 'setAnnotationStatus'
    ? `commandLabel.setAnnotationStatus.${step.status}`
    : `commandLabel.${step.type}`;
}

function menuLabel(
  action: 'undo' | 'redo',
  step: HistoryStep | null | undefined,
  language: UiLanguage,
): string {
  const words = messages[language];
  if (!step) return words[action];
  return formatMessage(words[action === 'undo' ? 'undoCommand' : 'redoCommand'], {
    command: words[stepMessageKey(step)],
  });
}

/**
 * The Undo menu item: "Undo merge" / "元に戻す: 結合"; just "Undo" when there is nothing to undo. `shared`: the step
 * the Node side's history would undo when this copy's has none (a change made before a reload of the page).
 */
export function undoLabel(
  history: ReviewHistory,
  language: UiLanguage = 'en',
  shared: HistoryStep | null = null,
): string {
  return menuLabel('undo', history.past[history.past.length - 1]?.step ?? shared, language);
}

/** The Redo menu item: "Redo split" / "やり直す: 分割"; just "Redo" when there is nothing to redo (`shared`: as undo). */
export function redoLabel(
  history: ReviewHistory,
  language: UiLanguage = 'en',
  shared: HistoryStep | null = null,
): string {
  return menuLabel('redo', history.future[history.future.length - 1]?.step ?? shared, language);
}
