import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplyResult, ProjectChangeEvent, WorkspaceSnapshot } from '../../core/ipc/contract';
import { ProjectChangeEventSchema } from '../../core/ipc/contract';
import {
  createExampleAnnotation,
  createExampleProject,
} from '../../core/project/exampleProject.testkit';
import { buildScorecard } from '../../core/review/scorecard';
import { createHandlers } from '../services/handlers';
import { ROW_CONFLICT_REASON } from '../services/sharedChanges';
import { createWorkspaceService } from '../services/workspace';
import { startLoopbackHost, type LoopbackHost } from './server';

// Several windows on one project, through a real loopback host in this process: every acknowledged change is there
// exactly once, each has its own revision, retries are applied once, and every change reaches the change stream.

const CLIENTS = 4;
const EDITS_PER_CLIENT = 50;

interface Answer {
  ok: boolean;
  value: ApplyResult;
}

/** Reads `GET /api/events` into `events` until aborted. */
function listen(base: string, token: string, events: ProjectChangeEvent[]) {
  const controller = new AbortController();
  const connected = (async () => {
    const response = await fetch(`${base}/api/events`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const pump = async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            if (block.startsWith('data: '))
              events.push(ProjectChangeEventSchema.parse(JSON.parse(block.slice(6))));
          }
        }
      } catch {
        // aborted
      }
    };
    return pump();
  })();
  return { stop: () => controller.abort(), connected };
}

describe('several windows on one project (loopback host)', () => {
  const userData = mkdtempSync(join(tmpdir(), 'taiyaku-shared-'));
  const rendererDirectory = mkdtempSync(join(tmpdir(), 'taiyaku-renderer-'));
  const workspace = createWorkspaceService({ userDataDirectory: userData, appVersion: '0.0.0' });
  const projectPath = join(userData, 'Shared.taiyaku');
  const example = createExampleProject({ name: 'Shared' });
  let host: LoopbackHost;
  let base: string;

  const call = async <T>(channel: string, body: unknown): Promise<{ ok: boolean; value: T }> => {
    const response = await fetch(`${base}/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { ok: boolean; value: T };
  };

  beforeAll(async () => {
    writeFileSync(join(rendererDirectory, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(projectPath, JSON.stringify(example));
    host = await startLoopbackHost({
      rendererDirectory,
      handlers: createHandlers({ host: 'loopback', workspace }),
      changes: workspace.changes,
      maxEventClients: 3,
    });
    base = `http://127.0.0.1:${host.port}`;
  });
  afterAll(async () => {
    await host.close();
    await workspace.closeAll();
    rmSync(userData, { recursive: true, force: true });
    rmSync(rendererDirectory, { recursive: true, force: true });
  });

  it('streams changes only to callers with the token and our origin, to a bounded number of them', async () => {
    const get = (headers: Record<string, string>) => fetch(`${base}/api/events`, { headers });
    expect((await get({})).status).toBe(401);
    expect(
      (await get({ Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' })).status,
    ).toBe(403);
    const post = await fetch(`${base}/api/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}` },
    });
    expect(post.status).toBe(405);
    const streams = [0, 1, 2].map(() => listen(base, host.token, []));
    await expect.poll(() => host.eventClients).toBe(3);
    expect((await get({ Authorization: `Bearer ${host.token}` })).status).toBe(503);
    for (const stream of streams) stream.stop();
    await expect.poll(() => host.eventClients).toBe(0);
  });

  it(`applies ${CLIENTS} clients × ${EDITS_PER_CLIENT} interleaved edits, retries included, each exactly once`, async () => {
    const opened = await call<WorkspaceSnapshot>('project:open', { path: projectPath });
    expect(opened.ok).toBe(true);
    const path = opened.value.path;
    const events: ProjectChangeEvent[] = [];
    const stream = listen(base, host.token, events);
    await expect.poll(() => host.eventClients).toBe(1);

    const acknowledged = new Map<string, number>(); // annotation id -> revision
    const acknowledgedByRequest = new Map<string, number>();
    let retries = 0;
    const client = async (clientIndex: number) => {
      const clientId = `client-${clientIndex}-0000`;
      // Batches of five requests in flight at once, so the clients' requests interleave on the host.
      for (let batch = 0; batch < EDITS_PER_CLIENT; batch += 5) {
        await Promise.all(
          [0, 1, 2, 3, 4].map(async (offset) => {
            const edit = batch + offset;
            const annotation = {
              ...createExampleAnnotation(example, edit, '2024-01-01T00:00:00.000Z'),
              id: `c${clientIndex}-e${edit}`,
            };
            const request = {
              path,
              command: { type: 'addAnnotation', annotation },
              requestId: `request-${clientIndex}-${edit}`,
              clientId,
            };
            const first = call<ApplyResult>('project:apply', request);
            // Every third edit is sent again with the same id while the first is in flight, as a client retrying
            // after a dropped connection would; every seventh once more after its answer.
            const again = edit % 3 === 0 ? call<ApplyResult>('project:apply', request) : undefined;
            const answer: Answer = await first;
            expect(answer.ok).toBe(true);
            expect(answer.value.applied).toBe(true);
            if (again) {
              retries += 1;
              expect((await again).value).toEqual(answer.value);
            }
            if (edit % 7 === 0) {
              retries += 1;
              expect((await call<ApplyResult>('project:apply', request)).value).toEqual(
                answer.value,
              );
            }
            acknowledged.set(annotation.id, answer.value.revision);
            acknowledgedByRequest.set(request.requestId, answer.value.revision);
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));

    const total = CLIENTS * EDITS_PER_CLIENT;
    expect(acknowledged.size).toBe(total);
    expect(retries).toBeGreaterThan(50);
    // Each applied change has its own revision: 1..total, none shared.
    const revisions = [...acknowledged.values()].sort((a, b) => a - b);
    expect(new Set(revisions).size).toBe(total);
    expect(revisions).toEqual(Array.from({ length: total }, (_, index) => index + 1));

    // The live state: every acknowledged annotation once; the scorecard counts each once.
    const live = await call<WorkspaceSnapshot>('project:open', { path });
    expect(live.value.revision).toBe(total);
    const ids = live.value.project.annotations.map((annotation) => annotation.id);
    expect(ids).toHaveLength(total);
    expect(new Set(ids)).toEqual(new Set(acknowledged.keys()));
    const scorecard = buildScorecard(
      { alignment: live.value.project.alignment, annotations: live.value.project.annotations },
      { threshold: 10 },
    );
    expect(scorecard.countedAnnotations).toBe(total);

    // On disk after a save: the same, once each.
    expect((await call('project:save', { path })).ok).toBe(true);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { annotations: { id: string }[] };
    expect(saved.annotations.map((annotation) => annotation.id).sort()).toEqual([...ids].sort());

    // The stream carried every change once, in strictly increasing revisions, each followed by its save status.
    await expect.poll(() => events.filter((event) => event.kind === 'command').length).toBe(total);
    const changes = events.filter((event) => event.kind === 'command');
    changes.forEach((event, index) => expect(event.revision).toBe(index + 1));
    for (const event of changes)
      expect(acknowledgedByRequest.get(event.requestId!)).toBe(event.revision);
    const statuses = events.filter((event) => event.kind === 'save-status');
    expect(statuses.at(-1)).toMatchObject({ revision: total, status: { pending: false } });
    stream.stop();
  });

  it('refuses a row command computed before another window changed the rows, and applies annotation commands', async () => {
    const { value: snapshot } = await call<WorkspaceSnapshot>('project:open', {
      path: projectPath,
    });
    const base = snapshot.revision;
    const merged = await call<ApplyResult>('project:apply', {
      path: snapshot.path,
      command: { type: 'mergeWithNext', beadIndex: 0 },
      requestId: 'conflict-merge',
      clientId: 'window-a-0000',
      baseRevision: base,
    });
    expect(merged.value).toMatchObject({ applied: true, revision: base + 1 });
    // Window B still shows two rows and confirms the second: refused, with the reason.
    const stale = await call<ApplyResult>('project:apply', {
      path: snapshot.path,
      command: { type: 'pin', beadIndices: [0] },
      requestId: 'conflict-pin',
      clientId: 'window-b-0000',
      baseRevision: base,
    });
    expect(stale.value).toMatchObject({ applied: false, reason: ROW_CONFLICT_REASON });
    // Window A's own next row command (the merged row is confirmed: unconfirm it), made after its merge, goes through.
    const own = await call<ApplyResult>('project:apply', {
      path: snapshot.path,
      command: { type: 'unpin', beadIndices: [0] },
      requestId: 'own-unpin-0000',
      clientId: 'window-a-0000',
      baseRevision: base,
    });
    expect(own.value).toMatchObject({ applied: true, revision: base + 2 });
    // An annotation command from window B does not address rows: applied.
    const flagged = await call<ApplyResult>('project:apply', {
      path: snapshot.path,
      command: { type: 'deleteAnnotation', id: 'c0-e0' },
      requestId: 'stale-delete',
      clientId: 'window-b-0000',
      baseRevision: base,
    });
    expect(flagged.value).toMatchObject({ applied: true, revision: base + 3 });
  });

  it('undoes once for an undo sent twice with the same id, and says so to both', async () => {
    const { value: snapshot } = await call<WorkspaceSnapshot>('project:open', {
      path: projectPath,
    });
    const count = snapshot.project.annotations.length;
    const request = { path: snapshot.path, requestId: 'undo-once-0000', clientId: 'window-a-0000' };
    const [first, retry] = await Promise.all([
      call<ApplyResult>('project:undo', request),
      call<ApplyResult>('project:undo', request),
    ]);
    expect(first.value).toMatchObject({ applied: true, revision: snapshot.revision + 1 });
    expect(retry.value).toEqual(first.value);
    const later = await call<ApplyResult>('project:undo', request);
    expect(later.value).toEqual(first.value);
    const { value: after } = await call<WorkspaceSnapshot>('project:open', { path: projectPath });
    expect(after.revision).toBe(snapshot.revision + 1);
    // The last change was deleting c0-e0: one undo brings that one annotation back.
    expect(after.project.annotations).toHaveLength(count + 1);
  });

  it('ends open change streams when the host closes', async () => {
    const events: ProjectChangeEvent[] = [];
    const stream = listen(base, host.token, events);
    await expect.poll(() => host.eventClients).toBe(1);
    await host.close();
    await stream.connected;
    expect(host.eventClients).toBe(0);
  });
});
