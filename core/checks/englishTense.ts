import type { TextSpan } from '../alignment/types';

/**
 * The tense of an English sentence's finite verbs, by rule (no tagger): auxiliaries (was, is, has, will…), irregular
 * past forms, and -ed words in a finite position. The main clause is the first finite verb after any fronted
 * subordinate clause, or a trailing reporting clause (`…, officials said.`).
 */

/** Tense classes of English finite verbs. Present perfect is its own class: Japanese renders it with た or ている. */
export type EnglishTense = 'past' | 'present' | 'future' | 'perfect' | 'modal';

/** One finite verb group found. */
export interface EnglishVerb {
  readonly tense: EnglishTense;
  /** The finite word (auxiliary or verb) in UTF-16 code units of the sentence. */
  readonly span: TextSpan;
  readonly text: string;
  /** True for a reporting verb (said, told, announced…). */
  readonly reporting: boolean;
  /**
   * Set for a past progressive (`was speaking`) or past perfect (`had gathered`): a past seen from inside or before,
   * which Japanese renders with 〜ていた, never with a non-past 〜ている.
   */
  readonly pastAspect?: 'progressive' | 'perfect';
}

const PAST_AUXILIARIES = new Set([
  'was',
  'were',
  'did',
  "didn't",
  "wasn't",
  "weren't",
  'had',
  "hadn't",
]);
const PRESENT_AUXILIARIES = new Set([
  'is',
  'are',
  'am',
  "isn't",
  "aren't",
  'does',
  "doesn't",
  'do',
  "don't",
  "it's",
  "he's",
  "she's",
  "that's",
  "there's",
  "what's",
  "who's",
  "we're",
  "they're",
  "you're",
  "i'm",
]);
const PERFECT_AUXILIARIES = new Set([
  'has',
  'have',
  "hasn't",
  "haven't",
  "'ve",
  "we've",
  "they've",
  "i've",
  "you've",
]);
const FUTURE_AUXILIARIES = new Set([
  'will',
  "won't",
  'shall',
  "i'll",
  "we'll",
  "they'll",
  "he'll",
  "she'll",
  "it'll",
  "you'll",
]);
const MODALS = new Set([
  "would've",
  "could've",
  "should've",
  "might've",
  "must've",
  'would',
  'could',
  'should',
  'might',
  'may',
  'must',
  'can',
  "can't",
  'cannot',
  "couldn't",
  "wouldn't",
  "shouldn't",
  'ought',
]);
/** Simple past forms of irregular verbs that are not also base or participle-only forms. */
const IRREGULAR_PAST = new Set(
  `said told went came took made gave found saw knew thought became began left felt brought kept held met won lost paid
  sent built spent led stood fell rose grew drew wrote spoke broke chose drove ate got sold bought caught taught fought
  sought heard meant struck threw flew wore hid shook forgot understood ran sat swam sang rang drank sank arose woke
  rode bore tore swore stole froze slid fled dealt lent bent hung shot lit fed sped spun stuck dug swung slept swept
  wept crept knelt leapt overtook withdrew undertook forbade mistook`.split(/\s+/),
);
const REPORTING = new Set(
  `said says say told tells added adds explained explains noted notes stated states announced announces reported reports
  wrote writes claimed claims argued argues insisted insists warned warns confirmed confirms revealed reveals
  admitted admits according`.split(/\s+/),
);
/** Words ending in -ed that are not past forms (whole words: `published` ends like `shed` and is a past). */
const NOT_PAST_ED = new Set(
  `need needs seed feed speed breed shed bed red hundred sacred naked wicked proceed succeed exceed indeed embed
  bred sled ragged rugged jagged beloved learned aged blessed crooked dogged`.split(/\s+/),
);
/** Words after which an -ed word is a participle or adjective, not a finite verb. */
const NON_SUBJECT = new Set(
  `a an the this these those that its his her their our your my be been being is are was were am has have had get got
  gets getting become became very more most so too well of in on at by for with from to into as than not no newly
  recently previously once also and or but if when while who which whose were'nt just already`.split(
    /\s+/,
  ),
);
/** Adverbs that stand between a subject and its verb. */
const PRE_VERB_ADVERBS = new Set(
  `also later then recently previously subsequently once again finally eventually still already reportedly allegedly
  initially originally quickly immediately never`.split(/\s+/),
);

/** Subordinators that open a fronted subordinate clause. */
const SUBORDINATORS = new Set(
  `if when whenever while although though as since because after before once until unless whereas whether where`.split(
    /\s+/,
  ),
);
const PRONOUN_SUBJECTS = new Set([
  'i',
  'we',
  'you',
  'he',
  'she',
  'it',
  'they',
  'who',
  'which',
  'that',
  'there',
]);

const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)?(?:-[A-Za-z]+)*/g;

interface Word {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** True when a comma, colon, semicolon, dash or quote stands between this word and the previous one. */
  readonly afterBreak: boolean;
}

function words(text: string): Word[] {
  const result: Word[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const between = text.slice(previousEnd, match.index);
    result.push({
      text: match[0],
      lower: match[0].toLowerCase().replace('’', "'"),
      start: match.index,
      end: match.index + match[0].length,
      afterBreak: /[,;:"“”—–(]/.test(between),
    });
    previousEnd = match.index + match[0].length;
  }
  return result;
}

function finiteTense(list: readonly Word[], index: number): EnglishTense | undefined {
  const word = list[index]!;
  const lower = word.lower;
  const next = list[index + 1]?.lower;
  if (PAST_AUXILIARIES.has(lower)) return 'past';
  if (FUTURE_AUXILIARIES.has(lower)) return 'future';
  if (MODALS.has(lower)) return 'modal';
  if (PRESENT_AUXILIARIES.has(lower)) {
    // "is going to" is a future.
    if (next === 'going' && list[index + 2]?.lower === 'to') return 'future';
    return 'present';
  }
  if (PERFECT_AUXILIARIES.has(lower)) {
    // has + participle is a present perfect; has + noun ("has a plan") a present.
    const following = next ?? '';
    return /ed$|en$|been|^(?:got|had|made|said|told|found|held|won|lost|left|become|come|done|gone|seen|taken|given|shown|known|grown|risen|fallen|begun|paid|sent|built|spent|led|kept|brought|bought|sold|met|run|put|set|cut|hit)$/.test(
      following,
    ) || /^(?:already|also|not|never|now|just|recently|since|yet)$/.test(following)
      ? 'perfect'
      : 'present';
  }
  if (index === 0) return undefined;
  const previous = list[index - 1]!;
  const isPastForm =
    IRREGULAR_PAST.has(lower) || (/[a-z]{2,}ed$/.test(lower) && !NOT_PAST_ED.has(lower));
  if (isPastForm) {
    // An adverb between subject and verb (he also said, officials later confirmed): look past it.
    let before = index - 1;
    while (before > 0 && PRE_VERB_ADVERBS.has(list[before]!.lower)) before--;
    if (before !== index - 1) {
      const subject = list[before]!;
      return NON_SUBJECT.has(subject.lower) ? undefined : 'past';
    }
    if (NON_SUBJECT.has(previous.lower)) return undefined;
    // A capital first word of a name or a pronoun, noun or adverb before it: a finite past.
    if (/ly$/.test(previous.lower) && index >= 2 && NON_SUBJECT.has(list[index - 2]!.lower))
      return undefined;
    if (next === 'by') return undefined;
    return 'past';
  }
  // I think, we believe, they say: a base form after a first- or third-person plural pronoun.
  if (
    /^(?:i|we|you|they)$/.test(previous.lower) &&
    /^[a-z]+$/.test(word.text) &&
    !/ed$/.test(lower) &&
    !NON_SUBJECT.has(lower) &&
    !/^(?:also|just|never|always|often|only|still|all|both|really|too)$/.test(lower)
  )
    return 'present';
  if (
    PRONOUN_SUBJECTS.has(previous.lower) &&
    previous.lower !== 'that' &&
    previous.lower !== 'which' &&
    previous.lower !== 'who' &&
    previous.lower !== 'there' &&
    /^[a-z]+s$/.test(lower) &&
    !/ss$/.test(lower) &&
    (previous.lower === 'he' || previous.lower === 'she' || previous.lower === 'it')
  )
    return 'present';
  if (REPORTING.has(lower) && /s$/.test(lower) && lower !== 'reports' && lower !== 'notes')
    return previous.afterBreak || !NON_SUBJECT.has(previous.lower) ? 'present' : undefined;
  return undefined;
}

/**
 * The sentence with quoted speech blanked out (same length, so offsets hold) when something stands outside the quote:
 * `"We are ready," he said.` is a past sentence whatever the quote's tense.
 */
export function withoutQuotations(text: string): string {
  const blanked = text.replace(/(["“])[^"”]{3,}(["”])/g, (quote) => ' '.repeat(quote.length));
  return /[A-Za-z]/.test(blanked) ? blanked : text;
}

/** Past progressive (was/were + -ing) or past perfect (had + participle) at a finite past auxiliary. */
function pastAspectAt(list: readonly Word[], index: number): 'progressive' | 'perfect' | undefined {
  const auxiliary = list[index]!.lower;
  let next = index + 1;
  while (next < list.length && PRE_VERB_ADVERBS.has(list[next]!.lower)) next++;
  const following = list[next];
  if (!following || following.afterBreak) return undefined;
  if ((auxiliary === 'was' || auxiliary === 'were') && /[a-z]{2,}ing$/.test(following.lower))
    return /^(?:going|nothing|something|anything|everything)$/.test(following.lower)
      ? undefined
      : 'progressive';
  if (
    auxiliary === 'had' &&
    (/[a-z]{2,}(?:ed|en)$/.test(following.lower) ||
      following.lower === 'been' ||
      IRREGULAR_PAST.has(following.lower))
  )
    return 'perfect';
  return undefined;
}

/**
 * Every finite verb the rules can see, in order.
 * @param text one English sentence
 */
export function englishFiniteVerbs(text: string): EnglishVerb[] {
  const list = words(withoutQuotations(text));
  const verbs: EnglishVerb[] = [];
  list.forEach((word, index) => {
    const tense = finiteTense(list, index);
    if (!tense) return;
    const pastAspect = tense === 'past' ? pastAspectAt(list, index) : undefined;
    verbs.push({
      tense,
      span: { start: word.start, end: word.end },
      text: word.text,
      reporting: REPORTING.has(word.lower),
      ...(pastAspect ? { pastAspect } : {}),
    });
  });
  return verbs;
}

/**
 * The main clause's finite verb: a trailing reporting verb (`…, he said.`), else the first finite verb after a fronted
 * subordinate clause (`When …, `), else the first finite verb.
 * @param text one English sentence
 * @returns the verb, or undefined when no finite verb is recognised (headlines, fragments)
 */
export function englishMainVerb(text: string): EnglishVerb | undefined {
  const verbs = englishFiniteVerbs(text);
  if (verbs.length === 0) return undefined;
  const list = words(withoutQuotations(text));
  // "…, officials said." / "…," he told reporters.
  const trailing = [...verbs].reverse().find((verb) => verb.reporting);
  if (trailing) {
    const index = list.findIndex((word) => word.start === trailing.span.start);
    let clauseStart = -1;
    list.forEach((word, i) => {
      if (i <= index && word.afterBreak) clauseStart = i;
    });
    if (clauseStart > 0 && index - clauseStart <= 4) return trailing;
  }
  const first = list[0]?.lower ?? '';
  if (SUBORDINATORS.has(first)) {
    const breakIndex = list.findIndex((word, i) => i > 0 && word.afterBreak);
    if (breakIndex > 0) {
      const after = verbs.find((verb) => verb.span.start >= list[breakIndex]!.start);
      if (after) return after;
    }
  }
  return verbs[0];
}

/** Words that open a relative or complement clause, whose verb carries its own tense. */
const CLAUSE_OPENERS = new Set(`that which who whom whose whether if what how why`.split(/\s+/));

/**
 * True when the main verb opens the sentence's finite verbs, nothing before it opens a subordinate clause, and every
 * later finite verb stands in a relative or complement clause (`…, which has its own province`, `said that it is`):
 * those verbs keep their own tense and leave the main clause's tense alone. Coordinated clauses (`…, and it is`,
 * `…; we are`) are not subordinate.
 * @param text one English sentence
 * @param main the sentence's main verb, from `englishMainVerb`
 */
export function laterVerbsSubordinate(text: string, main: EnglishVerb): boolean {
  const verbs = englishFiniteVerbs(text);
  if (verbs[0]?.span.start !== main.span.start) return false;
  const list = words(withoutQuotations(text));
  const mainIndex = list.findIndex((word) => word.start === main.span.start);
  if (mainIndex < 0 || list.slice(0, mainIndex).some((word) => SUBORDINATORS.has(word.lower)))
    return false;
  return verbs.slice(1).every((verb) => {
    const index = list.findIndex((word) => word.start === verb.span.start);
    for (let back = index - 1; back > mainIndex && back >= index - 3; back--) {
      const word = list[back]!;
      if (CLAUSE_OPENERS.has(word.lower)) return true;
      if (list[back + 1]!.afterBreak) return false;
    }
    return false;
  });
}
