import { useCallback, useEffect, useRef, useState } from 'react';
import { downloadFile, invoke, transportName } from '../../ipc';
import {
  cancelExportJob,
  runExportJob,
  type ExportHandle,
  type ExportJobState,
  type ExportOrder,
  type ExportPorts,
} from './exportJob';

export type { ExportJobState, ExportOutcome } from './exportJob';

/** The export dialog's job: start one, follow its progress, cancel it. */
export interface ExportJob {
  readonly state: ExportJobState;
  /** Asks where to save (desktop app), exports, and downloads the file (loopback host). */
  start(order: ExportOrder): Promise<void>;
  cancel(): void;
  reset(): void;
}

const ports: ExportPorts = {
  invoke,
  downloadFile,
  get desktop() {
    return transportName() === 'electron';
  },
};

/** A job id `project:export` takes (letters, digits, dashes). */
function newJobId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/** One export at a time through `runExportJob`, its states kept for the dialog (see exportJob.ts). */
export function useExportJob(): ExportJob {
  const [state, setState] = useState<ExportJobState>({ phase: 'idle' });
  const job = useRef<ExportHandle | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const update = useCallback((next: ExportJobState) => {
    if (live.current) setState(next);
  }, []);

  const start = useCallback(
    async (order: ExportOrder) => {
      if (job.current) return;
      const handle: ExportHandle = { id: newJobId(), cancelled: false };
      job.current = handle;
      try {
        await runExportJob(ports, handle, order, update);
      } finally {
        job.current = null;
      }
    },
    [update],
  );
  const cancel = useCallback(() => {
    if (job.current) cancelExportJob(ports, job.current);
  }, []);
  const reset = useCallback(() => {
    if (!job.current) update({ phase: 'idle' });
  }, [update]);

  return { state, start, cancel, reset };
}
