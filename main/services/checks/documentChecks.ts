import type { DocumentAlignment } from '../../../core/alignment/types';
import {
  checkDocument,
  inBeadOrder,
  type DocumentFinding,
} from '../../../core/checks/checkDocument';
import type { CheckResources } from '../../../core/checks/pairAnalysis';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../../../core/checks/settings';
import { checkJapaneseStyle } from './styleCheck';

/**
 * Every check over an aligned document, as the app and the CLI run them: the pure checks of core (pairs and document
 * consistency) and, when turned on, the Japanese style rules (textlint, Node side) on each translated sentence.
 * @returns findings in bead order; spans in UTF-16 code units of the source and target texts
 */
export async function runDocumentChecks(
  alignment: DocumentAlignment,
  resources: CheckResources,
  settings: CheckSettings = DEFAULT_CHECK_SETTINGS,
): Promise<DocumentFinding[]> {
  const findings = checkDocument(alignment, resources, settings);
  if (!settings.style.enabled) return findings;
  const style: DocumentFinding[] = [];
  for (const [beadIndex, bead] of alignment.sentenceBeads.entries()) {
    const clauseIndex =
      alignment.source.sentences[bead.sourceIndices[0] ?? -1]?.clauseIndex ??
      alignment.target.sentences[bead.targetIndices[0] ?? -1]?.clauseIndex;
    const label =
      clauseIndex === undefined ? undefined : alignment.source.clauses[clauseIndex]?.label;
    for (const index of bead.targetIndices) {
      const sentence = alignment.target.sentences[index]!;
      // Sentence text folds line breaks one for one: offsets inside it carry over to the document.
      for (const finding of await checkJapaneseStyle(sentence.text, settings.style)) {
        const { ja, ...rest } = finding;
        style.push({
          ...rest,
          ...(ja ? { ja: { start: sentence.start + ja.start, end: sentence.start + ja.end } } : {}),
          bead: beadIndex,
          clause: bead.clauseBead + 1,
          ...(label ? { clauseLabel: label } : {}),
        });
      }
    }
  }
  return inBeadOrder([...findings, ...style]);
}
