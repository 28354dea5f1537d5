import type { Glossary, GlossaryConcept } from '../checks/glossary';
import {
  InterchangeFormatError,
  attributeByLocalName,
  childElements,
  descendantElements,
  localName,
  parseXmlSafely,
  textContent,
  type XmlElement,
} from './xml';

/**
 * Glossaries from the files reviewers get from clients: a table (CSV, TSV or a spreadsheet's rows, decoded by the
 * caller) and TBX (TBX-Basic 2008 `martif`/`termEntry`/`langSet`/`tig` and TBX 2019 `tbx`/`conceptEntry`/`langSec`/
 * `termSec`). Parsed safely: no DTD, no entities.
 */

/** A glossary read from a file, with what was left out and why. */
export interface GlossaryReading {
  readonly glossary: Glossary;
  /** One line per row or entry skipped, for the reviewer (`row 4: no English term`). */
  readonly skipped: readonly string[];
}

/** Cells that hold several terms separate them with one of these: `smart city; smart town`. */
const SYNONYM_SEPARATOR = /\s*[;；|｜]\s*/;

const ENGLISH_HEADER = /^(?:en(?:-[a-z]+)?|eng|english|source|src|term|英語|原文|原語)$/i;
const JAPANESE_HEADER = /^(?:ja(?:-jp)?|jpn|japanese|target|tgt|translation|日本語|訳語|訳文)$/i;
const NOTE_HEADER = /^(?:note|notes|comment|comments|definition|remarks?|備考|注記|定義|説明)$/i;
const STATUS_HEADER = /^(?:status|usage|forbidden|ステータス|状態|禁止)$/i;
const FORBIDDEN_STATUS =
  /^(?:forbidden|deprecated|superseded|not ?recommended|do not use|ng|x|禁止|使用禁止|非推奨)$/i;

function terms(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(SYNONYM_SEPARATOR)
    .map((term) => term.trim())
    .filter(Boolean);
}

/** Concepts keyed by their first English term, lower case: rows with the same English term are one concept. */
class ConceptCollector {
  private readonly byKey = new Map<
    string,
    { id: string; en: string[]; ja: string[]; forbiddenJa: string[]; notes: string[] }
  >();

  add(
    id: string,
    en: readonly string[],
    ja: readonly string[],
    forbidden: boolean,
    note: string,
  ): void {
    const key = en[0]!.toLowerCase();
    const concept = this.byKey.get(key) ?? { id, en: [], ja: [], forbiddenJa: [], notes: [] };
    for (const term of en) if (!concept.en.includes(term)) concept.en.push(term);
    const into = forbidden ? concept.forbiddenJa : concept.ja;
    for (const term of ja) if (!into.includes(term)) into.push(term);
    if (note && !concept.notes.includes(note)) concept.notes.push(note);
    this.byKey.set(key, concept);
  }

  glossary(): Glossary {
    return {
      concepts: [...this.byKey.values()].map(({ notes, ...concept }): GlossaryConcept => ({
        ...concept,
        ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
      })),
    };
  }
}

/**
 * Reads a glossary from table rows. A header row names the columns (English/source, Japanese/target, note, status);
 * without one the columns are English, Japanese, note. Several terms in a cell are synonyms (`;` or `|`); rows with the
 * same English term are one concept; a status of `forbidden` or `deprecated` marks the row's Japanese as forbidden.
 * @param rows cells of each row, as decoded from CSV, TSV or a spreadsheet
 */
export function glossaryFromRows(rows: readonly (readonly string[])[]): GlossaryReading {
  const header = rows[0]?.map((cell) => cell.trim()) ?? [];
  const hasHeader =
    header.some((cell) => ENGLISH_HEADER.test(cell)) &&
    header.some((cell) => JAPANESE_HEADER.test(cell));
  const column = (pattern: RegExp, fallback: number): number => {
    if (!hasHeader) return fallback;
    return header.findIndex((cell) => pattern.test(cell));
  };
  const english = column(ENGLISH_HEADER, 0);
  const japanese = column(JAPANESE_HEADER, 1);
  const note = column(NOTE_HEADER, 2);
  const status = column(STATUS_HEADER, -1);
  const collector = new ConceptCollector();
  const skipped: string[] = [];
  rows.forEach((row, index) => {
    if (hasHeader && index === 0) return;
    if (row.every((cell) => !cell.trim())) return;
    const en = terms(row[english]);
    const ja = terms(row[japanese]);
    if (en.length === 0) {
      skipped.push(`row ${index + 1}: no English term`);
      return;
    }
    if (ja.length === 0) {
      skipped.push(`row ${index + 1}: no Japanese term for ${en[0]}`);
      return;
    }
    const forbidden = status >= 0 && FORBIDDEN_STATUS.test((row[status] ?? '').trim());
    collector.add(en[0]!, en, ja, forbidden, note >= 0 ? (row[note] ?? '').trim() : '');
  });
  return { glossary: collector.glossary(), skipped };
}

function languageOf(element: XmlElement): string {
  return (attributeByLocalName(element, 'lang') ?? '').toLowerCase();
}

/** True for a TBX administrative status that says not to use the term. */
function isForbiddenTerm(termGroup: XmlElement): boolean {
  return descendantElements(termGroup, 'termNote').some(
    (note) =>
      /administrativeStatus|normativeAuthorization/i.test(note.attributes.type ?? '') &&
      /deprecated|superseded|notRecommended|forbidden/i.test(textContent(note)),
  );
}

/**
 * Reads a TBX glossary (TBX-Basic 2008 or TBX 2019). Entries without both an English and a Japanese term are skipped
 * and listed.
 * @throws InterchangeFormatError for a file that is not TBX or not well-formed, or that declares a DTD or entities
 */
export function glossaryFromTbx(xmlText: string): GlossaryReading {
  const root = parseXmlSafely(xmlText, { format: 'TBX', allowExternalDoctype: true });
  if (!['martif', 'tbx'].includes(localName(root.name)))
    throw new InterchangeFormatError(
      `TBX file expected (root element martif or tbx), found <${root.name}>.`,
    );
  const entries = [
    ...descendantElements(root, 'termEntry'),
    ...descendantElements(root, 'conceptEntry'),
  ];
  const collector = new ConceptCollector();
  const skipped: string[] = [];
  entries.forEach((entry, index) => {
    const id = entry.attributes.id ?? `entry ${index + 1}`;
    const en: string[] = [];
    const ja: string[] = [];
    const forbiddenJa: string[] = [];
    const notes = [...descendantElements(entry, 'descrip'), ...childElements(entry, 'note')]
      .map((element) => textContent(element).trim())
      .filter(Boolean);
    for (const languageSet of [
      ...childElements(entry, 'langSet'),
      ...childElements(entry, 'langSec'),
    ]) {
      const language = languageOf(languageSet);
      for (const termGroup of [
        ...descendantElements(languageSet, 'tig'),
        ...descendantElements(languageSet, 'termSec'),
        ...descendantElements(languageSet, 'ntig'),
      ]) {
        const term =
          childElements(termGroup, 'term')[0] ?? descendantElements(termGroup, 'term')[0];
        const text = term ? textContent(term).trim() : '';
        if (!text) continue;
        if (language.startsWith('en')) en.push(text);
        else if (language.startsWith('ja'))
          (isForbiddenTerm(termGroup) ? forbiddenJa : ja).push(text);
      }
    }
    if (en.length === 0 || ja.length + forbiddenJa.length === 0) {
      skipped.push(`${id}: needs an English and a Japanese term`);
      return;
    }
    if (ja.length > 0) collector.add(id, en, ja, false, notes.join(' '));
    if (forbiddenJa.length > 0) collector.add(id, en, forbiddenJa, true, '');
  });
  if (entries.length === 0)
    throw new InterchangeFormatError('TBX file has no termEntry or conceptEntry.');
  return { glossary: collector.glossary(), skipped };
}
