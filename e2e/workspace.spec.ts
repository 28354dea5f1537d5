import { join } from 'node:path';
import { SHORTCUTS } from '../renderer/src/features/workspace/shortcuts';
import {
  SCREENSHOT_DIRECTORY,
  beadRow,
  chooseSegment,
  expect,
  openWorkspace,
  test,
} from './fixtures';

/** The sample's sentence beads when it first opens. */
const SAMPLE_ROWS = 15;

test.describe('the review workspace', () => {
  test('shows the sample side by side, selects rows from the keyboard, lists every shortcut', async ({
    page,
    host,
  }) => {
    const table = await openWorkspace(page, host);
    await expect(page.getByText(`${SAMPLE_ROWS} rows`, { exact: true })).toBeVisible();
    const clause1 = table.getByRole('rowgroup', { name: 'Clause 1', exact: true });
    const first = clause1.getByRole('row').first();
    await expect(first.locator('[role=cell][lang=en]')).toHaveText(/^1\. The 4th ASEAN/);
    await expect(first.locator('[role=cell][lang=ja]')).toHaveText(/^1\. 「第4回日/);
    // Confidence as a badge with its percentage (and a coloured bar: data-confidence-band).
    await expect(first.getByLabel(/^Alignment confidence \d+%$/)).toBeVisible();
    // The colour band follows the percentage: below 50 low, from 80 high.
    for (const index of [0, 1, 2, 3]) {
      const label = await beadRow(table, index)
        .getByLabel(/^Alignment confidence/)
        .getAttribute('aria-label');
      const percent = Number(/(\d+)%/.exec(label ?? '')?.[1]);
      const band = percent >= 80 ? 'high' : percent >= 50 ? 'medium' : 'low';
      await expect(beadRow(table, index)).toHaveAttribute('data-confidence-band', band);
    }

    // The first row is selected on open; ↓, j, ↑ and k move the selection.
    await expect(beadRow(table, 0)).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('j');
    await expect(beadRow(table, 2)).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('k');
    await expect(beadRow(table, 1)).toHaveAttribute('aria-current', 'true');
    await expect(beadRow(table, 2)).not.toHaveAttribute('aria-current', 'true');
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'workspace-light.png') });

    // End goes to the last row and scrolls it into view.
    await page.keyboard.press('End');
    const last = beadRow(table, SAMPLE_ROWS - 1);
    await expect(last).toHaveAttribute('aria-current', 'true');
    await expect(last).toBeInViewport();
    await page.keyboard.press('Home');
    await expect(beadRow(table, 0)).toBeInViewport();

    await chooseSegment(page, 'Dark');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await beadRow(table, 3).click();
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'workspace-dark.png') });
    await chooseSegment(page, 'Light');

    // F opens the flag dialog (the annotations feature's) also while the annotation panel is hidden.
    await page.getByRole('button', { name: 'Hide the annotation panel' }).first().click();
    await expect(page.getByRole('complementary', { name: 'Annotations' })).toHaveCount(0);
    await page.keyboard.press('f');
    const flag = page.getByRole('dialog');
    await expect(flag).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(flag).toBeHidden();
    await page.getByRole('button', { name: 'Show the annotation panel' }).click();
    await expect(page.getByRole('complementary', { name: 'Annotations' })).toBeVisible();

    // ? opens the help, which lists every shortcut of the table the key handler uses.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help.locator('tr[data-action]')).toHaveCount(SHORTCUTS.length);
    await expect(help).toContainText('Merge with previous row');
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'help-overlay.png') });
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });

  test('merges, splits, moves, detaches, and undoes and redoes every step', async ({
    page,
    host,
  }) => {
    const table = await openWorkspace(page, host);
    const count = (rows: number) => page.getByText(`${rows} rows`, { exact: true });
    await beadRow(table, 1).locator('[role=cell]').first().click();
    await expect(beadRow(table, 1)).toHaveAttribute('aria-current', 'true');

    // m merges the selected row with the next one.
    await page.keyboard.press('m');
    await expect(count(SAMPLE_ROWS - 1)).toBeVisible();
    await expect(beadRow(table, 1)).toContainText('jointly chaired');
    await expect(beadRow(table, 1)).toHaveAttribute('data-pinned', '');
    await expect(page.getByRole('button', { name: 'Undo merge' })).toBeEnabled();

    // s opens the split popover; the default keeps the first sentence of each side in the first row.
    await page.keyboard.press('s');
    const split = page.getByRole('form', { name: 'Split row 2' });
    await expect(split).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'split-row.png') });
    await split.getByRole('button', { name: 'Split' }).click();
    await expect(count(SAMPLE_ROWS)).toBeVisible();
    await expect(beadRow(table, 2)).toContainText('jointly chaired');

    // Undo and redo, from the keyboard and the toolbar.
    await page.keyboard.press('Control+z');
    await expect(count(SAMPLE_ROWS - 1)).toBeVisible();
    await page.keyboard.press('Control+z');
    await expect(count(SAMPLE_ROWS)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Redo merge' })).toBeEnabled();
    await page.keyboard.press('Control+Shift+z');
    await expect(count(SAMPLE_ROWS - 1)).toBeVisible();
    await page.keyboard.press('Control+y');
    await expect(count(SAMPLE_ROWS)).toBeVisible();
    await page.getByRole('button', { name: 'Undo split' }).click();
    await expect(count(SAMPLE_ROWS - 1)).toBeVisible();
    await page.getByRole('button', { name: 'Redo split' }).click();
    await expect(count(SAMPLE_ROWS)).toBeVisible();

    // Split a sentence where the caret is: the English sentence of row 3 becomes two.
    const englishOfRow3 = beadRow(table, 2).locator('[role=cell][lang=en] [data-sentence]');
    await expect(englishOfRow3).toHaveCount(1);
    await page.evaluate(() => {
      const span = document.querySelector(
        '[role=row][data-bead="2"] [data-side=source][data-sentence]',
      )!;
      const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
      const text = walker.nextNode()!;
      const range = document.createRange();
      range.setStart(text, text.textContent!.indexOf(' by Mr.'));
      range.collapse(true);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await page.keyboard.press('Shift+S');
    await expect(englishOfRow3).toHaveCount(2);
    await expect(englishOfRow3.first()).toHaveText('The Meeting was jointly chaired');
    await page.keyboard.press('Control+z');
    await expect(englishOfRow3).toHaveCount(1);

    // x detaches the Japanese: the row keeps its English alone, the Japanese gets a row of its own.
    await beadRow(table, 3).locator('[role=cell]').first().click();
    await page.keyboard.press('x');
    await expect(count(SAMPLE_ROWS + 1)).toBeVisible();
    await expect(beadRow(table, 3).locator('[role=cell][lang=ja]')).toHaveText(
      'Nothing on this side',
    );
    await expect(beadRow(table, 4).locator('[role=cell][lang=en]')).toHaveText(
      'Nothing on this side',
    );
    // ] moves the row's last English sentence into the next row (which had none): that row is whole again.
    await page.keyboard.press(']');
    await expect(count(SAMPLE_ROWS)).toBeVisible();
    await expect(beadRow(table, 3)).toContainText('J-ヴィレッジ');

    // The row menu runs the same actions.
    await beadRow(table, 3)
      .getByRole('button', { name: /^Row actions/ })
      .click();
    await page.getByRole('menuitem', { name: /Merge with previous row/ }).click();
    await expect(count(SAMPLE_ROWS - 1)).toBeVisible();
    await expect(beadRow(table, 2)).toContainText('J-ヴィレッジ');

    // A refused command says why.
    await page.keyboard.press('End');
    await page.keyboard.press('m');
    await expect(
      page.getByText('There is no neighbouring row to merge with.').first(),
    ).toBeVisible();
  });

  test('confirms a row and realigns the rest around it', async ({ page, host }) => {
    const table = await openWorkspace(page, host);
    const row = beadRow(table, 2);
    const aligned = await row.getByLabel(/^Alignment confidence/).getAttribute('aria-label');
    await row.locator('[role=cell]').first().click();
    await page.keyboard.press('Enter');
    await expect(row.getByRole('img', { name: 'Confirmed' })).toBeVisible();
    // Confirming keeps the aligner's confidence: a confirmation is not a score.
    await expect(row.getByLabel(aligned!, { exact: true })).toBeVisible();
    await page.keyboard.press('c');
    await expect(row.getByRole('img', { name: 'Confirmed' })).toHaveCount(0);
    await page.keyboard.press('c');
    await expect(row.getByRole('img', { name: 'Confirmed' })).toBeVisible();

    await page.getByRole('button', { name: 'Realign unconfirmed' }).click();
    await expect(page.getByRole('button', { name: 'Undo realign' })).toBeEnabled({
      timeout: 30_000,
    });
    const pinned = table.locator('[role=row][data-pinned]');
    await expect(pinned).toHaveCount(1);
    await expect(pinned).toContainText('jointly chaired');
    await expect(pinned.getByRole('img', { name: 'Confirmed' })).toBeVisible();
  });

  test('searches both texts, filters rows and jumps between matches', async ({ page, host }) => {
    const table = await openWorkspace(page, host);
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: 'Search both texts' });
    await expect(search).toBeFocused();
    // Full-width letters find half-width ones (NFKC), in either language.
    await search.fill('ｊ－ｖｉｌｌａｇｅ');
    await expect(page.getByText(`1 of ${SAMPLE_ROWS} rows`, { exact: true })).toBeVisible();
    await expect(table.locator('[role=row][data-bead]')).toHaveCount(1);
    await expect(beadRow(table, 3)).toHaveAttribute('aria-current', 'true');

    await search.fill('福島');
    const matches = table.locator('[role=row][data-bead]');
    await expect(matches.first()).toBeVisible();
    const shown = await matches.count();
    expect(shown).toBeGreaterThan(1);
    await expect(page.getByText(`${shown} of ${SAMPLE_ROWS} rows`, { exact: true })).toBeVisible();
    // The selected row stays selected while it matches; Enter jumps to the next match, round to the first.
    const beads = (
      await matches.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-bead')))
    ).map(Number);
    const selected = Number(
      await table.locator('[role=row][aria-current=true]').getAttribute('data-bead'),
    );
    expect(beads).toContain(selected);
    const next = beads[(beads.indexOf(selected) + 1) % beads.length]!;
    await search.press('Enter');
    await expect(beadRow(table, next)).toHaveAttribute('aria-current', 'true');
    await search.press('Escape');
    await expect(page.getByText(`${SAMPLE_ROWS} rows`, { exact: true })).toBeVisible();

    // Filters: low confidence shows exactly the rows below 50% (how many depends on the aligner: ask the host).
    const sample = (await (
      await fetch(`${host.origin}/api/project:open`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
        body: '{}',
      })
    ).json()) as { value: { project: { alignment: { sentenceBeads: { confidence: number }[] } } } };
    const expectedLow = sample.value.project.alignment.sentenceBeads.filter(
      (bead) => bead.confidence < 0.5,
    ).length;
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('checkbox', { name: 'Low confidence (below 50%)' }).check();
    const low = table.locator('[role=row][data-bead]');
    await expect(
      page.getByText(`${expectedLow} of ${SAMPLE_ROWS} rows`, { exact: true }),
    ).toBeVisible();
    await expect(low).toHaveCount(expectedLow);
    for (let index = 0; index < expectedLow; index++)
      await expect(low.nth(index)).toHaveAttribute('data-confidence-band', 'low');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByText(`${SAMPLE_ROWS} rows`, { exact: true })).toBeVisible();
    await page.keyboard.press('Escape');

    // No flags yet: n says so instead of doing nothing.
    await table.locator('[role=row][data-bead]').first().click();
    await page.keyboard.press('n');
    await expect(page.getByText('No row has a flag yet.').first()).toBeVisible();
  });

  test('switches the interface to Japanese and keeps the choice', async ({ page, host }) => {
    await openWorkspace(page, host);
    await chooseSegment(page, '日本語');
    const table = page.getByRole('table', { name: '対訳表示' });
    await expect(table.getByRole('rowgroup', { name: '項 1', exact: true })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: '英語（原文）' })).toBeVisible();
    await expect(page.getByRole('button', { name: '未確定の行を再整列' })).toBeVisible();
    await expect(page.getByText(`${SAMPLE_ROWS} 行`, { exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'workspace-ja.png') });
    await page.reload();
    await expect(page.getByRole('table', { name: '対訳表示' })).toBeVisible();
    await chooseSegment(page, 'English');
    await expect(page.getByRole('table', { name: 'Aligned text' })).toBeVisible();
  });

  test('keeps edits across a reload: the Node side saved them', async ({ page, host }) => {
    const table = await openWorkspace(page, host);
    await beadRow(table, 1).locator('[role=cell]').first().click();
    await page.keyboard.press('m');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByText(`${SAMPLE_ROWS - 1} rows`, { exact: true })).toBeVisible();
    await expect(beadRow(table, 2).getByRole('img', { name: 'Confirmed' })).toBeVisible();
    await expect(page.getByText(/^Saved \d\d:\d\d$/)).toBeVisible({ timeout: 10_000 });
    await page.reload();
    const reloaded = page.getByRole('table', { name: 'Aligned text' });
    await expect(page.getByText(`${SAMPLE_ROWS - 1} rows`, { exact: true })).toBeVisible({
      timeout: 30_000,
    });
    await expect(beadRow(reloaded, 1)).toContainText('jointly chaired');
    await expect(beadRow(reloaded, 2).getByRole('img', { name: 'Confirmed' })).toBeVisible();
  });
});
