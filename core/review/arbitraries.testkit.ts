/**
 * Test support only (imported by `*.test.ts`, never by app code): fast-check generators of valid alignments and of
 * command "recipes" that are resolved against whatever session they meet, so random sequences stay mostly applicable.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { beadSideIndices } from '../alignment/beadFormat';
import type { DocumentAlignment, SentenceBead, Side } from '../alignment/types';
import type { Annotation, AnnotationSelector } from './annotation';
import { createSelector } from './annotation';
import { alignmentFromSentences } from './alignmentFromSentences';
import { pinnedBeadIndices } from './alignmentEdits';
import { MQM_CATEGORIES, SEVERITIES } from './mqm';
import type { ReviewCommand } from './commands';
import type { ReviewSession } from './session';
import { createSession } from './session';

/**
 * A stand-in for the aligner's realignment: a new alignment of the same texts and sentences that should keep the
 * pinned beads (0-based indices into `alignment.sentenceBeads`, ascending). Tests turn its result into a
 * `replaceAlignment` command.
 */
export type RealignFunction = (
  alignment: DocumentAlignment,
  pinnedSentenceBeadIndices: readonly number[],
) => DocumentAlignment;

interface ClauseBeadShape {
  readonly source: readonly number[];
  readonly target: readonly number[];
  readonly cuts: readonly (readonly [number, number])[];
}

const clauseBeadShape: Arbitrary<ClauseBeadShape> = fc
  .record({
    source: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
    target: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
    cuts: fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { maxLength: 5 }),
  })
  .filter((shape) => shape.source.length + shape.target.length > 0);

function sourceSentence(index: number): string {
  return `Sentence ${index} says a thing.`;
}

function targetSentence(index: number): string {
  // A surrogate pair (𠮷) so splitting inside a character gets exercised.
  return `文${index}は𠮷です。`;
}

/** Builds the alignment a list of clause-bead shapes describes. */
function alignmentOfShapes(shapes: readonly ClauseBeadShape[]): DocumentAlignment {
  let sourceCount = 0;
  let targetCount = 0;
  const sourceClauses: string[][] = [];
  const targetClauses: string[][] = [];
  const sentenceBeads: [number, number][] = [];
  for (const shape of shapes) {
    for (const count of shape.source) {
      sourceClauses.push(Array.from({ length: count }, () => sourceSentence(sourceCount++)));
    }
    for (const count of shape.target) {
      targetClauses.push(Array.from({ length: count }, () => targetSentence(targetCount++)));
    }
    let sourceLeft = shape.source.reduce((sum, count) => sum + count, 0);
    let targetLeft = shape.target.reduce((sum, count) => sum + count, 0);
    for (const [sourceCut, targetCut] of shape.cuts) {
      const sourceTake = Math.min(sourceCut, sourceLeft);
      const targetTake = Math.min(targetCut, targetLeft);
      if (sourceTake + targetTake === 0) continue;
      sentenceBeads.push([sourceTake, targetTake]);
      sourceLeft -= sourceTake;
      targetLeft -= targetTake;
    }
    if (sourceLeft + targetLeft > 0) sentenceBeads.push([sourceLeft, targetLeft]);
  }
  return alignmentFromSentences({
    source: { clauses: sourceClauses },
    target: { clauses: targetClauses },
    clauseBeads: shapes.map((shape) => [shape.source.length, shape.target.length]),
    sentenceBeads,
  });
}

/** Valid two-level alignments of 1–5 clause beads, some with 1-0 / 0-1 clause pairs and sentence beads. */
export const alignmentArbitrary: Arbitrary<DocumentAlignment> = fc
  .array(clauseBeadShape, { minLength: 1, maxLength: 5 })
  .map(alignmentOfShapes);

/** Deep-freezes a value so any mutation by the code under test throws (test modules run in strict mode). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Realigns by merging each run of unpinned beads inside a clause bead into one bead: simple but valid. */
export const mergeUnpinnedRuns: RealignFunction = (alignment, pinned) => {
  const pinnedSet = new Set(pinned);
  const beads: SentenceBead[] = [];
  alignment.sentenceBeads.forEach((bead, index) => {
    const previous = beads[beads.length - 1];
    const mergeable =
      previous !== undefined &&
      previous.pinned !== true &&
      !pinnedSet.has(index) &&
      previous.clauseBead === bead.clauseBead;
    if (mergeable) {
      beads[beads.length - 1] = {
        sourceIndices: [...previous.sourceIndices, ...bead.sourceIndices],
        targetIndices: [...previous.targetIndices, ...bead.targetIndices],
        confidence: 0.5,
        clauseBead: bead.clauseBead,
      };
    } else beads.push(bead);
  });
  return { ...alignment, sentenceBeads: beads };
};

/** A broken engine: drops the last bead, so coverage fails and the command must be refused. */
export const dropLastBead: RealignFunction = (alignment) => ({
  ...alignment,
  sentenceBeads: alignment.sentenceBeads.slice(0, -1),
});

/** A command whose numbers are picks, turned into real indices against the session it is applied to. */
export type CommandRecipe =
  | { readonly kind: 'merge'; readonly next: boolean; readonly pick: number }
  | {
      readonly kind: 'splitBead';
      readonly pick: number;
      readonly sourcePick: number;
      readonly targetPick: number;
    }
  | {
      readonly kind: 'splitSentence';
      readonly side: Side;
      readonly pick: number;
      readonly offsetPick: number;
    }
  | { readonly kind: 'move'; readonly side: Side; readonly next: boolean; readonly pick: number }
  | {
      readonly kind: 'moveAt';
      readonly side: Side;
      readonly next: boolean;
      readonly pick: number;
      readonly sentencePick: number;
    }
  | { readonly kind: 'detach'; readonly side: Side; readonly pick: number }
  | { readonly kind: 'pin'; readonly pin: boolean; readonly picks: readonly number[] }
  | { readonly kind: 'realign'; readonly engine: 'merge' | 'broken' }
  | {
      readonly kind: 'addAnnotation';
      readonly side: Side;
      readonly startPick: number;
      readonly lengthPick: number;
      readonly categoryPick: number;
      readonly severityPick: number;
    }
  | { readonly kind: 'updateAnnotation'; readonly pick: number; readonly comment: string }
  | { readonly kind: 'deleteAnnotation'; readonly pick: number }
  | {
      readonly kind: 'setStatus';
      readonly pick: number;
      readonly status: 'open' | 'resolved' | 'rejected';
    };

const side = fc.constantFrom<Side>('source', 'target');
const pick = fc.nat(1000);

/** Random command recipes covering every command type. */
export const commandRecipeArbitrary: Arbitrary<CommandRecipe> = fc.oneof(
  fc.record({ kind: fc.constant('merge' as const), next: fc.boolean(), pick }),
  fc.record({ kind: fc.constant('splitBead' as const), pick, sourcePick: pick, targetPick: pick }),
  fc.record({ kind: fc.constant('splitSentence' as const), side, pick, offsetPick: pick }),
  fc.record({ kind: fc.constant('move' as const), side, next: fc.boolean(), pick }),
  fc.record({
    kind: fc.constant('moveAt' as const),
    side,
    next: fc.boolean(),
    pick,
    sentencePick: pick,
  }),
  fc.record({ kind: fc.constant('detach' as const), side, pick }),
  fc.record({
    kind: fc.constant('pin' as const),
    pin: fc.boolean(),
    picks: fc.array(pick, { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('realign' as const),
    engine: fc.constantFrom('merge' as const, 'broken' as const),
  }),
  fc.record({
    kind: fc.constant('addAnnotation' as const),
    side,
    startPick: pick,
    lengthPick: fc.nat(12),
    categoryPick: pick,
    severityPick: pick,
  }),
  fc.record({ kind: fc.constant('updateAnnotation' as const), pick, comment: fc.string() }),
  fc.record({ kind: fc.constant('deleteAnnotation' as const), pick }),
  fc.record({
    kind: fc.constant('setStatus' as const),
    pick,
    status: fc.constantFrom('open' as const, 'resolved' as const, 'rejected' as const),
  }),
);

/** `pick` as an index into `count` items, one past the end allowed so out-of-range refusals get exercised too. */
function index(pickValue: number, count: number): number {
  return pickValue % (count + 1);
}

let annotationSerial = 0;

/** A minimal valid annotation with the given selector. */
export function makeAnnotation(
  id: string,
  selector: AnnotationSelector,
  overrides: Partial<Annotation> = {},
): Annotation {
  return {
    id,
    selectors: [selector],
    category: 'accuracy/mistranslation',
    severity: 'major',
    comment: '',
    status: 'open',
    author: 'Reviewer',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    origin: { kind: 'reviewer' },
    ...overrides,
  };
}

/** Turns a recipe into a concrete command for `session`. */
export function resolveRecipe(session: ReviewSession, recipe: CommandRecipe): ReviewCommand {
  const beads = session.alignment.sentenceBeads;
  const annotations = session.annotations;
  const annotationId = (pickValue: number): string =>
    annotations[pickValue % Math.max(1, annotations.length)]?.id ?? 'missing';
  switch (recipe.kind) {
    case 'merge':
      return {
        type: recipe.next ? 'mergeWithNext' : 'mergeWithPrevious',
        beadIndex: index(recipe.pick, beads.length),
      };
    case 'splitBead': {
      const beadIndex = index(recipe.pick, beads.length);
      const bead = beads[beadIndex];
      return {
        type: 'splitBead',
        beadIndex,
        sourceCount: recipe.sourcePick % ((bead?.sourceIndices.length ?? 0) + 2),
        targetCount: recipe.targetPick % ((bead?.targetIndices.length ?? 0) + 2),
      };
    }
    case 'splitSentence': {
      const sentences = session.alignment[recipe.side].sentences;
      const sentenceIndex = index(recipe.pick, sentences.length);
      const sentence = sentences[sentenceIndex];
      const offset =
        sentence === undefined
          ? recipe.offsetPick
          : sentence.start + (recipe.offsetPick % (sentence.end - sentence.start + 1));
      return { type: 'splitSentence', side: recipe.side, sentenceIndex, offset };
    }
    case 'move':
      return {
        type: 'moveSentence',
        beadIndex: index(recipe.pick, beads.length),
        side: recipe.side,
        direction: recipe.next ? 'next' : 'previous',
      };
    case 'moveAt': {
      const beadIndex = index(recipe.pick, beads.length);
      const indices = beads[beadIndex] ? beadSideIndices(beads[beadIndex], recipe.side) : [];
      // A sentence of the bead (the refusal of one outside it is a unit test: refusals here would crowd out edits).
      const sentenceIndex = indices[recipe.sentencePick % Math.max(1, indices.length)] ?? 0;
      return {
        type: 'moveSentenceAt',
        beadIndex,
        side: recipe.side,
        sentenceIndex,
        direction: recipe.next ? 'next' : 'previous',
      };
    }
    case 'detach':
      return { type: 'detachSide', beadIndex: index(recipe.pick, beads.length), side: recipe.side };
    case 'pin':
      return {
        type: recipe.pin ? 'pin' : 'unpin',
        beadIndices: recipe.picks.map((value) => value % Math.max(1, beads.length)),
      };
    case 'realign': {
      const engine = recipe.engine === 'merge' ? mergeUnpinnedRuns : dropLastBead;
      const alignment = session.alignment;
      return {
        type: 'replaceAlignment',
        alignment: engine(alignment, pinnedBeadIndices(alignment)),
      };
    }
    case 'addAnnotation': {
      const text = session.alignment[recipe.side].text;
      const start = recipe.startPick % (text.length + 1);
      const end = Math.min(text.length, start + recipe.lengthPick);
      annotationSerial += 1;
      return {
        type: 'addAnnotation',
        annotation: makeAnnotation(
          `annotation-${annotationSerial}`,
          createSelector(recipe.side, text, start, end),
          {
            category: MQM_CATEGORIES[recipe.categoryPick % MQM_CATEGORIES.length]!.id,
            severity: SEVERITIES[recipe.severityPick % SEVERITIES.length]!,
          },
        ),
      };
    }
    case 'updateAnnotation':
      return {
        type: 'updateAnnotation',
        id: annotationId(recipe.pick),
        changes: { comment: recipe.comment },
        updatedAt: '2025-02-01T00:00:00.000Z',
      };
    case 'deleteAnnotation':
      return { type: 'deleteAnnotation', id: annotationId(recipe.pick) };
    case 'setStatus':
      return {
        type: 'setAnnotationStatus',
        id: annotationId(recipe.pick),
        status: recipe.status,
        updatedAt: '2025-03-01T00:00:00.000Z',
      };
  }
}

/**
 * Two clause beads: clause 1 (2 source, 2 target sentences, rows 0-1), clause 2 (3 source, 2 target sentences,
 * rows 2-3).
 */
export function sample(): ReviewSession {
  return deepFreeze(
    createSession(
      alignmentFromSentences({
        source: {
          clauses: [
            ['One.', 'Two.'],
            ['Three is here.', 'Four.', 'Five.'],
          ],
        },
        target: {
          clauses: [
            ['一。', '二。'],
            ['三と四。', '五。'],
          ],
        },
        clauseBeads: [
          [1, 1],
          [1, 1],
        ],
        sentenceBeads: [
          [1, 1],
          [1, 1],
          [2, 1],
          [1, 1],
        ],
      }),
    ),
  );
}

/** Each bead as `clauseBead|source:target`, with `*` when pinned. */
export function beadShapes(alignment: DocumentAlignment): string[] {
  return alignment.sentenceBeads.map(
    (bead) =>
      `${bead.clauseBead}|${bead.sourceIndices.join(',')}:${bead.targetIndices.join(',')}` +
      (bead.pinned ? '*' : ''),
  );
}
