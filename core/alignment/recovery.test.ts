import { describe, expect, it } from 'vitest';
import { loadAlignmentResources } from '../../main/services/alignment/loadAlignmentResources';
import { alignSentenceTexts } from './alignDocument';

// A made-up business call (not from any corpus) whose later turns look alike: the same number (300), the same name
// (Sato), the same day (Friday), "Thank you." twice. One turn is dropped from one side.
const turns: readonly (readonly [english: string, japanese: string])[] = [
  ['Good morning, this is Sato from the sales team.', 'おはようございます、営業部の佐藤です。'],
  ['Good morning, Mr. Sato.', 'おはようございます、佐藤さん。'],
  ['I am calling about the order for 300 chairs.', '椅子300脚の注文の件でお電話しました。'],
  ['Yes, we received it yesterday.', 'はい、昨日受け取りました。'],
  ['Can you deliver them by Friday?', '金曜日までに納品できますか。'],
  ['I think so, but let me check with the warehouse.', 'たぶん大丈夫ですが、倉庫に確認します。'],
  ['Thank you.', 'ありがとうございます。'],
  [
    'The warehouse says 300 chairs can leave on Thursday.',
    '倉庫によると、椅子300脚は木曜日に出荷できるそうです。',
  ],
  ['So they will arrive on Friday?', 'では金曜日に届きますか。'],
  ['Yes, they will arrive on Friday.', 'はい、金曜日に届きます。'],
  ['And the 300 tables?', 'では、テーブル300台は？'],
  ['The 300 tables will arrive on Friday too.', 'テーブル300台も金曜日に届きます。'],
  ['Please send the invoice to Mr. Sato.', '請求書は佐藤さんに送ってください。'],
  ['I will send the invoice to Mr. Sato today.', '今日、佐藤さんに請求書をお送りします。'],
  ['Thank you.', 'ありがとうございます。'],
];

/** The beads of the dialogue with turn `dropped` missing from `side`, as `s:t` strings over each side's indices. */
function expectedBeads(dropped: number, side: 'en' | 'ja'): string[] {
  return turns.map((_, turn) => {
    const shifted = turn < dropped ? turn : turn - 1;
    if (turn === dropped) return side === 'ja' ? `${turn}:` : `:${turn}`;
    return side === 'ja' ? `${turn}:${shifted}` : `${shifted}:${turn}`;
  });
}

function alignWithout(
  dropped: number,
  side: 'en' | 'ja',
  resources: Awaited<ReturnType<typeof loadAlignmentResources>>,
): string[] {
  const english = turns.filter((_, turn) => side === 'ja' || turn !== dropped).map(([en]) => en);
  const japanese = turns.filter((_, turn) => side === 'en' || turn !== dropped).map(([, ja]) => ja);
  return alignSentenceTexts(english, japanese, resources).map(
    (bead) => `${bead.sourceIndices.join(',')}:${bead.targetIndices.join(',')}`,
  );
}

describe('recovery after a dropped turn', () => {
  it('leaves the dropped turn unpaired and pairs every later turn, look-alikes included', async () => {
    const resources = await loadAlignmentResources();
    expect(alignWithout(5, 'ja', resources)).toEqual(expectedBeads(5, 'ja'));
  }, 60_000);

  it('finds its way back after a turn dropped from either side anywhere in the middle', async () => {
    const resources = await loadAlignmentResources();
    for (let dropped = 1; dropped < turns.length - 2; dropped++) {
      for (const side of ['en', 'ja'] as const) {
        const beads = alignWithout(dropped, side, resources);
        const expected = expectedBeads(dropped, side);
        // The dropped turn may be absorbed by a neighbour (no lexical evidence keeps it apart); from the second turn
        // after it on, every bead must be the right 1-1 pair.
        const later = turns.length - dropped - 2;
        expect(beads.slice(beads.length - later), `${side} without turn ${dropped}`).toEqual(
          expected.slice(dropped + 2),
        );
      }
    }
  }, 60_000);
});
