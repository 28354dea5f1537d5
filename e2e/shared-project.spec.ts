import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOT_DIRECTORY, expect, openSample, selectInClause1, test } from './fixtures';

// Two tabs of the loopback host on the same project: a change made in one shows in the other without a reload, and
// neither reports a failure for a change that was saved.

/** Flags the text `needle` of clause 1 as a minor mistranslation by `author`. */
async function flag(page: Page, side: 'source' | 'target', needle: string, author: string) {
  expect(await selectInClause1(page, side, needle)).toBe(needle);
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Flag an issue' });
  await expect(dialog).toBeVisible();
  const category = dialog.getByRole('combobox', { name: 'Issue category' });
  await category.click();
  await category.fill('verb');
  await page.getByRole('option', { name: 'Mistranslation: verb tense', exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Author' }).fill(author);
  await dialog.getByRole('button', { name: 'Save issue' }).click();
  await expect(dialog).toBeHidden();
}

test('an issue flagged in one tab appears in the other without a reload, counted once, with no error', async ({
  context,
  host,
}) => {
  const pageA = await context.newPage();
  const pageB = await context.newPage();
  const tableA = await openSample(pageA, host.url);
  const tableB = await openSample(pageB, host.url);
  const panelA = pageA.getByTestId('annotation-panel');
  const panelB = pageB.getByTestId('annotation-panel');
  await expect(panelB.getByTestId('issue-count')).toHaveText('0 issues');

  await flag(pageA, 'target', '行われる', 'Reviewer A');
  await expect(panelA.getByTestId('issue-count')).toHaveText('1 issue');
  // Tab B hears of it over the host's change stream.
  await expect(tableB.locator('mark[data-annotation-id]')).toHaveText('行われる');
  await expect(panelB.getByTestId('issue-count')).toHaveText('1 issue');

  // Tab B flags next, on top of A's change: saved, not "could not be saved", and A sees it.
  await flag(pageB, 'source', 'was held', 'Reviewer B');
  await expect(panelB.getByTestId('issue-count')).toHaveText('2 issues');
  await expect(panelA.getByTestId('issue-count')).toHaveText('2 issues');
  await expect(tableA.locator('mark[data-annotation-id]')).toHaveCount(2);
  await pageB.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'shared-project-tab-b.png') });

  for (const page of [pageA, pageB]) {
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByText('could not be saved')).toHaveCount(0);
    await expect(page.getByText('out of step')).toHaveCount(0);
  }

  // The saved project holds each issue once: a fresh tab shows two.
  const pageC = await context.newPage();
  await openSample(pageC, host.url);
  await expect(pageC.getByTestId('annotation-panel').getByTestId('issue-count')).toHaveText(
    '2 issues',
  );
});
