import { z } from 'zod';
import type { Side } from '../alignment/types';
import type { Annotation, AnnotationSelector } from '../review/annotation';
import { AnnotationSchema } from '../project/annotation';
import type { ReportIssue, ReportModel, ReportQuote } from './reportModel';

/**
 * The review's annotations as W3C Web Annotations (Web Annotation Data Model, JSON-LD): one `AnnotationCollection`
 * whose single `AnnotationPage` lists every issue in reading order, and the way back (`annotationsFromWebAnnotations`).
 *
 * Each annotation has:
 * - `id` `urn:taiyaku:annotation:<id>`, `created`/`modified` (ISO 8601), `creator` (a `Person`, or `Software` for an
 *   automatic check), motivation `assessing`;
 * - `body`: the comment as a `TextualBody` (purpose `commenting`), the MQM classification as a `TextualBody` (purpose
 *   `classifying`, value the category id) carrying `tky:categoryPath`, `tky:itsType`, `tky:subtype`,
 *   `tky:severity` and `tky:status`, and the suggestion as a `TextualBody` (purpose `editing`) in the target language;
 * - `target`: one `SpecificResource` per side, its `source` the side's document IRI, with the side's `language` and
 *   two selectors of the same span, a `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector`
 *   (start, end in UTF-16 code units into the side's original text, as everywhere in Taiyaku).
 *
 * Properties outside the W3C vocabulary use the `tky:` prefix declared in the `@context`.
 */

/** The namespace of Taiyaku's own properties. */
export const TAIYAKU_ANNOTATION_NAMESPACE = 'urn:taiyaku:review:1#';

const ANNOTATION_ID_PREFIX = 'urn:taiyaku:annotation:';

/** The IRIs of the collection and of the two documents the annotations target. */
export interface WebAnnotationOptions {
  /** Default `urn:taiyaku:text:source` and `urn:taiyaku:text:target`. */
  readonly documentIris?: Readonly<Record<Side, string>>;
  /** The collection's IRI (the model requires one); its page is `<iri>#page1`. Default `urn:taiyaku:annotations`. */
  readonly collectionIri?: string;
}

type Json = Record<string, unknown>;

function target(side: Side, quote: ReportQuote, iri: string, language: string): Json {
  return {
    type: 'SpecificResource',
    source: iri,
    language,
    'tky:side': side,
    selector: [
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      { type: 'TextPositionSelector', start: quote.start, end: quote.end },
    ],
  };
}

function annotationOf(issue: ReportIssue, model: ReportModel, iris: Record<Side, string>): Json {
  const body: Json[] = [];
  if (issue.comment !== '') {
    body.push({
      type: 'TextualBody',
      purpose: 'commenting',
      value: issue.comment,
      format: 'text/plain',
    });
  }
  body.push({
    type: 'TextualBody',
    purpose: 'classifying',
    value: issue.category,
    'tky:categoryPath': issue.categoryPath,
    'tky:itsType': issue.itsType,
    ...(issue.subtype !== undefined ? { 'tky:subtype': issue.subtype } : {}),
    'tky:severity': issue.severity,
    'tky:status': issue.status,
  });
  if (issue.suggestion !== undefined) {
    body.push({
      type: 'TextualBody',
      purpose: 'editing',
      value: issue.suggestion,
      format: 'text/plain',
      language: issue.target ? model.targetLang : model.sourceLang,
    });
  }
  const targets: Json[] = [];
  if (issue.source) targets.push(target('source', issue.source, iris.source, model.sourceLang));
  if (issue.target) targets.push(target('target', issue.target, iris.target, model.targetLang));
  return {
    id: `${ANNOTATION_ID_PREFIX}${encodeURIComponent(issue.id)}`,
    type: 'Annotation',
    motivation: 'assessing',
    created: issue.createdAt,
    modified: issue.updatedAt,
    creator:
      issue.origin.kind === 'check'
        ? { type: 'Software', name: issue.author, 'tky:checkId': issue.origin.checkId }
        : { type: 'Person', name: issue.author },
    body,
    target: targets,
    'tky:segmentIds': issue.segmentIds,
  };
}

/**
 * Every issue of the model as a W3C `AnnotationCollection` (a JSON-serialisable object; `JSON.stringify` it). The
 * collection's `label` is the project name and `total` the number of annotations.
 */
export function buildWebAnnotations(model: ReportModel, options: WebAnnotationOptions = {}): Json {
  const iris = options.documentIris ?? {
    source: 'urn:taiyaku:text:source',
    target: 'urn:taiyaku:text:target',
  };
  const collectionIri = options.collectionIri ?? 'urn:taiyaku:annotations';
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { tky: TAIYAKU_ANNOTATION_NAMESPACE }],
    id: collectionIri,
    type: 'AnnotationCollection',
    label: model.projectName,
    generated: model.generatedAt,
    generator: { type: 'Software', name: 'Taiyaku', 'tky:version': model.appVersion },
    total: model.issues.length,
    first: {
      id: `${collectionIri}#page1`,
      type: 'AnnotationPage',
      partOf: collectionIri,
      startIndex: 0,
      items: model.issues.map((issue) => annotationOf(issue, model, iris)),
    },
  };
}

const SelectorsSchema = z.array(z.object({ type: z.string() }).loose());
const TextualBodySchema = z
  .object({ type: z.literal('TextualBody'), purpose: z.string(), value: z.string() })
  .loose();
const WebAnnotationSchema = z
  .object({
    id: z.string().startsWith(ANNOTATION_ID_PREFIX),
    type: z.literal('Annotation'),
    created: z.string(),
    modified: z.string(),
    creator: z
      .object({ type: z.string(), name: z.string(), 'tky:checkId': z.string().optional() })
      .loose(),
    body: z.array(TextualBodySchema),
    target: z.array(
      z.object({ 'tky:side': z.enum(['source', 'target']), selector: SelectorsSchema }).loose(),
    ),
  })
  .loose();
const CollectionSchema = z
  .object({
    type: z.literal('AnnotationCollection'),
    first: z.object({ items: z.array(z.unknown()) }).loose(),
  })
  .loose();

function selectorFrom(side: Side, selectors: readonly Json[]): AnnotationSelector {
  const quote = selectors.find((selector) => selector.type === 'TextQuoteSelector') ?? {};
  const position = selectors.find((selector) => selector.type === 'TextPositionSelector') ?? {};
  return {
    side,
    exact: String(quote.exact ?? ''),
    prefix: String(quote.prefix ?? ''),
    suffix: String(quote.suffix ?? ''),
    start: Number(position.start),
    end: Number(position.end),
    unit: 'utf16',
  };
}

/**
 * The annotations of a collection written by `buildWebAnnotations` (or a plain array of its annotations), validated
 * with the project file's `AnnotationSchema`. Throws an Error naming the first invalid annotation.
 */
export function annotationsFromWebAnnotations(value: unknown): Annotation[] {
  const items = Array.isArray(value) ? value : CollectionSchema.parse(value).first.items;
  return items.map((item, index) => {
    const parsed = WebAnnotationSchema.safeParse(item);
    if (!parsed.success) {
      throw new Error(
        `Web annotation ${index + 1} is not one Taiyaku wrote: ${parsed.error.message}`,
      );
    }
    const annotation = parsed.data;
    const body = (purpose: string) => annotation.body.find((entry) => entry.purpose === purpose);
    const classification = body('classifying') ?? ({} as Json);
    const suggestion = body('editing')?.value;
    const checkId = annotation.creator['tky:checkId'];
    const candidate = {
      id: decodeURIComponent(annotation.id.slice(ANNOTATION_ID_PREFIX.length)),
      selectors: annotation.target.map((entry) =>
        selectorFrom(entry['tky:side'], entry.selector as Json[]),
      ),
      category: classification.value,
      ...(classification['tky:subtype'] !== undefined
        ? { subtype: classification['tky:subtype'] }
        : {}),
      severity: classification['tky:severity'],
      comment: body('commenting')?.value ?? '',
      ...(suggestion !== undefined ? { suggestion } : {}),
      status: classification['tky:status'],
      author: annotation.creator.name,
      createdAt: annotation.created,
      updatedAt: annotation.modified,
      origin: checkId !== undefined ? { kind: 'check', checkId } : { kind: 'reviewer' },
    };
    const result = AnnotationSchema.safeParse(candidate);
    if (!result.success) {
      throw new Error(
        `Web annotation ${index + 1} is not a valid Taiyaku annotation: ${result.error.message}`,
      );
    }
    return result.data;
  });
}
