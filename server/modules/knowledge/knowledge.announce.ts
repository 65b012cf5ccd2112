/**
 * An announcement, once first published, goes to its followers: a job (queued in the approval's
 * transaction, due when the announcement becomes valid) writes one outbox row per follower, in
 * batches, each with a dedupe key, so a job run again sends nothing twice.
 */
import { type JobDefinition, jobHandler } from '../../platform/jobs.ts';
import { enqueueNotification } from '../../platform/notify/outbox.ts';
import type { AppContext } from '../../platform/context.ts';
import { findArticle, followersOf, versionTexts } from './knowledge.queries.ts';
import { unsubscribeUrl } from './commands/subscribe.ts';
import { pickText } from './knowledge.presenter.ts';

export const announceJob = 'knowledge.announce';
const batch = 500;

/** A message fits an SMS or two: the text is cut at a word near this length. */
export function summaryOf(body: string, max = 160): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trim()}…`;
}

export async function announce(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, articleId: number): Promise<number> {
  const a = await findArticle(ctx.db, articleId);
  // Withdrawn before its time: nobody is told.
  if (!a || a.published_version === null || a.withdrawn_at !== null || a.kind !== 'announcement') return 0;
  const texts = await versionTexts(ctx.db, a.id, a.published_version);
  const unit = await ctx.db.selectFrom('units').select(['name', 'names']).where('id', '=', a.unit_id).executeTakeFirstOrThrow();
  const names = (unit.names ?? {}) as Record<string, string | undefined>;
  let after = 0;
  let queued = 0;
  for (;;) {
    const followers = await followersOf(ctx.db, a, after, batch);
    if (!followers.length) break;
    await ctx.db.transaction().execute(async (trx) => {
      for (const f of followers) {
        const text = pickText(texts, f.locale)!;
        const wrote = await enqueueNotification(trx, {
          channel: f.channel,
          recipient: f.recipient,
          template: 'announcement_published',
          locale: f.locale,
          params: {
            unit: names[f.locale] || unit.name,
            title: text.title,
            summary: summaryOf(text.body),
            link: `${ctx.config.publicUrl}/knowledge/${a.id}`,
            unsubscribeUrl: unsubscribeUrl(ctx, f.code),
            code: f.code,
          },
          dedupeKey: `announcement:${a.id}:${f.id}`,
          at: ctx.clock.now(),
        });
        if (wrote) queued++;
      }
    });
    after = followers[followers.length - 1].id;
  }
  return queued;
}

const announcementJob = jobHandler<{ articleId: number }>(announceJob, async (ctx, job) => {
  await announce(ctx, job.payload.articleId);
});

/** The module's background work, registered by the app with the module. */
export const announceJobs: JobDefinition[] = [announcementJob];
