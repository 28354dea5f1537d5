import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOT_DIRECTORY, chooseSegment, expect, openWorkspace, test } from './fixtures';

/**
 * axe-core over the main screens: the workspace in light and dark, with the annotation panel open and a flag in the
 * text, the flag dialog open, and the Japanese interface. No serious or critical violation is allowed; lesser ones are
 * printed for a person to judge.
 */

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describe(violations: readonly Violation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help}\n` +
        violation.nodes
          .slice(0, 40)
          .map(
            (node) =>
              `    ${node.target.join(' ')}  ${node.html.slice(0, 160)}\n      ${node.failureSummary ?? ''}`,
          )
          .join('\n'),
    )
    .join('\n');
}

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  // Let Mantine's transitions (modal, dropdowns) finish so colours are measured at rest.
  await page.waitForTimeout(400);
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  const minor = result.violations.filter((violation) => !serious.includes(violation));
  if (minor.length > 0) console.log(`[${screen}] lesser axe findings:\n${describe(minor)}`);
  if (serious.length > 0) console.log(`[${screen}] SERIOUS:\n${describe(serious)}`);
  expect
    .soft(serious, `[${screen}] serious or critical axe violations:\n${describe(serious)}`)
    .toEqual([]);
}

/** Flags 行われる in clause 1 through the dialog, so highlights and a card are on screen. */
async function flagOneIssue(page: Page): Promise<void> {
  await page.evaluate(() => {
    const group = document.querySelector('[role=rowgroup][aria-label="Clause 1"]');
    for (const sentence of group?.querySelectorAll('[data-side=target]') ?? []) {
      const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf('行われる') ?? -1;
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 4);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
        return;
      }
    }
    throw new Error('行われる not found');
  });
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Flag an issue' });
  const category = dialog.getByRole('combobox', { name: 'Issue category' });
  await category.fill('verb');
  await page.getByRole('option', { name: 'Mistranslation: verb tense', exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Suggested correction (optional)' }).fill('行われた');
  await dialog.getByRole('textbox', { name: 'Author' }).fill('Reviewer A');
  await dialog.getByRole('button', { name: 'Save issue' }).click();
  await expect(dialog).toBeHidden();
}

test.describe('accessibility (axe-core)', () => {
  // axe takes a few seconds per full-page scan; nine scans.
  test.setTimeout(240_000);
  test('workspace, annotation panel, flag dialog, dark scheme and Japanese UI have no serious violations', async ({
    page,
    host,
  }) => {
    const table = await openWorkspace(page, host);
    await chooseSegment(page, 'Light');
    await expectNoSeriousViolations(page, 'workspace, light, empty panel');

    await flagOneIssue(page);
    await expect(table.locator('mark[data-annotation-id]')).toHaveCount(1);
    await page
      .getByTestId('annotation-panel')
      .getByRole('button', { name: /Mistranslation/ })
      .click();
    await expectNoSeriousViolations(page, 'workspace, light, panel with a focused flag');

    await page
      .getByTestId('annotation-panel')
      .getByRole('button', { name: 'Flag selection' })
      .click();
    await expect(page.getByRole('dialog', { name: 'Flag an issue' })).toBeVisible();
    await expectNoSeriousViolations(page, 'flag dialog (no selection)');
    await page
      .getByRole('dialog', { name: 'Flag an issue' })
      .getByRole('button', { name: 'Cancel' })
      .click();

    await page.getByTestId('annotation-panel').getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByRole('dialog', { name: 'Edit issue' })).toBeVisible();
    await expectNoSeriousViolations(page, 'flag dialog (edit, with diff)');
    await page
      .getByRole('dialog', { name: 'Edit issue' })
      .getByRole('button', { name: 'Cancel' })
      .click();

    await chooseSegment(page, 'Dark');
    await expectNoSeriousViolations(page, 'workspace, dark');
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'annotation-panel-dark.png') });
    await page.getByTestId('annotation-panel').getByRole('button', { name: 'Edit' }).click();
    await expectNoSeriousViolations(page, 'flag dialog, dark');
    await page
      .getByRole('dialog', { name: 'Edit issue' })
      .getByRole('button', { name: 'Cancel' })
      .click();

    await chooseSegment(page, '日本語');
    await expect(page.getByRole('table', { name: '対訳表示' })).toBeVisible();
    await expectNoSeriousViolations(page, 'workspace, Japanese UI, dark');
    await chooseSegment(page, 'ライト');
    await expectNoSeriousViolations(page, 'workspace, Japanese UI, light');
    await page.getByTestId('annotation-panel').getByRole('button', { name: '編集' }).click();
    await expect(page.getByRole('dialog', { name: '指摘を編集' })).toBeVisible();
    await expectNoSeriousViolations(page, 'flag dialog, Japanese UI');
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'flag-dialog-ja.png') });
  });
});
