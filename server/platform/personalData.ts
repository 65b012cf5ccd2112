/**
 * Personal numbers that residents write into a petition's text — "my ID is 520327199003151234,
 * call me on 138 1234 5678" — recognised so that they can be masked where the text is shown to
 * someone not entitled to know who wrote it, and kept out of the search index.
 *
 * Recognised: Vietnamese mobile numbers (0 or +84, then 3/5/7/8/9 and 8 digits), Vietnamese
 * citizen identity numbers (12 digits, the first three a province code 001–096), mainland
 * Chinese mobile numbers (0086 or +86 optional, then 1, 3–9 and 9 digits) and Chinese resident
 * identity numbers (18 characters whose last is the ISO 7064 MOD 11-2 check character of the
 * first 17). Digits may be grouped with spaces, dots or dashes as people write them.
 */

type PersonalNumberKind = 'vn_mobile' | 'vn_citizen_id' | 'cn_mobile' | 'cn_resident_id';

interface PersonalNumber {
  kind: PersonalNumberKind;
  /** Where it is in the text (UTF-16 offsets) and what it reads there. */
  index: number;
  text: string;
}

// A digit, then optionally one separator before the next: "0912 345 678", "138-1234-5678".
const sep = '[ .-]?';
const digits = (n: number) => Array.from({ length: n }, () => '\\d').join(sep);

const patterns: Array<{ kind: PersonalNumberKind; re: RegExp; valid?: (plain: string) => boolean }> = [
  // Longest first: an 18-character identity number holds 11 digits that look like a phone number.
  { kind: 'cn_resident_id', re: new RegExp(`[1-9]${sep}${digits(16)}${sep}[\\dXx]`, 'g'), valid: (p) => cnResidentIdValid(p) },
  { kind: 'vn_citizen_id', re: new RegExp(`0${sep}${digits(11)}`, 'g'), valid: (p) => Number(p.slice(0, 3)) >= 1 && Number(p.slice(0, 3)) <= 96 },
  { kind: 'cn_mobile', re: new RegExp(`(?:(?:\\+|00)86${sep})?1${sep}[3-9]${sep}${digits(9)}`, 'g') },
  { kind: 'vn_mobile', re: new RegExp(`(?:\\+84${sep}|0)[35789]${sep}${digits(8)}`, 'g') },
];

const checkWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

/** Is this an 18-character Chinese resident identity number with the right check character? */
export function cnResidentIdValid(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * checkWeights[i];
  return checkCharacters[sum % 11] === id[17].toUpperCase();
}

const plain = (text: string) => text.replace(/[ .-]/g, '');
// Chinese is written without spaces ("电话13812345678"): only Latin letters and digits join a number.
const joins = /[A-Za-z\p{N}]/u;

/** Every number above has at least this many digits (a Vietnamese mobile: 0 and nine more). */
const fewestDigits = 10;

/** Whether the text holds enough digits to hold a personal number: most texts do not, and counting is cheaper than the patterns. */
function mayHoldNumber(text: string): boolean {
  let digitsSeen = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digitsSeen >= fewestDigits) return true;
  }
  return false;
}

/** The personal numbers in a text, in order, none overlapping. */
export function findPersonalNumbers(text: string): PersonalNumber[] {
  if (!mayHoldNumber(text)) return [];
  const found: PersonalNumber[] = [];
  const taken = (start: number, end: number) => found.some((f) => start < f.index + f.text.length && f.index < end);
  for (const { kind, re, valid } of patterns) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      // Not part of a longer number or a code: no digit or Latin letter right before or after.
      if (joins.test(text[start - 1] ?? '') || joins.test(text[end] ?? '')) continue;
      if (valid && !valid(plain(m[0]))) continue;
      if (taken(start, end)) continue;
      found.push({ kind, index: start, text: m[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The text with every personal number masked: its first three digits and its last two stay (so
 * that officials can tell numbers apart and a resident can recognise theirs), the rest become
 * '*', separators kept: "138 1234 5678" → "138 **** **78".
 */
export function maskPersonalData(text: string): string {
  return replacePersonalNumbers(text, maskNumber);
}

/** The text without its personal numbers: what the search index holds, so nobody finds a petition by them. */
export function withoutPersonalData(text: string): string {
  return replacePersonalNumbers(text, () => ' ');
}

function replacePersonalNumbers(text: string, replace: (number: string) => string): string {
  const found = findPersonalNumbers(text);
  if (!found.length) return text;
  let out = '';
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.index) + replace(f.text);
    at = f.index + f.text.length;
  }
  return out + text.slice(at);
}

function maskNumber(number: string): string {
  // A country prefix is not personal: the digits that count start after it.
  const prefix = /^(?:\+|00)(?:86|84)[ .-]?/.exec(number)?.[0] ?? '';
  const body = number.slice(prefix.length);
  const total = body.replace(/[^\dXx]/g, '').length;
  let seen = 0;
  let masked = '';
  for (const ch of body) {
    if (!/[\dXx]/.test(ch)) {
      masked += ch;
      continue;
    }
    masked += seen < 3 || seen >= total - 2 ? ch : '*';
    seen++;
  }
  return prefix + masked;
}

/** A text that may be null, masked. */
export function maskPersonalDataOrNull(text: string | null): string | null {
  return text === null ? null : maskPersonalData(text);
}
