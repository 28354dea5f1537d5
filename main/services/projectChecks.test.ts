import { describe, expect, it } from 'vitest';
import type { DocumentAlignment } from '../../core/alignment/types';
import type { DocumentFinding } from '../../core/checks/checkDocument';
import { createExampleProject } from '../../core/project/exampleProject.testkit';
import { createHistory } from '../../core/review/history';
import type { AlignmentEngine } from './alignment/alignmentEngine';
import { createProjectChecks, type CheckedProject } from './projectChecks';

/** An engine whose check runs finish when the test says so, counting them. */
function gatedEngine() {
  const started: { alignment: DocumentAlignment; finish: () => void }[] = [];
  const engine = {
    check: (alignment: DocumentAlignment) =>
      new Promise<DocumentFinding[]>((resolve) => {
        started.push({ alignment, finish: () => resolve([]) });
      }),
  } as unknown as AlignmentEngine;
  return { engine, started };
}

function openProject(): CheckedProject & { revision: number } {
  const project = createExampleProject();
  return {
    history: createHistory({
      alignment: project.alignment,
      annotations: [],
      dismissals: [],
    }),
    meta: project,
    revision: 0,
  };
}

/** The same project after an alignment edit: a new alignment object and revision. */
function edit(project: CheckedProject & { revision: number }): void {
  const alignment = { ...project.history.present.alignment };
  project.history = createHistory({ ...project.history.present, alignment });
  project.revision += 1;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the checks of an open project', () => {
  it('share one run for the same alignment, and queue one run for the latest after a burst of edits', async () => {
    const { engine, started } = gatedEngine();
    const checks = createProjectChecks(engine);
    const project = openProject();
    const first = checks.findings(project);
    const again = checks.findings(project);
    await settle();
    expect(started).toHaveLength(1);

    // Three edits while the first run is out: their requests wait, then share one run on the last alignment.
    const later = [1, 2, 3].map(() => {
      edit(project);
      return checks.findings(project);
    });
    started[0]!.finish();
    await settle();
    expect(started).toHaveLength(2);
    expect(started[1]!.alignment).toBe(project.history.present.alignment);
    started[1]!.finish();
    const answers = await Promise.all([first, again, ...later]);
    expect(answers.map((answer) => answer.revision)).toEqual([3, 3, 3, 3, 3]);
    expect(started).toHaveLength(2);
  });

  it('runs again after a failure instead of remembering it', async () => {
    let calls = 0;
    const engine = {
      check: async () => {
        calls += 1;
        if (calls === 1) throw new Error('the aligner stopped');
        return [];
      },
    } as unknown as AlignmentEngine;
    const checks = createProjectChecks(engine);
    const project = openProject();
    await expect(checks.findings(project)).rejects.toThrow('the aligner stopped');
    await expect(checks.findings(project)).resolves.toEqual({ revision: 0, findings: [] });
    expect(calls).toBe(2);
  });
});
