import { NewProjectModal } from './NewProjectModal';
import { OpenProjectModal } from './OpenProjectModal';
import type { ProjectDialog } from './ProjectMenu';
import { SaveAsModal } from './SaveAsModal';

/** The project dialogs; `dialog` says which one is open. */
export function ProjectDialogs({
  dialog,
  onClose,
}: {
  dialog: ProjectDialog | null;
  onClose: () => void;
}) {
  return (
    <>
      <NewProjectModal opened={dialog === 'new'} onClose={onClose} />
      <OpenProjectModal opened={dialog === 'open'} onClose={onClose} />
      <SaveAsModal opened={dialog === 'saveAs'} onClose={onClose} />
    </>
  );
}
