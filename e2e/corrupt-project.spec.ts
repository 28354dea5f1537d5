import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOT_DIRECTORY, expect, test, type HostProcess } from './fixtures';

async function call<T>(host: HostProcess, channel: string, request: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message);
  return body.value;
}

/** A closed project with a backup: created, changed and saved once more (the first version becomes `.bak`). */
async function projectWithBackup(host: HostProcess): Promise<string> {
  const created = await call<{ path: string }>(host, 'project:create', {
    name: 'Damaged',
    source: { text: 'The meeting was held in Tokyo. It ended on May 5. The report was published.' },
    target: { text: '会合は東京で開催された。5月5日に終了した。報告書が公表された。' },
  });
  await call(host, 'project:apply', {
    path: created.path,
    command: { type: 'pin', beadIndices: [0] },
  });
  await call(host, 'project:save', { path: created.path });
  await call(host, 'project:close', { path: created.path });
  return created.path;
}

test.describe('a damaged project file', () => {
  test('opens from its backup, saying so', async ({ page, host }) => {
    const path = await projectWithBackup(host);
    writeFileSync(path, '{"format":"taiyaku-project","schemaVersion":1,"name":"Dam'); // cut off mid-write
    await page.addInitScript((projectPath) => {
      localStorage.setItem('taiyaku.lastProject', projectPath);
    }, path);
    await page.goto(host.url);
    await expect(page.getByText(/The project file was damaged; opened the backup/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(
      page.getByRole('table', { name: 'Aligned text' }).locator('[role=row][data-bead]').first(),
    ).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'damaged-project.png') });
  });

  test('with no usable backup either, says what is wrong and opens the sample instead', async ({
    page,
    host,
  }) => {
    const path = await projectWithBackup(host);
    writeFileSync(path, 'not a project at all');
    writeFileSync(`${path}.bak`, 'nor this');
    await page.addInitScript((projectPath) => {
      localStorage.setItem('taiyaku.lastProject', projectPath);
    }, path);
    await page.goto(host.url);
    // The reviewer is told which project could not be reopened and why; the sample opens so work can go on.
    const notice = page.getByText(/Could not reopen your last project/);
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await expect(notice).toContainText('Damaged.taiyaku');
    await expect(notice).toContainText(/damaged|not valid|not a Taiyaku project/i);
    await expect(page.getByRole('button', { name: 'Project' })).toBeVisible();
  });
});
