import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const options = { algorithm: 2 /* Algorithm.Argon2id, a const enum */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const minPasswordLength = 10;
/** zxcvbn's score (0–4) a password needs: 3 is "safely unguessable" against online guessing with throttling. */
const minPasswordScore = 3;

/**
 * One password form whatever the keyboard: "ệ" typed as one code point or as "e" plus two
 * combining marks is the same password.
 */
const normalisePassword = (password: string) => password.normalize('NFC');

/**
 * The hashing work, as one object so that tests can count it: an unknown username must cost
 * the same argon2 verification as a known one.
 */
export const passwordHasher = {
  hash(password: string): Promise<string> {
    return hash(normalisePassword(password), options);
  },
  /** False for a wrong password and for a stored value that is not a hash at all. */
  async verify(stored: string, password: string): Promise<boolean> {
    try {
      return await verify(stored, normalisePassword(password));
    } catch {
      return false;
    }
  },
};

export const hashPassword = (password: string) => passwordHasher.hash(password);
export const verifyPassword = (stored: string, password: string) => passwordHasher.verify(stored, password);

let dummy: Promise<string> | undefined;
/**
 * A hash of nothing anyone knows, verified when the username does not exist (or has no
 * password yet) so that such a sign-in costs the same work as a wrong password.
 */
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(`no such account ${Math.random()}`));
}

// Spaces of every kind, control and format characters (zero-width space, joiners, direction
// marks, the BOM) and the blank-looking letters some fonts draw as nothing.
const invisible = /[\p{White_Space}\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115F\u1160\u2800\u3164\uFFA0]/gu;
const control = /\p{Cc}/u;

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
});

/** Why a password is refused, each with its own message in people.messages.ts. */
type PasswordProblem =
  | { code: 'password_blank' }
  | { code: 'password_control_characters' }
  | { code: 'weak_password'; min: number }
  | { code: 'password_personal' }
  | { code: 'password_guessable' };

/**
 * Checks a password an official chooses. `personal` holds what an attacker knows about the
 * account (username, name): a password built from them is refused.
 */
export function passwordProblem(password: string, personal: string[]): PasswordProblem | null {
  const text = normalisePassword(password);
  const visible = text.replace(invisible, '');
  if (!visible) return { code: 'password_blank' };
  if (control.test(text)) return { code: 'password_control_characters' };
  // Counted in visible characters, so a Vietnamese or Chinese passphrase counts right and
  // padding with zero-width characters does not.
  if ([...visible].length < minPasswordLength) return { code: 'weak_password', min: minPasswordLength };
  // Personal words also in their unaccented, split-up forms: "Nguyễn Văn A" → nguyen, van …
  const words = personal
    .flatMap((p) => {
      const plain = p.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
      return [p, plain, ...plain.split(/[^\p{L}\p{N}]+/u)];
    })
    .filter((w) => w.length >= 3);
  const result = estimator.check(text, words);
  if (result.score >= minPasswordScore) return null;
  const personalMatch = result.sequence.some(
    (m) => m.pattern === 'dictionary' && 'dictionaryName' in m && m.dictionaryName === 'userInputs',
  );
  return { code: personalMatch ? 'password_personal' : 'password_guessable' };
}
