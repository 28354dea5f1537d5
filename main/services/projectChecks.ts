import type { DocumentAlignment } from '../../core/alignment/types';
import type { DocumentFinding } from '../../core/checks/checkDocument';
import type { Glossary } from '../../core/checks/glossary';
import { resolveCheckSettings, type CheckSettingsOverrides } from '../../core/checks/settings';
import type { ChecksResult } from '../../core/ipc/contract';
import type { AlignmentEngine } from './alignment/alignmentEngine';
import type { OpenProject } from './openProjects';

/** What the checks read of an open project: its present alignment, its check settings and its revision. */
export type CheckedProject = Pick<OpenProject, 'history' | 'meta' | 'revision'>;

/**
 * The automatic checks of open projects, run by the alignment engine (a worker thread in the app and the loopback host,
 * with the aligner's kuromoji). One run per alignment, check settings and glossary, shared by every request for them, and one run
 * at a time per project: a request that comes while one runs waits for it, then runs on the project as it is by then,
 * so a burst of edits queues one run for the latest alignment, not one per edit.
 */
export interface ProjectChecks {
  /**
   * The findings on `project` as it is when they are answered: when the alignment or the check settings change during
   * a run, the checks run again on the new state (a few times at most, then the last run's findings are answered for
   * the revision they were computed at).
   */
  findings(project: CheckedProject): Promise<ChecksResult>;
}

/** How often `findings` runs again when the project keeps changing under it. */
const MAX_RUNS_PER_REQUEST = 3;

interface CheckRun {
  readonly settings: CheckSettingsOverrides | undefined;
  readonly glossary: Glossary | undefined;
  readonly findings: Promise<DocumentFinding[]>;
}

/** Check runs over `engine`, remembered per alignment object (sessions are immutable: same object, same texts). */
export function createProjectChecks(engine: AlignmentEngine): ProjectChecks {
  const runs = new WeakMap<DocumentAlignment, CheckRun>();
  const running = new WeakMap<CheckedProject, Promise<unknown>>();

  const runFor = (
    project: CheckedProject,
    alignment: DocumentAlignment,
    settings: CheckSettingsOverrides | undefined,
    glossary: Glossary | undefined,
  ): Promise<DocumentFinding[]> => {
    const known = runs.get(alignment);
    if (known && known.settings === settings && known.glossary === glossary) return known.findings;
    const findings = engine.check(alignment, resolveCheckSettings(settings), glossary);
    runs.set(alignment, { settings, glossary, findings });
    running.set(project, findings);
    findings
      .catch(() => {
        // A failed run is not remembered: the next request tries again.
        if (runs.get(alignment)?.findings === findings) runs.delete(alignment);
      })
      .finally(() => {
        if (running.get(project) === findings) running.delete(project);
      });
    return findings;
  };

  return {
    async findings(project) {
      for (let run = 1; ; run += 1) {
        const busy = running.get(project);
        if (busy) await busy.catch(() => {});
        const alignment = project.history.present.alignment;
        const settings = project.meta.settings.checks;
        const glossary = project.meta.settings.glossary;
        const revision = project.revision;
        const findings = await runFor(project, alignment, settings, glossary);
        const unchanged =
          project.history.present.alignment === alignment &&
          project.meta.settings.checks === settings &&
          project.meta.settings.glossary === glossary;
        if (unchanged) return { revision: project.revision, findings };
        if (run >= MAX_RUNS_PER_REQUEST) return { revision, findings };
      }
    },
  };
}
