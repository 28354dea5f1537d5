// The one place that says which BSD (Business Scene Dialogue) dev dialogues the aligner may be tuned on and which
// are held out, beside scripts/ntrexSplit.ts and by the same rule: a dialogue is held out when the top bit of the
// 32-bit FNV-1a hash of its id (dev.json's `id`, e.g. `190315_E001_17`) is 1, and in the tuning half otherwise.
//
// BSD is CC BY-NC-SA: it is read at run time from /work/shared/data/bsd-dev and nothing made from it (texts, cases,
// fitted tables, fixtures) is written into this repository.
import { join } from 'node:path';
import { SHARED_DIRECTORY } from './ntrexSplit';
import { readFileSync, readdirSync } from 'node:fs';
import { fnv1a, type NtrexHalf } from './ntrexSplit';

/** Where the BSD dev file lives on these machines. */
export const BSD_DATA = join(SHARED_DIRECTORY, 'data', 'bsd-dev', 'dev.json');

/** The language a dialogue was written in (the other side is its translation). */
export type OriginalLanguage = 'en' | 'ja';

/** The half a dialogue belongs to, from its id (the top bit of its FNV-1a hash). */
export function bsdHalf(dialogueId: string): NtrexHalf {
  return fnv1a(dialogueId) >>> 31 === 1 ? 'held-out' : 'tuning';
}

/** One case made by make-alignment-cases.mjs --format bsd: its file stem, dialogue id, half and original language. */
export interface BsdCase {
  readonly name: string;
  readonly documentId: string;
  readonly half: NtrexHalf;
  readonly originalLanguage: OriginalLanguage;
}

interface BsdDialogue {
  readonly id: string;
  readonly original_language: string;
  readonly conversation: readonly { en_sentence?: string; ja_sentence?: string }[];
}

/**
 * The cases in a directory made by make-alignment-cases.mjs --format bsd, with their dialogue ids and halves. The
 * tool numbers the dialogues in file order and skips one only when a side ends up empty; a count that differs from
 * the dialogue count throws rather than mislabelling the halves.
 */
export function bsdCases(directory: string, data: string = BSD_DATA): BsdCase[] {
  const dialogues = JSON.parse(readFileSync(data, 'utf8')) as BsdDialogue[];
  const names = readdirSync(directory)
    .filter((file) => file.endsWith('.gold'))
    .map((file) => file.slice(0, -'.gold'.length))
    .sort();
  if (names.length !== dialogues.length)
    throw new Error(
      `${directory} holds ${names.length} cases for ${dialogues.length} BSD dialogues: cannot tell their ids`,
    );
  return names.map((name) => {
    const dialogue = dialogues[Number(name)]!;
    return {
      name,
      documentId: dialogue.id,
      half: bsdHalf(dialogue.id),
      originalLanguage: dialogue.original_language === 'ja' ? 'ja' : 'en',
    };
  });
}
