// Rebuilds the golden alignment fixtures (fixtures/alignment/NNN.en, NNN.ja, NNN.gold and documents.tsv) from the
// held-out half of NTREX-128 EN-JA (scripts/ntrexSplit.ts), never from documents the aligner may be tuned on.
// Cases are made by /work/shared/tools/make-alignment-cases.mjs --format ntrex --seed 7 and keep their numbers, so
// fixture NNN is case NNN of bench:align.
// Usage: npx tsx scripts/build-alignment-fixtures.ts
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ntrexCases } from './ntrexSplit';
import { makeAlignmentCases } from './alignmentCases';

const fixtures = join(import.meta.dirname, '../fixtures/alignment');
const work = mkdtempSync(join(tmpdir(), 'alignment-fixtures-'));
try {
  const cases = join(work, 'cases');
  makeAlignmentCases('news', 7, cases);
  for (const file of readdirSync(fixtures))
    if (/\.(en|ja|gold)$/.test(file)) rmSync(join(fixtures, file));
  const heldOut = ntrexCases(cases).filter((entry) => entry.half === 'held-out');
  for (const { name } of heldOut)
    for (const extension of ['en', 'ja', 'gold'])
      copyFileSync(join(cases, `${name}.${extension}`), join(fixtures, `${name}.${extension}`));
  writeFileSync(
    join(fixtures, 'documents.tsv'),
    heldOut.map(({ name, documentId }) => `${name}\t${documentId}\n`).join(''),
  );
  console.log(`${heldOut.length} held-out documents written to ${fixtures}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
