import { join } from 'node:path';
import { SCREENSHOT_DIRECTORY, expect, openSample, test } from './fixtures';

test.describe('the project glossary', () => {
  test('a glossary file adds terms the terminology check then finds; terms are added, edited and deleted, and kept', async ({
    page,
    host,
  }) => {
    await openSample(page, host.url);
    const panel = page.getByTestId('suggestions-panel');
    await expect(panel).toHaveAttribute('data-checks-status', 'ready', { timeout: 30_000 });
    await expect(panel.getByTestId('suggestion-group-term')).toHaveCount(0);
    await panel.getByRole('button', { name: /Glossary \(0 terms\)/ }).click();
    const editor = panel.getByTestId('glossary-editor');

    // The sample's English has "business matching"; its Japanese has no ビジネスマッチング.
    await editor.getByLabel('Add terms from a glossary file').setInputFiles({
      name: 'client-glossary.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'English,Japanese,Note\nbusiness matching,ビジネスマッチング,client term\nfoo,,\n',
        'utf8',
      ),
    });
    await expect(editor.getByRole('status')).toContainText(
      '1 new terms added from client-glossary.csv. 1 entries skipped (row 3: no Japanese term for foo).',
    );
    await expect(editor.getByTestId('glossary-row')).toHaveCount(1);
    const terms = panel.getByTestId('suggestion-group-term');
    await expect(terms).toContainText('business matching', { timeout: 30_000 });
    await expect(terms).toContainText('ビジネスマッチング');
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'glossary-editor.png') });

    // A term typed in: the English "smart cities" are rendered スマートシティ throughout, so no suggestion for it.
    await editor.getByLabel('English terms').fill('smart city');
    await editor.getByLabel('Japanese renderings').fill('スマートシティ; スマート都市');
    await editor.getByRole('button', { name: 'Add term', exact: true }).click();
    await expect(editor.getByTestId('glossary-row')).toHaveCount(2);
    await expect(panel.getByRole('button', { name: /Glossary \(2 terms\)/ })).toBeVisible();

    // Edited: the imported term accepts the translation's own rendering now, and its suggestion goes.
    await editor.getByRole('button', { name: 'Edit business matching' }).click();
    await editor.getByLabel('Japanese renderings').fill('ビジネスマッチング; 商談会');
    await editor.getByRole('button', { name: 'Save term', exact: true }).click();
    await expect(editor.getByTestId('glossary-row').first()).toContainText('商談会');

    // Deleted, then kept across a reload.
    await editor.getByRole('button', { name: 'Delete smart city' }).click();
    await expect(editor.getByTestId('glossary-row')).toHaveCount(1);
    await page.reload();
    await expect(
      page.getByTestId('suggestions-panel').getByRole('button', { name: /Glossary \(1 terms\)/ }),
    ).toBeVisible({ timeout: 30_000 });
  });

  test('a file that is not a glossary gets a message naming it, and nothing kept changes', async ({
    page,
    host,
  }) => {
    await openSample(page, host.url);
    const panel = page.getByTestId('suggestions-panel');
    await panel.getByRole('button', { name: /Glossary \(0 terms\)/ }).click();
    const editor = panel.getByTestId('glossary-editor');
    await editor.getByLabel('Add terms from a glossary file').setInputFiles({
      name: 'terms.tbx',
      mimeType: 'application/xml',
      buffer: Buffer.from('<!DOCTYPE martif [<!ENTITY x "y">]><martif>&x;</martif>', 'utf8'),
    });
    await expect(editor.getByRole('alert')).toContainText('terms.tbx');
    await expect(editor.getByRole('alert')).toContainText('entities');
    await expect(editor.getByTestId('glossary-row')).toHaveCount(0);
  });
});
