import { join } from 'node:path';
import { SCREENSHOT_DIRECTORY, expect, test } from './fixtures';

test.describe('the sample document in the loopback host', () => {
  test('opens the seed with its 7 clause pairs side by side', async ({ page, host }) => {
    // The view is virtualised (only rows in view are in the page): make the window tall enough for every row.
    await page.setViewportSize({ width: 1400, height: 4000 });
    await page.goto(host.url);
    const table = page.getByRole('table', { name: 'Aligned text' });
    await expect(table).toBeVisible();
    await expect(page.getByText('Sample', { exact: true })).toBeVisible();

    for (let clause = 1; clause <= 7; clause++) {
      const group = table.getByRole('rowgroup', { name: `Clause ${clause}`, exact: true });
      await expect(group).toHaveCount(1);
      const firstRow = group.getByRole('row').first();
      await expect(firstRow.locator('[role=cell][lang=en]')).toHaveText(
        new RegExp(`^${clause}\\. `),
      );
      await expect(firstRow.locator('[role=cell][lang=ja]')).toHaveText(
        new RegExp(`^${clause}\\. `),
      );
    }
    // Clause 4 is one clause in both languages although a page break splits it in the English.
    const clause4 = table.getByRole('rowgroup', { name: 'Clause 4', exact: true });
    await expect(clause4).toContainText('measures to enhance receptiveness');
    await expect(clause4).toContainText('成熟度も合わせて高めていく');
    // Clause 1 carries the discrepancy the app exists to catch: "was held" against 行われる.
    const clause1 = table.getByRole('rowgroup', { name: 'Clause 1', exact: true });
    await expect(clause1).toContainText('a business matching session was held');
    await expect(clause1).toContainText('J-ヴィレッジにて行われる');
    // The page took the token out of the address bar once it had it.
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);

    await page.setViewportSize({ width: 1400, height: 900 });
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'sample.png'), fullPage: false });
  });

  test('the first load requests nothing that is missing (favicon included)', async ({
    page,
    host,
  }) => {
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(host.url);
    await expect(page.getByRole('table', { name: 'Aligned text' })).toBeVisible();
    const icon = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
      return link ? (await fetch(link.href)).status : null;
    });
    expect(icon).toBe(200);
    expect(failed).toEqual([]);
  });

  test('a page without the token is refused with a clear message', async ({ page, host }) => {
    await page.goto(host.origin + '/');
    await expect(page.getByRole('alert')).toContainText('open the address it printed');
  });
});
