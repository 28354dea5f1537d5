import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExportJobs } from '../services/exportJobs';
import { createHandlers } from '../services/handlers';
import { createWorkspaceService } from '../services/workspace';
import { attachmentDisposition, startLoopbackHost, type LoopbackHost } from './server';

describe('loopback host downloads', () => {
  const exportJobs = createExportJobs();
  let host: LoopbackHost;
  let base: string;

  beforeAll(async () => {
    const workspace = createWorkspaceService({
      userDataDirectory: mkdtempSync(join(tmpdir(), 'taiyaku-download-')),
      appVersion: '0.0.0-test',
    });
    host = await startLoopbackHost({
      rendererDirectory: mkdtempSync(join(tmpdir(), 'taiyaku-renderer-')),
      handlers: createHandlers({ host: 'loopback', workspace, exportJobs }),
      downloads: exportJobs,
      token: 'secret',
    });
    base = `http://127.0.0.1:${host.port}`;
  });
  afterAll(() => host.close());

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked by the assertions
  type Answer = any;
  const post = (channel: string, body: unknown): Promise<Response> =>
    fetch(`${base}/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer secret' },
      body: JSON.stringify(body),
    });

  it('exports the sample for download and serves it once, with the token only', async () => {
    const opened: Answer = await (await post('project:open', {})).json();
    const answer: Answer = await (
      await post('project:export', {
        path: opened.value.path,
        format: 'csv',
        jobId: 'job-1',
        destination: { kind: 'download' },
      })
    ).json();
    expect(answer.ok, JSON.stringify(answer)).toBe(true);
    expect(answer.value.downloadUrl).toBe('/api/download/job-1');
    const progress: Answer = await (
      await post('project:export-progress', { jobId: 'job-1' })
    ).json();
    expect(progress.value).toMatchObject({ phase: 'done', finished: true });

    expect((await fetch(`${base}/api/download/job-1`)).status).toBe(401);
    expect(
      (
        await fetch(`${base}/api/download/job-1`, {
          headers: { Authorization: 'Bearer secret', Origin: 'http://evil.example' },
        })
      ).status,
    ).toBe(403);
    const response = await fetch(`${base}/api/download/job-1`, {
      headers: { Authorization: 'Bearer secret' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.byteLength).toBe(answer.value.byteLength);
    const again = await fetch(`${base}/api/download/job-1`, {
      headers: { Authorization: 'Bearer secret' },
    });
    expect(again.status).toBe(404);
    expect(await (await post('project:export-cancel', { jobId: 'job-1' })).json()).toMatchObject({
      value: { cancelled: false },
    });
  }, 60_000);

  it('names a Japanese file with an RFC 5987 filename*', () => {
    expect(attachmentDisposition('報告 (1).csv')).toBe(
      `attachment; filename="__ (1).csv"; filename*=UTF-8''%E5%A0%B1%E5%91%8A%20%281%29.csv`,
    );
  });
});
