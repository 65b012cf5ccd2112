/**
 * The search terms of a text, the same for articles when they are published and for questions
 * when they are asked, so that PGlite and PostgreSQL rank alike: all language work is done
 * here, and SQL only sums the weights of the terms both share (knowledge.queries.ts).
 *
 * - Vietnamese: folded to letters without diacritics (platform/text.ts), so "tach ho khau"
 *   finds "tách hộ khẩu"; each syllable is a term, and so is each pair of neighbouring
 *   syllables ("ho khau"), which is what carries the meaning of most Vietnamese words.
 * - Chinese: traditional characters are turned into simplified ones (OpenCC), then split into
 *   words by ICU (Intl.Segmenter, as intake does); the words, the pairs of neighbouring
 *   characters and the single characters are terms, so that "分户" meets "分戶" and "户口分开".
 * - English: lower case, a light suffix stripping ("wills" → "will", "splitting" → "split").
 * - Words that carry no meaning in a question ("how", "làm sao", "怎么") are dropped, and a few
 *   words that residents and officials write differently are given one spelling.
 * Phone and identity numbers never become terms.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { searchWords } from '../../platform/text.ts';
import { withoutPersonalData } from '../../platform/personalData.ts';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Traditional Chinese characters as simplified ones; everything else as it is. */
export function simplifiedChinese(text: string): string {
  return toSimplified(text);
}

const han = /\p{Script=Han}/u;

// Words of a question that say nothing about its subject, after folding.
const stopWords = new Set(
  [
    // English
    'an', 'i', 'me', 'my', 'we', 'our', 'you', 'your', 'it', 'its', 'is', 'are', 'was', 'be', 'been', 'am',
    'do', 'does', 'did', 'can', 'could', 'should', 'would', 'will', 'shall', 'may', 'might', 'must', 'have', 'has',
    'had', 'of', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'about', 'and', 'or', 'if', 'so', 'what',
    'which', 'who', 'whom', 'how', 'where', 'when', 'why', 'that', 'this', 'these', 'those', 'there', 'any', 'some',
    'need', 'want', 'get', 'please', 'there', 'not', 'no', 'yes', 'us', 'he', 'she', 'they', 'them', 'his', 'her',
    // Vietnamese (folded)
    'toi', 'chung', 'minh', 'anh', 'chi', 'em', 'ong', 'ba', 'co', 'khong', 'la', 'thi', 'ma', 'va', 'hay',
    'hoac', 'cua', 'cho', 'de', 'duoc', 'bi', 'o', 'tai', 've', 'voi', 'nhung', 'cac', 'mot', 'nay', 'kia',
    'gi', 'nao', 'sao', 'nhu', 'lam', 'can', 'muon', 'phai', 'xin', 'hoi', 'a', 'u', 'nhe', 'roi', 'chua',
    'da', 'dang', 'se', 'vay', 'neu', 'khi', 'bao', 'nhieu', 'ai', 'dau',
    // Chinese (simplified)
    '我', '我们', '你', '您', '他', '她', '的', '了', '吗', '呢', '吧', '啊', '是', '在', '有', '和', '与', '或',
    '要', '想', '我想', '请问', '请', '怎么', '怎样', '如何', '什么', '哪里', '哪儿', '哪', '为什么', '可以', '能',
    '能否', '需要', '应该', '一下', '这个', '那个', '这', '那', '个', '都', '也', '还', '就', '去', '到', '把', '被',
    '给', '让', '多少', '么', '怎', '该', '问', '甚么', '甚', '什',
  ].map((w) => w),
);

// One spelling for words residents and officials write differently (after folding and stemming).
const sameAs: Record<string, string> = {
  // English
  testament: 'will', inheritance: 'inherit', heir: 'inherit', divide: 'split', separate: 'split', separation: 'split',
  family: 'household', cost: 'fee', charge: 'fee', price: 'fee', paper: 'document',
  form: 'document', certificate: 'document', homestead: 'residential', farmland: 'agricultural',
  farm: 'agricultural', conversion: 'convert', change: 'convert', lose: 'lost', lamp: 'light',
  streetlight: 'light', damaged: 'broken', garbage: 'rubbish', trash: 'rubbish', waste: 'rubbish',
  long: 'time', day: 'time', week: 'time', counter: 'office',
  // Vietnamese (folded syllables)
  'di chuc': 'di chuc', 'thua ke': 'di chuc', 'chia': 'tach', 'phi': 'le phi',
  // Chinese (simplified)
  '遗书': '遗嘱', '继承': '遗嘱', '分家': '分户', '拆户': '分户', '费用': '收费', '多少钱': '收费', '材料': '证件', '资料': '证件',
  '手续': '程序', '流程': '程序', '步骤': '程序', '路灯': '灯',
};

/** A light English stemmer: plural and verb endings, enough for questions to meet articles. */
function stem(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
  for (const [suffix, keep] of [
    ['ies', 'y'],
    ['ing', ''],
    ['ed', ''],
    ['es', ''],
    ['s', ''],
  ] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      let base = word.slice(0, -suffix.length) + keep;
      // "splitting" → "splitt" → "split"; "moved" → "mov" stays (matches "move" → "mov" below).
      if (/([b-df-hj-np-tv-z])\1$/.test(base)) base = base.slice(0, -1);
      return base;
    }
  }
  return word.endsWith('e') && word.length > 4 ? word.slice(0, -1) : word;
}

function canonical(word: string): string {
  const s = stem(word);
  return sameAs[s] ?? sameAs[word] ?? s;
}

/** Term weights of one text: how often each term occurs, single characters and pairs counting less. */
export type Terms = Map<string, number>;

/**
 * No word of any language is this long; a longer run of letters (a pasted code) is no term, and
 * the postings' index entries (term, path, …) stay far below PostgreSQL's 2,704-byte limit.
 */
const maxTermLength = 100;

function add(terms: Terms, term: string, weight: number) {
  if (!term || term.length > maxTermLength || stopWords.has(term)) return;
  terms.set(term, (terms.get(term) ?? 0) + weight);
}

/**
 * The terms of a text with their weights. `weight` multiplies them all (an article's title
 * counts twice its body).
 */
export function termsOf(text: string, weight = 1, into: Terms = new Map()): Terms {
  const words = searchWords(simplifiedChinese(withoutPersonalData(text.normalize('NFC')))).split(' ').filter(Boolean);
  let previousLatin: string | null = null;
  for (const word of words) {
    if (han.test(word)) {
      previousLatin = null;
      const w = sameAs[word] ?? word;
      add(into, w, weight);
      const chars = [...word];
      if (chars.length > 1) {
        for (const ch of chars) add(into, ch, 0.3 * weight);
      }
      continue;
    }
    const w = canonical(word);
    // A stop word is no term by itself, but keeps its place in pairs: "cơ quan", "giấy tờ".
    if (!stopWords.has(word)) add(into, w, weight);
    if (previousLatin && !(stopWords.has(previousLatin) && stopWords.has(word))) {
      const pair = `${previousLatin} ${word}`;
      add(into, sameAs[pair] ?? pair, 0.8 * weight);
    }
    previousLatin = word;
  }
  hanPairs(text, weight, into);
  return into;
}

/** Pairs of neighbouring Chinese characters across word boundaries ("户口" in "户 口本"), skipping stop characters. */
function hanPairs(text: string, weight: number, into: Terms) {
  const simplified = simplifiedChinese(text);
  for (const run of simplified.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const pair = chars[i] + chars[i + 1];
      if (stopWords.has(chars[i]) || stopWords.has(chars[i + 1])) continue;
      add(into, pair, 0.5 * weight);
    }
  }
}

/** The distinct terms of a question with their weights, as two arrays for SQL. */
export function queryTerms(question: string): { terms: string[]; weights: number[] } {
  const t = termsOf(question.slice(0, 2000));
  return { terms: [...t.keys()], weights: [...t.values()] };
}
