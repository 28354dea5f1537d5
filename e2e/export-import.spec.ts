import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { SCREENSHOT_DIRECTORY, expect, openSample, selectInClause1, test } from './fixtures';

const COMMENT = 'The English says <b>"was held"</b> & past; 行われる reads as a future event.';

/** Flags 行われる in clause 1 as a major verb-tense mistranslation (as annotations.spec.ts does, by the UI). */
async function flagTense(page: Page): Promise<void> {
  const selected = await selectInClause1(page, 'target', '行われる');
  expect(selected).toBe('行われる');
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Flag an issue' });
  const category = dialog.getByRole('combobox', { name: 'Issue category' });
  await category.click();
  await category.fill('verb');
  await page.getByRole('option', { name: 'Mistranslation: verb tense', exact: true }).click();
  await dialog.getByText('Major', { exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Comment' }).fill(COMMENT);
  await dialog.getByRole('textbox', { name: 'Author' }).fill('Reviewer A');
  await dialog.getByRole('button', { name: 'Save issue' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('issue-count')).toHaveText('1 issue');
}

async function openExportDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Project' }).click();
  await page.getByRole('menuitem', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Exports `format` through the dialog and returns the downloaded file's name and bytes. */
async function exportVia(page: Page, dialog: Locator, format: string, folder: string) {
  await dialog.getByRole('radio', { name: format, exact: true }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  const target = join(folder, download.suggestedFilename());
  await download.saveAs(target);
  await expect(dialog.getByText(`Downloaded as ${download.suggestedFilename()}.`)).toBeVisible();
  return { name: download.suggestedFilename(), path: target, bytes: readFileSync(target) };
}

/** The entries of a zip file (stored or deflated), read with Node's zlib. */
function unzip(bytes: Buffer): Map<string, string> {
  const entries = new Map<string, string>();
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a zip');
  let at = bytes.readUInt32LE(end + 16);
  const count = bytes.readUInt16LE(end + 10);
  for (let index = 0; index < count; index += 1) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const offset = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
    const data = bytes.subarray(start, start + size);
    entries.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

function zipContains(bytes: Buffer, needle: string): boolean {
  return [...unzip(bytes).values()].some((text) => text.includes(needle));
}

async function openNewProject(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Project' }).click();
  await page.getByRole('menuitem', { name: 'New project…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('reports out, documents in', () => {
  test.setTimeout(180_000);
  let folder: string;
  test.beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'taiyaku-export-'));
  });
  test.afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test('exports the flagged sample in every format as a download, then imports the XLIFF with its flag', async ({
    page,
    host,
  }) => {
    const table = await openSample(page, host.url);
    await flagTense(page);

    // Ctrl+E opens the dialog too; the report language follows the UI's.
    await page.keyboard.press('Control+e');
    let dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('radio', { name: 'English' })).toBeChecked();
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'export-dialog.png') });
    const axe = await new AxeBuilder({ page }).include('[role=dialog]').analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    dialog = await openExportDialog(page);
    const html = await exportVia(page, dialog, 'HTML report', folder);
    expect(html.name).toMatch(/\.html$/);
    const htmlText = html.bytes.toString('utf8');
    expect(htmlText).toContain('行われる');
    expect(htmlText).toContain('&lt;b&gt;');
    expect(htmlText).not.toContain('<b>"was held"</b>');

    const csv = await exportVia(page, dialog, 'CSV issues', folder);
    const csvText = csv.bytes.toString('utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText.split(/\r?\n/)[0]!.toLowerCase()).toContain('severity');
    expect(csvText).toContain('行われる');

    for (const format of ['XLSX LQA workbook', 'DOCX review table']) {
      const file = await exportVia(page, dialog, format, folder);
      expect(file.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(zipContains(file.bytes, '行われる'), format).toBe(true);
    }

    const json = await exportVia(page, dialog, 'JSON web annotations', folder);
    expect(() => JSON.parse(json.bytes.toString('utf8')) as unknown).not.toThrow();
    expect(json.bytes.toString('utf8')).toContain('行われる');

    const tmx = await exportVia(page, dialog, 'TMX', folder);
    expect(tmx.bytes.toString('utf8')).toContain('srclang');

    const pdf = await exportVia(page, dialog, 'PDF report', folder);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (existsSync('/usr/bin/pdftotext')) {
      const text = execFileSync('/usr/bin/pdftotext', [pdf.path, '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, '')).toContain('行われる');
    }

    const xliff = await exportVia(page, dialog, 'XLIFF 2.1', folder);
    expect(xliff.bytes.toString('utf8')).toContain('locQualityIssueType');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // The XLIFF comes back as a new project, flag included.
    const create = await openNewProject(page);
    await create.getByRole('tab', { name: 'One bilingual document' }).click();
    await create
      .locator('input[type=file][aria-label="Bilingual document"]')
      .setInputFiles(xliff.path);
    await create.getByLabel('Project name').fill('Round trip');
    await create.getByRole('button', { name: 'Create and align' }).click();
    await expect(create).toBeHidden({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'Round trip' })).toBeVisible();
    await expect(page.getByTestId('issue-count')).toHaveText('1 issue');
    await expect(table.locator('mark[data-annotation-id]').first()).toHaveText('行われる');
  });

  test('a damaged file of each import format gets its message, naming the file, and the open project stays', async ({
    page,
    host,
  }) => {
    await openSample(page, host.url);
    const dialog = await openNewProject(page);
    await dialog.getByRole('tab', { name: 'One bilingual document' }).click();
    const bad = [
      { name: 'broken.docx', buffer: Buffer.from('this is not a zip file') },
      { name: 'broken.pdf', buffer: Buffer.from('%PDF-1.7\n garbage garbage \n%%EOF') },
      {
        name: 'broken.xliff',
        buffer: Buffer.from(
          '<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY boom "boom">]><xliff version="2.1"/>',
        ),
      },
      { name: 'broken.csv', buffer: Buffer.from('English,Japanese\n"unclosed,日本語\n') },
    ];
    for (const file of bad) {
      await dialog.locator('input[type=file][aria-label="Bilingual document"]').setInputFiles({
        name: file.name,
        mimeType: 'application/octet-stream',
        buffer: file.buffer,
      });
      await dialog.getByLabel('Project name').fill('Broken');
      await dialog.getByRole('button', { name: 'Create and align' }).click();
      const alert = dialog
        .getByRole('alert')
        .filter({ hasText: 'The project could not be created' });
      await expect(alert, file.name).toContainText(file.name, { timeout: 30_000 });
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Sample', { exact: true })).toBeVisible();
  });

  test('asks which column is which when a table does not say, and imports with the choice', async ({
    page,
    host,
  }) => {
    await openSample(page, host.url);
    const dialog = await openNewProject(page);
    await dialog.getByRole('tab', { name: 'One bilingual document' }).click();
    const table = [
      'Term,Translation,Alternative',
      'The meeting was held in Osaka.,会議は大阪で開催された。,会議は大阪で行われた。',
      'The members agreed to publish the report.,委員は報告書の公表に合意した。,委員は報告書を公表することで合意した。',
      'It will appear in June.,報告書は6月に公表される。,6月に発表される予定である。',
    ].join('\n');
    await dialog.locator('input[type=file][aria-label="Bilingual document"]').setInputFiles({
      name: 'terms.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(table),
    });
    await dialog.getByLabel('Project name').fill('Terms');
    await dialog.getByRole('button', { name: 'Create and align' }).click();
    const picker = dialog.getByTestId('column-picker');
    await expect(picker).toBeVisible({ timeout: 30_000 });
    await expect(picker).toContainText('terms.csv');
    await expect(picker).toContainText('会議は大阪で行われた。');
    await picker.getByLabel('English column', { exact: true }).click();
    await page.getByRole('option', { name: /^Column 1/ }).click();
    await picker.getByLabel('Japanese column', { exact: true }).click();
    await page.getByRole('option', { name: /^Column 3/ }).click();
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'column-picker.png') });
    await picker.getByRole('button', { name: 'Create with these columns' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'Terms' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Aligned text' })).toContainText(
      '会議は大阪で行われた。',
    );
  });

  test('files dropped on the workspace open New project with them', async ({ page, host }) => {
    await openSample(page, host.url);
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['The meeting.\n会議。\n'], 'minutes.en.txt'));
      transfer.items.add(new File(['会議。\n'], 'minutes.ja.txt'));
      const target = document.querySelector('main') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    });
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Project name')).toHaveValue('minutes');
    await expect(dialog.getByRole('tab', { name: 'Two files' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(dialog.getByText(/^minutes\.en\.txt/)).toBeVisible();
    await expect(dialog.getByText(/^minutes\.ja\.txt/)).toBeVisible();
  });
});
