/**
 * The staff view of a petition is read in at most three statements however long its history:
 * the petition, everything it shows, and the rules that offer a review once it is answered.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from '../../../schema.ts';
import type { Actor } from '../../../platform/access.ts';
import { resolveSession } from '../../../platform/sessions.ts';
import { describeEachBackend } from '../../../test/server.ts';
import { actOk, api, petitionInProgress, submitOk, testOptions, worldFor } from '../petitions.testing.ts';
import { petitionView } from './petitions.view.ts';

describeEachBackend('the staff view of one petition', (t) => {
  const w = worldFor(t, 'V');
  const statements: string[] = [];

  /** The test app's context on a database handle that counts every statement sent to the driver. */
  const counting = () => {
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: t().ctx.database.pool }), log: (e) => void statements.push(e.query.sql) });
    return { ...t().ctx, db };
  };
  /** The actor a request of this official would carry (from their session, as the HTTP layer resolves it). */
  const actorOf = async (who: { headers: { authorization: string } }): Promise<Actor> => {
    const session = await resolveSession(t().ctx.db, who.headers.authorization.slice('Bearer '.length), t().clock.now());
    assert.ok(session);
    return session.actor;
  };

  test('an answered case with merged petitions, notes and transfers takes at most three statements, the same as a new one', async () => {
    const s = await petitionInProgress(t(), w, {}, 'V');
    for (let i = 0; i < 2; i++) {
      const other = await submitOk(t(), { unit: 'VC1', kind: 'question', body: `The same papers, asked again (${i}).`, resident: { name: `Resident ${i}`, phone: `091500010${i}` } });
      await actOk(t(), w.disp1, other.id, { type: 'merge', into: s.id });
    }
    for (let i = 0; i < 5; i++) await actOk(t(), w.hand1, s.id, { type: 'note', text: `note ${i}` });
    await actOk(t(), w.hand1, s.id, { type: 'answer', text: 'Bring the household book and both identity cards.', publish: true });

    const ctx = counting();
    statements.length = 0;
    const view = await petitionView(ctx, await actorOf(w.disp1), s.id);
    assert.ok(statements.length <= 3, `${statements.length} statements:\n${statements.join('\n')}`);
    // Everything the view shows came with them.
    assert.equal(view.status, 'answered');
    assert.equal(view.mergedPetitions.length, 2);
    assert.equal(view.petitioners.length, 3);
    assert.equal(view.clearItems.handler?.name, 'Handler One');
    assert.equal(view.clearItems.leader?.name, 'Leader One');
    assert.equal(view.clearItems.complete, true);
    assert.equal(view.unit.code, 'VC1');
    assert.equal(view.timeline.filter((e) => e.type === 'note').length, 5);
    assert.equal(view.timeline.find((e) => e.type === 'assigned')?.handler?.name, 'Handler One');
    assert.ok(view.timeline.every((e, i, all) => i === 0 || all[i - 1].id < e.id), 'the history in order');
    // The same view as the route answers.
    const got = (await api(t()).get(w.disp1, s.id)).json();
    assert.deepEqual(got, JSON.parse(JSON.stringify(view)));

    const fresh = await submitOk(t(), { unit: 'VC1', kind: 'question', body: 'A new question.', anonymous: true });
    statements.length = 0;
    await petitionView(ctx, await actorOf(w.disp1), fresh.id);
    assert.ok(statements.length <= 3, `${statements.length} statements for a new petition`);
  });

  test('a petition the official may not see is refused after one statement, before anything else is read', async () => {
    const s = await submitOk(t(), { unit: 'VC2', kind: 'question', body: 'Commune two only.', anonymous: true });
    const ctx = counting();
    const actor = await actorOf(w.disp1);
    statements.length = 0;
    await assert.rejects(petitionView(ctx, actor, s.id), (e: { status?: number }) => e.status === 404);
    assert.equal(statements.length, 1);
  });
}, testOptions);
