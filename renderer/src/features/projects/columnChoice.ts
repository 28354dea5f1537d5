import type { ColumnQuestion } from '../../state/reviewStore';

/** The picker's first guess: the column with the most Japanese for Japanese, the one with the least for English. */
export function suggestedColumns(question: Pick<ColumnQuestion, 'columns'>): {
  english: number;
  japanese: number;
} {
  // Columns without letters (ids, numbers) are no candidates.
  const byShare = question.columns
    .filter((column) => column.japaneseShare !== undefined)
    .sort((a, b) => a.japaneseShare! - b.japaneseShare!);
  if (byShare.length >= 2)
    return { english: byShare[0]!.index, japanese: byShare[byShare.length - 1]!.index };
  return { english: question.columns[0]?.index ?? 0, japanese: question.columns[1]?.index ?? 1 };
}
