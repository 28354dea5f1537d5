import { alignDocument, type AlignDocumentOptions } from '../../../core/alignment/alignDocument';
import type { DocumentAlignment } from '../../../core/alignment/types';
import { loadAlignmentResources } from './loadAlignmentResources';

/**
 * Aligns an English text with its Japanese translation, loading the tokenizer and lexicon on first use.
 * @returns the clause and sentence alignment (see `alignDocument` in core/alignment/alignDocument.ts)
 */
export async function alignTexts(
  english: string,
  japanese: string,
  options: AlignDocumentOptions = {},
): Promise<DocumentAlignment> {
  return alignDocument(english, japanese, await loadAlignmentResources(), options);
}

export { loadAlignmentResources } from './loadAlignmentResources';
