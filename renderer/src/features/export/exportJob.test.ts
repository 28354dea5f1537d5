// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialExportValues } from './exportForm';
import {
  cancelExportJob,
  PROGRESS_POLL_MS,
  runExportJob,
  type ExportJobState,
  type ExportPorts,
} from './exportJob';

const order = {
  values: { ...initialExportValues('en'), format: 'csv' as const },
  projectPath: '/projects/Minutes.taiyaku',
  projectName: 'Minutes',
  filterName: 'CSV issues',
};

/** Ports whose `project:export` answers when the test says so. */
function fakePorts(desktop: boolean, savePath: string | null = '/out/Minutes.csv') {
  const calls: { channel: string; request: unknown }[] = [];
  let finish: (value: unknown) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const ports = {
    desktop,
    downloadFile: vi.fn(async () => {}),
    invoke: vi.fn(async (channel: string, request: unknown) => {
      calls.push({ channel, request });
      if (channel === 'dialog:save-path') return { path: savePath };
      if (channel === 'project:export-progress')
        return { phase: 'render', done: 1, total: 3, finished: false };
      if (channel === 'project:export-cancel') return { cancelled: true };
      return new Promise((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
    }),
  };
  return {
    ports: ports as unknown as ExportPorts & typeof ports,
    calls,
    finish: (value: unknown) => finish(value),
    fail: (error: Error) => fail(error),
  };
}

describe('an export job', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('in the browser exports to a download, shows progress meanwhile, then downloads the file', async () => {
    const { ports, calls, finish } = fakePorts(false);
    const states: ExportJobState[] = [];
    const running = runExportJob(ports, { id: 'job-1', cancelled: false }, order, (state) =>
      states.push(state),
    );
    await vi.advanceTimersByTimeAsync(PROGRESS_POLL_MS * 2 + 10);
    expect(calls.filter((call) => call.channel === 'project:export-progress')).toHaveLength(2);
    expect(states).toContainEqual({
      phase: 'running',
      progress: { phase: 'render', done: 1, total: 3, finished: false },
    });
    expect(calls.find((call) => call.channel === 'project:export')?.request).toMatchObject({
      format: 'csv',
      jobId: 'job-1',
      destination: { kind: 'download' },
    });
    finish({ fileName: 'Minutes.csv', byteLength: 10, downloadUrl: '/api/download/job-1' });
    await running;
    expect(ports.downloadFile).toHaveBeenCalledWith('/api/download/job-1', 'Minutes.csv');
    expect(states.at(-1)).toEqual({
      phase: 'done',
      outcome: { kind: 'download', fileName: 'Minutes.csv' },
    });
    // No polling after the end.
    const polls = calls.length;
    await vi.advanceTimersByTimeAsync(PROGRESS_POLL_MS * 4);
    expect(calls.length).toBe(polls);
  });

  it('in the desktop app asks for a path and writes there; a cancelled save dialog does nothing', async () => {
    const { ports, calls, finish } = fakePorts(true);
    const states: ExportJobState[] = [];
    const running = runExportJob(ports, { id: 'job-2', cancelled: false }, order, (state) =>
      states.push(state),
    );
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[0]).toEqual({
      channel: 'dialog:save-path',
      request: {
        defaultName: 'Minutes.csv',
        filters: [{ name: 'CSV issues', extensions: ['csv'] }],
      },
    });
    finish({ fileName: 'Minutes.csv', byteLength: 10, filePath: '/out/Minutes.csv' });
    await running;
    expect(calls.find((call) => call.channel === 'project:export')?.request).toMatchObject({
      destination: { kind: 'file', filePath: '/out/Minutes.csv' },
    });
    expect(states.at(-1)).toMatchObject({
      phase: 'done',
      outcome: { kind: 'file', filePath: '/out/Minutes.csv' },
    });

    const dismissed = fakePorts(true, null);
    const none: ExportJobState[] = [];
    await runExportJob(dismissed.ports, { id: 'job-3', cancelled: false }, order, (state) =>
      none.push(state),
    );
    expect(none).toEqual([]);
    expect(dismissed.calls.map((call) => call.channel)).toEqual(['dialog:save-path']);
  });

  it('reports a cancel as cancelled and a failure with the service message', async () => {
    const { ports, calls, fail } = fakePorts(false);
    const states: ExportJobState[] = [];
    const handle = { id: 'job-4', cancelled: false };
    const running = runExportJob(ports, handle, order, (state) => states.push(state));
    await vi.advanceTimersByTimeAsync(1);
    cancelExportJob(ports, handle);
    expect(calls.at(-1)).toEqual({ channel: 'project:export-cancel', request: { jobId: 'job-4' } });
    fail(new Error('The export was cancelled.'));
    await running;
    expect(states.at(-1)).toEqual({ phase: 'cancelled' });

    const broken = fakePorts(false);
    const failed: ExportJobState[] = [];
    const again = runExportJob(broken.ports, { id: 'job-5', cancelled: false }, order, (state) =>
      failed.push(state),
    );
    await vi.advanceTimersByTimeAsync(1);
    broken.fail(new Error('Minutes.taiyaku is not open.'));
    await again;
    expect(failed.at(-1)).toEqual({ phase: 'failed', message: 'Minutes.taiyaku is not open.' });
  });
});
