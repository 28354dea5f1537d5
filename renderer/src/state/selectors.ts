import type { RowFilter } from '../../../core/review/filters';
import { filterRows } from '../../../core/review/filters';
import type { ReviewSession } from '../../../core/review/session';
import type { ReviewState } from './reviewStore';

/**
 * True when a project with rows is shown: until then (opening, aligning) the commands that act on rows, flags or the
 * project (realign, flag, export, save, undo) cannot act and are disabled.
 */
export function hasRows(state: Pick<ReviewState, 'status' | 'history'>): boolean {
  return (
    state.status === 'ready' && (state.history?.present.alignment.sentenceBeads.length ?? 0) > 0
  );
}

/** True when the filter narrows the rows at all (an empty search does not). */
export function isFiltering(filter: RowFilter): boolean {
  return Object.entries(filter).some(([key, value]) => {
    if (value === undefined || value === false) return false;
    if (Array.isArray(value)) return value.length > 0;
    if (key === 'text') return typeof value === 'string' && value.trim() !== '';
    return true;
  });
}

const cache = new WeakMap<ReviewSession, { filter: RowFilter; rows: readonly number[] }>();
const EMPTY: readonly number[] = [];

/**
 * The rows the view shows, as ascending 0-based sentence bead indices: every row when nothing filters. Cached per
 * session and filter, so selectors calling it on every store change stay cheap with 10,000 rows.
 */
export function visibleRows(state: Pick<ReviewState, 'history' | 'ui'>): readonly number[] {
  const session = state.history?.present;
  if (!session) return EMPTY;
  const filter = state.ui.filter;
  const cached = cache.get(session);
  if (cached && cached.filter === filter) return cached.rows;
  const rows = isFiltering(filter)
    ? filterRows(session, filter)
    : session.alignment.sentenceBeads.map((_, index) => index);
  cache.set(session, { filter, rows });
  return rows;
}
