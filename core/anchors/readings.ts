import { toRomaji } from 'wanakana';

/**
 * Romanisation of Japanese readings for name and loanword anchors: 会津若松 (アイヅワカマツ) meets `Aizuwakamatsu`,
 * 林 (ハヤシ) meets `HAYASHI`, ウェールズ meets `Wales`. Hepburn variants (`Ōno`, `Ohno`, `Ono`, `Oono`; `shi`/`si`;
 * `tsu`/`tu`) fold to one key.
 */

/**
 * Romanises kana (hiragana or katakana) with wanakana's Hepburn.
 * @returns lower-case romaji; the long-vowel mark becomes a repeated vowel
 */
export function romanizeKana(kana: string): string {
  const romaji = toRomaji(kana.replace(/・/g, ''), { upcaseKatakana: false });
  // wanakana writes the long-vowel mark as '-': repeat the vowel before it instead.
  return romaji
    .replace(/([aeiou])-/g, '$1$1')
    .replace(/-/g, '')
    .toLowerCase();
}

/**
 * Folds a romanised name to a key that Hepburn variants share: macrons dropped, long vowels (`ou`, `oo`, `oh`, `uu`)
 * shortened, `shi`/`si`, `chi`/`ti`, `tsu`/`tu`, `fu`/`hu`, `ji`/`zi`/`di`, `n` before b/m/p written `m`.
 * @param romaji a romanised word (`Aizuwakamatsu`, `Ōno`, `Shinzou`)
 * @returns the folded key, lower-case letters only
 */
export function foldRomaji(romaji: string): string {
  return romaji
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/oh(?![aeiouy])/g, 'o')
    .replace(/ou/g, 'o')
    .replace(/([aeiou])\1+/g, '$1')
    .replace(/shi/g, 'si')
    .replace(/sh/g, 'sy')
    .replace(/chi/g, 'ti')
    .replace(/ch/g, 'ty')
    .replace(/tsu/g, 'tu')
    .replace(/fu/g, 'hu')
    .replace(/d?j/g, 'z')
    .replace(/m(?=[bmp])/g, 'n');
}

/**
 * A consonant skeleton shared by an English word and its katakana rendering (`smart` / スマート `sumaato`,
 * `Wales` / ウェールズ `weeruzu`): vowels, `h`, `y`, `w` and `r` dropped, l→r merged away, v→b, c/q→k, th→s, ph→f,
 * z→s, doubled letters collapsed.
 * @returns the skeleton; short skeletons (under 3 letters) collide too often to be used as anchors
 */
export function consonantSkeleton(word: string): string {
  return word
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/ph/g, 'f')
    .replace(/th/g, 's')
    .replace(/ck/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/v/g, 'b')
    .replace(/z/g, 's')
    .replace(/j/g, 'g')
    .replace(/ts/g, 't')
    .replace(/ty|tch|sy|sh/g, 's')
    .replace(/[aeiouyhwrl]/g, '')
    .replace(/(.)\1+/g, '$1');
}
