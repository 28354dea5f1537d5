import { forwardRef } from 'react';
import { CloseButton, TextInput } from '@mantine/core';
import { nextRow, previousRow } from '../../../../core/review/filters';
import { SearchIcon } from '../../components/icons';
import { useReview, useReviewStore } from '../../state/ReviewStoreContext';
import { hasRows, visibleRows } from '../../state/selectors';
import { useMessages } from '../../useMessages';
import { shortcutHint } from './shortcuts';

/** Searches both texts as the reviewer types; Enter and Shift+Enter step through the matching rows. */
export const SearchBox = forwardRef<HTMLInputElement, { isMac: boolean; className?: string }>(
  function SearchBox({ isMac, className }, ref) {
    const t = useMessages();
    const store = useReviewStore();
    const text = useReview((state) => state.ui.filter.text ?? '');
    const setFilter = useReview((state) => state.setFilter);
    // Nothing to search until a project with rows is shown.
    const ready = useReview(hasRows);
    const jump = (backwards: boolean) => {
      const state = store.getState();
      const rows = visibleRows(state);
      const found = backwards
        ? previousRow(rows, state.ui.selectedBead, { wrap: true })
        : nextRow(rows, state.ui.selectedBead, { wrap: true });
      if (found !== null) state.selectBead(found);
    };
    return (
      <TextInput
        ref={ref}
        size="xs"
        className={className}
        type="search"
        disabled={!ready}
        aria-label={t('search')}
        placeholder={`${t('searchPlaceholder')}  /`}
        leftSection={<SearchIcon size={14} />}
        value={text}
        onChange={(event) => setFilter({ text: event.currentTarget.value || undefined })}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            jump(event.shiftKey);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            if (text) setFilter({ text: undefined });
            else document.querySelector<HTMLElement>('[data-aligned-scroller]')?.focus();
          }
        }}
        rightSection={
          text ? (
            <CloseButton
              size="xs"
              aria-label={t('clearSearch')}
              onClick={() => setFilter({ text: undefined })}
            />
          ) : null
        }
        title={shortcutHint(t('shortcutSearch'), 'focusSearch', isMac)}
      />
    );
  },
);
