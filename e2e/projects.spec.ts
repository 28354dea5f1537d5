import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Encoding from 'encoding-japanese';
import type { Page } from '@playwright/test';
import { SCREENSHOT_DIRECTORY, expect, openWorkspace, test } from './fixtures';

const ENGLISH = [
  '1. The committee met in Osaka on April 2, 2024.',
  '2. The members agreed to publish the report. It will appear in June.',
  '',
].join('\n');
const JAPANESE = [
  '1. 委員会は2024年4月2日に大阪で開催された。',
  '2. 委員は報告書を公表することに合意した。報告書は6月に公表される予定である。',
  '',
].join('\n');

async function openNewProject(page: Page) {
  await page.getByRole('button', { name: 'Project' }).click();
  await page.getByRole('menuitem', { name: 'New project…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('projects', () => {
  test('creates a project from two pasted texts, then opens the sample again from the recent list', async ({
    page,
    host,
  }) => {
    await openWorkspace(page, host);
    const dialog = await openNewProject(page);
    await dialog.getByLabel('Project name').fill('Committee minutes');
    await dialog.getByRole('tab', { name: 'Paste two texts' }).click();
    await dialog.getByLabel('English text (source)').fill(ENGLISH);
    await dialog.getByLabel('Japanese text (translation)').fill(JAPANESE);
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'new-project.png') });
    await dialog.getByRole('button', { name: 'Create and align' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });

    await expect(page.getByRole('heading', { name: 'Committee minutes' })).toBeVisible();
    await expect(page.getByText('Sample', { exact: true })).toHaveCount(0);
    const table = page.getByRole('table', { name: 'Aligned text' });
    const clause2 = table.getByRole('rowgroup', { name: 'Clause 2', exact: true });
    await expect(clause2).toContainText('publish the report');
    await expect(clause2).toContainText('報告書を公表する');
    await expect(page.getByText(/^Saved \d\d:\d\d$/)).toBeVisible({ timeout: 10_000 });

    // Open: the recent list has both projects.
    await page.getByRole('button', { name: 'Project' }).click();
    await page.getByRole('menuitem', { name: 'Open…' }).click();
    const open = page.getByRole('dialog', { name: 'Open project' });
    const recent = open.getByRole('list', { name: 'Recent projects' });
    await expect(recent.getByRole('listitem')).toHaveCount(2);
    await recent.getByRole('listitem').filter({ hasText: 'Sample:' }).click();
    await expect(open).toBeHidden();
    await expect(page.getByText('Sample', { exact: true })).toBeVisible();

    // A path that is not a project says so.
    await page.getByRole('button', { name: 'Project' }).click();
    await page.getByRole('menuitem', { name: 'Open…' }).click();
    await open
      .getByLabel('Project file path')
      .fill(join(host.userDataDirectory, 'nothing.taiyaku'));
    await open.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(open.getByRole('alert')).toContainText('The project could not be opened');
    await page.keyboard.press('Escape');
    await expect(open).toBeHidden();
  });

  test('creates a project from two uploaded files, a Shift_JIS translation included, and refuses a binary one', async ({
    page,
    host,
  }) => {
    await openWorkspace(page, host);
    const dialog = await openNewProject(page);
    const sjis = Buffer.from(
      Encoding.convert(Encoding.stringToCode(JAPANESE), { to: 'SJIS', from: 'UNICODE' }),
    );
    // The bytes really are Shift_JIS (not UTF-8): 委 is 0x88 0xCF.
    expect(sjis.includes(Buffer.from([0x88, 0xcf]))).toBe(true);

    // A binary file first: the Node side's reason is shown.
    await dialog.getByLabel('English file (source)').setInputFiles({
      name: 'minutes.en.txt',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 7) % 32)),
    });
    await dialog.getByLabel('Japanese file (translation)').setInputFiles({
      name: 'minutes.ja.txt',
      mimeType: 'text/plain',
      buffer: sjis,
    });
    await expect(dialog.getByLabel('Project name')).toHaveValue('minutes');
    await dialog.getByRole('button', { name: 'Create and align' }).click();
    const error = dialog.getByRole('alert');
    await expect(error).toContainText('The project could not be created');
    await expect(error).toContainText('minutes.en.txt looks like a binary file');

    await dialog.getByLabel('English file (source)').setInputFiles({
      name: 'minutes.en.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(ENGLISH, 'utf8'),
    });
    await dialog.getByRole('button', { name: 'Create and align' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'minutes' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Aligned text' });
    const clause1 = table.getByRole('rowgroup', { name: 'Clause 1', exact: true });
    await expect(clause1.locator('[role=cell][lang=ja]').first()).toHaveText(
      '1. 委員会は2024年4月2日に大阪で開催された。',
    );

    // Reloading reopens the project the reviewer was in, with its edits.
    await clause1.getByRole('row').first().locator('[role=cell]').first().click();
    await page.keyboard.press('Enter');
    await expect(clause1.getByRole('img', { name: 'Confirmed' })).toBeVisible();
    await expect(page.getByText(/^Saved \d\d:\d\d$/)).toBeVisible({ timeout: 10_000 });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'minutes' })).toBeVisible({ timeout: 30_000 });
    await expect(
      page
        .getByRole('rowgroup', { name: 'Clause 1', exact: true })
        .getByRole('img', { name: 'Confirmed' }),
    ).toBeVisible();

    // Close goes back to the sample.
    await page.getByRole('button', { name: 'Project' }).click();
    await page.getByRole('menuitem', { name: 'Close project' }).click();
    await expect(page.getByText('Sample', { exact: true })).toBeVisible({ timeout: 30_000 });
  });

  test('creates a project from one bilingual document and saves it under another name', async ({
    page,
    host,
  }) => {
    await openWorkspace(page, host);
    const dialog = await openNewProject(page);
    await dialog.getByRole('tab', { name: 'One bilingual document' }).click();
    await dialog.getByLabel('Bilingual document', { exact: true }).setInputFiles({
      name: 'press-release.txt',
      mimeType: 'text/plain',
      buffer: readFileSync(
        resolve(import.meta.dirname, '..', 'fixtures', 'seed', '000_37c746aa84bde595.txt'),
      ),
    });
    await expect(dialog.getByLabel('Project name')).toHaveValue('press-release');
    await dialog.getByRole('button', { name: 'Create and align' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'press-release' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Aligned text' });
    const clause1 = table.getByRole('rowgroup', { name: 'Clause 1', exact: true });
    await expect(clause1).toContainText('a business matching session was held');
    await expect(clause1).toContainText('J-ヴィレッジにて行われる');

    const copy = join(host.userDataDirectory, 'press-release copy.taiyaku');
    await page.getByRole('button', { name: 'Project' }).click();
    await page.getByRole('menuitem', { name: 'Save as…' }).click();
    const saveAs = page.getByRole('dialog', { name: 'Save project as' });
    await saveAs.getByLabel('New project file path').fill(copy);
    await saveAs.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(saveAs).toBeHidden();
    await page.getByRole('button', { name: 'Project' }).click();
    await page.getByRole('menuitem', { name: 'Open…' }).click();
    const open = page.getByRole('dialog', { name: 'Open project' });
    await expect(open.getByRole('list', { name: 'Recent projects' })).toContainText(copy);
  });
  test('Save as asks before replacing a project already at the path', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('table', { name: 'Aligned text' })).toBeVisible();
    const first = join(host.userDataDirectory, 'first.taiyaku');
    const second = join(host.userDataDirectory, 'second.taiyaku');
    const saveAsTo = async (path: string) => {
      await page.getByRole('button', { name: 'Project' }).click();
      await page.getByRole('menuitem', { name: 'Save as…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save project as' });
      await dialog.getByLabel('New project file path').fill(path);
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();
      return dialog;
    };
    await expect(await saveAsTo(first)).toBeHidden();
    await expect(await saveAsTo(second)).toBeHidden();
    const dialog = await saveAsTo(first);
    // The service refuses to replace the project silently; the dialog asks.
    await expect(dialog.getByText('A project is already saved there')).toBeVisible();
    await dialog.getByRole('button', { name: 'Choose another path' }).click();
    await expect(dialog.getByLabel('New project file path')).toHaveValue(first);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await expect(dialog).toBeHidden();
    // The replaced project is kept as the backup of the new one.
    expect(existsSync(`${first}.bak`)).toBe(true);
  });
});
