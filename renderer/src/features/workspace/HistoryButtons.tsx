import { Button, Tooltip } from '@mantine/core';
import { canRedo, canUndo } from '../../../../core/review/history';
import { redoLabel, undoLabel } from '../../state/commandLabels';
import { RedoIcon, UndoIcon } from '../../components/icons';
import { useReview } from '../../state/ReviewStoreContext';
import { hasRows } from '../../state/selectors';
import { useMessages } from '../../useMessages';
import { shortcutHint } from './shortcuts';

/** Undo and redo, each naming the change it takes back or brings again (`Undo merge`). */
export function HistoryButtons({ isMac }: { isMac: boolean }) {
  const t = useMessages();
  const language = useReview((state) => state.ui.uiLanguage);
  const history = useReview((state) => state.history);
  // Steps made before a reload of the page live on in the Node side's history.
  const shared = useReview((state) => state.sharedSteps);
  const ready = useReview(hasRows);
  const undo = useReview((state) => state.undo);
  const redo = useReview((state) => state.redo);
  const undoText = history ? undoLabel(history, language, shared.undo) : t('undo');
  const redoText = history ? redoLabel(history, language, shared.redo) : t('redo');
  return (
    <>
      <Tooltip label={shortcutHint(undoText, 'undo', isMac)}>
        <Button
          variant="default"
          size="xs"
          leftSection={<UndoIcon size={14} />}
          disabled={!ready || !history || (!canUndo(history) && !shared.undo)}
          onClick={() => void undo()}
        >
          {undoText}
        </Button>
      </Tooltip>
      <Tooltip label={shortcutHint(redoText, 'redo', isMac)}>
        <Button
          variant="default"
          size="xs"
          leftSection={<RedoIcon size={14} />}
          disabled={!ready || !history || (!canRedo(history) && !shared.redo)}
          onClick={() => void redo()}
        >
          {redoText}
        </Button>
      </Tooltip>
    </>
  );
}
