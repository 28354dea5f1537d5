import type {
  Bead,
  DocumentAlignment,
  DocumentSide,
  Segment,
  SentenceBead,
  TextSpan,
} from './types';

/** A line that opens a numbered clause: `1.`, `12.` at the start of a line (leading spaces allowed). */
const CLAUSE_START = /^[ \t]*(\d{1,3})\.(?=\s)/;

/**
 * Splits a text into numbered clauses (`1.` … at the start of a line). Text before the first number becomes one
 * unlabelled clause (a heading); blank lines and page breaks inside a clause are joined, with each piece recorded.
 * Offsets are UTF-16 code units into `text`. Clause `text` folds line breaks to single spaces.
 */
export function splitNumberedClauses(text: string): Segment[] {
  const lines: { start: number; end: number; label?: string }[] = [];
  let position = 0;
  for (const line of text.split('\n')) {
    const label = CLAUSE_START.exec(line)?.[1];
    lines.push({
      start: position,
      end: position + line.length,
      ...(label ? { label: `${label}.` } : {}),
    });
    position += line.length + 1;
  }
  const clauses: Segment[] = [];
  let current: { label?: string; pieces: TextSpan[] } | undefined;
  const flush = (): void => {
    if (!current || current.pieces.length === 0) return;
    const pieces = current.pieces;
    const first = pieces[0]!;
    const last = pieces[pieces.length - 1]!;
    clauses.push({
      start: first.start,
      end: last.end,
      text: pieces.map((piece) => text.slice(piece.start, piece.end).trim()).join(' '),
      level: 'clause',
      ...(current.label ? { label: current.label } : {}),
      ...(pieces.length > 1 ? { pieces } : {}),
    });
  };
  for (const line of lines) {
    if (line.label) {
      flush();
      current = { label: line.label, pieces: [] };
    }
    const content = text.slice(line.start, line.end);
    if (content.trim() === '' || content.trim() === '\f') continue;
    const leading = content.length - content.trimStart().length;
    const trailing = content.length - content.trimEnd().length;
    const span = { start: line.start + leading, end: line.end - trailing };
    current ??= { pieces: [] };
    const previous = current.pieces[current.pieces.length - 1];
    // Consecutive lines of one paragraph form one piece; a blank line or page break starts a new piece.
    if (previous && !/\n\s*\n/.test(text.slice(previous.end, span.start))) {
      current.pieces[current.pieces.length - 1] = { start: previous.start, end: span.end };
    } else current.pieces.push(span);
  }
  flush();
  return clauses;
}

function sideOf(lang: string, text: string): DocumentSide {
  const clauses = splitNumberedClauses(text);
  // Until sentence segmentation runs, each clause is its own single sentence.
  const sentences = clauses.map((clause, clauseIndex) => ({
    ...clause,
    level: 'sentence' as const,
    clauseIndex,
  }));
  return { lang, text, clauses, sentences };
}

/**
 * Pairs two texts by their clause numbers: clause n with clause n, unnumbered or unmatched clauses as 1-0 / 0-1
 * beads. A baseline for documents whose clauses are numbered alike; confidence is 1 for a label match, 0.2 otherwise.
 */
export function pairNumberedClauses(sourceText: string, targetText: string): DocumentAlignment {
  const source = sideOf('en', sourceText);
  const target = sideOf('ja', targetText);
  const clauseBeads: Bead[] = [];
  let sourceIndex = 0;
  let targetIndex = 0;
  while (sourceIndex < source.clauses.length || targetIndex < target.clauses.length) {
    const sourceLabel = source.clauses[sourceIndex]?.label;
    const targetLabel = target.clauses[targetIndex]?.label;
    if (
      sourceIndex < source.clauses.length &&
      targetIndex < target.clauses.length &&
      sourceLabel === targetLabel
    ) {
      clauseBeads.push({
        sourceIndices: [sourceIndex++],
        targetIndices: [targetIndex++],
        confidence: sourceLabel ? 1 : 0.5,
      });
    } else if (
      targetIndex < target.clauses.length &&
      (sourceIndex >= source.clauses.length || !targetLabel)
    ) {
      clauseBeads.push({ sourceIndices: [], targetIndices: [targetIndex++], confidence: 0.2 });
    } else {
      clauseBeads.push({ sourceIndices: [sourceIndex++], targetIndices: [], confidence: 0.2 });
    }
  }
  const sentenceBeads: SentenceBead[] = clauseBeads.map((bead, clauseBead) => ({
    ...bead,
    clauseBead,
  }));
  return { source, target, clauseBeads, sentenceBeads };
}
