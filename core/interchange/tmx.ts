import type { ReportModel } from '../report/reportModel';
import { allReportRows } from '../report/reportModel';
import type { XmlElement } from './xml';
import {
  childElements,
  escapeXmlText,
  InterchangeFormatError,
  localName,
  parseXmlSafely,
  xmlAttributes,
} from './xml';

/**
 * TMX 1.4b: the aligned sentence pairs of a project as a translation memory, and reading pairs back from any TMX
 * (1.1–1.4). Segment texts are the rows' display texts (line breaks folded, as the workspace shows them).
 */

/** Which rows go into the memory. With no filter, every row with text on both sides. */
export interface TmxFilter {
  /** Keep a row only if it is confirmed or the aligner's confidence is at least this (in [0, 1]). */
  readonly minConfidence?: number;
  /** Keep only rows a reviewer confirmed. */
  readonly confirmedOnly?: boolean;
}

/** `YYYYMMDDThhmmssZ` (TMX's date form, UTC) of an ISO 8601 timestamp. */
export function tmxDate(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a timestamp: ${isoTimestamp}`);
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/**
 * The project's aligned pairs as a TMX 1.4 document (valid against the TMX 1.4 DTD): header with `creationtool`
 * Taiyaku and its version, `datatype` plaintext, `segtype` sentence, `srclang` and `adminlang` from the model (BCP 47),
 * `creationdate` from `generatedAt`; one `<tu tuid="s0001">` per row with text on both sides (omissions and
 * additions are skipped), in document order, passing `filter`. Each unit carries its clause number, confidence and
 * confirmation as `x-` props. No DOCTYPE is written (nothing for a reader to fetch).
 */
export function renderTmx(model: ReportModel, filter: TmxFilter = {}): string {
  return [...renderTmxPieces(model, filter)].join('');
}

/**
 * `renderTmx`'s document in pieces, for a caller that wants to pause between them: the head, then one piece per row of
 * `allReportRows(model)` (empty for a row left out), then the tail. Joined, they are `renderTmx`'s text.
 */
export function* renderTmxPieces(model: ReportModel, filter: TmxFilter = {}): Generator<string> {
  const creationdate = tmxDate(model.generatedAt);
  yield lines([
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header${xmlAttributes({
      creationtool: 'Taiyaku',
      creationtoolversion: model.appVersion,
      datatype: 'plaintext',
      segtype: 'sentence',
      adminlang: 'en',
      srclang: model.sourceLang,
      'o-tmf': 'Taiyaku',
      creationdate,
    })}>`,
    `    <prop type="x-project">${escapeXmlText(model.projectName)}</prop>`,
    '  </header>',
    '  <body>',
  ]);
  for (const row of allReportRows(model)) {
    const kept =
      row.source.text !== '' &&
      row.target.text !== '' &&
      !(filter.confirmedOnly && !row.confirmed) &&
      !(
        filter.minConfidence !== undefined &&
        !row.confirmed &&
        !(row.confidence >= filter.minConfidence)
      );
    yield kept
      ? lines([
          `    <tu${xmlAttributes({ tuid: row.segmentId, creationdate })}>`,
          `      <prop type="x-clause">${row.clauseNumber}</prop>`,
          `      <prop type="x-confidence">${row.confidence}</prop>`,
          ...(row.confirmed ? ['      <prop type="x-confirmed">yes</prop>'] : []),
          `      <tuv${xmlAttributes({ 'xml:lang': model.sourceLang })}><seg>${escapeXmlText(row.source.text)}</seg></tuv>`,
          `      <tuv${xmlAttributes({ 'xml:lang': model.targetLang })}><seg>${escapeXmlText(row.target.text)}</seg></tuv>`,
          '    </tu>',
        ])
      : '';
  }
  yield lines(['  </body>', '</tmx>']);
}

/** `texts` as lines, each ending in a line feed. */
function lines(texts: readonly string[]): string {
  return texts.map((text) => `${text}\n`).join('');
}

/** One translation unit read from a TMX. */
export interface TmxPair {
  /** The unit's `tuid`, if it has one. */
  readonly id?: string;
  readonly source: string;
  readonly target: string;
  /** The language tags as written on the two variants. */
  readonly sourceLang: string;
  readonly targetLang: string;
}

/** Which languages `readTmx` pairs. */
export interface TmxReadOptions {
  /** Source language (BCP 47); default the header's `srclang`, or English when that is `*all*` or missing. */
  readonly sourceLang?: string;
  /** Target language; default the first variant in another language than the source. */
  readonly targetLang?: string;
}

function primarySubtag(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

// Inline elements whose content is native code, not text.
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'ph', 'it', 'ut', 'sub']);

function segText(element: XmlElement): string {
  return element.children
    .map((child) => {
      if (child.kind === 'text') return child.text;
      return CODE_ELEMENTS.has(localName(child.name)) ? '' : segText(child);
    })
    .join('');
}

/**
 * The translation units of a TMX (1.1–1.4) as source/target pairs. Variants are matched to the languages by primary
 * subtag, case-insensitively (`EN-us` is English); a unit without both languages is skipped. Safe on hostile input: an
 * internal DTD subset or entity declaration is refused, a `<!DOCTYPE tmx SYSTEM "tmx14.dtd">` is skipped and never
 * fetched. Throws `InterchangeFormatError` for a document that is not well-formed or not TMX.
 */
export function readTmx(xmlText: string, options: TmxReadOptions = {}): TmxPair[] {
  const root = parseXmlSafely(xmlText, { format: 'TMX', allowExternalDoctype: true });
  if (localName(root.name) !== 'tmx') {
    throw new InterchangeFormatError(
      `Not a TMX file: the root element is <${root.name}>, not <tmx>.`,
    );
  }
  const header = childElements(root, 'header')[0];
  const body = childElements(root, 'body')[0];
  if (!body) throw new InterchangeFormatError('TMX file has no <body>.');
  const headerLang = header?.attributes.srclang;
  const sourcePrimary = primarySubtag(
    options.sourceLang ?? (headerLang && headerLang !== '*all*' ? headerLang : 'en'),
  );
  const targetPrimary = options.targetLang ? primarySubtag(options.targetLang) : undefined;
  const pairs: TmxPair[] = [];
  for (const unit of childElements(body, 'tu')) {
    const variants = childElements(unit, 'tuv').map((variant) => ({
      lang: variant.attributes['xml:lang'] ?? variant.attributes.lang ?? '',
      text: segText(childElements(variant, 'seg')[0] ?? variant),
    }));
    const source = variants.find((variant) => primarySubtag(variant.lang) === sourcePrimary);
    const target = variants.find((variant) =>
      targetPrimary !== undefined
        ? primarySubtag(variant.lang) === targetPrimary
        : primarySubtag(variant.lang) !== sourcePrimary,
    );
    if (!source || !target) continue;
    pairs.push({
      ...(unit.attributes.tuid !== undefined ? { id: unit.attributes.tuid } : {}),
      source: source.text,
      target: target.text,
      sourceLang: source.lang,
      targetLang: target.lang,
    });
  }
  return pairs;
}
