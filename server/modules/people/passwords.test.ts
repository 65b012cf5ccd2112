import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { registerMessages, translate } from '../../platform/i18n.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { peopleMessages } from './people.messages.ts';

registerMessages(peopleMessages);

const personal = ['nguyen.van.a', 'Nguyễn Văn A'];
const problem = (password: string) => passwordProblem(password, personal)?.code ?? null;

describe('the passwords officials may choose', () => {
  it('refuses passwords that look empty: spaces, zero-width and other invisible characters', () => {
    assert.equal(problem(' '.repeat(10)), 'password_blank');
    assert.equal(problem('\u200B'.repeat(10)), 'password_blank');
    assert.equal(problem('\u3000\u00A0\u2800\uFEFF\u200D\u2060\u3164 \t '), 'password_blank');
  });

  it('counts only visible characters, and refuses control characters', () => {
    assert.equal(problem(`a${'\u200B'.repeat(12)}`), 'weak_password', 'zero-width padding does not make it long');
    assert.deepEqual(passwordProblem('short', personal), { code: 'weak_password', min: 10 });
    assert.equal(problem('lantern\tharbour violet'), 'password_control_characters');
    assert.equal(problem('lantern harbour\nviolet'), 'password_control_characters');
  });

  it('refuses common passwords and simple patterns', () => {
    for (const p of ['aaaaaaaaaa', 'password12', '1234567890', 'qwertyuiop', 'iloveyou2023']) assert.equal(problem(p), 'password_guessable', p);
  });

  it('refuses passwords built from the username or the name, with or without diacritics', () => {
    assert.equal(problem('nguyen.van.a'), 'password_personal');
    assert.equal(problem('Nguyễn Văn A'), 'password_personal');
    assert.equal(problem('nguyenvana1'), 'password_personal');
  });

  it('accepts passphrases in any of the deployment’s languages', () => {
    for (const p of ['lantern harbour violet', 'Mật khẩu của tôi dài', 'tôi yêu hà nội 2023', '山上的小村庄有一条河流', 'factory-password-1']) {
      assert.equal(problem(p), null, p);
    }
  });

  it('one password whatever the Unicode form it was typed in (NFC)', async () => {
    const composed = 'Trường Sơn mùa xuân'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    assert.notEqual(composed, decomposed);
    assert.equal(problem(decomposed), null);
    const stored = await hashPassword(decomposed);
    assert.equal(await verifyPassword(stored, composed), true);
  });

  it('says why in every language', () => {
    for (const code of ['password_blank', 'password_control_characters', 'weak_password', 'password_personal', 'password_guessable']) {
      const messages = (['vi', 'zh', 'en'] as const).map((l) => translate(code, l, { min: 10 }));
      assert.equal(new Set(messages).size, 3, code);
      for (const m of messages) assert.doesNotMatch(m, /^[a-z_]+$/, `${code} has a message`);
    }
  });
});
