import type { Side } from '../alignment/types';
import { ANNOTATION_STATUS_LABELS, MQM_SUBTYPES } from '../project/annotation';
import { mqmCategoryLabel, mqmDimension, SEVERITIES, SEVERITY_LABELS } from '../review/mqm';
import { diffSuggestion } from '../review/suggestionDiff';
import { renderNestedSpans } from './nestSpans';
import type { ReportClause, ReportIssue, ReportModel, ReportQuote, ReportRow } from './reportModel';
import { displayIndex, foldRowSide, LINE_BREAK } from './foldedText';
import type { ReportLanguage, ReportWordKey } from './reportWords';
import { fillWords } from './reportWords';

/**
 * The printable review report: one self-contained HTML file (styles inline, no script, no external resource; a
 * Content-Security-Policy forbids loading anything), with the MQM scorecard, then per clause both texts side by side
 * row by row, every flagged span highlighted and linked to its issue, and the issues under the row they start in.
 * Everything that comes from the project (texts, names, comments) is HTML-escaped.
 */

/** Options of `renderHtmlReport`. */
export interface HtmlReportOptions {
  /** Language of the report's own words (headings, labels); the texts stay as they are. */
  readonly language: ReportLanguage;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text escaped for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

interface Context {
  readonly model: ReportModel;
  readonly language: ReportLanguage;
  readonly issuesById: ReadonlyMap<string, ReportIssue>;
}

function words(
  context: Context,
  key: ReportWordKey,
  values?: Record<string, string | number>,
): string {
  return escapeHtml(fillWords(context.language, key, values));
}

function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function categoryPath(issue: ReportIssue, language: ReportLanguage): string {
  const dimension = mqmDimension(issue.category);
  const parts = [mqmCategoryLabel(dimension, language)];
  if (dimension !== issue.category) parts.push(mqmCategoryLabel(issue.category, language));
  if (issue.subtype !== undefined) {
    const subtypes = (
      MQM_SUBTYPES as Record<string, readonly { id: string; label: { en: string; ja: string } }[]>
    )[issue.category];
    parts.push(
      subtypes?.find((subtype) => subtype.id === issue.subtype)?.label[language] ?? issue.subtype,
    );
  }
  return parts.join(' › ');
}

function rowSideHtml(context: Context, row: ReportRow, side: Side): string {
  const { model } = context;
  const rowSide = row[side];
  if (rowSide.sentenceIndices.length === 0) {
    return `<span class="empty">${words(context, 'emptySide')}</span>`;
  }
  const folded = foldRowSide(model.alignment[side], rowSide.sentenceIndices);
  const spans = row.issueIds.flatMap((id) => {
    const issue = context.issuesById.get(id);
    const quote = issue?.[side];
    if (!issue || !quote || rowSide.start === null || rowSide.end === null) return [];
    if (quote.end <= rowSide.start || quote.start >= rowSide.end) {
      // A point at the row's edge still belongs to it.
      if (!(
        quote.start === quote.end &&
        quote.start >= rowSide.start &&
        quote.start <= rowSide.end
      ))
        return [];
    }
    const start = displayIndex(folded, quote.start);
    const end = Math.max(start, displayIndex(folded, quote.end));
    if (end === start && quote.end > quote.start) return [];
    return [{ start, end, key: issue }];
  });
  return renderNestedSpans(folded.text, spans, {
    text: escapeHtml,
    span: (issue, inner, part) =>
      `<mark class="issue severity-${issue.severity}${issue.status === 'rejected' ? ' rejected' : ''}" title="${escapeHtml(
        `${fillWords(context.language, 'issue', { number: issue.number })}: ${SEVERITY_LABELS[issue.severity][context.language]}`,
      )}">${inner}${part.isLast ? `<a class="ref" href="#issue-${issue.number}">${issue.number}</a>` : ''}</mark>`,
  });
}

function quoteHtml(context: Context, side: Side, quote: ReportQuote): string {
  const lang = side === 'source' ? context.model.sourceLang : context.model.targetLang;
  // Line and page breaks inside a quote are shown as spaces, as in the rows.
  return `<q lang="${escapeHtml(lang)}">${escapeHtml(quote.exact.replace(LINE_BREAK, ' '))}</q>`;
}

function suggestionHtml(context: Context, issue: ReportIssue): string {
  if (issue.suggestion === undefined) return '';
  // A suggestion corrects the translation: diff it against the target quote when there is one.
  const side: Side = issue.target ? 'target' : 'source';
  const quote = issue[side];
  const lang = side === 'target' ? context.model.targetLang : context.model.sourceLang;
  const parts = diffSuggestion(quote?.exact ?? '', issue.suggestion, lang);
  const diff = parts
    .map((part) =>
      part.added
        ? `<ins>${escapeHtml(part.value)}</ins>`
        : part.removed
          ? `<del>${escapeHtml(part.value)}</del>`
          : escapeHtml(part.value),
    )
    .join('');
  return `<div class="suggestion"><span class="label">${words(context, 'suggestion')}</span> <span class="diff" lang="${escapeHtml(lang)}">${diff}</span></div>`;
}

function issueHtml(context: Context, issue: ReportIssue): string {
  const { language } = context;
  const author =
    issue.origin.kind === 'check'
      ? `${escapeHtml(issue.author)} (${words(context, 'automaticCheck', { check: issue.origin.checkId })})`
      : escapeHtml(issue.author);
  const quotes = [
    issue.source && quoteHtml(context, 'source', issue.source),
    issue.target && quoteHtml(context, 'target', issue.target),
  ].filter((quote): quote is string => quote !== undefined);
  return [
    `<li class="issue" id="issue-${issue.number}">`,
    `<div class="issue-head"><span class="number">${issue.number}</span>`,
    ` <span class="severity severity-${issue.severity}">${escapeHtml(SEVERITY_LABELS[issue.severity][language])}</span>`,
    ` <span class="category">${escapeHtml(categoryPath(issue, language))}</span>`,
    ` <span class="status status-${issue.status}">${escapeHtml(ANNOTATION_STATUS_LABELS[issue.status][language])}</span></div>`,
    '<dl class="issue-meta">',
    `<dt>${words(context, 'author')}</dt><dd>${author}</dd>`,
    `<dt>${words(context, 'created')}</dt><dd>${escapeHtml(formatTimestamp(issue.createdAt))}</dd>`,
    issue.updatedAt !== issue.createdAt
      ? `<dt>${words(context, 'updated')}</dt><dd>${escapeHtml(formatTimestamp(issue.updatedAt))}</dd>`
      : '',
    quotes.length > 0 ? `<dt>${words(context, 'quote')}</dt><dd>${quotes.join(' ↔ ')}</dd>` : '',
    '</dl>',
    issue.comment !== '' ? `<div class="comment">${escapeHtml(issue.comment)}</div>` : '',
    suggestionHtml(context, issue),
    '</li>',
  ].join('');
}

function scorecardHtml(context: Context): string {
  const { scorecard } = context.model;
  const { language } = context;
  const perThousand =
    scorecard.penaltyPerThousandWords === null
      ? words(context, 'notScored')
      : escapeHtml(formatNumber(scorecard.penaltyPerThousandWords));
  const severityRows = SEVERITIES.map(
    (severity) =>
      `<tr><th scope="row"><span class="severity severity-${severity}">${escapeHtml(
        SEVERITY_LABELS[severity][language],
      )}</span></th><td>${scorecard.bySeverity[severity].count}</td><td>${scorecard.bySeverity[severity].penalty}</td></tr>`,
  ).join('');
  const dimensionRows = scorecard.byDimension
    .map(
      (tally) =>
        `<tr><th scope="row">${escapeHtml(tally.label[language])}</th>${SEVERITIES.map(
          (severity) => `<td>${tally.bySeverity[severity]}</td>`,
        ).join('')}<td>${tally.count}</td><td>${tally.penalty}</td></tr>`,
    )
    .join('');
  const severityHeads = SEVERITIES.map(
    (severity) => `<th scope="col">${escapeHtml(SEVERITY_LABELS[severity][language])}</th>`,
  ).join('');
  return [
    '<section class="scorecard">',
    `<h2>${words(context, 'scorecard')}</h2>`,
    `<p class="verdict ${scorecard.passed ? 'pass' : 'fail'}"><span class="label">${words(context, 'verdict')}</span> `,
    `<strong>${words(context, scorecard.passed ? 'pass' : 'fail')}</strong></p>`,
    '<table class="figures"><tbody>',
    `<tr><th scope="row">${words(context, 'penaltyPerThousandWords')}</th><td>${perThousand}</td></tr>`,
    `<tr><th scope="row">${words(context, 'passMark')}</th><td>${escapeHtml(formatNumber(scorecard.threshold))}</td></tr>`,
    `<tr><th scope="row">${words(context, 'penaltyPoints')}</th><td>${scorecard.penaltyPoints}</td></tr>`,
    `<tr><th scope="row">${words(context, 'sourceWords')}</th><td>${scorecard.sourceWordCount}</td></tr>`,
    `<tr><th scope="row">${words(context, 'countedIssues')}</th><td>${scorecard.countedAnnotations}</td></tr>`,
    `<tr><th scope="row">${words(context, 'rejectedIssues')}</th><td>${scorecard.rejectedAnnotations}</td></tr>`,
    '</tbody></table>',
    `<h3>${words(context, 'bySeverity')}</h3>`,
    `<table class="tally"><thead><tr><th scope="col">${words(context, 'severity')}</th><th scope="col">${words(
      context,
      'count',
    )}</th><th scope="col">${words(context, 'penalty')}</th></tr></thead><tbody>${severityRows}</tbody></table>`,
    `<h3>${words(context, 'byDimension')}</h3>`,
    dimensionRows === ''
      ? `<p>${words(context, 'noIssues')}</p>`
      : `<table class="tally"><thead><tr><th scope="col">${words(context, 'dimension')}</th>${severityHeads}<th scope="col">${words(
          context,
          'count',
        )}</th><th scope="col">${words(context, 'penalty')}</th></tr></thead><tbody>${dimensionRows}</tbody></table>`,
    '</section>',
  ].join('');
}

function rowHtml(context: Context, row: ReportRow): string {
  const { model } = context;
  const flags = [
    row.confirmed ? `<span class="confirmed">✓ ${words(context, 'confirmed')}</span>` : '',
    `<span class="confidence">${words(context, 'confidence', { percent: Math.round(row.confidence * 100) })}</span>`,
  ].join(' ');
  const starting = row.issueIds
    .map((id) => context.issuesById.get(id))
    .filter(
      (issue): issue is ReportIssue => issue !== undefined && issue.segmentIds[0] === row.segmentId,
    );
  return [
    `<tbody class="row" id="row-${escapeHtml(row.segmentId)}">`,
    `<tr><th scope="row" class="row-id">${escapeHtml(row.segmentId)}<br>${flags}</th>`,
    `<td lang="${escapeHtml(model.sourceLang)}">${rowSideHtml(context, row, 'source')}</td>`,
    `<td lang="${escapeHtml(model.targetLang)}">${rowSideHtml(context, row, 'target')}</td></tr>`,
    starting.length > 0
      ? `<tr class="row-issues"><td></td><td colspan="2"><ul class="issues">${starting
          .map((issue) => issueHtml(context, issue))
          .join('')}</ul></td></tr>`
      : '',
    '</tbody>',
  ].join('');
}

/** The start of the texts section: heading, "n rows shown", and "no rows" when none are listed. */
function textsOpenHtml(context: Context): string {
  const { model } = context;
  const shown = model.clauses.reduce((sum, clause) => sum + clause.rows.length, 0);
  const summary =
    shown === model.totalRows
      ? words(context, 'allRowsShown', { total: model.totalRows })
      : words(context, 'rowsShown', { shown, total: model.totalRows });
  return [
    '<section class="texts">',
    `<h2>${words(context, 'textAndIssues')}</h2>`,
    `<p class="rows-shown">${summary}</p>`,
    shown === 0 ? `<p>${words(context, 'noRows')}</p>` : '',
  ].join('');
}

/** A clause's heading and the start of its table of rows. */
function clauseOpenHtml(context: Context, clause: ReportClause): string {
  const { model } = context;
  const head = `<thead><tr><th scope="col" class="row-id">${words(context, 'row')}</th><th scope="col">${words(
    context,
    'sourceColumn',
    { lang: model.sourceLang },
  )}</th><th scope="col">${words(context, 'targetColumn', { lang: model.targetLang })}</th></tr></thead>`;
  return (
    `<section class="clause" id="clause-${clause.number}"><h3>${words(context, 'clause', {
      number: clause.number,
    })}${clause.label !== undefined ? ` <span class="clause-label">${escapeHtml(clause.label)}</span>` : ''}</h3>` +
    `<table class="rows"><colgroup><col class="row-id"><col><col></colgroup>${head}`
  );
}

/** The issues whose text left the document, and the end of the texts section. */
function textsCloseHtml(context: Context): string {
  const unanchored = context.model.issues.filter((issue) => issue.segmentIds.length === 0);
  return [
    unanchored.length > 0
      ? `<section class="clause"><h3>${words(context, 'unanchoredIssues')}</h3><ul class="issues">${unanchored
          .map((issue) => issueHtml(context, issue))
          .join('')}</ul></section>`
      : '',
    '</section>',
  ].join('');
}

const STYLE = `
:root { color-scheme: light; --minor: #fff3b0; --major: #ffd0a8; --critical: #ffb3b3; --neutral: #dde6f5; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", sans-serif;
  margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.55; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
dl.meta dt, .issue-meta dt { font-weight: 600; }
dl.meta dd, .issue-meta dd { margin: 0; }
table { border-collapse: collapse; }
.figures th, .figures td, .tally th, .tally td { border: 1px solid #bbb; padding: .2rem .6rem; text-align: left; }
.figures td, .tally td { text-align: right; font-variant-numeric: tabular-nums; }
.verdict strong { font-size: 1.2rem; padding: .1rem .6rem; border-radius: .3rem; }
.verdict.pass strong { background: #d3f2d3; color: #0b5d0b; }
.verdict.fail strong { background: #ffd6d6; color: #8a0000; }
table.rows { width: 100%; table-layout: fixed; }
table.rows col.row-id { width: 7.5rem; }
table.rows th, table.rows td { border-top: 1px solid #ccc; padding: .35rem .5rem; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
table.rows thead th { background: #f0f0f0; }
.row-id { font-size: .8rem; color: #555; font-weight: normal; }
.confirmed { color: #0b5d0b; }
.empty { color: #777; font-style: italic; }
mark.issue { border-radius: .15rem; padding: 0 .05rem; color: inherit; }
mark.severity-neutral { background: var(--neutral); }
mark.severity-minor { background: var(--minor); }
mark.severity-major { background: var(--major); }
mark.severity-critical { background: var(--critical); }
mark mark { box-shadow: inset 0 -2px 0 #555; }
mark.rejected { background: transparent; outline: 1px dashed #999; }
a.ref { font-size: .7em; vertical-align: super; margin-left: .1em; color: #333; text-decoration: none; }
.row-issues td { border-top: none; padding-top: 0; }
ul.issues { list-style: none; margin: 0; padding: 0; }
li.issue { border-left: 4px solid #999; background: #fafafa; margin: .3rem 0; padding: .3rem .6rem; }
li.issue:target { outline: 2px solid #0057b8; }
.issue-head .number { font-weight: 700; margin-right: .3rem; }
.issue-head .number::before { content: "#"; }
.severity { padding: 0 .35rem; border-radius: .2rem; font-size: .85rem; }
.severity-neutral { background: var(--neutral); }
.severity-minor { background: var(--minor); }
.severity-major { background: var(--major); }
.severity-critical { background: var(--critical); }
.status { font-size: .85rem; color: #555; }
.issue-meta { display: grid; grid-template-columns: max-content 1fr; gap: 0 .8rem; margin: .2rem 0; font-size: .85rem; }
.comment { white-space: pre-wrap; margin: .2rem 0; }
.suggestion .label { font-weight: 600; font-size: .85rem; }
del { background: #ffd6d6; text-decoration: line-through; }
ins { background: #d3f2d3; text-decoration: underline; }
q { quotes: "“" "”"; }
q:lang(ja) { quotes: "「" "」"; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.texts { break-before: page; }
  section.clause + section.clause { break-before: page; }
  tbody.row, li.issue, .scorecard table { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; }
}
`;

/**
 * The review report as one self-contained, printable HTML document. Issues and the scorecard cover the whole project;
 * rows follow the model's selection (with "n of m rows shown" when only flagged rows are listed). Flagged spans are
 * found from the quotes' offsets in the original texts and shown in the rows' display form (line breaks folded).
 */
export function renderHtmlReport(model: ReportModel, options: HtmlReportOptions): string {
  return [...renderHtmlReportPieces(model, options)].join('');
}

/**
 * `renderHtmlReport`'s document in pieces, for a caller that wants to pause between them: the head (up to the first
 * clause), then one piece per listed row (a clause's heading and table start with its first row), then the tail. Joined,
 * they are `renderHtmlReport`'s text.
 */
export function* renderHtmlReportPieces(
  model: ReportModel,
  options: HtmlReportOptions,
): Generator<string> {
  const context: Context = {
    model,
    language: options.language,
    issuesById: new Map(model.issues.map((issue) => [issue.id, issue])),
  };
  const title = `${fillWords(options.language, 'title')} — ${model.projectName}`;
  yield [
    '<!DOCTYPE html>',
    `<html lang="${options.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${words(context, 'title')}</h1>`,
    '<dl class="meta">',
    `<dt>${words(context, 'project')}</dt><dd>${escapeHtml(model.projectName)}</dd>`,
    `<dt>${words(context, 'generated')}</dt><dd>${escapeHtml(formatTimestamp(model.generatedAt))}</dd>`,
    `<dt>${words(context, 'languages')}</dt><dd>${escapeHtml(model.sourceLang)} → ${escapeHtml(model.targetLang)}</dd>`,
    `<dt>${words(context, 'tool')}</dt><dd>Taiyaku ${escapeHtml(model.appVersion)}</dd>`,
    '</dl>',
    '</header>',
    '<main>',
    scorecardHtml(context),
    textsOpenHtml(context),
  ].join('\n');
  for (const clause of model.clauses) {
    const last = clause.rows.length - 1;
    for (const [index, row] of clause.rows.entries()) {
      yield (
        (index === 0 ? clauseOpenHtml(context, clause) : '') +
        rowHtml(context, row) +
        (index === last ? '</table></section>' : '')
      );
    }
  }
  yield `${textsCloseHtml(context)}\n${['</main>', '</body>', '</html>', ''].join('\n')}`;
}
