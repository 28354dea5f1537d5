// The one place that says which NTREX-128 EN-JA documents the aligner may be tuned on and which are held out.
//
// Rule: a document is held out when the top bit of the 32-bit FNV-1a hash of its id (the DOCUMENT_IDS.tsv value,
// e.g. `bbc.381790`) is 1, and in the tuning half otherwise. The rule looks at the id alone, so it does not change
// when the data file is reordered or documents are added, and every seed of make-alignment-cases.mjs (which only
// reshuffles merges and drops of the same sentences) splits the same way. On NTREX-128 it holds out 57 of the 123
// documents and leaves 66 for tuning.
//
// Tuning half: confidence calibration (scripts/calibrate-confidence.ts) and any change to the aligner's parameters.
// Held-out half: the golden fixtures (fixtures/alignment/, scripts/build-alignment-fixtures.ts) and the held-out
// figures of npm run bench:align. Both scripts import this module.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The team's shared folder (data, tools, schemas): `TAIYAKU_SHARED`, else `shared/` beside the repository, as on the
 * developers' machines and in CI.
 */
export const SHARED_DIRECTORY =
  process.env['TAIYAKU_SHARED'] ?? resolve(import.meta.dirname, '..', '..', 'shared');

/** Where the NTREX-128 EN-JA data lives. */
export const NTREX_DATA = join(SHARED_DIRECTORY, 'data', 'ntrex128-en-ja');

/** The two halves of the split. */
export type NtrexHalf = 'tuning' | 'held-out';

/** 32-bit FNV-1a over the UTF-16 code units of a string. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The half a document belongs to, from its NTREX document id (the top bit of its FNV-1a hash). */
export function ntrexHalf(documentId: string): NtrexHalf {
  // The top bit, not the bottom one: FNV-1a's lowest bit is only the parity of the odd code units.
  return fnv1a(documentId) >>> 31 === 1 ? 'held-out' : 'tuning';
}

/** The document ids in the order make-alignment-cases.mjs numbers its cases (first appearance in DOCUMENT_IDS.tsv). */
export function ntrexDocumentIds(data: string = NTREX_DATA): string[] {
  const ids = readFileSync(join(data, 'DOCUMENT_IDS.tsv'), 'utf8')
    .split('\n')
    .filter((id) => id.trim());
  return [...new Set(ids)];
}

/** One case made by make-alignment-cases.mjs --format ntrex: its file stem (`NNN`), document id and half. */
export interface NtrexCase {
  readonly name: string;
  readonly documentId: string;
  readonly half: NtrexHalf;
}

/**
 * The cases in a directory made by make-alignment-cases.mjs --format ntrex, with their document ids and halves.
 * Case NNN is the NNN-th document: the tool skips a document only when one side ends up empty, which NTREX never
 * does; a case count that differs from the document count throws rather than mislabelling the halves.
 */
export function ntrexCases(directory: string, data: string = NTREX_DATA): NtrexCase[] {
  const ids = ntrexDocumentIds(data);
  const names = readdirSync(directory)
    .filter((file) => file.endsWith('.gold'))
    .map((file) => file.slice(0, -'.gold'.length))
    .sort();
  if (names.length !== ids.length)
    throw new Error(
      `${directory} holds ${names.length} cases for ${ids.length} NTREX documents: cannot tell their ids`,
    );
  return names.map((name) => {
    const documentId = ids[Number(name)]!;
    return { name, documentId, half: ntrexHalf(documentId) };
  });
}
