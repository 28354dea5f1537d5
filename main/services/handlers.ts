import type { Handlers } from './dispatch';
import { appVersion } from './appInfo';
import { checkCancelled } from './export/exportPacer';
import { createExportJobs, type ExportJobs } from './exportJobs';
import { exportProject, writeExport } from './exportService';
import { ServiceError } from './serviceError';
import type { WorkspaceService } from './workspace';

/** What a front door gives the services. */
export interface HostContext {
  readonly host: 'electron' | 'loopback';
  readonly workspace: WorkspaceService;
  /** A project named on the command line, opened instead of the sample. */
  readonly startupProject?: string | null;
  /** Running exports and held downloads; the loopback host shares it with its download route. */
  readonly exportJobs?: ExportJobs;
}

/** The loopback host's download address of an export job. */
export function downloadUrlOf(jobId: string): string {
  return `/api/download/${encodeURIComponent(jobId)}`;
}

/** The handler map: every channel of the contract, answered by the plain-Node services. */
export function createHandlers(context: HostContext): Handlers {
  const { workspace } = context;
  const exportJobs = context.exportJobs ?? createExportJobs();
  return {
    'app:info': async () => ({
      name: 'Taiyaku',
      version: appVersion(),
      host: context.host,
      projectsDirectory: workspace.projectsDirectory,
      startupProject: context.startupProject ?? null,
    }),
    'project:open': (request) =>
      request.path ? workspace.open(request.path) : workspace.openSample(),
    'project:create': (request) => workspace.create(request),
    'project:apply': (request) => workspace.apply(request.path, request.command, request),
    'project:realign': (request) => workspace.realign(request.path, request),
    'project:undo': (request) => workspace.undo(request.path, request),
    'project:redo': (request) => workspace.redo(request.path, request),
    'project:update-settings': (request) =>
      workspace.updateSettings(request.path, request.settings, request),
    'project:save': (request) => workspace.save(request.path),
    'project:save-as': (request) =>
      workspace.saveAs(request.path, request.newPath, { overwrite: request.overwrite === true }),
    'project:status': async (request) => workspace.status(request.path),
    'project:close': async (request) => {
      await workspace.close(request.path);
      return {};
    },
    'project:recent': () => workspace.recent(),
    'project:import': (request) =>
      workspace.importFiles(
        request.files.map((file) => ({
          fileName: file.fileName,
          bytes: Buffer.from(file.bytesBase64, 'base64'),
        })),
        {
          ...(request.name !== undefined ? { name: request.name } : {}),
          ...(request.columns ? { columns: request.columns } : {}),
        },
      ),
    'project:export': (request) => {
      const { destination } = request;
      if (destination.kind === 'download' && context.host !== 'loopback') {
        throw new ServiceError(
          'invalid-request',
          'Downloads are served by the loopback host only.',
        );
      }
      return exportJobs.run(request.jobId, async (control) => {
        const project = await workspace.current(request.path);
        const file = await exportProject(
          project,
          {
            format: request.format,
            ...(request.rows ? { rows: request.rows } : {}),
            ...(request.language ? { language: request.language } : {}),
            ...(request.minConfidence !== undefined
              ? { minConfidence: request.minConfidence }
              : {}),
            ...(request.confirmedOnly ? { confirmedOnly: true } : {}),
          },
          control,
        );
        if (destination.kind === 'file') {
          await writeExport(file, destination.filePath, control);
          return {
            fileName: file.fileName,
            byteLength: file.bytes.length,
            filePath: destination.filePath,
          };
        }
        checkCancelled(control.signal);
        exportJobs.keepDownload(request.jobId, file);
        control.onProgress?.(3, 3, 'write');
        return {
          fileName: file.fileName,
          byteLength: file.bytes.length,
          downloadUrl: downloadUrlOf(request.jobId),
        };
      });
    },
    'project:export-progress': async (request) => exportJobs.progress(request.jobId),
    'project:export-cancel': async (request) => ({ cancelled: exportJobs.cancel(request.jobId) }),
    // Native dialogs and the file manager belong to the desktop app: main/electron answers these in its place.
    'dialog:save-path': async () => {
      throw new ServiceError('refused', 'Only the desktop app has a save dialog.');
    },
    'shell:show-in-folder': async () => {
      throw new ServiceError('refused', 'Only the desktop app can show files in their folder.');
    },
  } satisfies Handlers;
}
