/**
 * What a published answer must not carry: the personal data of the petition it came from.
 * Officials write the article from the question and the answer; the server removes, every time
 * the text is saved and again when it is published,
 * - the names the petitioners gave (whole, with or without diacritics, in simplified or
 *   traditional characters; the given name after a form of address: "bà Bình", "王先生");
 * - their phone numbers in any writing (+84 / 0084 / 84 / 0, +86, spaces, dots, dashes) and any
 *   other phone or identity number (platform/personalData.ts), any 12-digit citizen identity
 *   number and any long run of digits that starts like a phone number;
 * - e-mail addresses;
 * - their addresses: the whole address and each part of it that names a house or a street
 *   (a part with a number, "ngõ", "đường", "路", "号" …), and house numbers written anywhere.
 * Each is replaced by "[…]". The checks are pure: no I/O.
 */
import { findPersonalNumbers } from '../../platform/personalData.ts';
import { simplifiedChinese } from './knowledge.text.ts';

export const redacted = '[…]';

export interface PersonalFacts {
  names: string[];
  phones: string[];
  emails: string[];
  addresses: string[];
}

/** One character's matching form: no diacritics, đ → d, lower case, simplified. One character in, one out. */
function foldChar(ch: string): string {
  if (ch === 'đ' || ch === 'Đ') return 'd';
  const base = ch.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  if (base.length !== 1) return ch.length === 1 ? ch.toLowerCase().slice(0, 1) || ch : ch;
  if (/\p{Script=Han}/u.test(base)) {
    const s = simplifiedChinese(base);
    return s.length === 1 ? s : base;
  }
  return base;
}

/** The text folded character by character, so that positions in it are positions in the text. */
function foldKeepingPlaces(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = foldChar(ch);
    // Characters outside the BMP take two code units: keep the length equal.
    out += f.length === ch.length ? f : ch;
  }
  return out;
}

const letter = /[\p{L}\p{N}]/u;

/** Spans [start, end) where `needle` (folded) occurs in `folded` as whole words (or anywhere, for Chinese). */
function spansOf(folded: string, needle: string): Array<[number, number]> {
  const n = foldKeepingPlaces(needle.normalize('NFC')).replace(/\s+/g, ' ').trim();
  if (n.length < 2 && !/\p{Script=Han}/u.test(n)) return [];
  const cjk = /\p{Script=Han}/u.test(n);
  const spans: Array<[number, number]> = [];
  // Spaces in the needle match any run of spaces or punctuation between words.
  const pattern = n
    .split(' ')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s,.\\-–]+');
  const re = new RegExp(pattern, 'gu');
  for (const m of folded.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!cjk && (letter.test(folded[start - 1] ?? '') || letter.test(folded[end] ?? ''))) continue;
    spans.push([start, end]);
  }
  return spans;
}

// Forms of address before a given name or a surname.
const titlesBefore = ['ông', 'bà', 'anh', 'chị', 'em', 'cô', 'chú', 'bác', 'cụ', 'mr', 'mrs', 'ms', 'miss', 'dr'];
const titlesAfter = ['先生', '女士', '小姐', '同志', '大爷', '大妈', '阿姨', '老师', '师傅'];

/** The ways a name may be written in an answer: whole, its given name after a title, a Chinese surname with a title. */
function nameVariants(name: string): string[] {
  const clean = name.normalize('NFC').trim();
  if (!clean) return [];
  const variants = new Set<string>([clean]);
  if (/\p{Script=Han}/u.test(clean)) {
    const chars = [...clean.replace(/\s+/g, '')];
    if (chars.length >= 3) variants.add(chars.slice(1).join('')); // the given name: 王小明 → 小明
    for (const title of titlesAfter) variants.add(chars[0] + title);
    variants.add(`老${chars[0]}`);
    variants.add(`小${chars[0]}`);
  } else {
    const words = clean.split(/\s+/);
    if (words.length >= 2) {
      const given = words[words.length - 1];
      const family = words[0];
      // "Thị Bình" of "Trần Thị Bình"; a single word alone ("An") is too often an ordinary word.
      if (words.length >= 3) variants.add(words.slice(-2).join(' '));
      for (const title of titlesBefore) {
        variants.add(`${title} ${given}`); // "bà Bình"; "Mr Smith" of "John Smith"
        variants.add(`${title} ${family}`); // "ông Trần"; "Mr Smith" of "Smith John"
      }
    }
  }
  return [...variants];
}

/** Digits of a phone without its country prefix or trunk 0: "+84 912.345.678" → "912345678". */
function phoneKey(phone: string): string | null {
  let digits = phone.replace(/\D/g, '');
  if (phone.trim().startsWith('+') || digits.startsWith('00')) digits = digits.replace(/^0*(84|86)/, '');
  else if (digits.startsWith('84') && digits.length === 11) digits = digits.slice(2);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  digits = digits.replace(/^0/, '');
  return digits.length >= 6 ? digits : null;
}

/** A phone in any writing: optional country prefix or trunk 0, then its digits with optional separators. */
function phonePattern(key: string): RegExp {
  const body = [...key].join('[\\s.\\-()]*');
  return new RegExp(`(?:(?:(?:\\+|00)\\s?)?(?:84|86)[\\s.\\-()]*|0[\\s.\\-()]*)?\\(?${body}`, 'g');
}

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// A run of digits (with separators) long enough to be a phone or an identity number: 12 digits
// anywhere, or 9 and more starting with + or 0 (a phone in a form personalData does not know).
const twelveDigits = /(?<![\p{N}])\d(?:[\s.\-]?\d){11}(?![\p{N}])/gu;
const phoneLike = /(?<![\p{N}\p{L}])(?:\+\s?\d|0)(?:[\s.\-()]*\d){8,}(?![\p{N}])/gu;
// House numbers: "số 12", "nhà số 12/3", "12号", "No. 12", "12 Lê Lợi street" is caught by the address itself.
const houseNumber = /(?:(?<![\p{L}])(?:số nhà|nhà số|số|so nha|nha so|no\.?|number|house)\s*\d+[\w/\-]*|\d+[\-\d]*\s*(?:号|號|室|栋|棟|单元|單元|弄|巷))/giu;
// A part of an address that points to a house rather than an area.
const streetWords = /\d|ngõ|ngách|hẻm|kiệt|đường|phố|số|ngo |duong|pho |路|街|巷|弄|号|號|室|栋|棟|street|road|lane|avenue|alley|\bst\b|\brd\b/iu;

/** The parts of an address to remove: the whole, and each comma-separated part naming a house or street. */
function addressVariants(address: string): string[] {
  const clean = address.normalize('NFC').trim();
  if (!clean) return [];
  const parts = clean.split(/[,，、;；]/).map((p) => p.trim());
  // A Chinese address runs on without commas: 凤冈县龙泉镇和平路18号 → its part after the last area name.
  for (const part of [...parts]) {
    const tail = /(?:省|市|县|縣|区|區|镇|鎮|乡|鄉|街道|村|组|組)([^省市县縣区區镇鎮乡鄉村组組]+)$/u.exec(part)?.[1];
    if (tail) parts.push(tail);
    // "Số 45/2 đường Trần Phú" → "đường Trần Phú" too, which answers write without the number.
    const street = /(?:^|\s)((?:đường|phố|ngõ|ngách|hẻm|kiệt|duong|pho|ngo|ngach|hem)\s+\S.*)$/iu.exec(part)?.[1];
    if (street) parts.push(street);
  }
  return [clean, ...parts.filter((p) => p.length >= 2 && streetWords.test(p))];
}

/** The text without the petitioners' personal data and without any personal number or e-mail address. */
export function scrubPersonalData(text: string, facts: PersonalFacts): string {
  const source = text.normalize('NFC');
  const spans: Array<[number, number]> = [];
  const folded = foldKeepingPlaces(source);

  for (const address of facts.addresses) for (const v of addressVariants(address)) spans.push(...spansOf(folded, v));
  for (const name of facts.names) for (const v of nameVariants(name)) spans.push(...spansOf(folded, v));
  for (const email of facts.emails) spans.push(...spansOf(folded, email));
  for (const phone of facts.phones) {
    const key = phoneKey(phone);
    if (!key) continue;
    for (const m of source.matchAll(phonePattern(key))) spans.push([m.index, m.index + m[0].length]);
  }
  for (const n of findPersonalNumbers(source)) spans.push([n.index, n.index + n.text.length]);
  for (const re of [emailPattern, twelveDigits, phoneLike, houseNumber]) {
    for (const m of source.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  }
  return replaceSpans(source, spans);
}

function replaceSpans(text: string, spans: Array<[number, number]>): string {
  if (!spans.length) return text;
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of spans) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  let out = '';
  let at = 0;
  for (const [s, e] of merged) {
    out += text.slice(at, s) + redacted;
    at = e;
  }
  return out + text.slice(at);
}

/**
 * Does the text still hold any of the facts (checked on the folded text, whatever the
 * writing)? Publication refuses an article for which this is true.
 */
export function leaksPersonalData(text: string, facts: PersonalFacts): boolean {
  return scrubPersonalData(text, facts) !== text.normalize('NFC');
}
