import type { ReviewCommand } from '../../../../core/review/commands';
import { beadOfSentence } from '../../../../core/review/anchoring';
import { nextRow, previousRow, stepIssue } from '../../../../core/review/filters';
import type { MessageKey, UiLanguage } from '../../i18n';
import type { ReviewStore } from '../../state/reviewStore';
import { hasRows, visibleRows } from '../../state/selectors';
import { splitAtCaret, type SentenceCaret } from '../alignment/caret';
import { MOVE_ACTIONS, movedSentences, rowActionEnabled } from '../alignment/rowActions';
import {
  acceptSuggestion,
  dismissSuggestion,
  targetSuggestion,
} from '../suggestions/suggestionCommands';
import type { ShortcutAction } from './shortcuts';

/** What actions need from the screen around them. */
export interface ActionContext {
  readonly store: ReviewStore;
  readonly t: (key: MessageKey) => string;
  /** The interface language (an accepted suggestion's comment is its message in it). */
  readonly language: UiLanguage;
  /** Opens the "split between sentences" popover of a row. */
  openSplitRow(beadIndex: number): void;
  focusSearch(): void;
  openHelp(): void;
  /** Opens the export dialog. */
  openExport(): void;
  /** The last caret the reviewer placed in the text, or null. */
  caret(): SentenceCaret | null;
}

/** Keeps the selection on an existing row after the rows changed. */
function clampSelection(store: ReviewStore, wanted: number): void {
  const count = store.getState().history?.present.alignment.sentenceBeads.length ?? 0;
  store.getState().selectBead(count === 0 ? null : Math.max(0, Math.min(wanted, count - 1)));
}

async function runOnRow(
  store: ReviewStore,
  command: ReviewCommand,
  selectAfter: number,
): Promise<void> {
  const before = store.getState().ui.selectedBead;
  const applied = await store.getState().run(command);
  if (!applied) return;
  // The answer can come after the reviewer has moved on (a fast ↓ then Enter): keep where they went, only in range.
  const now = store.getState().ui.selectedBead;
  clampSelection(store, now === before ? selectAfter : (now ?? selectAfter));
}

/**
 * Runs a workspace action on row `beadIndex` (the selected row by default): the key handler, the row menu and the
 * toolbar all come here, so a shortcut and its menu item always do the same thing.
 */
export function performAction(
  action: ShortcutAction,
  context: ActionContext,
  beadIndex: number | null = context.store.getState().ui.selectedBead,
): void {
  const { store, t } = context;
  const state = store.getState();
  const session = state.history?.present;
  const select = (index: number | null) => {
    if (index !== null) state.selectBead(index);
  };

  switch (action) {
    case 'nextRow':
      return select(nextRow(visibleRows(state), beadIndex));
    case 'previousRow':
      return select(previousRow(visibleRows(state), beadIndex));
    case 'firstRow':
      return select(visibleRows(state)[0] ?? null);
    case 'lastRow': {
      const rows = visibleRows(state);
      return select(rows[rows.length - 1] ?? null);
    }
    case 'nextFlagged':
    case 'previousFlagged': {
      if (!session) return;
      const found = stepIssue(
        session,
        { annotationId: state.ui.selectedAnnotationId, beadIndex },
        action === 'nextFlagged' ? 'next' : 'previous',
        { wrap: true },
      );
      if (found === null) state.notify('info', t('noFlaggedRows'));
      else {
        // A jump must land on a visible row: drop filters that hide it.
        if (!visibleRows(state).includes(found.beadIndex)) state.clearFilter();
        state.selectAnnotation(found.annotationId, found.beadIndex);
      }
      return;
    }
    case 'editIssue':
    case 'resolveIssue': {
      const annotation = session?.annotations.find(
        (candidate) => candidate.id === state.ui.selectedAnnotationId,
      );
      if (!annotation) {
        state.notify('info', t('noIssueSelected'));
        return;
      }
      if (action === 'editIssue') state.setEditingAnnotation(annotation.id);
      else
        void state.run({
          type: 'setAnnotationStatus',
          id: annotation.id,
          status: annotation.status === 'open' ? 'resolved' : 'open',
          updatedAt: new Date().toISOString(),
        });
      return;
    }
    case 'acceptSuggestion':
    case 'dismissSuggestion': {
      const suggestion = targetSuggestion(store, beadIndex);
      if (!suggestion) {
        state.notify('info', t('noSuggestionHere'));
        return;
      }
      if (action === 'acceptSuggestion')
        void acceptSuggestion(store, suggestion.finding, context.language, document.activeElement);
      else void dismissSuggestion(store, suggestion.finding, document.activeElement);
      return;
    }
    case 'focusSearch':
      return context.focusSearch();
    case 'help':
      return context.openHelp();
    case 'export':
      // Nothing to export before a project with rows is shown (the desktop menu can ask while it opens).
      if (!hasRows(state)) return;
      return context.openExport();
    case 'undo':
      void state.undo();
      return;
    case 'redo':
      void state.redo();
      return;
    case 'save':
      void state.save();
      return;
    case 'flag':
      if (!hasRows(state)) return;
      state.setFlagDialogOpen(true);
      return;
    default:
      break;
  }

  // Everything below edits a row.
  if (!session) return;
  if (action === 'splitSentence') {
    const caret = context.caret();
    if (!caret) {
      state.notify('info', t('caretNone'));
      return;
    }
    const split = splitAtCaret(session.alignment, caret);
    if (!split.ok) {
      state.notify('info', t(split.reason === 'edge' ? 'caretAtEdge' : 'caretNone'));
      return;
    }
    const row = beadOfSentence(session.alignment, caret.side, caret.sentenceIndex);
    void runOnRow(
      store,
      {
        type: 'splitSentence',
        side: caret.side,
        sentenceIndex: caret.sentenceIndex,
        offset: split.offset,
      },
      row ?? beadIndex ?? 0,
    );
    return;
  }
  if (beadIndex === null) {
    state.notify('info', t('noRowSelected'));
    return;
  }
  const bead = session.alignment.sentenceBeads[beadIndex];
  if (!bead) return;
  const count = session.alignment.sentenceBeads.length;
  if (action === 'splitRow') {
    if (!rowActionEnabled('splitRow', bead, beadIndex, count)) {
      state.notify('info', t('splitNeedsTwo'));
      return;
    }
    state.selectBead(beadIndex);
    context.openSplitRow(beadIndex);
    return;
  }
  switch (action) {
    case 'togglePin':
      void store.getState().run({ type: bead.pinned ? 'unpin' : 'pin', beadIndices: [beadIndex] });
      return;
    case 'mergeNext':
      void runOnRow(store, { type: 'mergeWithNext', beadIndex }, beadIndex);
      return;
    case 'mergePrevious':
      void runOnRow(store, { type: 'mergeWithPrevious', beadIndex }, beadIndex - 1);
      return;
    case 'detachTarget':
    case 'detachSource':
      void runOnRow(
        store,
        { type: 'detachSide', beadIndex, side: action === 'detachTarget' ? 'target' : 'source' },
        beadIndex,
      );
      return;
    default: {
      const move = MOVE_ACTIONS[action];
      if (!move) return;
      // A sentence clicked into in this row moves, with those between it and the neighbour; else the first or last.
      const { count, sentenceIndex } = movedSentences(
        bead,
        move.side,
        move.direction,
        context.caret(),
      );
      // The row keeps its place unless the move emptied it (then the rows after it moved up by one).
      const emptied =
        (move.side === 'source' ? bead.sourceIndices.length : bead.targetIndices.length) ===
          count &&
        (move.side === 'source' ? bead.targetIndices.length : bead.sourceIndices.length) === 0;
      const after = emptied && move.direction === 'previous' ? beadIndex - 1 : beadIndex;
      void runOnRow(
        store,
        sentenceIndex === null
          ? { type: 'moveSentence', beadIndex, ...move }
          : { type: 'moveSentenceAt', beadIndex, ...move, sentenceIndex },
        after,
      );
    }
  }
}

/** Splits a row between sentences (the popover's "Split"). */
export function splitRow(
  store: ReviewStore,
  beadIndex: number,
  sourceCount: number,
  targetCount: number,
): Promise<void> {
  return runOnRow(store, { type: 'splitBead', beadIndex, sourceCount, targetCount }, beadIndex);
}
