import type { DocumentAlignment } from '../../core/alignment/types';
import type { DocumentFinding } from '../../core/checks/checkDocument';
import { resolveCheckSettings, type CheckSettingsOverrides } from '../../core/checks/settings';
import type { ChecksResult } from '../../core/ipc/contract';
import type { AlignmentEngine } from './alignment/alignmentEngine';
import type { OpenProject } from './openProjects';

/**
 * The automatic checks of open projects, run by the alignment engine (a worker thread in the app and the loopback host,
 * with the aligner's kuromoji), one run per alignment and check settings: requests for an unchanged project share it.
 */
export interface ProjectChecks {
  /**
   * The findings on `open` as it is when they are answered: when the alignment or the check settings change during a
   * run, the checks run again on the new state (a few times at most, then the last run's findings are answered for the
   * revision they were computed at).
   */
  findings(open: OpenProject): Promise<ChecksResult>;
}

/** How often `findings` runs again when the project keeps changing under it. */
const MAX_RUNS_PER_REQUEST = 3;

interface CheckRun {
  readonly settings: CheckSettingsOverrides | undefined;
  readonly findings: Promise<DocumentFinding[]>;
}

/** Check runs over `engine`, remembered per alignment object (sessions are immutable: same object, same texts). */
export function createProjectChecks(engine: AlignmentEngine): ProjectChecks {
  const runs = new WeakMap<DocumentAlignment, CheckRun>();

  const runFor = (alignment: DocumentAlignment, settings: CheckSettingsOverrides | undefined) => {
    const known = runs.get(alignment);
    if (known && known.settings === settings) return known.findings;
    const findings = engine.check(alignment, resolveCheckSettings(settings));
    runs.set(alignment, { settings, findings });
    // A failed run is not remembered: the next request tries again.
    findings.catch(() => {
      if (runs.get(alignment)?.findings === findings) runs.delete(alignment);
    });
    return findings;
  };

  return {
    async findings(open) {
      for (let run = 1; ; run += 1) {
        const alignment = open.history.present.alignment;
        const settings = open.meta.settings.checks;
        const revision = open.revision;
        const findings = await runFor(alignment, settings);
        const unchanged =
          open.history.present.alignment === alignment && open.meta.settings.checks === settings;
        if (unchanged) return { revision: open.revision, findings };
        if (run >= MAX_RUNS_PER_REQUEST) return { revision, findings };
      }
    },
  };
}
