// What readXliff finds in an XLIFF 1.2/2.x document (offsets are UTF-16 code units into the joined side texts).
import type { Annotation, AnnotationOrigin } from '../review/annotation';
import type { Severity } from '../review/mqm';
import type { Bead, Segment, Side } from '../alignment/types';

/**
 * Reading XLIFF 1.2, 2.0 and 2.1: texts, units, segments and ITS Localization Quality Issues, plus everything Taiyaku's
 * own export (xliff.ts) adds in its `tky` namespace, so that `sessionFromXliff` restores an exported project exactly.
 *
 * Offsets are UTF-16 code units into each side's document text: the concatenation, over units in order, of each
 * unit's segments and ignorables (XLIFF 2) or its source/target (1.2). Units of a file Taiyaku did not write are
 * joined with a line feed; Taiyaku's own files carry the text between rows in `<ignorable>`s, so nothing is inserted.
 */

/** One `<segment>` (or 1.2 `<trans-unit>`) of a unit, with where its texts lie in the document texts. */
export interface XliffSegment {
  readonly source: string;
  readonly target: string;
  /** UTF-16 offset of `source` in the document's source text. */
  readonly sourceStart: number;
  /** UTF-16 offset of `target` in the document's target text. */
  readonly targetStart: number;
  /** XLIFF 2 `state`, or 1.2 target `state`, when given. */
  readonly state?: string;
}

/** One unit (XLIFF 2 `<unit>`, 1.2 `<trans-unit>`). */
export interface XliffUnit {
  readonly id: string;
  /** The unit's source text: its segments and ignorables, concatenated. */
  readonly source: string;
  readonly target: string;
  /** UTF-16 offset of `source` in the document's source text. */
  readonly sourceStart: number;
  readonly targetStart: number;
  readonly segments: readonly XliffSegment[];
  /** 1-based clause (clause bead) number, from Taiyaku's `tky:clause`. */
  readonly clause?: number;
  /** Sentence segments of the row on each side (offsets into the document texts), from Taiyaku's export. */
  readonly sentences?: Readonly<Record<Side, readonly Segment[]>>;
  /** The aligner's confidence in [0, 1], from Taiyaku's export. */
  readonly confidence?: number;
  /** True for a row a reviewer confirmed (`tky:confirmed`, else an XLIFF 2 state `reviewed` or `final`). */
  readonly confirmed: boolean;
}

/** Where an issue lies on one side. */
export interface XliffIssueSpan {
  /** UTF-16 offsets into the document's text of the side, `start` inclusive, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  readonly exact: string;
  /** Context stored by Taiyaku's export; absent for other files. */
  readonly prefix?: string;
  readonly suffix?: string;
}

/** One ITS Localization Quality Issue, mapped to MQM. */
export interface XliffIssue {
  /** Taiyaku's annotation id when the file carries it, else `<unit id>-<issues id or number>`. */
  readonly id: string;
  /** Id of the first unit the issue was found in. */
  readonly unitId: string;
  /** ITS `locQualityIssueType` as written, if any. */
  readonly itsType?: string;
  /** MQM category id: Taiyaku's own (`tky:issue category`) when present, else mapped from the ITS type. */
  readonly category: string;
  readonly subtype?: string;
  readonly severity: Severity;
  readonly status: Annotation['status'];
  readonly comment: string;
  readonly suggestion?: string;
  readonly author?: string;
  readonly origin?: AnnotationOrigin;
  readonly createdAt?: string;
  readonly updatedAt?: string;
  readonly source?: XliffIssueSpan;
  readonly target?: XliffIssueSpan;
}

/** Taiyaku's segmentation data from its own export. */
export interface TaiyakuDocumentData {
  readonly clauses: Readonly<Record<Side, readonly Segment[]>>;
  readonly clauseBeads: readonly Bead[];
}

/** What `readXliff` finds in a document. */
export interface XliffDocument {
  /** The `version` attribute: `1.2`, `2.0`, `2.1`. */
  readonly version: string;
  readonly sourceLang: string;
  readonly targetLang: string;
  /** Each side's whole text (see the module comment for how units are joined). */
  readonly sourceText: string;
  readonly targetText: string;
  readonly units: readonly XliffUnit[];
  readonly issues: readonly XliffIssue[];
  /** Present when Taiyaku wrote the file: its clause segmentation and clause beads. */
  readonly taiyaku?: TaiyakuDocumentData;
}
