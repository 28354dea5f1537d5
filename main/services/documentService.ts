import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenedDocument } from '../../core/ipc/contract';
import { pairNumberedClauses } from '../../core/alignment/numberedClauses';
import { projectRoot } from './appInfo';
import { ServiceError } from './serviceError';

/** The sample the app opens when no project is given: the seed's English summary record and its Japanese translation. */
export async function openSample(): Promise<OpenedDocument> {
  const seedDirectory = join(projectRoot(), 'fixtures', 'seed');
  const [source, target] = await Promise.all([
    readFile(join(seedDirectory, 'summary-record.en.txt'), 'utf8'),
    readFile(join(seedDirectory, 'summary-record.ja.txt'), 'utf8'),
  ]);
  return {
    title: 'Sample: 4th ASEAN-Japan Smart Cities Network High Level Meeting, Summary Record',
    path: null,
    isSample: true,
    alignment: pairNumberedClauses(source, target),
  };
}

/** Opens a saved project. */
export async function openProjectFile(path: string): Promise<OpenedDocument> {
  throw new ServiceError('refused', `Opening project files is not available yet (${path}).`);
}
