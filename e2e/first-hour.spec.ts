import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import {
  SCREENSHOT_DIRECTORY,
  beadRow,
  chooseSegment,
  expect,
  openSample,
  openWorkspace,
  selectInClause1,
  test,
} from './fixtures';

/**
 * "The reviewer's first hour": what a new reviewer ran into on the sample, one test per finding.
 */

/** The percentage a row's confidence badge states, or null when it states none (an edited row). */
async function statedPercent(row: Locator): Promise<number | null> {
  const label = await row.getByLabel(/^Alignment confidence/).getAttribute('aria-label');
  const match = /(\d+)%/.exec(label ?? '');
  return match ? Number(match[1]) : null;
}

/** Whether an element's content is cut off (wider than its box). */
function isClipped(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.scrollWidth > element.clientWidth + 1);
}

/** The text of the pinned clause heading and the clause group of the first row visible below it. */
async function stickyAndTopRow(page: Page) {
  return page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('[data-aligned-scroller]')!;
    // The pinned heading: the scroller's direct child hidden from assistive technology.
    const sticky = scroller.querySelector<HTMLElement>(':scope > div[aria-hidden]')!;
    const stickyBottom = sticky.firstElementChild!.getBoundingClientRect().bottom;
    const rows = [...scroller.querySelectorAll<HTMLElement>('[role=row][data-bead]')];
    const top = rows.find((row) => row.getBoundingClientRect().bottom > stickyBottom + 2)!;
    return {
      sticky: sticky.textContent ?? '',
      group: top.closest('[role=rowgroup]')!.getAttribute('aria-label') ?? '',
      row: Number(top.dataset['bead']) + 1,
    };
  });
}

test.describe("the reviewer's first hour", () => {
  const OPENING_WORDS = {
    en: {
      opening: 'Opening the document…',
      dictionaries: 'Loading dictionaries…',
      aligning: /^Aligning clause (\d+) of \1…$/,
      realign: 'Realign unconfirmed',
      flag: 'Flag selection…',
      undo: /^Undo/,
      project: 'Project',
      exportItem: /Export/,
    },
    ja: {
      opening: '文書を開いています…',
      dictionaries: '辞書を読み込んでいます…',
      aligning: /^項 (\d+)\/\1 を整列しています…$/,
      realign: '未確定の行を再整列',
      flag: '選択範囲に指摘を付ける…',
      undo: /^元に戻す/,
      project: 'プロジェクト',
      exportItem: /書き出し/,
    },
  } as const;

  for (const language of ['en', 'ja'] as const) {
    test(`0. the first start says what it is doing while it aligns the sample, and disables what cannot act yet (${language})`, async ({
      page,
      host,
    }) => {
      const words = OPENING_WORDS[language];
      await page.setViewportSize({ width: 1024, height: 700 });
      // Record every step the opening screen shows (they pass quickly), in the language chosen before.
      await page.addInitScript((uiLanguage) => {
        localStorage.setItem('taiyaku.uiLanguage', uiLanguage);
        const seen: string[] = [];
        (window as unknown as { openingSeen: string[] }).openingSeen = seen;
        new MutationObserver(() => {
          const text = document.querySelector('[data-opening-progress]')?.textContent ?? '';
          if (text && seen[seen.length - 1] !== text) seen.push(text);
        }).observe(document, { subtree: true, childList: true, characterData: true });
      }, language);
      // Hold the answer to the opening back once the aligner is done, to look at the screen that waits for it.
      let aligned = false;
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(
        (url) => url.pathname === '/api/project:open',
        async (route) => {
          const response = await route.fetch();
          aligned = true;
          await held;
          await route.fulfill({ response });
        },
      );
      await page.goto(host.url);
      const status = page.locator('[data-opening-progress]');
      await expect(page.getByText(words.opening)).toBeVisible();
      await expect(page.getByRole('button', { name: words.realign })).toBeDisabled();
      await expect(page.getByRole('button', { name: words.flag })).toBeDisabled();
      await expect(page.getByRole('button', { name: words.undo })).toBeDisabled();
      await page.getByRole('button', { name: words.project, exact: true }).click();
      await expect(page.getByRole('menuitem', { name: words.exportItem })).toBeDisabled();
      await page.keyboard.press('Escape');
      await expect.poll(() => aligned, { timeout: 30_000 }).toBe(true);
      await expect(status).toHaveText(words.aligning);
      await page.screenshot({
        path: join(SCREENSHOT_DIRECTORY, `first-hour-opening-1024-${language}.png`),
      });
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.screenshot({
        path: join(SCREENSHOT_DIRECTORY, `first-hour-opening-1440-${language}.png`),
      });
      const seen = await page.evaluate(
        () => (window as unknown as { openingSeen: string[] }).openingSeen,
      );
      expect(seen).toContain(words.dictionaries);
      expect(seen.some((text) => words.aligning.test(text))).toBe(true);

      release();
      await expect(page.locator('[role=row][data-bead="0"]')).toBeVisible();
      await expect(page.getByRole('button', { name: words.realign })).toBeEnabled();
      await expect(page.getByRole('button', { name: words.flag })).toBeEnabled();
    });
  }

  test('1. a row shows confirmation and the aligner’s confidence as two things', async ({
    page,
    host,
  }) => {
    const table = await openWorkspace(page, host);
    const row = beadRow(table, 4);
    const before = await statedPercent(row);
    expect(before).not.toBeNull();
    await row.locator('[role=cell]').first().click();
    await page.keyboard.press('Enter');
    await expect(row.getByRole('img', { name: 'Confirmed' })).toBeVisible();
    // Confirming does not invent a 100%, and neither does realigning around the confirmed row.
    expect(await statedPercent(row)).toBe(before);
    await page.getByRole('button', { name: 'Realign unconfirmed' }).click();
    await expect(page.getByRole('button', { name: 'Undo realign' })).toBeEnabled({
      timeout: 30_000,
    });
    const confirmed = table.locator('[role=row][data-pinned]');
    await expect(confirmed).toHaveCount(1);
    expect(await statedPercent(confirmed)).toBe(before);
    await page.getByRole('button', { name: 'Undo realign' }).click();
    await expect(row.getByRole('img', { name: 'Confirmed' })).toBeVisible();
    await row.locator('[role=cell]').first().click();
    await page.keyboard.press('c');
    await expect(row.getByRole('img', { name: 'Confirmed' })).toHaveCount(0);
    expect(await statedPercent(row)).toBe(before);
    await expect(row).not.toHaveAttribute('data-pinned', '');

    // A row edited by hand has no aligner score: it says "edited", not 100%.
    await beadRow(table, 1).locator('[role=cell]').first().click();
    await page.keyboard.press('m');
    const merged = beadRow(table, 1);
    await expect(merged.getByRole('img', { name: 'Confirmed' })).toBeVisible();
    await expect(merged.getByLabel(/^Alignment confidence/)).toHaveAttribute(
      'aria-label',
      /edited by hand/,
    );
    await expect(merged).toHaveAttribute('data-confidence-band', 'edited');
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'first-hour-edited-row.png') });
  });

  test('2. sentence boundaries show inside a row, and split starts at a sentence picked with the mouse', async ({
    page,
    host,
  }) => {
    const table = await openWorkspace(page, host);
    await beadRow(table, 1).locator('[role=cell]').first().click();
    await page.keyboard.press('m');
    await page.keyboard.press('m');
    const english = beadRow(table, 1).locator('[role=cell][lang=en] [data-sentence]');
    await expect(english).toHaveCount(3);
    const marks = await english.evaluateAll((spans) =>
      spans.map((span) => getComputedStyle(span, '::before').content),
    );
    expect(marks[0]).toBe('none');
    expect(marks[1]).not.toBe('none');
    expect(marks[2]).not.toBe('none');
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'first-hour-sentences.png') });

    // Click into the second English sentence: "Split row" offers to start the new row there.
    // An inline sentence may start at the end of a line: click in the middle of its widest line box.
    const box = await english
      .nth(1)
      .evaluate(
        (span) =>
          [...span.getClientRects()].sort((a, b) => b.width - a.width)[0]!.toJSON() as DOMRect,
      );
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.press('s');
    const split = page.getByRole('form', { name: 'Split row 2' });
    await expect(split).toBeVisible();
    await expect(split.getByRole('textbox').first()).toHaveValue('1');
  });

  test('2b. a sentence clicked into mid-row moves to the previous or next row, with those between', async ({
    page,
    host,
  }) => {
    const table = await openWorkspace(page, host);
    await beadRow(table, 1).locator('[role=cell]').first().click();
    await page.keyboard.press('m');
    await page.keyboard.press('m');
    const englishOf = (index: number) =>
      beadRow(table, index).locator('[role=cell][lang=en] [data-sentence]');
    await expect(englishOf(1)).toHaveCount(3);
    const before = await englishOf(0).count();
    const clickSentence = async (index: number) => {
      const box = await englishOf(1)
        .nth(index)
        .evaluate(
          (span) =>
            [...span.getClientRects()].sort((a, b) => b.width - a.width)[0]!.toJSON() as DOMRect,
        );
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    };
    const openMenu = async () => {
      await beadRow(table, 1)
        .getByRole('button', { name: /^Row actions/ })
        .click();
      return page.getByRole('menu');
    };

    // The middle sentence of three, to the previous row: the first goes with it (order is kept).
    await clickSentence(1);
    let menu = await openMenu();
    await menu
      .getByRole('menuitem', {
        name: /Move the English sentence clicked into, with 1 before it, to previous row/,
      })
      .click();
    await expect(englishOf(0)).toHaveCount(before + 2);
    await expect(englishOf(1)).toHaveCount(1);
    await page.keyboard.press('Control+z');
    await expect(englishOf(1)).toHaveCount(3);
    // The key does the same as the menu item.
    await clickSentence(1);
    await page.keyboard.press('[');
    await expect(englishOf(0)).toHaveCount(before + 2);
    await page.keyboard.press('Control+z');
    await expect(englishOf(1)).toHaveCount(3);

    // The middle sentence to the next row: the last goes with it.
    const after = await englishOf(2).count();
    await clickSentence(1);
    menu = await openMenu();
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'first-hour-move-menu.png') });
    await menu
      .getByRole('menuitem', {
        name: /Move the English sentence clicked into, with 1 after it, to next row/,
      })
      .click();
    await expect(englishOf(1)).toHaveCount(1);
    await expect(englishOf(2)).toHaveCount(after + 2);
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'first-hour-moved-sentence.png') });
  });

  test('2c. undo after a reload of the page takes back a flag set before it', async ({
    page,
    host,
  }) => {
    await openSample(page, host.url);
    const panel = page.getByTestId('annotation-panel');
    await expect(panel.getByTestId('issue-count')).toHaveText('0 issues');
    expect(await selectInClause1(page, 'target', '行われる')).toBe('行われる');
    await page.keyboard.press('f');
    const dialog = page.getByRole('dialog', { name: 'Flag an issue' });
    const category = dialog.getByRole('combobox', { name: 'Issue category' });
    await category.click();
    await category.fill('verb');
    await page.getByRole('option', { name: 'Mistranslation: verb tense', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Author' }).fill('Reviewer A');
    await dialog.getByRole('button', { name: 'Save issue' }).click();
    await expect(dialog).toBeHidden();
    await expect(panel.getByTestId('issue-count')).toHaveText('1 issue');

    await page.reload();
    await expect(panel.getByTestId('issue-count')).toHaveText('1 issue', { timeout: 30_000 });
    const undo = page.getByRole('button', { name: /^Undo/ });
    await expect(undo).toBeEnabled();
    await expect(undo).toHaveText('Undo add issue');
    await page.getByRole('table', { name: 'Aligned text' }).locator('[role=cell]').first().click();
    await page.keyboard.press('Control+z');
    await expect(panel.getByTestId('issue-count')).toHaveText('0 issues');
    // Redo brings it back, and the next reload still knows both.
    await expect(page.getByRole('button', { name: /^Redo/ })).toHaveText('Redo add issue');
    await page.reload();
    await expect(page.getByRole('button', { name: /^Redo/ })).toBeEnabled({ timeout: 30_000 });
    await page.getByRole('button', { name: /^Redo/ }).click();
    await expect(panel.getByTestId('issue-count')).toHaveText('1 issue');
  });

  test('3. the pinned clause heading names the clause of the row under it; Home shows row 1 whole', async ({
    page,
    host,
  }) => {
    const table = await openWorkspace(page, host);
    // The checks' suggestions add a line under their rows when they arrive: measure once the rows have settled.
    await expect(page.getByTestId('suggestions-panel')).toHaveAttribute(
      'data-checks-status',
      'ready',
      { timeout: 30_000 },
    );
    const scroller = page.locator('[data-aligned-scroller]');
    const rowCount = await table.locator('[role=row][data-bead]').count();
    expect(rowCount).toBeGreaterThan(3);
    // Scroll each row to just under the pinned heading and check what the heading says.
    for (let index = 1; index < 15; index++) {
      const top = await beadRow(table, index).evaluate((row, scrollerElement) => {
        const scrollerNode = document.querySelector<HTMLElement>('[data-aligned-scroller]')!;
        void scrollerElement;
        return row.getBoundingClientRect().top - scrollerNode.getBoundingClientRect().top;
      }, null);
      await scroller.evaluate((element, by) => element.scrollBy(0, by - 62), top);
      await page.waitForTimeout(50);
      const seen = await stickyAndTopRow(page);
      expect(seen.sticky.startsWith(seen.group), JSON.stringify(seen)).toBe(true);
      await scroller.evaluate((element) => element.scrollTo(0, 0));
      await page.waitForTimeout(30);
      if ((await beadRow(table, index + 1).count()) === 0) break;
    }
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await expect(beadRow(table, 0)).toHaveAttribute('aria-current', 'true');
    await page.waitForTimeout(100);
    const covered = await page.evaluate(() => {
      const sticky = document.querySelector(
        '[data-aligned-scroller] > div[aria-hidden]',
      )!.firstElementChild!;
      const row = document.querySelector('[role=row][data-bead="0"]')!;
      return sticky.getBoundingClientRect().bottom - row.getBoundingClientRect().top;
    });
    expect(covered).toBeLessThanOrEqual(1);
  });

  test('5. search highlights its matches in both columns', async ({ page, host }) => {
    const table = await openWorkspace(page, host);
    const search = page.getByRole('searchbox', { name: 'Search both texts' });
    await search.fill('village');
    await expect(beadRow(table, 3).locator('[lang=en] mark[data-search-hit]')).toHaveText(
      'Village',
    );
    await search.fill('ｊ－ヴィレッジ');
    await expect(beadRow(table, 3).locator('[lang=ja] mark[data-search-hit]')).toHaveText(
      'J-ヴィレッジ',
    );
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'first-hour-search.png') });
  });

  test('6. row menu items that cannot apply are disabled', async ({ page, host }) => {
    const table = await openWorkspace(page, host);
    const menuOf = async (index: number) => {
      await beadRow(table, index)
        .getByRole('button', { name: /^Row actions/ })
        .click();
      return page.getByRole('menu');
    };
    let menu = await menuOf(0);
    await expect(menu.getByRole('menuitem', { name: /Merge with previous row/ })).toBeDisabled();
    await expect(
      menu.getByRole('menuitem', { name: /Move first English sentence to previous row/ }),
    ).toBeDisabled();
    await page.keyboard.press('Escape');
    // A 1–1 row: moving its only English or Japanese sentence away would only leave half a row.
    menu = await menuOf(2);
    await expect(
      menu.getByRole('menuitem', { name: /Move first English sentence to previous row/ }),
    ).toBeDisabled();
    await expect(
      menu.getByRole('menuitem', { name: /Move last Japanese sentence to next row/ }),
    ).toBeDisabled();
    await expect(menu.getByRole('menuitem', { name: /Merge with previous row/ })).toBeEnabled();
    await page.getByRole('menuitem', { name: /Detach Japanese/ }).click();
    await expect(beadRow(table, 2).locator('[role=cell][lang=ja]')).toHaveText(
      'Nothing on this side',
    );
    menu = await menuOf(2);
    await expect(menu.getByRole('menuitem', { name: /Detach Japanese/ })).toBeDisabled();
    await expect(menu.getByRole('menuitem', { name: /Detach English/ })).toBeDisabled();
    // The English left alone may go on to the next row (that row is then whole again).
    await expect(
      menu.getByRole('menuitem', { name: /Move last English sentence to next row/ }),
    ).toBeEnabled();
    await page.keyboard.press('Escape');
  });

  for (const language of ['en', 'ja'] as const) {
    test(`7. the layout fits 1024×700 (${language}); the annotation panel gives way`, async ({
      page,
      host,
    }) => {
      await page.setViewportSize({ width: 1024, height: 700 });
      await openWorkspace(page, host);
      if (language === 'ja') await chooseSegment(page, '日本語');
      await page.waitForTimeout(200);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(1024);
      const words =
        language === 'en'
          ? { rows: '15 rows', project: 'Project', filters: 'Filters', panel: 'Annotations' }
          : { rows: '15 行', project: 'プロジェクト', filters: '絞り込み', panel: '指摘' };
      const rows = page.getByText(words.rows, { exact: true });
      await expect(rows).toBeInViewport({ ratio: 1 });
      expect(await isClipped(rows)).toBe(false);
      const project = page.getByRole('button', { name: words.project, exact: true });
      expect(await isClipped(project.locator('.mantine-Button-label'))).toBe(false);
      const filters = page.getByRole('button', { name: words.filters, exact: true });
      await expect(filters).toBeInViewport({ ratio: 1 });
      expect(await isClipped(filters.locator('.mantine-Button-label'))).toBe(false);
      // The logo stays on one line.
      const logo = page.getByText(language === 'en' ? 'Taiyaku' : '対訳', { exact: true }).first();
      const logoBox = await logo.boundingBox();
      expect(logoBox!.height).toBeLessThan(30);
      // Narrow window: the panel is a drawer, closed until asked for.
      await expect(page.getByRole('complementary', { name: words.panel })).toHaveCount(0);
      await page.screenshot({
        path: join(SCREENSHOT_DIRECTORY, `first-hour-1024-${language}.png`),
      });
      // The panel button opens the drawer over the text; the page still does not scroll sideways.
      const show = language === 'en' ? 'Show the annotation panel' : '指摘パネルを表示';
      await page.getByRole('button', { name: show }).click();
      const drawer = page.getByRole('complementary', { name: words.panel });
      await expect(drawer).toBeInViewport();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        1024,
      );
      await page.screenshot({
        path: join(SCREENSHOT_DIRECTORY, `first-hour-1024-${language}-panel.png`),
      });
      await drawer.getByRole('button').first().focus();
      await page.keyboard.press('Escape');
      await expect(drawer).toHaveCount(0);
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.waitForTimeout(200);
      await page.screenshot({
        path: join(SCREENSHOT_DIRECTORY, `first-hour-1440-${language}.png`),
      });
    });
  }

  test('8. the help lists keys without overlapping the action', async ({ page, host }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openWorkspace(page, host);
    await page.keyboard.press('?');
    const redo = page.getByRole('dialog').locator('tr[data-action=redo]');
    await expect(redo).toBeVisible();
    const overlap = await redo.evaluate((row) => {
      const [keys, action] = [...row.querySelectorAll('td')];
      const right = Math.max(
        ...[...keys!.querySelectorAll('kbd')].map((kbd) => kbd.getBoundingClientRect().right),
      );
      return right - action!.getBoundingClientRect().left;
    });
    expect(overlap).toBeLessThanOrEqual(0);
  });

  test('9. the sample cannot be closed, and the menu says why', async ({ page, host }) => {
    await openWorkspace(page, host);
    await page.getByRole('button', { name: 'Project', exact: true }).click();
    const close = page.getByRole('menuitem', { name: /Close project/ });
    await expect(close).toBeDisabled();
    await expect(page.getByRole('menu')).toContainText('The sample is always open');
  });
});
