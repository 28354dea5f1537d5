import { describe, expect, it } from 'vitest';
import { createSelector } from '../review/annotation';
import { createSession } from '../review/session';
import { escapeHtml, renderHtmlReport } from './html';
import { buildReportModel } from './reportModel';
import { REPORT_WORDS } from './reportWords';
import { pageBreakAlignment, testReportOptions, testSession } from './testProject';

const model = buildReportModel(testSession, testReportOptions);
const html = renderHtmlReport(model, { language: 'en' });

function rowHtml(document: string, segmentId: string): string {
  return document.split(`<tbody class="row" id="row-${segmentId}">`)[1]!.split('</tbody>')[0]!;
}

describe('renderHtmlReport', () => {
  it('is one self-contained document: no script, nothing loaded from anywhere', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*(?!["']?#)/i);
    expect(html).not.toMatch(/https?:|url\(|@import|<link|<img|<iframe/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('escapes everything from the project, in text and attributes', () => {
    expect(html).toContain(
      'Tense: expected 行われた. &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;\nsecond line',
    );
    expect(html).toContain(
      '<title>Translation review report — Sample &quot;ASEAN&quot; &lt;Smart Cities&gt;</title>',
    );
    expect(escapeHtml(`"' onmouseover="x`)).toBe('&quot;&#39; onmouseover=&quot;x');
  });

  it('shows the MQM scorecard: points per 1,000 words, pass mark, verdict, counts by severity and dimension', () => {
    const { scorecard } = model;
    expect(html).toContain(
      `<th scope="row">Penalty points per 1,000 source words</th><td>${scorecard.penaltyPerThousandWords!.toFixed(2)}</td>`,
    );
    expect(html).toContain('<th scope="row">Pass mark (at most)</th><td>10</td>');
    expect(html).toContain(`<p class="verdict ${scorecard.passed ? 'pass' : 'fail'}">`);
    expect(html).toMatch(
      /<span class="severity severity-major">Major<\/span><\/th><td>2<\/td><td>10<\/td>/,
    );
    expect(html).toMatch(
      /<tr><th scope="row">Accuracy<\/th><td>0<\/td><td>1<\/td><td>2<\/td><td>0<\/td><td>3<\/td><td>11<\/td>/,
    );
  });

  it('highlights every flagged span in the row, nested and linked to its issue', () => {
    const row = rowHtml(html, 's0001');
    const target = row.split('<td lang="ja">')[1]!.split('</td>')[0]!;
    const plain = target.replace(/<a class="ref"[^>]*>\d+<\/a>/g, '').replace(/<[^>]+>/g, '');
    expect(plain).toBe(model.clauses[0]!.rows[0]!.target.text);
    // 東京で行われ (overlap) holds 行われ of 行われる (tense and same-span), whose る follows in its own marks.
    expect(target).toMatch(
      /<mark class="issue severity-minor"[^>]*>東京で<mark class="issue severity-major"[^>]*><mark class="issue severity-critical rejected"[^>]*>行われ<\/mark><\/mark><a class="ref" href="#issue-2">2<\/a><\/mark>/,
    );
    expect(target).toContain(
      'る<a class="ref" href="#issue-3">3</a></mark><a class="ref" href="#issue-1">1</a></mark>',
    );
    expect(row).toContain('<li class="issue" id="issue-1">');
    // The point flag is an empty mark at its offset.
    expect(row.split('<td lang="en">')[1]).toMatch(
      /^1\. <mark [^>]*><a class="ref" href="#issue-4">4<\/a><\/mark>The session/,
    );
  });

  it('lists each issue with number, category path, severity, status, author and the suggestion as a diff', () => {
    const tense = html.split('<li class="issue" id="issue-1">')[1]!.split('</li>')[0]!;
    expect(tense).toContain('<span class="category">Accuracy › Mistranslation › Verb tense</span>');
    expect(tense).toContain('<span class="severity severity-major">Major</span>');
    expect(tense).toContain('<span class="status status-open">Open</span>');
    expect(tense).toContain('<dd>Reviewer</dd>');
    expect(tense).toContain('<span class="diff" lang="ja">行われ<del>る</del><ins>た</ins></span>');
    expect(tense).toContain('<q lang="en">was held</q> ↔ <q lang="ja">行われる</q>');
    // An issue crossing two rows is listed once, under its first row.
    expect(html.match(/id="issue-7"/g)).toHaveLength(1);
    expect(rowHtml(html, 's0004')).toContain('id="issue-7"');
  });

  it('lists only flagged rows when asked, saying how many of all, in Japanese words when asked', () => {
    const session = {
      ...testSession,
      annotations: testSession.annotations.filter((annotation) => annotation.id !== 'cross'),
    };
    const flagged = buildReportModel(session, { ...testReportOptions, rows: 'flagged' });
    const japanese = renderHtmlReport(flagged, { language: 'ja' });
    expect(japanese).toContain('<html lang="ja">');
    expect(japanese).toContain('<h1>翻訳レビュー報告書</h1>');
    expect(japanese).toContain('全5行のうち3行を表示（指摘のある行のみ）。');
    expect(japanese).toContain('<span class="category">正確性 › 誤訳 › 時制</span>');
    expect(japanese).not.toContain('row-s0004');
    expect(renderHtmlReport(flagged, { language: 'en' })).toContain('3 of 5 rows shown');
  });

  it('folds line and page breaks as the display does and still highlights the exact span', () => {
    const alignment = pageBreakAlignment();
    const text = alignment.source.text;
    const start = text.indexOf('part');
    const end = text.indexOf('second') + 'second'.length;
    const session = createSession(alignment, [
      {
        id: 'a',
        selectors: [createSelector('source', text, start, end)],
        category: 'style/awkward',
        severity: 'minor',
        comment: '',
        status: 'open',
        author: 'R',
        createdAt: '2026-11-01T00:00:00.000Z',
        updatedAt: '2026-11-01T00:00:00.000Z',
        origin: { kind: 'reviewer' },
      },
    ]);
    const page = renderHtmlReport(buildReportModel(session, testReportOptions), { language: 'en' });
    expect(page).toContain(
      '1. The first <mark class="issue severity-minor" title="Issue 1: Minor">part second<a class="ref" href="#issue-1">1</a></mark> part.',
    );
    expect(page).not.toContain('\f');
    expect(page).toContain('<q lang="en">part Page 2 second</q>');
  });
});

describe('REPORT_WORDS', () => {
  it('has the same placeholders in English and Japanese', () => {
    const placeholders = (text: string) =>
      [...text.matchAll(/\{\w+\}/g)].map((match) => match[0]).sort();
    for (const [key, english] of Object.entries(REPORT_WORDS.en)) {
      const japanese = REPORT_WORDS.ja[key as keyof typeof REPORT_WORDS.en];
      expect(japanese, key).not.toBe('');
      expect(placeholders(japanese), key).toEqual(placeholders(english));
    }
  });
});
