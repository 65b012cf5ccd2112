-- Officials choose their own password. An official waits without one (password_hash NULL)
-- from creation or a reset until they enter the setup code sent to their own phone or e-mail:
-- nobody else ever knows a working password of theirs.
ALTER TABLE accounts DROP CONSTRAINT accounts_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_official_username CHECK (kind <> 'official' OR username IS NOT NULL);

-- The per-account lock is replaced by sign_in_attempts: a stranger could use it to lock the
-- owner out, and it was read before the slow hash, so parallel guesses all got through.
ALTER TABLE accounts DROP COLUMN failed_logins;
ALTER TABLE accounts DROP COLUMN locked_until;

-- Sign-in attempts in the current window, per key: a username (known or not), an address, a
-- device that signed in before. An attempt is counted before the password is checked, in one
-- statement, so concurrent guesses cannot exceed the allowance.
CREATE TABLE sign_in_attempts (
  key          text PRIMARY KEY,
  attempts     int NOT NULL,
  window_ends  timestamptz NOT NULL
);
CREATE INDEX sign_in_attempts_window ON sign_in_attempts (window_ends);

-- Devices that have signed in to an account (the browser keeps a random token in a cookie;
-- only its hash is stored; a shared office computer may be known to several accounts). Such a
-- device has its own allowance of attempts, so guesses from elsewhere cannot lock the owner out.
CREATE TABLE known_devices (
  token_hash    text NOT NULL,
  account_id    bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL,
  last_used_at  timestamptz NOT NULL,
  PRIMARY KEY (token_hash, account_id)
);
CREATE INDEX known_devices_account ON known_devices (account_id);
CREATE INDEX known_devices_last_used ON known_devices (last_used_at);
