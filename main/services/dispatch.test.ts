import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from './dispatch';
import { createWorkspaceService } from './workspace';
import { createHandlers } from './handlers';
import { ServiceError } from './serviceError';

const testWorkspace = createWorkspaceService({
  userDataDirectory: mkdtempSync(join(tmpdir(), 'taiyaku-test-')),
  appVersion: '0.0.0-test',
});

const handlers = createHandlers({ host: 'loopback', workspace: testWorkspace });

describe('dispatch', () => {
  it('refuses unknown channels', async () => {
    expect(await dispatch(handlers, 'fs:delete', {})).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await dispatch(handlers, { toString: () => 'app:info' }, {})).toMatchObject({
      ok: false,
    });
  });

  it('refuses requests outside the schema, extra keys included', async () => {
    const result = await dispatch(handlers, 'app:info', { extra: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('answers the sample with the seed paired clause by clause', async () => {
    const result = await dispatch(handlers, 'project:open', {});
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as {
      isSample: boolean;
      project: { alignment: { clauseBeads: unknown[] } };
    };
    expect(value.isSample).toBe(true);
    expect(value.project.alignment.clauseBeads.length).toBeGreaterThanOrEqual(7);
  });

  it('turns service errors into contract errors, and answers outside the contract into failures', async () => {
    const failing: Handlers = {
      ...handlers,
      'app:info': async () => {
        throw new ServiceError('refused', 'no');
      },
    };
    expect(await dispatch(failing, 'app:info', {})).toEqual({
      ok: false,
      error: { code: 'refused', message: 'no' },
    });
    const malformed = { ...handlers, 'app:info': async () => ({ name: 1 }) } as unknown as Handlers;
    expect(await dispatch(malformed, 'app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'failed' },
    });
  });
});
