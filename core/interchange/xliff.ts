import type { Segment, Side, TextSpan } from '../alignment/types';
import type { ReportIssue, ReportModel, ReportQuote } from '../report/reportModel';
import { segmentIdOf } from '../report/reportModel';
import type { NestedSpan } from '../report/nestSpans';
import { segmentDisplayText } from '../review/splitSentence';
import { renderNestedSpans } from '../report/nestSpans';
import { ITS_SEVERITY_SCORES } from './itsQuality';
import { escapeXmlText, xmlAttributes } from './xml';

export { readXliff, sessionFromXliff } from './xliffRead';
export type {
  XliffDocument,
  XliffImportOptions,
  XliffIssue,
  XliffIssueSpan,
  XliffSegment,
  XliffUnit,
} from './xliffRead';

/**
 * XLIFF 2.1 export of a review (core + ITS module), written so that Taiyaku can restore the project from it exactly
 * (see `readXliff` and `sessionFromXliff` in xliffRead.ts, re-exported here).
 *
 * Layout:
 * - `<xliff version="2.1" srcLang trgLang its:version="2.0" xml:space="preserve">`, one `<file>`.
 * - One `<unit id="s0001">` per row (sentence bead), in order, holding one `<segment>` with the row's original text
 *   on each side (the slice from its first sentence's start to its last sentence's end, line breaks included). An empty
 *   side is an empty element. `state` is `reviewed` for a confirmed row, else `translated`.
 * - The text between rows (blank lines, spaces) is kept in `<ignorable>` elements, so concatenating every unit's
 *   segments and ignorables gives each side's original text exactly, and all offsets stay valid.
 * - Each issue touching a row becomes `<its:locQualityIssues xml:id="s0001-i3">` in that unit's extension area, with
 *   `<mrk id="m1" type="its:generic" its:locQualityIssuesRef="#its=s0001-i3">` around its span on each side. Spans
 *   that overlap without nesting are split into several `mrk`s referring to the same issue.
 * - What ITS cannot say lives in the `urn:taiyaku:review:1` namespace (prefix `tky`): the clause and sentence
 *   segmentation and clause beads (`<tky:document>` in the file), each row's clause number, confidence and sentence
 *   offsets (unit attributes and `<tky:sentences>`), and each issue's MQM category, severity, status, author,
 *   timestamps, origin, suggestion and selectors (`<tky:issue>`, in the first unit the issue touches).
 *
 * Characters XML cannot carry (C0 controls such as a form feed from a PDF page break, lone surrogates) are written as
 * XLIFF `<cp hex="…"/>` in text; in attributes (comments, quotes' context) they become U+FFFD.
 */

/** Namespace of Taiyaku's own XLIFF extension elements and attributes. */
export const TAIYAKU_XLIFF_NAMESPACE = 'urn:taiyaku:review:1';
const XLIFF_2_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';
const ITS_NAMESPACE = 'http://www.w3.org/2005/11/its';

/** Text for XLIFF 2 element content: characters XML cannot carry as `<cp hex="…"/>`. */
function xliffText(text: string): string {
  return escapeXmlText(text, (character) => {
    const code = character.codePointAt(0)!;
    return `<cp hex="${code.toString(16).toUpperCase().padStart(4, '0')}"/>`;
  });
}

/** A span to mark inside one segment side, relative to the segment text; `key` is the `xml:id` it refers to. */
type MarkSpan = NestedSpan<string>;

/**
 * Writes `text` with `mrk` elements around the spans, nested properly (a span that overlaps another without nesting
 * is split into several `mrk`s referring to the same issue). `nextMarkId` mints unit-unique ids.
 */
function markedText(text: string, spans: readonly MarkSpan[], nextMarkId: () => string): string {
  return renderNestedSpans(text, spans, {
    text: xliffText,
    span: (issuesId, inner) =>
      `<mrk id="${nextMarkId()}" type="its:generic" its:locQualityIssuesRef="#its=${issuesId}">${inner}</mrk>`,
  });
}

/** `a-b c-d` for a segment's pieces. */
function piecesAttribute(pieces: readonly TextSpan[] | undefined): string | undefined {
  return pieces?.map((piece) => `${piece.start}-${piece.end}`).join(' ');
}

function segmentElement(name: string, text: string, segment: Segment): string {
  const pieces = segment.pieces ?? [{ start: segment.start, end: segment.end }];
  return `<tky:${name}${xmlAttributes({
    start: String(segment.start),
    end: String(segment.end),
    clause: segment.clauseIndex === undefined ? undefined : String(segment.clauseIndex),
    label: segment.label,
    pieces: piecesAttribute(segment.pieces),
    text: segmentDisplayText(text, pieces) === segment.text ? undefined : segment.text,
  })}/>`;
}

function originAttribute(issue: ReportIssue): string {
  return issue.origin.kind === 'check' ? `check:${issue.origin.checkId}` : 'reviewer';
}

function selectorElement(side: Side, quote: ReportQuote): string {
  return `<tky:selector${xmlAttributes({
    side,
    start: String(quote.start),
    end: String(quote.end),
    prefix: quote.prefix,
    suffix: quote.suffix,
  })}/>`;
}

function locQualityIssues(issuesId: string, issue: ReportIssue): string {
  return `<its:locQualityIssues xml:id="${issuesId}"><its:locQualityIssue${xmlAttributes({
    locQualityIssueType: issue.itsType,
    locQualityIssueComment: issue.comment === '' ? undefined : issue.comment,
    locQualityIssueSeverity: String(ITS_SEVERITY_SCORES[issue.severity]),
    locQualityIssueEnabled: issue.status === 'rejected' ? 'no' : 'yes',
  })}/></its:locQualityIssues>`;
}

function taiyakuIssue(issuesId: string, issue: ReportIssue): string {
  const selectors = [
    issue.source && selectorElement('source', issue.source),
    issue.target && selectorElement('target', issue.target),
  ].filter((element): element is string => element !== undefined);
  return `<tky:issue${xmlAttributes({
    ref: issuesId,
    id: issue.id,
    category: issue.category,
    subtype: issue.subtype,
    severity: issue.severity,
    status: issue.status,
    author: issue.author,
    origin: originAttribute(issue),
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    suggestion: issue.suggestion,
  })}>${selectors.join('')}</tky:issue>`;
}

/** Options of `renderXliff`. */
export interface XliffOptions {
  /** The `<file id>`; default `f1`. */
  readonly fileId?: string;
}

/**
 * The review as an XLIFF 2.1 document (a string, UTF-8 declared). Valid against the XLIFF 2 core schema
 * (xliff_core_2.0.xsd, which 2.1 keeps) and following the ITS module's rules: every `its:locQualityIssuesRef` is
 * `#its=ID` naming an `its:locQualityIssues` of the same unit, on a `mrk` of type `its:generic`. Every row is written
 * whatever the model's row selection. Linear in text plus issues.
 */
export function renderXliff(model: ReportModel, options: XliffOptions = {}): string {
  return [...renderXliffPieces(model, options)].join('');
}

/**
 * `renderXliff`'s document in pieces, for a caller that wants to pause between them: the head (the file's
 * `tky:document`), then one piece per sentence bead (its `<unit>`), then the tail. Joined, they are `renderXliff`'s
 * text.
 */
export function* renderXliffPieces(
  model: ReportModel,
  options: XliffOptions = {},
): Generator<string> {
  const { alignment } = model;
  const issuesByBead = new Map<number, ReportIssue[]>();
  for (const issue of model.issues) {
    const beads = issue.segmentIds.map((id) => Number(id.slice(1)) - 1);
    // An issue whose anchor was lost is kept with the first row, unmarked, so that import still restores it.
    for (const bead of beads.length > 0 ? beads : [0]) {
      const list = issuesByBead.get(bead) ?? [];
      list.push(issue);
      issuesByBead.set(bead, list);
    }
  }
  const firstBeadOf = (issue: ReportIssue): number =>
    issue.segmentIds.length > 0 ? Number(issue.segmentIds[0]!.slice(1)) - 1 : 0;

  const lines: string[] = [];
  /** The lines gathered since the last piece, as one piece (each line ending in a line feed). */
  const piece = (): string => {
    const text = lines.map((line) => `${line}\n`).join('');
    lines.length = 0;
    return text;
  };
  lines.push('<?xml version="1.0" encoding="UTF-8"?>');
  lines.push(
    `<xliff${xmlAttributes({
      xmlns: XLIFF_2_NAMESPACE,
      'xmlns:its': ITS_NAMESPACE,
      'xmlns:tky': TAIYAKU_XLIFF_NAMESPACE,
      version: '2.1',
      srcLang: model.sourceLang,
      trgLang: model.targetLang,
      'its:version': '2.0',
      'xml:space': 'preserve',
    })}>`,
  );
  lines.push(
    ` <file${xmlAttributes({ id: options.fileId ?? 'f1', original: model.projectName })}>`,
  );
  lines.push(
    `  <tky:document${xmlAttributes({
      project: model.projectName,
      generatedAt: model.generatedAt,
      appVersion: model.appVersion,
    })}>`,
  );
  for (const side of ['source', 'target'] as const) {
    const documentSide = alignment[side];
    lines.push(`   <tky:clauses side="${side}">`);
    for (const clause of documentSide.clauses) {
      lines.push(`    ${segmentElement('clause', documentSide.text, clause)}`);
    }
    lines.push('   </tky:clauses>');
  }
  lines.push('   <tky:clauseBeads>');
  for (const bead of alignment.clauseBeads) {
    lines.push(
      `    <tky:clauseBead${xmlAttributes({
        source: bead.sourceIndices.join(' '),
        target: bead.targetIndices.join(' '),
        confidence: String(bead.confidence),
        pinned: bead.pinned ? 'yes' : undefined,
      })}/>`,
    );
  }
  lines.push('   </tky:clauseBeads>');
  lines.push('  </tky:document>');

  const cursor: Record<Side, number> = { source: 0, target: 0 };
  const beadCount = alignment.sentenceBeads.length;
  if (beadCount === 0) {
    // A <file> needs a unit: an empty project gets one placeholder (skipped on import) holding the texts, if any.
    lines.push(
      `  <unit id="empty" tky:placeholder="yes"><segment><source>${xliffText(alignment.source.text)}</source>` +
        `<target>${xliffText(alignment.target.text)}</target></segment></unit>`,
    );
  }
  yield piece();
  for (const [beadIndex, bead] of alignment.sentenceBeads.entries()) {
    const unitId = segmentIdOf(beadIndex);
    let markNumber = 0;
    const nextMarkId = (): string => `m${++markNumber}`;
    const unitIssues = issuesByBead.get(beadIndex) ?? [];
    const issuesIdOf = (issue: ReportIssue): string => `${unitId}-i${issue.number}`;
    lines.push(
      `  <unit${xmlAttributes({
        id: unitId,
        'tky:clause': String(bead.clauseBead + 1),
        'tky:confidence': String(bead.confidence),
        'tky:confirmed': bead.pinned ? 'yes' : undefined,
      })}>`,
    );
    for (const issue of unitIssues) lines.push(`   ${locQualityIssues(issuesIdOf(issue), issue)}`);
    for (const issue of unitIssues) {
      // The full record once, in the first row the issue touches; the other rows name it, so import merges them.
      lines.push(
        firstBeadOf(issue) === beadIndex
          ? `   ${taiyakuIssue(issuesIdOf(issue), issue)}`
          : `   <tky:issue${xmlAttributes({ ref: issuesIdOf(issue), id: issue.id, continued: 'yes' })}/>`,
      );
    }
    const leading: Record<Side, string> = { source: '', target: '' };
    const content: Record<Side, string> = { source: '', target: '' };
    for (const side of ['source', 'target'] as const) {
      const documentSide = alignment[side];
      const indices = side === 'source' ? bead.sourceIndices : bead.targetIndices;
      if (indices.length === 0) continue;
      lines.push(`   <tky:sentences side="${side}">`);
      for (const index of indices) {
        lines.push(
          `    ${segmentElement('sentence', documentSide.text, documentSide.sentences[index]!)}`,
        );
      }
      lines.push('   </tky:sentences>');
      const start = documentSide.sentences[indices[0]!]!.start;
      const end = documentSide.sentences[indices[indices.length - 1]!]!.end;
      leading[side] = documentSide.text.slice(cursor[side], start);
      cursor[side] = end;
      const spans: MarkSpan[] = [];
      for (const issue of unitIssues) {
        const quote = issue[side];
        if (!quote || issue.segmentIds.length === 0) continue;
        const isPoint = quote.end === quote.start;
        const from = Math.max(quote.start, start);
        const to = Math.min(quote.end, end);
        if (to > from || (isPoint && quote.start >= start && quote.start <= end)) {
          spans.push({ start: from - start, end: to - start, key: issuesIdOf(issue) });
        }
      }
      content[side] = markedText(documentSide.text.slice(start, end), spans, nextMarkId);
    }
    if (leading.source !== '' || leading.target !== '') {
      lines.push(
        `   <ignorable><source>${xliffText(leading.source)}</source>` +
          `<target>${xliffText(leading.target)}</target></ignorable>`,
      );
    }
    lines.push(
      `   <segment id="seg" state="${bead.pinned ? 'reviewed' : 'translated'}">` +
        `<source>${content.source}</source><target>${content.target}</target></segment>`,
    );
    if (beadIndex === beadCount - 1) {
      const trailing = {
        source: alignment.source.text.slice(cursor.source),
        target: alignment.target.text.slice(cursor.target),
      };
      if (trailing.source !== '' || trailing.target !== '') {
        lines.push(
          `   <ignorable><source>${xliffText(trailing.source)}</source>` +
            `<target>${xliffText(trailing.target)}</target></ignorable>`,
        );
      }
    }
    lines.push('  </unit>');
    yield piece();
  }
  lines.push(' </file>');
  lines.push('</xliff>');
  yield piece();
}
