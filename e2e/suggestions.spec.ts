import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  SCREENSHOT_DIRECTORY,
  chooseSegment,
  expect,
  openSample,
  startHost,
  stopHost,
  test,
} from './fixtures';

/** The suggestions panel, once the checks have answered for the project as it is (revision `revision`). */
async function suggestionsAt(page: Page, revision: number) {
  const panel = page.getByTestId('suggestions-panel');
  await expect(panel).toHaveAttribute('data-checks-status', 'ready', { timeout: 30_000 });
  await expect(panel).toHaveAttribute('data-checks-revision', String(revision), {
    timeout: 30_000,
  });
  return panel;
}

/** The clause 1 tense suggestion: English "was held", Japanese 行われる. */
function heldSuggestion(page: Page) {
  return page
    .getByTestId('suggestions-panel')
    .locator('li[data-check=tense]')
    .filter({ hasText: '行われる' });
}

test.describe('suggestions of the automatic checks', () => {
  test('the sample opens with its suggestions; accepting one makes an issue raised by the check, undoable', async ({
    page,
    host,
  }) => {
    const table = await openSample(page, host.url);
    const panel = await suggestionsAt(page, 0);
    const held = heldSuggestion(page);
    await expect(held).toHaveCount(1);
    await expect(held).toContainText('was');
    await expect(panel.getByTestId('suggestion-group-tense')).toContainText('Tense');
    await expect(panel.getByTestId('suggestion-count')).toHaveText(/^\d+ suggestions?$/);
    // The row shows it too, quietly, under its texts.
    const clause1 = table.getByRole('rowgroup', { name: 'Clause 1', exact: true });
    await expect(clause1.getByTestId('row-suggestions')).toContainText('行われる');
    // Its words are underlined in both texts; a click on them puts the keyboard on the suggestion.
    const underlined = clause1.locator('[data-suggestion-span=tense]');
    await expect(underlined.filter({ hasText: /^was$/ })).toHaveCount(1);
    await expect(underlined.filter({ hasText: '行われる' })).toHaveCount(1);
    await underlined.filter({ hasText: '行われる' }).click();
    await expect(
      clause1
        .getByTestId('row-suggestions')
        .locator('[data-suggestion-key][data-check=tense]')
        .filter({ hasText: '行われる' }),
    ).toBeFocused();
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'suggestions-panel.png') });

    // A click on the suggestion selects its row (row 4, under clause 1).
    await held.getByText('was', { exact: true }).click();
    await expect(table.locator('[role=row][data-bead="3"]')).toHaveAttribute(
      'aria-current',
      'true',
    );

    // A accepts the focused suggestion.
    await held.focus();
    await page.keyboard.press('a');
    await expect(held).toHaveCount(0);
    const issues = page.getByTestId('annotation-panel');
    await expect(issues.getByTestId('issue-count')).toHaveText('1 issue');
    const card = issues.getByRole('listitem').filter({ hasText: 'Mistranslation' });
    await expect(card).toContainText('Accuracy › Mistranslation (Verb tense)');
    await expect(card).toContainText('行われる');
    await expect(
      table.locator('mark[data-annotation-id]').filter({ hasText: '行われる' }),
    ).toHaveCount(1);
    // An accepted suggestion is an issue now: its words are highlighted as one, no longer underlined.
    await expect(underlined.filter({ hasText: '行われる' })).toHaveCount(0);
    // Raised by: automatic check.
    const origin = issues.getByRole('combobox', { name: 'Raised by' });
    await origin.click();
    await page.getByRole('option', { name: 'Automatic check', exact: true }).click();
    await expect(issues.getByTestId('issue-count')).toHaveText('1 of 1 issue');
    await origin.click();
    await page.getByRole('option', { name: 'Reviewer', exact: true }).click();
    await expect(issues.getByTestId('issue-count')).toHaveText('0 of 1 issue');
    await origin.click();
    await page.getByRole('option', { name: 'Automatic check', exact: true }).click();

    // It is a normal issue: editable.
    await card.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit issue' });
    await expect(edit.getByRole('textbox', { name: 'Comment' })).toHaveValue(/行われる/);
    await edit.getByRole('textbox', { name: 'Comment' }).fill('Past event: expected 行われた.');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit).toBeHidden();
    await expect(card).toContainText('Past event: expected 行われた.');

    // Undo twice: the edit, then the acceptance; the suggestion is back.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect(issues.getByTestId('issue-count')).toHaveText('0 of 0 issues');
    await expect(held).toHaveCount(1);
  });

  test('in the Japanese interface an accepted suggestion keeps its message in Japanese as the comment', async ({
    page,
    host,
  }) => {
    await openSample(page, host.url);
    await chooseSegment(page, '日本語');
    await suggestionsAt(page, 0);
    const held = heldSuggestion(page);
    await expect(held).toContainText('原文の主動詞「was」は過去または現在完了ですが');
    await held.focus();
    await page.keyboard.press('a');
    await expect(held).toHaveCount(0);
    const card = page
      .getByTestId('annotation-panel')
      .getByRole('listitem')
      .filter({ hasText: '行われる' });
    await expect(card).toContainText('原文の主動詞「was」は過去または現在完了ですが');
  });

  test('a dismissed suggestion stays hidden after a realignment, a reload and a restart, and can be restored', async ({
    page,
    host,
  }) => {
    const table = await openSample(page, host.url);
    await suggestionsAt(page, 0);
    const held = heldSuggestion(page);
    await expect(held).toHaveCount(1);
    await held.focus();
    await page.keyboard.press('d');
    await expect(held).toHaveCount(0);
    const dismissedToggle = page.getByRole('button', { name: /Dismissed \(1\)/ });
    await expect(dismissedToggle).toBeVisible();

    // Confirm the first row, then realign the rest: the checks run again on the new rows, the dismissal still holds.
    const first = table.locator('[role=row][data-bead="0"]');
    await first.locator('[role=cell]').first().click();
    await page.keyboard.press('c');
    await expect(first.getByRole('img', { name: 'Confirmed' })).toBeVisible();
    await page.getByRole('button', { name: 'Realign unconfirmed' }).click();
    await expect(page.getByRole('button', { name: 'Undo realign' })).toBeEnabled({
      timeout: 30_000,
    });
    await suggestionsAt(page, 3);
    await expect(held).toHaveCount(0);

    // Reload: the dismissal comes back from the project.
    await page.reload();
    await expect(table.getByRole('rowgroup', { name: 'Clause 1', exact: true })).toBeVisible({
      timeout: 30_000,
    });
    await suggestionsAt(page, 3);
    await expect(held).toHaveCount(0);
    await expect(table.getByTestId('row-suggestions').filter({ hasText: '行われる' })).toHaveCount(
      0,
    );

    // Restart the host on the same user data: the dismissal comes back from the project file.
    const exited = new Promise((resolveExit) => host.child.once('exit', resolveExit));
    host.child.kill('SIGTERM');
    await exited;
    const restarted = await startHost({ TAIYAKU_USER_DATA: host.userDataDirectory });
    try {
      await openSample(page, restarted.url);
      await suggestionsAt(page, 0);
      await expect(held).toHaveCount(0);
      await expect(dismissedToggle).toBeVisible();

      // The Dismissed list shows it; Restore brings it back (one undoable command).
      await dismissedToggle.click();
      const dismissed = page.locator('li[data-dismissal-id]').filter({ hasText: '行われる' });
      await expect(dismissed).toHaveCount(1);
      await dismissed.getByRole('button', { name: 'Restore' }).click();
      await expect(held).toHaveCount(1);
      await expect(page.getByRole('button', { name: /Dismissed \(0\)/ })).toBeVisible();
    } finally {
      await stopHost(restarted);
    }
  });

  test('a check turned off for the project stops suggesting', async ({ page, host }) => {
    await openSample(page, host.url);
    await suggestionsAt(page, 0);
    await expect(heldSuggestion(page)).toHaveCount(1);
    await page.getByRole('button', { name: 'Check settings' }).click();
    const tense = page.getByRole('switch', { name: 'Tense' });
    await expect(tense).toBeChecked();
    await tense.click({ force: true });
    await expect(tense).not.toBeChecked();
    await suggestionsAt(page, 1);
    await expect(heldSuggestion(page)).toHaveCount(0);
    await tense.click({ force: true });
    await suggestionsAt(page, 2);
    await expect(heldSuggestion(page)).toHaveCount(1);

    // Accept all of a kind asks first.
    const acceptAll = page.getByRole('button', { name: 'Accept all: Tense' });
    await acceptAll.click();
    const confirm = page.getByRole('dialog', { name: 'Accept every Tense suggestion?' });
    await expect(confirm).toContainText('The suggestion becomes an open issue.');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await expect(heldSuggestion(page)).toHaveCount(1);
    await acceptAll.click();
    await confirm.getByRole('button', { name: 'Accept all' }).click();
    await expect(heldSuggestion(page)).toHaveCount(0);
    await expect(page.getByTestId('annotation-panel').getByTestId('issue-count')).toHaveText(
      '1 issue',
    );
  });

  test('a suggestion dismissed in one tab disappears from the other without a reload', async ({
    context,
    host,
  }) => {
    const pageA = await context.newPage();
    const pageB = await context.newPage();
    await openSample(pageA, host.url);
    await openSample(pageB, host.url);
    await suggestionsAt(pageA, 0);
    await suggestionsAt(pageB, 0);
    await expect(heldSuggestion(pageB)).toHaveCount(1);
    await heldSuggestion(pageA).getByRole('button', { name: 'Dismiss' }).click();
    await expect(heldSuggestion(pageA)).toHaveCount(0);
    await expect(heldSuggestion(pageB)).toHaveCount(0);
    await expect(pageB.getByRole('button', { name: /Dismissed \(1\)/ })).toBeVisible();
  });
});
