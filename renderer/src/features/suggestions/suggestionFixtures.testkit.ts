import type { DocumentFinding } from '../../../../core/checks/checkDocument';
import { alignmentFromSentences } from '../../../../core/review/alignmentFromSentences';

/** Two rows of one clause, for the suggestion tests: "…was held on 5 May." ↔ 「…行われる。」, "It ends." ↔ 「終わる。」. */
export const twoRowAlignment = alignmentFromSentences({
  source: { clauses: [['The meeting was held on 5 May.', 'It ends.']] },
  target: { clauses: [['会合は5月6日に行われる。', '終わる。']] },
  clauseBeads: [[2, 2]],
  sentenceBeads: [
    [1, 1],
    [1, 1],
  ],
});

/** A finding of `check` on the first occurrences of `english` and `japanese` in {@link twoRowAlignment}, in row `bead`. */
export function findingOn(
  check: DocumentFinding['check'],
  code: DocumentFinding['code'],
  english: string,
  japanese: string,
  bead: number,
  severity: DocumentFinding['severity'] = 'major',
): DocumentFinding {
  const en = twoRowAlignment.source.text.indexOf(english);
  const ja = twoRowAlignment.target.text.indexOf(japanese);
  return {
    check,
    code,
    params: {},
    category: 'accuracy/mistranslation',
    itsType: 'mistranslation',
    severity,
    message: `${english} / ${japanese}`,
    evidence: '',
    en: { start: en, end: en + english.length },
    ja: { start: ja, end: ja + japanese.length },
    bead,
    clause: 1,
  };
}
