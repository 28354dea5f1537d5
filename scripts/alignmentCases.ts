// Alignment test documents made by the shared make-alignment-cases.mjs, for the benchmark and tuning scripts: one
// call per genre and seed, the cases written into a directory the caller owns (BSD's must stay outside the repo:
// CC BY-NC-SA).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { BSD_DATA, bsdCases } from './bsdSplit';
import { NTREX_DATA, SHARED_DIRECTORY, ntrexCases, type NtrexHalf } from './ntrexSplit';

/** Which corpus: news (NTREX-128 EN-JA dev documents) or dialogue (BSD dev dialogues). */
export type Genre = 'news' | 'dialogue';

/**
 * Writes the cases of one genre and seed into `directory`: NNN.en, NNN.ja (one sentence a line) and NNN.gold.
 * @param seed make-alignment-cases.mjs's --seed (its merges and drops)
 */
export function makeAlignmentCases(genre: Genre, seed: string | number, directory: string): void {
  execFileSync('node', [
    join(SHARED_DIRECTORY, 'tools', 'make-alignment-cases.mjs'),
    '--format',
    genre === 'news' ? 'ntrex' : 'bsd',
    '--in',
    genre === 'news' ? NTREX_DATA : BSD_DATA,
    '--out',
    directory,
    '--seed',
    String(seed),
  ]);
}

/** `makeAlignmentCases`, then the cases made, each with its file stem and half (ntrexSplit.ts, bsdSplit.ts). */
export function genreCases(
  genre: Genre,
  seed: string | number,
  directory: string,
): { readonly name: string; readonly half: NtrexHalf }[] {
  makeAlignmentCases(genre, seed, directory);
  return genre === 'news' ? ntrexCases(directory) : bsdCases(directory);
}
