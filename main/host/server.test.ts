import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaceService } from '../services/workspace';
import { createHandlers } from '../services/handlers';
import { startLoopbackHost, type LoopbackHost } from './server';

const testWorkspace = createWorkspaceService({
  userDataDirectory: mkdtempSync(join(tmpdir(), 'taiyaku-test-')),
  appVersion: '0.0.0-test',
});

describe('loopback host', () => {
  let host: LoopbackHost;
  let base: string;
  const rendererDirectory = mkdtempSync(join(tmpdir(), 'taiyaku-renderer-'));
  const secretOutside = join(rendererDirectory, '..', 'taiyaku-outside-secret.txt');

  beforeAll(async () => {
    writeFileSync(join(rendererDirectory, 'index.html'), '<!doctype html><title>t</title>');
    mkdirSync(join(rendererDirectory, 'assets'));
    writeFileSync(join(rendererDirectory, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(secretOutside, 'secret');
    host = await startLoopbackHost({
      rendererDirectory,
      handlers: createHandlers({ host: 'loopback', workspace: testWorkspace }),
      port: 0,
    });
    base = `http://127.0.0.1:${host.port}`;
  });
  afterAll(async () => {
    await host.close();
    rmSync(rendererDirectory, { recursive: true, force: true });
    rmSync(secretOutside, { force: true });
  });

  const api = (channel: string, init: RequestInit = {}) =>
    fetch(`${base}/api/${channel}`, { method: 'POST', ...init });
  const auth = () => ({ Authorization: `Bearer ${host.token}` });

  it('prints a loopback URL carrying a 256-bit token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the page with a Content-Security-Policy', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toContain(
      'javascript',
    );
  });

  it('refuses API calls without the right token (401)', async () => {
    expect((await api('app:info')).status).toBe(401);
    expect((await api('app:info', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(
      401,
    );
    expect((await api('app:info', { headers: { Authorization: host.token } })).status).toBe(401);
  });

  it('refuses a foreign Origin even with the token (403)', async () => {
    const response = await api('app:info', {
      headers: { ...auth(), Origin: 'http://evil.example' },
    });
    expect(response.status).toBe(403);
  });

  it('answers with the token, from no origin or its own', async () => {
    for (const headers of [auth(), { ...auth(), Origin: base }]) {
      const response = await api('app:info', { headers, body: '{}' });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        ok: true,
        value: { name: 'Taiyaku', host: 'loopback' },
      });
    }
  });

  it('reports invalid requests with readable issue paths (400)', async () => {
    const response = await api('project:open', {
      headers: auth(),
      body: JSON.stringify({ path: 7 }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { ok: false; error: { issues: string[] } };
    expect(body.error.issues[0]).toMatch(/^path: /);
    expect((await api('project:open', { headers: auth(), body: '{not json' })).status).toBe(400);
    expect((await api('nothing:here', { headers: auth() })).status).toBe(404);
  });

  it('does not serve files outside the renderer directory', async () => {
    for (const path of [
      '/../taiyaku-outside-secret.txt',
      '/%2e%2e/taiyaku-outside-secret.txt',
      '/assets/..%2f..%2ftaiyaku-outside-secret.txt',
    ]) {
      const response = await fetch(`${base}${path}`);
      expect(await response.text()).not.toBe('secret');
    }
  });

  it('answers a malformed %-escape in a path with 400, not a server error', async () => {
    for (const path of ['/%E0%A4%A', '/assets/%zz.js', '/%']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(400);
      expect(await response.text()).not.toMatch(/URIError|at /);
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const call = request(
        { host: '127.0.0.1', port: host.port, path: '/', headers: { Host: 'evil.example' } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      call.on('error', reject);
      call.end();
    });
    expect(status).toBe(403);
  });
});
