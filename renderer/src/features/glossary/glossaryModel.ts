import type { Glossary, GlossaryConcept } from '../../../../core/checks/glossary';

/** The glossary edits of the editor, as pure functions over the stored glossary. */

const EMPTY: Glossary = { concepts: [] };

/** Splits a field of synonyms (`smart city; smart town`) into terms, trimmed, without empties or repeats. */
export function splitTerms(field: string): string[] {
  return [
    ...new Set(
      field
        .split(/[;；|｜]/)
        .map((term) => term.trim())
        .filter(Boolean),
    ),
  ];
}

/** The key two concepts share when they are one: their first English term, in lower case. */
function conceptKey(concept: Pick<GlossaryConcept, 'en'>): string {
  return (concept.en[0] ?? '').toLowerCase();
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/**
 * Adds imported concepts to a glossary: a concept whose first English term is already there gains the new terms and
 * renderings (none is lost); the others are appended in file order.
 * @returns the merged glossary and how many concepts were new
 */
export function mergeGlossaries(
  current: Glossary | undefined,
  added: Glossary,
): { glossary: Glossary; added: number } {
  const concepts = [...(current ?? EMPTY).concepts];
  let addedCount = 0;
  for (const concept of added.concepts) {
    const index = concepts.findIndex((known) => conceptKey(known) === conceptKey(concept));
    if (index < 0) {
      concepts.push(concept);
      addedCount++;
      continue;
    }
    const known = concepts[index]!;
    const note = [known.note, concept.note].filter(Boolean).join(' ');
    concepts[index] = {
      ...known,
      en: union(known.en, concept.en),
      ja: union(known.ja, concept.ja),
      forbiddenJa: union(known.forbiddenJa, concept.forbiddenJa),
      ...(note ? { note } : {}),
    };
  }
  return { glossary: { concepts }, added: addedCount };
}

/** A concept as the editor's form holds it: synonyms separated by `;`. */
export interface ConceptForm {
  readonly en: string;
  readonly ja: string;
  readonly forbiddenJa: string;
  readonly note: string;
}

/** The form of an existing concept. */
export function formOf(concept: GlossaryConcept): ConceptForm {
  return {
    en: concept.en.join('; '),
    ja: concept.ja.join('; '),
    forbiddenJa: concept.forbiddenJa.join('; '),
    note: concept.note ?? '',
  };
}

/** What is wrong with a form, or undefined when it makes a concept. */
export function formProblem(form: ConceptForm): 'english' | 'japanese' | undefined {
  if (splitTerms(form.en).length === 0) return 'english';
  if (splitTerms(form.ja).length === 0 && splitTerms(form.forbiddenJa).length === 0)
    return 'japanese';
  return undefined;
}

/**
 * Puts a concept from the form into the glossary: replacing the concept at `editing` (its index), or appended.
 * The id is kept when editing and made from the first English term otherwise.
 */
export function saveConcept(
  current: Glossary | undefined,
  form: ConceptForm,
  editing?: number,
): Glossary {
  const concepts = [...(current ?? EMPTY).concepts];
  const en = splitTerms(form.en);
  const note = form.note.trim();
  const concept: GlossaryConcept = {
    id: editing !== undefined ? (concepts[editing]?.id ?? en[0]!) : en[0]!,
    en,
    ja: splitTerms(form.ja),
    forbiddenJa: splitTerms(form.forbiddenJa),
    ...(note ? { note } : {}),
  };
  if (editing !== undefined && editing < concepts.length) concepts[editing] = concept;
  else concepts.push(concept);
  return { concepts };
}

/** The glossary without the concept at `index`. */
export function removeConcept(current: Glossary | undefined, index: number): Glossary {
  return { concepts: (current ?? EMPTY).concepts.filter((_, at) => at !== index) };
}
