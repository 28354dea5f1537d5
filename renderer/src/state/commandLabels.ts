import type { HistoryEntry, HistoryStep, ReviewHistory } from '../../../core/review/history';
import type { BilingualLabel } from '../../../core/review/mqm';

// Temporary home of the undo/redo words until they join the per-language message catalogues.

/** Short name of what a step did, for "Undo merge" / "Redo split" menu items. */
export function stepLabel(step: HistoryStep): BilingualLabel {
  switch (step.type) {
    case 'mergeWithNext':
    case 'mergeWithPrevious':
      return { en: 'merge', ja: '結合' };
    case 'splitBead':
      return { en: 'split', ja: '分割' };
    case 'splitSentence':
      return { en: 'split sentence', ja: '文の分割' };
    case 'moveSentence':
      return { en: 'move sentence', ja: '文の移動' };
    case 'detachSide':
      return { en: 'detach', ja: '切り離し' };
    case 'pin':
      return { en: 'confirm', ja: '確定' };
    case 'unpin':
      return { en: 'unconfirm', ja: '確定解除' };
    case 'replaceAlignment':
      return { en: 'realign', ja: '再整列' };
    case 'addAnnotation':
      return { en: 'add issue', ja: '指摘の追加' };
    case 'updateAnnotation':
      return { en: 'edit issue', ja: '指摘の編集' };
    case 'deleteAnnotation':
      return { en: 'delete issue', ja: '指摘の削除' };
    case 'setAnnotationStatus':
      switch (step.status) {
        case 'open':
          return { en: 'reopen issue', ja: '指摘の再開' };
        case 'resolved':
          return { en: 'resolve issue', ja: '指摘の解決' };
        case 'rejected':
          return { en: 'reject issue', ja: '指摘の却下' };
      }
  }
}

const MENU_WORDS = {
  undo: { en: 'Undo', ja: '元に戻す' },
  redo: { en: 'Redo', ja: 'やり直す' },
} as const;

function menuLabel(
  action: 'undo' | 'redo',
  entry: HistoryEntry | undefined,
  language: keyof BilingualLabel,
): string {
  const word = MENU_WORDS[action][language];
  if (entry === undefined) return word;
  const label = stepLabel(entry.step);
  return language === 'ja' ? `${word}: ${label.ja}` : `${word} ${label.en}`;
}

/** The Undo menu item: "Undo merge" / "元に戻す: 結合"; just "Undo" when there is nothing to undo. */
export function undoLabel(history: ReviewHistory, language: keyof BilingualLabel = 'en'): string {
  return menuLabel('undo', history.past[history.past.length - 1], language);
}

/** The Redo menu item: "Redo split" / "やり直す: 分割"; just "Redo" when there is nothing to redo. */
export function redoLabel(history: ReviewHistory, language: keyof BilingualLabel = 'en'): string {
  return menuLabel('redo', history.future[history.future.length - 1], language);
}
