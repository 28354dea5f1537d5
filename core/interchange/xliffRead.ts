import type { Segment, Side } from '../alignment/types';
import type { XmlElement } from './xml';
import {
  attributeByLocalName,
  childElements,
  descendantElements,
  InterchangeFormatError,
  localName,
  parseXmlSafely,
} from './xml';

import type { TaiyakuDocumentData, XliffDocument, XliffSegment, XliffUnit } from './xliffDocument';
import {
  draftFromIts,
  emptyElement,
  finishIssue,
  indexList,
  integer,
  readInline,
  readSegment,
  SideTexts,
  widen,
} from './xliffMarks';
import type { IssueDraft, Mark } from './xliffMarks';
export type {
  TaiyakuDocumentData,
  XliffDocument,
  XliffIssue,
  XliffIssueSpan,
  XliffSegment,
  XliffUnit,
} from './xliffDocument';
export { sessionFromXliff } from './xliffSession';
export type { XliffImportOptions } from './xliffSession';

/** XLIFF 1.x namespaces: `urn:oasis:names:tc:xliff:document:1.2` (1.0 and 1.1 had their own versions of it). */
const XLIFF_1_NAMESPACE_STEM = 'urn:oasis:names:tc:xliff:document:1.';
const XLIFF_2_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';

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
