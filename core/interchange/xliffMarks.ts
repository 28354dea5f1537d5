// Reading XLIFF inline content and ITS issues: the texts of <source>/<target> with the spans marked by <mrk>/<sm>,
// and issue drafts assembled from ITS records, marks and Taiyaku's own records (shared by the 1.2 and 2.x readers).
import type { Segment, Side, TextSpan } from '../alignment/types';
import type { AnnotationOrigin } from '../review/annotation';
import { isMqmCategoryId, SEVERITIES } from '../review/mqm';
import { ANNOTATION_STATUSES, isSubtypeOf } from '../project/annotation';
import { segmentDisplayText } from '../review/splitSentence';
import { mqmCategoryOfItsType, severityOfItsScore } from './itsQuality';
import type { XmlElement } from './xml';
import { attributeByLocalName, childElements, InterchangeFormatError, localName } from './xml';

import type { XliffIssue, XliffIssueSpan } from './xliffDocument';

/** Builder of the two document texts, unit by unit. */
export class SideTexts {
  source = '';
  target = '';
}
/** A marked span found in a source or target, before grouping into issues. */
export interface Mark {
  readonly side: Side;
  /** The `its:locQualityIssuesRef` target id (without `#its=` or `#`), if any. */
  readonly ref?: string;
  /** The element itself, for local ITS attributes. */
  readonly element: XmlElement;
  readonly start: number;
  end: number;
}

// Inline elements whose content is original code, not text (XLIFF 1.2).
export const NATIVE_CODE_ELEMENTS = new Set(['ph', 'bpt', 'ept', 'it', 'sub']);

/**
 * The text of a `<source>` or `<target>` with the marks (`mrk`, `sm`/`em`) inside it, offsets from `base`. `cp`
 * elements give their character; codes give nothing.
 */
export function readInline(element: XmlElement, side: Side, base: number, marks: Mark[]): string {
  let text = '';
  const open = new Map<string, Mark>();
  const visit = (node: XmlElement): void => {
    for (const child of node.children) {
      if (child.kind === 'text') {
        text += child.text;
        continue;
      }
      const name = localName(child.name);
      if (name === 'cp') {
        const code = parseInt(child.attributes.hex ?? '', 16);
        if (Number.isFinite(code) && code <= 0x10ffff) text += String.fromCodePoint(code);
      } else if (name === 'mrk' || name === 'g' || name === 'pc') {
        const start = base + text.length;
        visit(child);
        if (name === 'mrk') {
          marks.push({ side, ...refOf(child), element: child, start, end: base + text.length });
        }
      } else if (name === 'sm') {
        const mark: Mark = {
          side,
          ...refOf(child),
          element: child,
          start: base + text.length,
          end: -1,
        };
        open.set(child.attributes.id ?? '', mark);
        marks.push(mark);
      } else if (name === 'em') {
        const mark = open.get(child.attributes.startRef ?? '');
        if (mark) mark.end = base + text.length;
      } else if (!NATIVE_CODE_ELEMENTS.has(name)) {
        visit(child);
      }
    }
  };
  visit(element);
  for (const mark of open.values()) if (mark.end < 0) mark.end = base + text.length;
  return text;
}

export function refOf(element: XmlElement): { ref?: string } {
  const ref = attributeByLocalName(element, 'locQualityIssuesRef');
  if (ref === undefined) return {};
  return { ref: ref.startsWith('#its=') ? ref.slice(5) : ref.replace(/^#/, '') };
}

/** Parses `a-b c-d` pieces. */
export function parsePieces(value: string | undefined): TextSpan[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value
    .trim()
    .split(/\s+/)
    .map((piece) => {
      const [start, end] = piece.split('-').map(Number);
      return { start: integer(start, 'piece start'), end: integer(end, 'piece end') };
    });
}

export function integer(value: number | undefined, what: string): number {
  if (value === undefined || !Number.isInteger(value) || value < 0) {
    throw new InterchangeFormatError(`XLIFF file has an invalid ${what} in its Taiyaku data.`);
  }
  return value;
}

export function readSegment(element: XmlElement, level: Segment['level'], text: string): Segment {
  const start = integer(Number(element.attributes.start), `${level} start`);
  const end = integer(Number(element.attributes.end), `${level} end`);
  const pieces = parsePieces(element.attributes.pieces);
  const clause = element.attributes.clause;
  return {
    start,
    end,
    text: element.attributes.text ?? segmentDisplayText(text, pieces ?? [{ start, end }]),
    level,
    ...(element.attributes.label !== undefined ? { label: element.attributes.label } : {}),
    ...(pieces ? { pieces } : {}),
    ...(clause !== undefined ? { clauseIndex: integer(Number(clause), 'clause index') } : {}),
  };
}

export function indexList(value: string | undefined): number[] {
  if (value === undefined || value.trim() === '') return [];
  return value
    .trim()
    .split(/\s+/)
    .map((index) => integer(Number(index), 'bead index'));
}

/** An issue being assembled from an ITS record, its marks and Taiyaku's record. */
export interface IssueDraft {
  id: string;
  unitId: string;
  itsType?: string;
  comment: string;
  severityScore?: string;
  enabled: boolean;
  spans: Partial<Record<Side, { start: number; end: number }>>;
  taiyaku?: XmlElement;
}

export function widen(draft: IssueDraft, side: Side, start: number, end: number): void {
  const span = draft.spans[side];
  draft.spans[side] = span
    ? { start: Math.min(span.start, start), end: Math.max(span.end, end) }
    : { start, end };
}

export function draftFromIts(id: string, unitId: string, element: XmlElement): IssueDraft {
  const attribute = (name: string): string | undefined => attributeByLocalName(element, name);
  const itsType = attribute('locQualityIssueType');
  return {
    id,
    unitId,
    ...(itsType !== undefined ? { itsType } : {}),
    comment: attribute('locQualityIssueComment') ?? '',
    ...(attribute('locQualityIssueSeverity') !== undefined
      ? { severityScore: attribute('locQualityIssueSeverity') }
      : {}),
    enabled: attribute('locQualityIssueEnabled') !== 'no',
    spans: {},
  };
}

export function parseOrigin(value: string | undefined): AnnotationOrigin | undefined {
  if (value === 'reviewer') return { kind: 'reviewer' };
  if (value?.startsWith('check:') && value.length > 6)
    return { kind: 'check', checkId: value.slice(6) };
  return undefined;
}

export function oneOf<T extends string>(
  values: readonly T[],
  value: string | undefined,
): T | undefined {
  return values.find((candidate) => candidate === value);
}

export const emptyElement: XmlElement = {
  kind: 'element',
  name: 'source',
  attributes: {},
  children: [],
};

export function finishIssue(draft: IssueDraft, texts: SideTexts): XliffIssue {
  const record = draft.taiyaku;
  const attributes = record?.attributes ?? {};
  const spans: Partial<Record<Side, XliffIssueSpan>> = {};
  if (record) {
    for (const selector of childElements(record, 'selector')) {
      const side: Side = selector.attributes.side === 'target' ? 'target' : 'source';
      const start = integer(Number(selector.attributes.start), 'selector start');
      const end = integer(Number(selector.attributes.end), 'selector end');
      spans[side] = {
        start,
        end,
        exact: texts[side].slice(start, end),
        ...(selector.attributes.prefix !== undefined ? { prefix: selector.attributes.prefix } : {}),
        ...(selector.attributes.suffix !== undefined ? { suffix: selector.attributes.suffix } : {}),
      };
    }
  } else {
    for (const side of ['source', 'target'] as const) {
      const span = draft.spans[side];
      if (span) spans[side] = { ...span, exact: texts[side].slice(span.start, span.end) };
    }
  }
  const category =
    attributes.category !== undefined && isMqmCategoryId(attributes.category)
      ? attributes.category
      : mqmCategoryOfItsType(draft.itsType);
  const subtype = attributes.subtype;
  const origin = parseOrigin(attributes.origin);
  return {
    id: draft.id,
    unitId: draft.unitId,
    ...(draft.itsType !== undefined ? { itsType: draft.itsType } : {}),
    category,
    ...(subtype !== undefined && isSubtypeOf(category, subtype) ? { subtype } : {}),
    severity: oneOf(SEVERITIES, attributes.severity) ?? severityOfItsScore(draft.severityScore),
    status: oneOf(ANNOTATION_STATUSES, attributes.status) ?? (draft.enabled ? 'open' : 'rejected'),
    comment: draft.comment,
    ...(attributes.suggestion !== undefined ? { suggestion: attributes.suggestion } : {}),
    ...(attributes.author !== undefined ? { author: attributes.author } : {}),
    ...(origin ? { origin } : {}),
    ...(attributes.createdAt !== undefined ? { createdAt: attributes.createdAt } : {}),
    ...(attributes.updatedAt !== undefined ? { updatedAt: attributes.updatedAt } : {}),
    ...spans,
  };
}
