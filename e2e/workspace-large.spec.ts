import { beadRow, expect, test } from './fixtures';

/** A document of `clauses` numbered clauses of `perClause` sentences each, in both languages. */
function largeDocument(clauses: number, perClause: number): { english: string; japanese: string } {
  const english: string[] = [];
  const japanese: string[] = [];
  for (let clause = 1; clause <= clauses; clause++) {
    const en: string[] = [];
    const ja: string[] = [];
    for (let sentence = 1; sentence <= perClause; sentence++) {
      const line = clause * 100 + sentence;
      en.push(`Item ${clause}.${sentence} says the committee approved budget line ${line}.`);
      ja.push(`項目${clause}.${sentence}では、委員会が予算項目${line}を承認したと述べている。`);
    }
    english.push(`${clause}. ${en.join(' ')}`);
    japanese.push(`${clause}. ${ja.join('')}`);
  }
  return { english: english.join('\n'), japanese: japanese.join('\n') };
}

test('10,000 rows: only the rows in view are in the page, and jumps, scrolling and search stay quick', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const { english, japanese } = largeDocument(500, 20);
  // Created through the host's API (what the New project dialog sends), then opened as the last project.
  const response = await fetch(`${host.origin}/api/project:create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ name: 'Large', source: { text: english }, target: { text: japanese } }),
  });
  const created = (await response.json()) as { ok: boolean; value: { path: string } };
  expect(created.ok).toBe(true);
  await page.addInitScript((path) => {
    localStorage.setItem('taiyaku.lastProject', path);
  }, created.value.path);

  await page.goto(host.url);
  await expect(page.getByText('10000 rows', { exact: true })).toBeVisible({ timeout: 30_000 });
  const table = page.getByRole('table', { name: 'Aligned text' });
  const rendered = table.locator('[role=row][data-bead]');
  expect(await rendered.count()).toBeLessThan(60);

  // End jumps to row 10,000; the clause heading over the view names its clause.
  await page.keyboard.press('End');
  await expect(beadRow(table, 9_999)).toBeInViewport();
  await expect(table.getByRole('rowgroup', { name: 'Clause 500', exact: true })).toBeVisible();
  expect(await rendered.count()).toBeLessThan(60);

  // Scrolling through the middle with the wheel: rows keep coming, the DOM stays small.
  await page.keyboard.press('Home');
  await expect(beadRow(table, 0)).toBeInViewport();
  await table.hover();
  // Speed is measured by `npm run bench:workspace`; here, that jumping through the list keeps the DOM small.
  const largestDom = await page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('[data-aligned-scroller]')!;
    let largest = 0;
    for (let step = 0; step < 40; step++) {
      scroller.scrollTop += 2_000;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      largest = Math.max(largest, scroller.querySelectorAll('[role=row][data-bead]').length);
    }
    scroller.scrollTop = 0;
    return largest;
  });
  expect(largestDom).toBeGreaterThan(0);
  expect(largestDom).toBeLessThan(60);
  for (let step = 0; step < 10; step++) await page.mouse.wheel(0, 1_500);
  await expect(rendered.first()).not.toHaveAttribute('data-bead', '0');
  expect(await rendered.count()).toBeLessThan(60);

  // Search across 10,000 rows.
  await page.keyboard.press('/');
  await page.getByRole('searchbox', { name: 'Search both texts' }).fill('予算項目49917');
  await expect(page.getByText('1 of 10000 rows', { exact: true })).toBeVisible();
  await expect(beadRow(table, 9_976)).toBeInViewport();
});
