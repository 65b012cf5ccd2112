/** Tracking codes, access keys and phone numbers of petitions. */
import crypto from 'node:crypto';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** No 0/O, 1/I: a code read out over the phone or copied from paper comes back right. */
export const trackingAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const trackingCodeLength = 8;

/** 8 characters of 32: 2^40 codes, drawn without bias (32 divides 256). */
export function newTrackingCode(): string {
  return randomCode(trackingCodeLength);
}

// Random bytes are drawn from the operating system 4 KiB at a time, as node:crypto's randomUUID
// does: each draw is a system call, and every intake takes two codes (3% of the server's time
// in the intake profile went to those calls).
const randomPool = Buffer.alloc(4096);
let randomPoolAt = randomPool.length;

function randomCode(length: number): string {
  if (randomPoolAt + length > randomPool.length) {
    crypto.randomFillSync(randomPool);
    randomPoolAt = 0;
  }
  let code = '';
  for (let i = 0; i < length; i++) code += trackingAlphabet[randomPool[randomPoolAt + i] % 32];
  randomPoolAt += length;
  return code;
}

/**
 * A code as people type it: case, spaces and dashes are forgiven; null when it cannot be one.
 */
export function normaliseTrackingCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== trackingCodeLength) return null;
  for (const ch of code) if (!trackingAlphabet.includes(ch)) return null;
  return code;
}

export const accessKeyLength = 8;

/**
 * The access key proves that whoever holds it raised the petition: 8 characters of the tracking
 * codes' alphabet (2^40 keys), shown in two groups ("7KQ4-MZ2P") so it can be read out on the
 * phone, copied from an SMS and typed on another device. Guessing is kept hopeless by the
 * limits on attempts (docs/PETITIONS.md, "The access key").
 */
export function newAccessKey(): string {
  const key = randomCode(accessKeyLength);
  return `${key.slice(0, 4)}-${key.slice(4)}`;
}

/**
 * A key as people type it: case, spaces and dashes are forgiven for the short keys. The long
 * keys of earlier versions (32 characters, case-sensitive) are kept exactly as given.
 */
function normaliseAccessKey(raw: string): string {
  const short = raw.replace(/[\s-]/g, '').toUpperCase();
  if (short.length === accessKeyLength && [...short].every((ch) => trackingAlphabet.includes(ch))) return short;
  return raw.trim();
}

/** Stored as a SHA-256 hash of the normalised key: the database never holds the key itself. */
export function hashAccessKey(key: string): string {
  return crypto.createHash('sha256').update(normaliseAccessKey(key)).digest('hex');
}

/** Constant-time comparison of a presented key with a stored hash. */
export function accessKeyMatches(key: string, hash: string): boolean {
  const a = Buffer.from(hashAccessKey(key), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

const fallbackCountries: CountryCode[] = ['VN', 'CN'];

/**
 * A phone number in E.164, read first as a number of the unit's country (0912 345 678 in a
 * Vietnamese commune is +84912345678); null when it is no valid number anywhere we serve.
 */
export function normalisePhone(raw: string, country?: string): string | null {
  const text = raw.trim();
  if (!/^[+0-9][0-9 .()-]*$/.test(text)) return null;
  const order = [
    ...(country ? [country.toUpperCase() as CountryCode] : []),
    ...fallbackCountries.filter((c) => c !== country?.toUpperCase()),
  ];
  for (const c of order) {
    const number = parsePhoneNumberFromString(text, c);
    if (number?.isValid()) return number.number;
    if (text.startsWith('+')) break;
  }
  return null;
}
