import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { backends, createTestDatabase } from '../../test/databases.ts';
import { testConfig, type Config } from '../../platform/config.ts';
import { FixedClock } from '../../platform/clock.ts';
import { createLogger } from '../../platform/log.ts';
import type { AppContext } from '../../platform/context.ts';
import { startup } from '../../startup.ts';

/** Runs the server's start-up tasks on a fresh database and answers what they printed and logged. */
async function start(backend: (typeof backends)[number], config: Partial<Config>) {
  const database = await createTestDatabase(backend);
  let logged = '';
  const ctx: AppContext = {
    config: testConfig({ jobPollMs: 60_000, ...config }),
    database,
    db: database.db,
    clock: new FixedClock('2026-03-02T02:00:00Z'),
    log: createLogger('warn', { write: (line: string) => void (logged += line) }),
  };
  let printed = '';
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => ((printed += String(chunk)), true)) as typeof process.stdout.write;
  try {
    await startup(ctx);
  } finally {
    process.stdout.write = write;
  }
  const units = await database.db.selectFrom('units').select('code').execute();
  const admin = await database.db.selectFrom('accounts').select('username').where('username', '=', 'root').executeTakeFirst();
  await database.close();
  return { printed, logged, units: units.map((u) => u.code), admin: !!admin };
}

for (const backend of backends) {
  describe(`start-up demo data [${backend}]`, () => {
    it('seeds an empty database after creating the administrator, and prints the sign-ins', async () => {
      const result = await start(backend, { demo: true, adminUser: 'root', adminPassword: 'root-password-2026' });
      assert.equal(result.admin, true);
      assert.ok(result.units.includes('17719') && result.units.includes('520327101203'));
      assert.match(result.printed, /demo\.admin\s+demo-admin-2023/);
      assert.match(result.printed, /fenggang\.head\s+demo-fenggang-head-2023\s+leader\s+凤冈县 \(520327\)/);
    });

    it('seeds nothing when demo data is switched off', async () => {
      const result = await start(backend, { demo: false });
      assert.deepEqual(result.units, []);
      assert.equal(result.printed, '');
    });
  });
}

for (const backend of backends) {
  it(`[${backend}] start-up warns that console notifications are for trying the software only, unless both channels are configured`, async () => {
    const trial = await start(backend, { demo: false });
    assert.match(trial.logged, /email and sms notifications are printed to this console.*for trying the software only/);
    const configured = await start(backend, { demo: false, smtpUrl: 'smtp://127.0.0.1:2525', smsWebhookUrl: 'http://127.0.0.1:9/sms' });
    assert.doesNotMatch(configured.logged, /printed to this console/);
  });
}
