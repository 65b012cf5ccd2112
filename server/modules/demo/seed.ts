/**
 * Seeds the demo world (demo.data.ts) through the modules' own commands, so that every row has
 * its audit event. Idempotent: it adds only what is missing, and a second run changes nothing.
 */
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB, LocaleNames } from '../../schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { importUnits } from '../units/index.ts';
import { createOfficial } from '../people/index.ts';
import { createAgency, findAgencyId } from '../agencies/index.ts';
import { resolveUnit } from '../units/index.ts';
import { createServicePoint, findServicePointId, findUnitWithChecklist } from '../service-points/index.ts';
import { demoAgencies, demoHotlinePolicy, demoOfficials, demoServicePoints, demoUnits, type DemoOfficial } from './demo.data.ts';
import {
  allDeadlinePolicies,
  existingUnitCodes,
  existingUsernames,
  hasDemoPetition,
  hasUnitPolicy,
  hasNoUnits,
  insertAuditRows,
  insertDemoPetitions,
  unitPlaces,
  articleCount,
  demoOfficialActor,
  setDemoEmail,
} from './demo.queries.ts';
import { demoHistory, type DemoDeadlines } from './demo.history.ts';
import { demoArticles } from './demo.articles.ts';
import { approveArticle, createArticle, submitArticle } from '../knowledge/index.ts';
import { seedDeliberation } from './demo.deliberation.ts';
import { seedConduct, seedGatheringRatings } from './demo.conduct.ts';
import { seedScorecards } from './demo.scorecards.ts';
import { seedReports } from './demo.reports.ts';
import { seedGatherings } from './demo.gatherings.ts';
import { seedInsight } from './demo.insight.ts';
import { loadCalendar } from '../../platform/calendar.ts';
import { ackDue, hashAccessKey, newAccessKey, pickPolicy, resolutionDue, searchTextOf, setDeadlinePolicy } from '../petitions/index.ts';
import type { Channel, PetitionKind } from '../../contract/domain.ts';
import { auditEventRow } from '../../platform/audit.ts';

const actor = { kind: 'system', label: 'demo' } as const;
/** Held while seeding on a PostgreSQL server, so that servers starting together seed once. */
const seedLockKey = 7261040;

export interface SeedContext {
  db: Kysely<DB>;
  clock: Clock;
  /** When given and a PostgreSQL server, seeding holds an advisory lock. */
  database?: Pick<Database, 'backend' | 'pool'>;
}

interface DemoSignIn {
  username: string;
  password: string;
  name: string;
  role: DemoOfficial['role'];
  /** The unit's code and name, or null for the whole deployment. */
  unit: { code: string; name: string } | null;
}

interface DemoSeedResult {
  created: { units: number; agencies: number; servicePoints: number; officials: number; petitions: number; articles: number };
  signIns: DemoSignIn[];
}

const ownLanguage = { VN: 'vi', CN: 'zh' } as const;
const countryOf = new Map(demoUnits.map((u) => [u.code, u.country]));
const unitNameOf = new Map(demoUnits.map((u) => [u.code, u.name]));

/** Names with the country's own language filled in from the official name. */
function withOwnName(unit: string, name: string, names: LocaleNames): LocaleNames {
  const country = countryOf.get(unit);
  return country ? { [ownLanguage[country]]: name, ...names } : names;
}

export const demoSignIns: DemoSignIn[] = demoOfficials.map((o) => ({
  username: o.username,
  password: o.password,
  name: o.name,
  role: o.role,
  unit: o.unit === null ? null : { code: o.unit, name: unitNameOf.get(o.unit)! },
}));

async function withSeedLock<T>(ctx: SeedContext, fn: () => Promise<T>): Promise<T> {
  // The embedded database has one connection and one process (its directory is locked): no lock needed.
  if (ctx.database?.backend !== 'postgres') return fn();
  const client = await ctx.database.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [seedLockKey]);
    return await fn();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [seedLockKey]).catch(() => {});
    client.release();
  }
}

async function seed(ctx: SeedContext): Promise<DemoSeedResult> {
  const created = { units: 0, agencies: 0, servicePoints: 0, officials: 0, petitions: 0, articles: 0 };

  // Units: only those not there yet, so a unit renamed since (or imported from the official
  // lists) keeps what it has.
  const present = await existingUnitCodes(ctx.db, demoUnits.map((u) => u.code));
  const missing = demoUnits.filter((u) => !present.has(u.code));
  if (missing.length) {
    const summary = await importUnits(
      ctx.db,
      missing.map((u) => ({
        code: u.code,
        name: u.name,
        level: u.level,
        parentCode: u.parentCode,
        country: u.country,
        names: withOwnName(u.code, u.name, u.names),
      })),
      { now: ctx.clock.now(), actor, source: 'demo' },
    );
    created.units = summary.created;
  }

  const agencyIds = new Map<string, number>();
  for (const a of demoAgencies) {
    const unit = await resolveUnit(ctx.db, a.unit, ctx.clock.now());
    if (!unit) throw new Error(`demo agency ${a.ref}: no unit ${a.unit}`);
    let id = await findAgencyId(ctx.db, unit.id, a.kind, a.name);
    if (id === undefined) {
      id = await createAgency(ctx, actor, { unit, kind: a.kind, name: a.name, names: withOwnName(a.unit, a.name, a.names), phone: a.phone });
      created.agencies++;
    }
    agencyIds.set(a.ref, id);
  }

  for (const p of demoServicePoints) {
    const unit = await findUnitWithChecklist(ctx.db, p.unit, ctx.clock.now());
    if (!unit) throw new Error(`demo service point ${p.name}: no unit ${p.unit}`);
    if ((await findServicePointId(ctx.db, unit.id, p.kind, p.name)) === undefined) {
      await createServicePoint(ctx, actor, { unit, kind: p.kind, name: p.name, address: p.address });
      created.servicePoints++;
    }
  }

  // An existing account keeps its password: seeding never takes an account over.
  const taken = await existingUsernames(ctx.db, demoOfficials.map((o) => o.username));
  for (const o of demoOfficials) {
    if (taken.has(o.username)) continue;
    await createOfficial(
      ctx.db,
      actor,
      {
        username: o.username,
        password: o.password,
        name: o.name,
        agency: o.agency === null ? null : agencyIds.get(o.agency)!,
        position: o.position ?? null,
        grants: [{ unit: o.unit, role: o.role }],
      },
      ctx.clock.now(),
    );
    if (o.email) await setDemoEmail(ctx.db, o.username, o.email);
    created.officials++;
  }
  await seedHotlinePolicy(ctx);
  created.petitions = await seedHistory(ctx);
  created.articles = await seedArticles(ctx);
  await seedDeliberation(ctx);
  await seedConduct(ctx);
  await seedScorecards(ctx);
  await seedReports(ctx);
  await seedGatherings(ctx);
  await seedGatheringRatings(ctx);
  if (created.petitions > 0) await seedInsight(ctx);
  return { created, signIns: demoSignIns };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The knowledge base, once: each article written by one official of its unit and approved by another. */
async function seedArticles(ctx: SeedContext): Promise<number> {
  if ((await articleCount(ctx.db)) > 0) return 0;
  for (const a of demoArticles) {
    const author = await demoOfficialActor(ctx.db, a.author);
    const reviewer = await demoOfficialActor(ctx.db, a.reviewer);
    if (!author || !reviewer) continue;
    const id = await createArticle(ctx, author, { kind: a.kind, unit: a.unit, category: a.category, texts: a.texts.map((t) => ({ ...t, guide: t.guide ?? null })) });
    await submitArticle(ctx, author, id);
    await approveArticle(ctx, reviewer, id);
  }
  return demoArticles.length;
}

/** Fenggang's hotline time limits, unless the county already has its own. */
async function seedHotlinePolicy(ctx: SeedContext): Promise<void> {
  const { unit: code, channel, kinds, body } = demoHotlinePolicy;
  const unit = await resolveUnit(ctx.db, code, ctx.clock.now());
  if (!unit) throw new Error(`demo hotline policy: no unit ${code}`);
  for (const kind of kinds) {
    if (await hasUnitPolicy(ctx.db, unit.id, kind, channel)) continue;
    await setDeadlinePolicy(ctx, actor, kind, { ...body, unit: code, channel });
  }
}

/** The due times intake would set at the demo's units: the policies in force there, in their calendars. */
export async function demoDeadlines(db: Kysely<DB>): Promise<DemoDeadlines> {
  const units = new Map((await unitPlaces(db, demoUnits.map((u) => u.code))).map((u) => [u.code, u]));
  const policies = await allDeadlinePolicies(db);
  const cal = await loadCalendar(db);
  const at = (code: string, kind: PetitionKind, channel: Channel) => {
    const unit = units.get(code);
    if (!unit) throw new Error(`demo unit ${code} is missing`);
    const policy = pickPolicy(policies.filter((p) => p.kind === kind), unit, channel);
    if (!policy) throw new Error(`no deadline policy for ${kind}`);
    return { policy, place: unit };
  };
  return {
    ackDue: (code, kind, channel, from) => {
      const { policy, place } = at(code, kind, channel);
      return ackDue(cal, policy, from, false, place);
    },
    resolutionDue: (code, kind, channel, from) => {
      const { policy, place } = at(code, kind, channel);
      return resolutionDue(cal, policy, from, false, place);
    },
  };
}

/**
 * The petitions of the demo's history (demo.history.ts), all or none: a few bulk statements in
 * one transaction, each petition with its petitioner, timeline and an audit event saying where
 * it came from. Nobody holds their access keys: they are history, not cases to try.
 */
async function seedHistory(ctx: SeedContext): Promise<number> {
  const history = demoHistory(ctx.clock.now(), await demoDeadlines(ctx.db));
  if (await hasDemoPetition(ctx.db, history[0].trackingCode)) return 0;
  const petitions = history.map((p) => ({
    tracking_code: p.trackingCode, kind: p.kind, category: p.category, channel: p.channel, body: p.body, language: p.language,
    status: p.status, origin: p.origin, unit: p.unit, recorded_by: p.recordedBy, handler: p.handler, leader: p.leader,
    answered_by: p.answeredBy, answer_text: p.answerText, answered_on_the_spot: p.answeredOnTheSpot,
    search_text: searchTextOf([p.body, p.category]), submitted_at: p.submittedAt.toISOString(), ack_due_at: p.ackDueAt.toISOString(),
    due_at: p.dueAt.toISOString(), accepted_at: iso(p.acceptedAt), answered_at: iso(p.answeredAt), closed_at: iso(p.closedAt),
    resolved_at: iso(p.answeredAt ?? p.closedAt), resolved_on_time: p.answeredAt ? p.answeredAt <= p.dueAt : null,
    escalated_at: iso(p.escalatedAt), rating: p.rating, rated_at: iso(p.ratedAt), anonymous: p.resident.name === null,
    // Opinions given at a forum are public by nature; residents writing online often agree too.
    consent_to_publish: ['forum', 'web', 'mobile'].includes(p.channel),
    location_lat: p.place?.lat ?? null, location_lng: p.place?.lng ?? null,
  }));
  const petitioners = history.map((p) => ({
    tracking_code: p.trackingCode, name: p.resident.name, locale: p.resident.locale, access_key_hash: hashAccessKey(newAccessKey()), created_at: p.submittedAt.toISOString(),
  }));
  // n keeps each timeline in order of its events.
  const events = history.flatMap((p) =>
    p.events.map((e) => ({
      tracking_code: p.trackingCode, at: e.at.toISOString(), type: e.type, by: e.by, to_status: e.toStatus, text: e.text ?? null, visibility: e.visibility,
      actor_label: e.by ? 'official' : e.type === 'submitted' || e.type === 'rated' ? (p.resident.name ? 'resident' : 'anonymous') : 'system:demo',
    })),
  ).map((e, n) => ({ ...e, n }));
  const ratings = history.filter((p) => p.rating).map((p) => ({ tracking_code: p.trackingCode, score: p.rating!, created_at: p.ratedAt!.toISOString() }));
  const byCode = new Map(history.map((p) => [p.trackingCode, p]));
  await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertDemoPetitions(trx, { petitions, petitioners, events, ratings });
    await insertAuditRows(
      trx,
      inserted.map((r) =>
        auditEventRow({
          actor,
          action: 'petition.seed',
          subjectType: 'petition',
          subjectId: r.id,
          unitId: r.unit_id,
          changes: { source: 'demo', status: byCode.get(r.tracking_code)!.status },
          at: ctx.clock.now(),
        }),
      ),
    );
  });
  return history.length;
}

/** Adds whatever of the demo world is missing. */
export function seedDemo(ctx: SeedContext): Promise<DemoSeedResult> {
  return withSeedLock(ctx, () => seed(ctx));
}

/**
 * At start: an empty database (no units) gets the demo world and the sign-ins are printed.
 * Answers null when the database already had units.
 */
export function seedDemoIfEmpty(ctx: SeedContext, out: Pick<Writable, 'write'> = process.stdout): Promise<DemoSeedResult | null> {
  return withSeedLock(ctx, async () => {
    if (!(await hasNoUnits(ctx.db))) return null;
    out.write('The database is empty: adding the demo world of 2023 (first start only) …\n');
    const result = await seed(ctx);
    out.write(formatDemoSignIns(result.signIns, 'The database was empty, so demo data was added. Demo sign-ins (also in README.md):'));
    return result;
  });
}

/** Columns a text takes in a terminal: Chinese characters take two. */
function columns(text: string): number {
  return [...text].reduce((n, ch) => n + (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch) ? 2 : 1), 0);
}

/** The sign-ins as a plain-text table for the terminal. */
export function formatDemoSignIns(signIns: DemoSignIn[], heading = 'Demo sign-ins (also in README.md):'): string {
  const rows = signIns.map((s) => [s.username, s.password, s.role, s.unit ? `${s.unit.name} (${s.unit.code})` : 'whole deployment', s.name]);
  const header = ['username', 'password', 'role', 'unit', 'name'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => columns(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i] - columns(c))).join('  ').trimEnd();
  return [
    '',
    heading,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}
