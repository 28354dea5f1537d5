import { VisuallyHidden } from '@mantine/core';
import type { DiffPart } from '../../../../core/review/suggestionDiff';
import { useMessages } from '../../useMessages';
import classes from './annotations.module.css';

/**
 * A suggested correction as tracked changes: deleted text red and struck through, inserted text green and
 * underlined, each announced to screen readers ("deleted", "inserted") since colour and line style are visual only.
 */
export function SuggestionDiff({ parts, lang }: { parts: readonly DiffPart[]; lang: string }) {
  const t = useMessages();
  return (
    <span className={classes.diff} lang={lang} data-testid="suggestion-diff">
      {parts.map((part, index) => {
        if (part.removed)
          return (
            <span key={index}>
              <VisuallyHidden>{`[${t('deleted')}:`}</VisuallyHidden>
              <del className={classes.deleted}>{part.value}</del>
              <VisuallyHidden>]</VisuallyHidden>
            </span>
          );
        if (part.added)
          return (
            <span key={index}>
              <VisuallyHidden>{`[${t('inserted')}:`}</VisuallyHidden>
              <ins className={classes.inserted}>{part.value}</ins>
              <VisuallyHidden>]</VisuallyHidden>
            </span>
          );
        return <span key={index}>{part.value}</span>;
      })}
    </span>
  );
}
