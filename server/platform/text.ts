/**
 * Text helpers for search. Names and petitions come in Vietnamese, Chinese and English; people
 * type them with or without diacritics, so what is stored for matching is folded first.
 */

/** Between the folded names of one search key; folded text never contains '|'. */
export const searchKeySeparator = ' | ';

function fold(text: string): string {
  return (
    text
      .normalize('NFD')
      // Combining marks: Vietnamese tones and vowel marks, Latin accents.
      .replace(/\p{M}+/gu, '')
      // đ/Đ is a letter of its own, not d with a mark, so NFD leaves it alone.
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      // Punctuation and symbols separate words like spaces do: "Bà Rịa – Vũng Tàu" → "ba ria vung tau".
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .normalize('NFC')
  );
}

/**
 * The matching form of one or more names: lower case, no diacritics, đ → d, words separated by
 * single spaces; several names are kept apart by " | " (duplicates and empty names dropped).
 * "Thanh Chương", "THANH CHƯƠNG" and "thanh chuong" all give "thanh chuong".
 */
export function searchKey(...texts: string[]): string {
  const keys: string[] = [];
  for (const text of texts) {
    const key = fold(text ?? '');
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys.join(searchKeySeparator);
}

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * The words of a text joined by single spaces, punctuation dropped. Chinese has no spaces
 * between words; ICU's dictionary splits it ("需要什么手续" → "需要 什么 手续"), so that
 * PostgreSQL full-text search with the 'simple' configuration can index it.
 */
export function segmentWords(text: string): string {
  const words: string[] = [];
  for (const segment of wordSegmenter.segment(text.normalize('NFC'))) {
    if (segment.isWordLike) words.push(segment.segment);
  }
  return words.join(' ');
}

/**
 * Scripts written without spaces between words, which only ICU's dictionary splits; and the
 * other numbers (superscripts, fractions, circled digits), which ICU leaves out of words where
 * folding would keep them. A text holding neither is split the same by folding alone.
 */
const needsSegmenter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{No}]/u;

/**
 * The words of a text in matching form (searchKey of segmentWords): what the search index holds
 * and a question is matched with. A text with no word of a spaceless script, such as any
 * Vietnamese or English one, is only folded: folding already turns every character that is not
 * a letter or a digit into a space, which is all the segmenter would do there, at a tenth of
 * its cost (it was a tenth of the server's time at intake).
 */
export function searchWords(text: string): string {
  return needsSegmenter.test(text) ? searchKey(segmentWords(text)) : searchKey(text);
}
