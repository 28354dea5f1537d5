import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import {
  SCREENSHOT_DIRECTORY,
  beadRow,
  expect,
  openSample,
  selectInClause1,
  test,
} from './fixtures';

async function pickCategory(dialog: Locator, page: Page, search: string, option: string) {
  const input = dialog.getByRole('combobox', { name: 'Issue category' });
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe('flagging issues on the text', () => {
  test('flags 行われる as a verb-tense mistranslation with a suggestion, keeps it across a reload, resolves and filters it', async ({
    page,
    host,
  }) => {
    const table = await openSample(page, host.url);
    const panel = page.getByTestId('annotation-panel');
    await expect(panel.getByTestId('issue-count')).toHaveText('0 issues');
    await expect(panel.getByTestId('scorecard-verdict')).toHaveText('Pass');

    expect(await selectInClause1(page, 'target', '行われる')).toBe('行われる');
    await page.keyboard.press('f');
    const dialog = page.getByRole('dialog', { name: 'Flag an issue' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('quote-target')).toHaveText('行われる');
    await expect(dialog.getByTestId('quote-source')).toHaveCount(0);

    // Saving without a category or an author says what is missing.
    await dialog.getByRole('button', { name: 'Save issue' }).click();
    await expect(dialog.getByText('Choose an issue category.')).toBeVisible();
    await expect(
      dialog.getByText('Enter your name, so colleagues know who raised the issue.'),
    ).toBeVisible();

    await pickCategory(dialog, page, 'verb', 'Mistranslation: verb tense');
    await dialog.getByText('Major', { exact: true }).click();
    await expect(dialog.getByRole('radio', { name: 'Major' })).toBeChecked();
    await dialog
      .getByRole('textbox', { name: 'Comment' })
      .fill('The English says the session "was held" (past); 行われる reads as a future event.');
    await dialog.getByRole('textbox', { name: 'Suggested correction (optional)' }).fill('行われた');
    const preview = dialog.getByTestId('suggestion-diff');
    await expect(preview.locator('del')).toHaveText('る');
    await expect(preview.locator('ins')).toHaveText('た');
    // Screen readers hear which part is which.
    await expect(preview).toContainText('deleted');
    await expect(preview).toContainText('inserted');
    await dialog.getByRole('textbox', { name: 'Author' }).fill('Reviewer A');
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'flag-dialog.png') });
    await dialog.getByRole('button', { name: 'Save issue' }).click();
    await expect(dialog).toBeHidden();

    const highlight = table.locator('mark[data-annotation-id]');
    await expect(highlight).toHaveCount(1);
    await expect(highlight).toHaveText('行われる');
    await expect(highlight).toHaveAttribute('data-severity', 'major');
    await expect(panel.getByTestId('issue-count')).toHaveText('1 issue');
    // One major issue: 5 penalty points.
    await expect(panel).toContainText('Penalty points: 5');

    // Reload: the flag comes back from the project, in the text and in the panel with its diff.
    await page.reload();
    await expect(table.getByRole('rowgroup', { name: 'Clause 1', exact: true })).toBeVisible({
      timeout: 30_000,
    });
    await expect(highlight).toHaveText('行われる');
    const card = panel.getByRole('listitem').filter({ hasText: 'Mistranslation' });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText('Accuracy › Mistranslation (Verb tense)');
    await expect(card).toContainText('Major');
    await expect(card).toContainText('Reviewer A');
    await expect(card.locator('del')).toHaveText('る');
    await expect(card.locator('ins')).toHaveText('た');

    // Clicking the card focuses the flag: its row is selected and the highlight stands out.
    await card.getByRole('button', { name: /Mistranslation/ }).click();
    const row = table
      .locator('[role=row]')
      .filter({ has: page.locator('mark[data-annotation-id]') });
    await expect(row).toHaveAttribute('aria-current', 'true');
    await expect(highlight).toHaveAttribute('data-selected', 'true');
    await expect(card).toHaveAttribute('data-selected', 'true');

    // Editing away the suggestion is one change: one undo brings it back.
    await card.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit issue' });
    await edit.getByRole('textbox', { name: 'Suggested correction (optional)' }).fill('');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit).toBeHidden();
    await expect(card.locator('ins')).toHaveCount(0);
    await expect(card).toContainText('Accuracy › Mistranslation (Verb tense)');
    await page.keyboard.press('Control+z');
    await expect(card.locator('ins')).toHaveText('た');
    await expect(panel.getByTestId('issue-count')).toHaveText('1 issue');

    // Resolve it; the scorecard still counts it (resolved issues were in the delivered translation).
    await card.getByRole('button', { name: 'Resolve' }).click();
    await expect(card).toContainText('Resolved');
    await expect(highlight).toHaveAttribute('data-status', 'resolved');
    await expect(panel).toContainText('Penalty points: 5');

    // Filter by status.
    const status = panel.getByRole('combobox', { name: 'Status' });
    await status.click();
    await page.getByRole('option', { name: 'Open', exact: true }).click();
    await expect(panel.getByTestId('issue-count')).toHaveText('0 of 1 issue');
    await expect(panel.getByText('No issue matches these filters.')).toBeVisible();
    await status.click();
    await page.getByRole('option', { name: 'Resolved', exact: true }).click();
    await expect(panel.getByTestId('issue-count')).toHaveText('1 of 1 issue');
    await expect(card).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'annotation-panel.png') });
  });

  test('explains how to select when nothing is selected, and flags both sides of a row', async ({
    page,
    host,
  }) => {
    const table = await openSample(page, host.url);
    const panel = page.getByTestId('annotation-panel');
    await panel.getByRole('button', { name: 'Flag selection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Flag an issue' });
    await expect(dialog.getByTestId('no-selection')).toContainText('Select the words');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    // English first, then its Japanese counterpart in the same row: both are quoted.
    await selectInClause1(page, 'source', 'session was held');
    await page.waitForTimeout(100);
    await selectInClause1(page, 'target', '行われる');
    await page.keyboard.press('f');
    await expect(dialog.getByTestId('quote-source')).toHaveText('session was held');
    await expect(dialog.getByTestId('quote-target')).toHaveText('行われる');
    await pickCategory(dialog, page, 'Mistranslation', 'Mistranslation');
    await dialog.getByRole('textbox', { name: 'Author' }).fill('Reviewer B');
    await dialog.getByRole('button', { name: 'Save issue' }).click();
    await expect(dialog).toBeHidden();
    await expect(table.locator('mark[data-annotation-id]')).toHaveText([
      'session was held',
      '行われる',
    ]);

    // Edit: change the severity; delete with confirmation.
    const card = panel.getByRole('listitem').filter({ hasText: 'Mistranslation' });
    await card.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit issue' });
    await edit.getByText('Critical', { exact: true }).click();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(card).toContainText('Critical');
    await expect(panel.getByTestId('scorecard-verdict')).toHaveText('Fail');

    // A critical issue (25 points over 462 words, 54.11 per 1,000) fails the default pass mark of 10; raising the pass
    // mark to 60 passes it, and the pass mark is saved with the project.
    await expect(panel.getByTestId('scorecard-per-thousand')).toHaveText('54.11');
    const passMark = panel.getByRole('textbox', { name: 'Pass mark (points per 1,000 words)' });
    await passMark.fill('60');
    await passMark.press('Enter');
    await expect(panel.getByTestId('scorecard-verdict')).toHaveText('Pass');
    await page.reload();
    await expect(passMark).toHaveValue('60');
    await expect(panel.getByTestId('scorecard-verdict')).toHaveText('Pass');
    await card.getByRole('button', { name: 'Delete' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this issue?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect(panel.getByTestId('issue-count')).toHaveText('0 issues');
    await expect(table.locator('mark[data-annotation-id]')).toHaveCount(0);
  });

  test('steps through issues from the keyboard: N and P select each one, E edits it, R resolves it', async ({
    page,
    host,
  }) => {
    const table = await openSample(page, host.url);
    const panel = page.getByTestId('annotation-panel');
    const flag = async (side: 'source' | 'target', text: string, category: string) => {
      await selectInClause1(page, side, text);
      await page.keyboard.press('f');
      const dialog = page.getByRole('dialog', { name: 'Flag an issue' });
      await pickCategory(dialog, page, category, category);
      await dialog.getByRole('textbox', { name: 'Author' }).fill('Reviewer C');
      await dialog.getByRole('button', { name: 'Save issue' }).click();
      await expect(dialog).toBeHidden();
    };
    // Flagged out of reading order: the Japanese first.
    await flag('target', '行われる', 'Mistranslation');
    await flag('source', 'business matching session', 'Wrong term');
    await expect(panel.getByTestId('issue-count')).toHaveText('2 issues');

    const selectedMark = table.locator('mark[data-annotation-id][data-selected=true]');
    await beadRow(table, 0).locator('[role=cell]').first().click();
    await page.keyboard.press('n');
    // Same row: the English issue comes first.
    await expect(selectedMark).toHaveText('business matching session');
    await expect(panel.getByRole('listitem').filter({ hasText: 'Terminology' })).toHaveAttribute(
      'data-selected',
      'true',
    );
    await page.keyboard.press('n');
    await expect(selectedMark).toHaveText('行われる');
    await page.keyboard.press('p');
    await expect(selectedMark).toHaveText('business matching session');

    await page.keyboard.press('e');
    const edit = page.getByRole('dialog', { name: 'Edit issue' });
    await expect(edit.getByTestId('quote-source')).toHaveText('business matching session');
    await page.keyboard.press('Escape');
    await expect(edit).toBeHidden();

    await page.keyboard.press('r');
    const card = panel.getByRole('listitem').filter({ hasText: 'Terminology' });
    await expect(card).toContainText('Resolved');
    await page.keyboard.press('r');
    await expect(card).toContainText('Open');
  });
});
