import type {
  Bead,
  DocumentAlignment,
  DocumentSide,
  Segment,
  SentenceBead,
  Side,
  TextSpan,
} from '../alignment/types';
import type { Annotation, AnnotationOrigin, AnnotationSelector } from '../review/annotation';
import { createSelector } from '../review/annotation';
import { isMqmCategoryId, SEVERITIES } from '../review/mqm';
import type { Severity } from '../review/mqm';
import { ANNOTATION_STATUSES, isSubtypeOf } from '../project/annotation';
import type { MqmSubtype } from '../project/annotation';
import type { ReviewSession } from '../review/session';
import { checkSession } from '../review/session';
import { segmentDisplayText } from '../review/splitSentence';
import { mqmCategoryOfItsType, severityOfItsScore } from './itsQuality';
import type { XmlElement } from './xml';
import {
  attributeByLocalName,
  childElements,
  descendantElements,
  InterchangeFormatError,
  localName,
  parseXmlSafely,
} from './xml';

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
interface TaiyakuDocumentData {
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

/** XLIFF 1.x namespaces: `urn:oasis:names:tc:xliff:document:1.2` (1.0 and 1.1 had their own versions of it). */
const XLIFF_1_NAMESPACE_STEM = 'urn:oasis:names:tc:xliff:document:1.';
const XLIFF_2_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';

/** A marked span found in a source or target, before grouping into issues. */
interface Mark {
  readonly side: Side;
  /** The `its:locQualityIssuesRef` target id (without `#its=` or `#`), if any. */
  readonly ref?: string;
  /** The element itself, for local ITS attributes. */
  readonly element: XmlElement;
  readonly start: number;
  end: number;
}

// Inline elements whose content is original code, not text (XLIFF 1.2).
const NATIVE_CODE_ELEMENTS = new Set(['ph', 'bpt', 'ept', 'it', 'sub']);

/**
 * The text of a `<source>` or `<target>` with the marks (`mrk`, `sm`/`em`) inside it, offsets from `base`. `cp`
 * elements give their character; codes give nothing.
 */
function readInline(element: XmlElement, side: Side, base: number, marks: Mark[]): string {
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

function refOf(element: XmlElement): { ref?: string } {
  const ref = attributeByLocalName(element, 'locQualityIssuesRef');
  if (ref === undefined) return {};
  return { ref: ref.startsWith('#its=') ? ref.slice(5) : ref.replace(/^#/, '') };
}

/** Parses `a-b c-d` pieces. */
function parsePieces(value: string | undefined): TextSpan[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value
    .trim()
    .split(/\s+/)
    .map((piece) => {
      const [start, end] = piece.split('-').map(Number);
      return { start: integer(start, 'piece start'), end: integer(end, 'piece end') };
    });
}

function integer(value: number | undefined, what: string): number {
  if (value === undefined || !Number.isInteger(value) || value < 0) {
    throw new InterchangeFormatError(`XLIFF file has an invalid ${what} in its Taiyaku data.`);
  }
  return value;
}

function readSegment(element: XmlElement, level: Segment['level'], text: string): Segment {
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

function indexList(value: string | undefined): number[] {
  if (value === undefined || value.trim() === '') return [];
  return value
    .trim()
    .split(/\s+/)
    .map((index) => integer(Number(index), 'bead index'));
}

/** An issue being assembled from an ITS record, its marks and Taiyaku's record. */
interface IssueDraft {
  id: string;
  unitId: string;
  itsType?: string;
  comment: string;
  severityScore?: string;
  enabled: boolean;
  spans: Partial<Record<Side, { start: number; end: number }>>;
  taiyaku?: XmlElement;
}

function widen(draft: IssueDraft, side: Side, start: number, end: number): void {
  const span = draft.spans[side];
  draft.spans[side] = span
    ? { start: Math.min(span.start, start), end: Math.max(span.end, end) }
    : { start, end };
}

function draftFromIts(id: string, unitId: string, element: XmlElement): IssueDraft {
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

function parseOrigin(value: string | undefined): AnnotationOrigin | undefined {
  if (value === 'reviewer') return { kind: 'reviewer' };
  if (value?.startsWith('check:') && value.length > 6)
    return { kind: 'check', checkId: value.slice(6) };
  return undefined;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.find((candidate) => candidate === value);
}

/**
 * Reads an XLIFF 1.2, 2.0 or 2.1 document. Safe on hostile input: a DOCTYPE or entity declaration is refused, only the
 * five XML entities and character references are decoded, nothing is fetched. Throws `InterchangeFormatError` with a
 * readable message for a document that is not well-formed (e.g. truncated), not XLIFF, or of another version.
 */
export function readXliff(xmlText: string): XliffDocument {
  const root = parseXmlSafely(xmlText, { format: 'XLIFF' });
  if (localName(root.name) !== 'xliff') {
    throw new InterchangeFormatError(
      `Not an XLIFF file: the root element is <${root.name}>, not <xliff>.`,
    );
  }
  const version = root.attributes.version ?? '';
  const namespace = root.attributes.xmlns;
  if (/^2\.\d$/.test(version) && (namespace === undefined || namespace === XLIFF_2_NAMESPACE)) {
    return readXliff2(root, version);
  }
  if (
    /^1\.[012]$/.test(version) &&
    (namespace === undefined || namespace.startsWith(XLIFF_1_NAMESPACE_STEM))
  ) {
    return readXliff1(root, version);
  }
  throw new InterchangeFormatError(
    `Unsupported XLIFF version "${version}"${namespace ? ` (namespace ${namespace})` : ''}: Taiyaku reads 1.2, 2.0 and 2.1.`,
  );
}

/** Builder of the two document texts, unit by unit. */
class SideTexts {
  source = '';
  target = '';
}

function readXliff2(root: XmlElement, version: string): XliffDocument {
  const sourceLang = root.attributes.srcLang ?? '';
  const targetLang = root.attributes.trgLang ?? '';
  const files = childElements(root, 'file');
  if (files.length === 0) throw new InterchangeFormatError('XLIFF file has no <file> element.');
  const documentData = files.flatMap((file) =>
    childElements(file).filter((child) => child.name === 'tky:document'),
  )[0];
  const isTaiyaku = documentData !== undefined;
  const texts = new SideTexts();
  const units: XliffUnit[] = [];
  const drafts: IssueDraft[] = [];
  const draftsByAnnotationId = new Map<string, IssueDraft>();
  // Drafts already listed (an issue spanning rows is met once per row).
  const collected = new Set<IssueDraft>();
  // Each unit's `tky:sentences` elements (null when it has none), by unit index.
  const pendingSentences: (XmlElement[] | null)[] = [];

  const readUnit = (unit: XmlElement): void => {
    if (unit.attributes['tky:placeholder'] === 'yes') {
      for (const segment of childElements(unit, 'segment')) {
        texts.source += readInline(
          childElements(segment, 'source')[0] ?? emptyElement,
          'source',
          0,
          [],
        );
        texts.target += readInline(
          childElements(segment, 'target')[0] ?? emptyElement,
          'target',
          0,
          [],
        );
      }
      return;
    }
    if (!isTaiyaku && units.length > 0) {
      texts.source += '\n';
      texts.target += '\n';
    }
    const unitId = unit.attributes.id ?? `u${units.length + 1}`;
    const sourceStart = texts.source.length;
    const targetStart = texts.target.length;
    const marks: Mark[] = [];
    const segments: XliffSegment[] = [];
    let unitSource = '';
    let unitTarget = '';
    for (const child of childElements(unit)) {
      const name = child.name;
      if (name !== 'segment' && name !== 'ignorable') continue;
      const segmentSourceStart = texts.source.length;
      const segmentTargetStart = texts.target.length;
      const sourceElement = childElements(child, 'source')[0] ?? emptyElement;
      const targetElement = childElements(child, 'target')[0] ?? emptyElement;
      const source = readInline(sourceElement, 'source', segmentSourceStart, marks);
      const target = readInline(targetElement, 'target', segmentTargetStart, marks);
      texts.source += source;
      texts.target += target;
      unitSource += source;
      unitTarget += target;
      if (name === 'segment') {
        segments.push({
          source,
          target,
          sourceStart: segmentSourceStart,
          targetStart: segmentTargetStart,
          ...(child.attributes.state !== undefined ? { state: child.attributes.state } : {}),
        });
      }
    }
    // Sentences are read once the side texts are complete: slicing a text that is still growing would copy it
    // (flatten the string) once per unit.
    const sentenceElements = childElements(unit).filter((child) => child.name === 'tky:sentences');
    pendingSentences.push(sentenceElements.length > 0 ? sentenceElements : null);
    const clause = unit.attributes['tky:clause'];
    const confidence = unit.attributes['tky:confidence'];
    units.push({
      id: unitId,
      source: unitSource,
      target: unitTarget,
      sourceStart,
      targetStart,
      segments,
      ...(clause !== undefined ? { clause: integer(Number(clause), 'clause number') } : {}),
      ...(confidence !== undefined && Number.isFinite(Number(confidence))
        ? { confidence: Number(confidence) }
        : {}),
      confirmed:
        unit.attributes['tky:confirmed'] === 'yes' ||
        (!isTaiyaku &&
          segments.some((segment) => segment.state === 'reviewed' || segment.state === 'final')),
    });

    // ITS issues of the unit: standoff records referenced by marks, and marks with local ITS attributes.
    const groups = new Map<string, IssueDraft[]>();
    for (const group of descendantElements(unit, 'locQualityIssues')) {
      const groupId = group.attributes['xml:id'] ?? '';
      const list = childElements(group, 'locQualityIssue').map((issue, index, all) =>
        draftFromIts(
          all.length > 1 ? `${unitId}-${groupId}-${index + 1}` : `${unitId}-${groupId}`,
          unitId,
          issue,
        ),
      );
      groups.set(groupId, list);
    }
    const taiyakuIssues = childElements(unit).filter((child) => child.name === 'tky:issue');
    for (const record of taiyakuIssues) {
      const group = groups.get(record.attributes.ref ?? '');
      const annotationId = record.attributes.id;
      if (!group || group.length !== 1 || annotationId === undefined) continue;
      const known = draftsByAnnotationId.get(annotationId);
      if (known) {
        // A later row of an issue already met: its marks widen the same issue.
        groups.set(record.attributes.ref!, [known]);
      } else {
        group[0]!.id = annotationId;
        draftsByAnnotationId.set(annotationId, group[0]!);
      }
      if (record.attributes.continued !== 'yes')
        draftsByAnnotationId.get(annotationId)!.taiyaku = record;
    }
    for (const list of groups.values()) {
      for (const draft of list) {
        if (collected.has(draft)) continue;
        collected.add(draft);
        drafts.push(draft);
      }
    }
    let localNumber = 0;
    for (const mark of marks) {
      if (mark.ref !== undefined) {
        for (const draft of groups.get(mark.ref) ?? [])
          widen(draft, mark.side, mark.start, mark.end);
      } else if (
        attributeByLocalName(mark.element, 'locQualityIssueType') !== undefined ||
        attributeByLocalName(mark.element, 'locQualityIssueComment') !== undefined
      ) {
        localNumber += 1;
        const draft = draftFromIts(`${unitId}-local${localNumber}`, unitId, mark.element);
        widen(draft, mark.side, mark.start, mark.end);
        drafts.push(draft);
      }
    }
  };

  for (const file of files) {
    for (const unit of descendantElements(file, 'unit')) readUnit(unit);
  }

  let taiyaku: TaiyakuDocumentData | undefined;
  if (documentData) {
    const clauses: Record<Side, Segment[]> = { source: [], target: [] };
    for (const element of childElements(documentData).filter(
      (child) => child.name === 'tky:clauses',
    )) {
      const side = element.attributes.side === 'target' ? 'target' : 'source';
      for (const clause of childElements(element, 'clause')) {
        clauses[side].push(
          readSegment(clause, 'clause', side === 'source' ? texts.source : texts.target),
        );
      }
    }
    const clauseBeads = childElements(documentData)
      .filter((child) => child.name === 'tky:clauseBeads')
      .flatMap((list) => childElements(list, 'clauseBead'))
      .map((bead) => ({
        sourceIndices: indexList(bead.attributes.source),
        targetIndices: indexList(bead.attributes.target),
        confidence: Number(bead.attributes.confidence ?? 1),
        ...(bead.attributes.pinned === 'yes' ? { pinned: true } : {}),
      }));
    taiyaku = { clauses, clauseBeads };
  }

  const unitsWithSentences = units.map((unit, index): XliffUnit => {
    const elements = pendingSentences[index];
    if (!elements) return unit;
    const sentences: Record<Side, Segment[]> = { source: [], target: [] };
    for (const element of elements) {
      const side = element.attributes.side === 'target' ? 'target' : 'source';
      for (const sentence of childElements(element, 'sentence')) {
        sentences[side].push(readSegment(sentence, 'sentence', texts[side]));
      }
    }
    return { ...unit, sentences };
  });
  return {
    version,
    sourceLang,
    targetLang,
    sourceText: texts.source,
    targetText: texts.target,
    units: unitsWithSentences,
    issues: drafts.map((draft) => finishIssue(draft, texts)),
    ...(taiyaku ? { taiyaku } : {}),
  };
}

const emptyElement: XmlElement = { kind: 'element', name: 'source', attributes: {}, children: [] };

function finishIssue(draft: IssueDraft, texts: SideTexts): XliffIssue {
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

function readXliff1(root: XmlElement, version: string): XliffDocument {
  const files = childElements(root, 'file');
  if (files.length === 0) throw new InterchangeFormatError('XLIFF file has no <file> element.');
  const sourceLang = files[0]!.attributes['source-language'] ?? '';
  const targetLang = files[0]!.attributes['target-language'] ?? '';
  const groupsById = new Map<string, XmlElement>();
  for (const group of descendantElements(root, 'locQualityIssues')) {
    groupsById.set(group.attributes['xml:id'] ?? '', group);
  }
  const texts = new SideTexts();
  const units: XliffUnit[] = [];
  const drafts: IssueDraft[] = [];
  for (const file of files) {
    for (const unit of descendantElements(file, 'trans-unit')) {
      if (units.length > 0) {
        texts.source += '\n';
        texts.target += '\n';
      }
      const unitId = unit.attributes.id ?? `u${units.length + 1}`;
      const sourceStart = texts.source.length;
      const targetStart = texts.target.length;
      const marks: Mark[] = [];
      const targetElement = childElements(unit, 'target')[0];
      const source = readInline(
        childElements(unit, 'source')[0] ?? emptyElement,
        'source',
        sourceStart,
        marks,
      );
      const target = readInline(targetElement ?? emptyElement, 'target', targetStart, marks);
      texts.source += source;
      texts.target += target;
      const state = targetElement?.attributes.state;
      units.push({
        id: unitId,
        source,
        target,
        sourceStart,
        targetStart,
        segments: [
          { source, target, sourceStart, targetStart, ...(state !== undefined ? { state } : {}) },
        ],
        confirmed:
          unit.attributes.approved === 'yes' || state === 'final' || state === 'signed-off',
      });
      const byGroup = new Map<string, IssueDraft[]>();
      let localNumber = 0;
      for (const mark of marks) {
        if (mark.ref !== undefined) {
          let list = byGroup.get(mark.ref);
          if (!list) {
            const group = groupsById.get(mark.ref);
            list = group
              ? childElements(group, 'locQualityIssue').map((issue, index, all) =>
                  draftFromIts(
                    all.length > 1 ? `${unitId}-${mark.ref}-${index + 1}` : `${unitId}-${mark.ref}`,
                    unitId,
                    issue,
                  ),
                )
              : [];
            byGroup.set(mark.ref, list);
            drafts.push(...list);
          }
          for (const draft of list) widen(draft, mark.side, mark.start, mark.end);
        } else if (
          attributeByLocalName(mark.element, 'locQualityIssueType') !== undefined ||
          attributeByLocalName(mark.element, 'locQualityIssueComment') !== undefined
        ) {
          localNumber += 1;
          const draft = draftFromIts(`${unitId}-local${localNumber}`, unitId, mark.element);
          widen(draft, mark.side, mark.start, mark.end);
          drafts.push(draft);
        }
      }
    }
  }
  return {
    version,
    sourceLang,
    targetLang,
    sourceText: texts.source,
    targetText: texts.target,
    units,
    issues: drafts.map((draft) => finishIssue(draft, texts)),
  };
}

/** What `sessionFromXliff` needs besides the document. */
export interface XliffImportOptions {
  /** Author of issues the file names none for. */
  readonly author: string;
  /** ISO 8601 timestamp for issues the file gives no times for (the core never reads the clock). */
  readonly importedAt: string;
}

function documentSide(
  lang: string,
  text: string,
  clauses: readonly Segment[],
  sentences: readonly Segment[],
): DocumentSide {
  return { lang, text, clauses, sentences };
}

/** The trimmed span of `[start, end)` in `text`, or null when it is blank. */
function trimmedSpan(text: string, start: number, end: number): TextSpan | null {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from += 1;
  while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
  return from < to ? { start: from, end: to } : null;
}

/**
 * The alignment of a file Taiyaku did not write: each unit is a clause pair, each segment a sentence bead (1-1, or 1-0
 * / 0-1 when one side is blank), sentences being the segments' trimmed texts.
 */
function derivedAlignment(document: XliffDocument): DocumentAlignment {
  const clauses: Record<Side, Segment[]> = { source: [], target: [] };
  const sentences: Record<Side, Segment[]> = { source: [], target: [] };
  const clauseBeads: Bead[] = [];
  const sentenceBeads: SentenceBead[] = [];
  const texts: Record<Side, string> = { source: document.sourceText, target: document.targetText };
  for (const unit of document.units) {
    const unitSentences: Record<Side, number[]> = { source: [], target: [] };
    const beads: { source: number[]; target: number[] }[] = [];
    const clauseIndex: Record<Side, number> = {
      source: clauses.source.length,
      target: clauses.target.length,
    };
    for (const segment of unit.segments) {
      const bead = { source: [] as number[], target: [] as number[] };
      for (const side of ['source', 'target'] as const) {
        const start = side === 'source' ? segment.sourceStart : segment.targetStart;
        const span = trimmedSpan(texts[side], start, start + segment[side].length);
        if (!span) continue;
        bead[side].push(sentences[side].length);
        unitSentences[side].push(sentences[side].length);
        sentences[side].push({
          ...span,
          text: segmentDisplayText(texts[side], [span]),
          level: 'sentence',
          clauseIndex: clauseIndex[side],
        });
      }
      if (bead.source.length + bead.target.length > 0) beads.push(bead);
    }
    if (beads.length === 0) continue;
    const clauseBead: { source: number[]; target: number[] } = { source: [], target: [] };
    for (const side of ['source', 'target'] as const) {
      const indices = unitSentences[side];
      if (indices.length === 0) continue;
      const start = sentences[side][indices[0]!]!.start;
      const end = sentences[side][indices[indices.length - 1]!]!.end;
      clauseBead[side].push(clauses[side].length);
      clauses[side].push({
        start,
        end,
        text: segmentDisplayText(texts[side], [{ start, end }]),
        level: 'clause',
      });
    }
    clauseBeads.push({
      sourceIndices: clauseBead.source,
      targetIndices: clauseBead.target,
      confidence: unit.confirmed ? 1 : (unit.confidence ?? 1),
      ...(unit.confirmed ? { pinned: true } : {}),
    });
    for (const bead of beads) {
      sentenceBeads.push({
        sourceIndices: bead.source,
        targetIndices: bead.target,
        confidence: unit.confirmed ? 1 : (unit.confidence ?? 1),
        ...(unit.confirmed ? { pinned: true } : {}),
        clauseBead: clauseBeads.length - 1,
      });
    }
  }
  return {
    source: documentSide(
      document.sourceLang,
      document.sourceText,
      clauses.source,
      sentences.source,
    ),
    target: documentSide(
      document.targetLang,
      document.targetText,
      clauses.target,
      sentences.target,
    ),
    clauseBeads,
    sentenceBeads,
  };
}

/** The alignment Taiyaku exported: its clauses and clause beads, and each unit's sentences as one sentence bead. */
function restoredAlignment(document: XliffDocument, data: TaiyakuDocumentData): DocumentAlignment {
  const sentences: Record<Side, Segment[]> = { source: [], target: [] };
  const sentenceBeads: SentenceBead[] = document.units.map((unit) => {
    const indices: Record<Side, number[]> = { source: [], target: [] };
    for (const side of ['source', 'target'] as const) {
      for (const sentence of unit.sentences?.[side] ?? []) {
        indices[side].push(sentences[side].length);
        sentences[side].push(sentence);
      }
    }
    return {
      sourceIndices: indices.source,
      targetIndices: indices.target,
      confidence: unit.confidence ?? 1,
      ...(unit.confirmed ? { pinned: true } : {}),
      clauseBead: (unit.clause ?? 1) - 1,
    };
  });
  return {
    source: documentSide(
      document.sourceLang,
      document.sourceText,
      data.clauses.source,
      sentences.source,
    ),
    target: documentSide(
      document.targetLang,
      document.targetText,
      data.clauses.target,
      sentences.target,
    ),
    clauseBeads: data.clauseBeads,
    sentenceBeads,
  };
}

function selectorOf(side: Side, text: string, span: XliffIssueSpan): AnnotationSelector {
  const selector = createSelector(side, text, span.start, span.end);
  return {
    ...selector,
    ...(span.prefix !== undefined ? { prefix: span.prefix } : {}),
    ...(span.suffix !== undefined ? { suffix: span.suffix } : {}),
  };
}

/**
 * A review session from a read XLIFF document: the exact alignment and annotations when Taiyaku wrote the file, else
 * one clause pair per unit and one row per segment, with the ITS issues as annotations (mapped to MQM; an issue with no
 * marked span is anchored to its unit's target text, or source when the target is blank; one on a blank unit is
 * dropped). Throws `InterchangeFormatError` when the result would break the session invariants (e.g. damaged
 * Taiyaku data), listing the first problems.
 */
export function sessionFromXliff(
  document: XliffDocument,
  options: XliffImportOptions,
): ReviewSession {
  const alignment = document.taiyaku
    ? restoredAlignment(document, document.taiyaku)
    : derivedAlignment(document);
  const texts: Record<Side, string> = { source: document.sourceText, target: document.targetText };
  const unitsById = new Map(document.units.map((unit) => [unit.id, unit]));
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  for (const issue of document.issues) {
    const selectors: AnnotationSelector[] = [];
    for (const side of ['source', 'target'] as const) {
      const span = issue[side];
      if (span) selectors.push(selectorOf(side, texts[side], span));
    }
    if (selectors.length === 0) {
      const unit = unitsById.get(issue.unitId);
      const fallback =
        unit &&
        (['target', 'source'] as const)
          .map((side) => {
            const start = side === 'source' ? unit.sourceStart : unit.targetStart;
            const span = trimmedSpan(texts[side], start, start + unit[side].length);
            return span && selectorOf(side, texts[side], { ...span, exact: '' });
          })
          .find((selector) => selector !== null);
      if (!fallback) continue;
      selectors.push(fallback);
    }
    let id = issue.id;
    for (let suffix = 2; ids.has(id); suffix += 1) id = `${issue.id}-${suffix}`;
    ids.add(id);
    annotations.push({
      id,
      selectors,
      category: issue.category,
      ...(issue.subtype !== undefined && isSubtypeOf(issue.category, issue.subtype)
        ? { subtype: issue.subtype as MqmSubtype }
        : {}),
      severity: issue.severity,
      comment: issue.comment,
      ...(issue.suggestion !== undefined ? { suggestion: issue.suggestion } : {}),
      status: issue.status,
      author: issue.author ?? options.author,
      createdAt: issue.createdAt ?? options.importedAt,
      updatedAt: issue.updatedAt ?? issue.createdAt ?? options.importedAt,
      origin: issue.origin ?? { kind: 'reviewer' },
    });
  }
  const session: ReviewSession = { alignment, annotations };
  const problems = checkSession(session);
  if (problems.length > 0) {
    throw new InterchangeFormatError(
      `XLIFF file does not make a valid project: ${problems.slice(0, 3).join('; ')}`,
    );
  }
  return session;
}
