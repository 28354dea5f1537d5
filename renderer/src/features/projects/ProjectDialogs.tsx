import { ExportDialog } from '../export/ExportDialog';
import { NewProjectModal } from './NewProjectModal';
import { OpenProjectModal } from './OpenProjectModal';
import type { NewProjectValues } from './projectForms';
import type { ProjectDialog } from './ProjectMenu';
import { SaveAsModal } from './SaveAsModal';

/** The project dialogs; `dialog` says which one is open, `newProject` fills the new-project form (dropped files). */
export function ProjectDialogs({
  dialog,
  newProject,
  onClose,
}: {
  dialog: ProjectDialog | null;
  newProject: NewProjectValues | null;
  onClose: () => void;
}) {
  return (
    <>
      <NewProjectModal opened={dialog === 'new'} onClose={onClose} prefill={newProject} />
      <ExportDialog opened={dialog === 'export'} onClose={onClose} />
      <OpenProjectModal opened={dialog === 'open'} onClose={onClose} />
      <SaveAsModal opened={dialog === 'saveAs'} onClose={onClose} />
    </>
  );
}
