/** How many request ids each project remembers (the oldest is forgotten first). */
export const REQUESTS_REMEMBERED_PER_PROJECT = 512;
/** How many projects' request ids are remembered (the least recently used project is forgotten first). */
export const PROJECTS_REMEMBERED = 64;

/**
 * Remembers recent mutating requests by the id the client gave them, per project, with their answers: a retry (same
 * id) is not applied again, it gets the original answer, even while the original is still being applied. Bounded:
 * `REQUESTS_REMEMBERED_PER_PROJECT` ids per project, `PROJECTS_REMEMBERED` projects.
 */
export interface RequestLedger {
  /**
   * Runs `work` once per (`project`, `requestId`) and answers with its outcome; a later call with the same pair
   * answers with that same outcome (value or error) without running anything. Without a request id, just runs `work`.
   */
  once<T>(project: string, requestId: string | undefined, work: () => Promise<T>): Promise<T>;
  /** Whether `requestId` is remembered for `project`. */
  has(project: string, requestId: string): boolean;
}

/** A new, empty ledger. */
export function createRequestLedger(
  perProject = REQUESTS_REMEMBERED_PER_PROJECT,
  projects = PROJECTS_REMEMBERED,
): RequestLedger {
  // Maps keep insertion order: the first key is the oldest.
  const byProject = new Map<string, Map<string, Promise<unknown>>>();

  function requestsOf(project: string): Map<string, Promise<unknown>> {
    let requests = byProject.get(project);
    if (requests) {
      byProject.delete(project);
    } else {
      requests = new Map();
      if (byProject.size >= projects) byProject.delete(byProject.keys().next().value!);
    }
    byProject.set(project, requests);
    return requests;
  }

  return {
    once<T>(project: string, requestId: string | undefined, work: () => Promise<T>): Promise<T> {
      if (requestId === undefined) return work();
      const requests = requestsOf(project);
      const known = requests.get(requestId);
      if (known) return known as Promise<T>;
      // Started at once and remembered before anything is awaited, so a retry racing the original waits for it.
      let outcome: Promise<T>;
      try {
        outcome = work();
      } catch (error) {
        outcome = Promise.reject(error);
      }
      // The remembered copy must not count as an unhandled rejection; callers still see the error.
      outcome.catch(() => {});
      requests.set(requestId, outcome);
      if (requests.size > perProject) requests.delete(requests.keys().next().value!);
      return outcome;
    },
    has: (project, requestId) => byProject.get(project)?.has(requestId) ?? false,
  };
}
