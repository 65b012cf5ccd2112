/**
 * The national workload: who petitions whom, about what, through which channel, and how far
 * each case has come. Everything is drawn from seeded streams, so the same seed gives the same
 * rows. Petitions come out as COPY text lines for five tables (petitions,
 * petitioners, timeline events, ratings, audit chain), with milestone facts that agree with
 * the status: an answered case has an answer time after its acceptance, a resolved one knows
 * whether it was on time, an overdue one is open past its due time.
 */
import crypto from 'node:crypto';
import { Random, Weighted } from './random.ts';
import { allTexts, answers, type Language, type Text } from './texts.ts';
import { eventHash, genesisHash, canonicalJson, type HashedFields } from '../server/platform/audit.ts';
import { trackingAlphabet } from '../server/modules/petitions/intake/petitions.codes.ts';
import type { Channel, PetitionKind, PetitionStatus, RatingScore } from '../server/contract/domain.ts';

export const day = 86_400_000;
const hour = 3_600_000;
/** Viet Nam is UTC+7 all year: a local day starts at 17:00 UTC the day before. */
const tzOffset = 7 * hour;

// ---- the mix (a city hotline's, per the issue) ----

export const kindMix: ReadonlyArray<readonly [PetitionKind, number]> = [
  ['question', 64],
  ['help_request', 29],
  ['complaint', 2.5],
  ['suggestion', 2.5],
  ['denunciation', 1],
  ['conduct_report', 1],
];

const channelMix: ReadonlyArray<readonly [Channel, number]> = [
  ['hotline', 45],
  ['web', 20],
  ['mobile', 15],
  ['counter', 6],
  ['mailbox', 5],
  ['reception', 4],
  ['forum', 3],
  ['outreach', 2],
];

export const languageMix: ReadonlyArray<readonly [Language, number]> = [
  ['vi', 80],
  ['zh', 10],
  ['en', 10],
];

/** Share of all petitions that are open past their due time. */
const overdueShare = 0.05;

/** The resolution deadline per kind, as the default deadline policies say. */
const resolution: Record<PetitionKind, { days: number; working: boolean }> = {
  question: { days: 7, working: true },
  help_request: { days: 5, working: true },
  suggestion: { days: 10, working: true },
  conduct_report: { days: 15, working: true },
  complaint: { days: 30, working: false },
  denunciation: { days: 30, working: false },
};
const ackWorkingDays = 2;

/** 17:00 local time of the n-th working day (Mon–Fri) after the local day of `ms`. */
export function addWorkingDays(ms: number, n: number): number {
  let localDay = Math.floor((ms + tzOffset) / day);
  let left = n;
  while (left > 0) {
    localDay++;
    const weekday = (localDay + 4) % 7; // 1970-01-01 was a Thursday (4)
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return localDay * day - tzOffset + 17 * hour;
}

/** 17:00 local time n calendar days after the local day of `ms`. */
export function addCalendarDays(ms: number, n: number): number {
  const localDay = Math.floor((ms + tzOffset) / day) + n;
  return localDay * day - tzOffset + 17 * hour;
}

// ---- the unit tree and its officials ----

export interface UnitRef {
  id: number;
  code: string;
  path: string;
}

export interface Officials {
  handler: number;
  leader: number;
  dispatcher: number;
}

export interface Commune extends UnitRef {
  province: number; // index into World.provinces
  villages: UnitRef[];
  officials: Officials;
  weight: number;
}

export interface Province extends UnitRef {
  communes: number[]; // indexes into World.communes
  officials: Officials;
}

export interface World {
  country: UnitRef;
  provinces: Province[];
  communes: Commune[];
}

/** A busy commune gets many times the petitions of a quiet one (log-normal weights). */
export function communeWeights(random: Random, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const u1 = Math.max(random.next(), 1e-12);
    const u2 = random.next();
    const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    out.push(Math.exp(0.8 * normal));
  }
  return out;
}

// ---- tracking codes: unique without a lookup ----

const codeSpace = 2 ** 40;
const codeMultiplier = 0x5deece66d; // odd, so multiplication is a bijection modulo 2^40
const codeOffset = 0x3a5b7c9d1e;

/** A distinct code per id (an affine bijection on 40 bits), spelled in the tracking alphabet. */
export function trackingCodeFor(id: number): string {
  // 40-bit arithmetic in two halves: JS numbers are exact only to 2^53.
  const lo = id % 2 ** 20;
  const hi = Math.floor(id / 2 ** 20);
  const mLo = codeMultiplier % 2 ** 20;
  const mHi = Math.floor(codeMultiplier / 2 ** 20);
  const low = lo * mLo;
  const mid = ((hi * mLo + lo * mHi) % 2 ** 20) * 2 ** 20;
  let x = (low + mid + codeOffset) % codeSpace;
  let code = '';
  for (let i = 0; i < 8; i++) {
    code = trackingAlphabet[x % 32] + code;
    x = Math.floor(x / 32);
  }
  return code;
}

// ---- COPY text format ----

const N = '\\N';

function esc(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

const ts = (ms: number | null) => (ms === null ? N : new Date(ms).toISOString());
const num = (v: number | null) => (v === null ? N : String(v));
const str = (v: string | null) => (v === null ? N : esc(v));
const bool = (v: boolean | null) => (v === null ? N : v ? 't' : 'f');

export const petitionColumns = [
  'id', 'tracking_code', 'kind', 'category', 'channel', 'title', 'body', 'language', 'status', 'urgent', 'anonymous',
  'consent_to_publish', 'location_lat', 'location_lng', 'location_address', 'unit_id', 'unit_path', 'agency_id',
  'origin_unit_id', 'origin_unit_path', 'reported_official_id', 'recorded_by', 'content', 'handler_id', 'leader_id',
  'expected_result', 'ack_due_at', 'due_at', 'original_due_at', 'answer_text', 'answer_publish', 'answered_by',
  'answer_count', 'answered_on_the_spot', 'case_id', 'merged_at', 'submitted_at', 'accepted_at', 'rejected_at',
  'answered_at', 'last_answered_at', 'closed_at', 'resolved', 'resolved_at', 'resolved_on_time', 'reopen_count',
  'reopened_at', 'escalation_count', 'escalated_at', 'escalated_to_path', 'transfer_count', 'transferred_at',
  'extension_count', 'rating', 'rated_at', 'search', 'version', 'created_at', 'updated_at',
] as const;

export const petitionerColumns = [
  'id', 'petition_id', 'resident_account_id', 'name', 'phone', 'phone_key', 'email', 'address', 'locale', 'access_key_hash', 'created_at',
] as const;

// Timeline events, ratings and audit events take their ids from their identity columns (COPY
// leaves `id` out), so that batches made in parallel need not agree on ids beforehand.
export const eventColumns = [
  'petition_id', 'at', 'type', 'actor_id', 'actor_label', 'from_status', 'to_status', 'unit_id', 'reason', 'text', 'data', 'visibility',
] as const;

export const ratingColumns = [
  'petition_id', 'case_id', 'petitioner_id', 'answer_number', 'score', 'reasons', 'comment', 'reopen', 'created_at',
] as const;

export const auditColumns = [
  'occurred_at', 'actor_id', 'actor_label', 'action', 'subject_type', 'subject_id', 'unit_id', 'changes', 'seq', 'prev_hash', 'hash',
] as const;

/** Each table's COPY text as UTF-8, and how many lines (rows) it holds. */
export interface Batch {
  petitions: Uint8Array<ArrayBuffer>;
  petitioners: Uint8Array<ArrayBuffer>;
  events: Uint8Array<ArrayBuffer>;
  ratings: Uint8Array<ArrayBuffer>;
  audit: Uint8Array<ArrayBuffer>;
  count: number;
  lines: { petitions: number; petitioners: number; events: number; ratings: number; audit: number };
}

/**
 * COPY text written out as UTF-8 line by line: each line's string dies young, where an array
 * of lines joined at the end kept them all alive (the collector then took a third of the time).
 */
class Lines {
  #buffer: Buffer;
  #length = 0;
  count = 0;

  /** `capacity`: what the same table took in the previous batch, so that the buffer rarely grows. */
  constructor(capacity: number) {
    this.#buffer = Buffer.allocUnsafeSlow(Math.max(capacity, 1 << 16));
  }

  push(line: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (this.#buffer.length - this.#length < line.length * 3) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.#buffer.length * 2, this.#length + line.length * 3));
      this.#buffer.copy(bigger, 0, 0, this.#length);
      this.#buffer = bigger;
    }
    this.#length += this.#buffer.write(line, this.#length);
    this.count++;
  }

  /** The text so far, in a buffer of its own (allocUnsafeSlow), so it can be moved to another thread. */
  bytes(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.#buffer.buffer as ArrayBuffer, this.#buffer.byteOffset, this.#length);
  }
}

type Out = Record<'petitions' | 'petitioners' | 'events' | 'ratings' | 'audit', Lines>;

export interface GeneratorOptions {
  seed: string;
  /** The ids this load gives petitions, firstId to firstId + count - 1: submission times rise with the id, as they do when a server numbers petitions. */
  firstId: number;
  count: number;
  /** "Now" of the workload: every time is before it, due times may be after it. */
  now: number;
  /** How far back submissions go. */
  spanDays: number;
  /** Search vectors (tsvector text) by text id, computed with the server's own function. */
  searchVectors: string[];
  /** Only open, not yet due petitions (the sweep's extra load). */
  openOnly?: boolean;
}

const familyNames = { vi: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'], zh: ['王', '李', '张', '刘', '陈', '杨'], en: ['Smith', 'Nguyen', 'Lee', 'Tran'] };
const givenNames = { vi: ['Văn An', 'Thị Bình', 'Văn Cường', 'Thị Dung', 'Minh Đức', 'Thu Hà'], zh: ['伟', '芳', '娜', '敏', '静', '强'], en: ['Alex', 'Sam', 'Jo', 'Chris'] };
const mobilePrefixes = ['091', '094', '098', '097', '096', '090', '093', '088'];
const statusWhenOverdue = new Weighted<PetitionStatus>([
  ['received', 15],
  ['accepted', 15],
  ['assigned', 30],
  ['in_progress', 35],
  ['reopened', 5],
]);
const scores = new Weighted<RatingScore>([
  ['satisfied', 70],
  ['acceptable', 20],
  ['unsatisfied', 10],
]);

interface Event {
  at: number;
  type: string;
  actorId: number | null;
  actorLabel: string;
  from: PetitionStatus | null;
  to: PetitionStatus | null;
  unitId: number;
  reason: string | null;
  text: string | null;
  data: Record<string, unknown>;
  visibility: 'public' | 'internal';
  audit: { action: string; changes: Record<string, unknown> };
}

/**
 * eventHash of the audit module with the canonical JSON written out directly (the keys of
 * HashedFields in sorted order): the same text, several times faster, which matters at 1e7.
 * A test run compares the two (see checkAuditHash).
 */
function auditHash(e: HashedFields): string {
  const text =
    `{"action":${JSON.stringify(e.action)},"actorId":${e.actorId === null ? 'null' : e.actorId},"actorLabel":${JSON.stringify(e.actorLabel)},` +
    `"changes":${canonicalJson(e.changes)},"occurredAt":"${e.occurredAt.toISOString()}","prevHash":"${e.prevHash}","seq":${e.seq},` +
    `"subjectId":${JSON.stringify(e.subjectId)},"subjectType":${JSON.stringify(e.subjectType)},"unitId":${e.unitId === null ? 'null' : e.unitId}}`;
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** Throws unless auditHash agrees with the audit module's eventHash (run before every load). */
export function checkAuditHash(): void {
  const sample: HashedFields = {
    occurredAt: new Date('2026-03-02T02:00:00.123Z'),
    actorId: 7,
    actorLabel: 'official:bench-7',
    action: 'petition.assign',
    subjectType: 'petition',
    subjectId: '42',
    unitId: 9,
    changes: { status: 'assigned', handlerId: 3, leaderId: null, note: 'Thôn "5"' },
    seq: 3,
    prevHash: genesisHash,
  };
  for (const e of [sample, { ...sample, actorId: null, unitId: null, actorLabel: 'anonymous' }]) {
    if (auditHash(e) !== eventHash(e)) throw new Error('the bench computes audit hashes differently from the audit module');
  }
}

/**
 * Makes petitions (and their petitioners, events, ratings and audit chains) in batches of
 * fixed size. Each batch draws from its own stream, named by its first petition's place in
 * the load, so batches can be made in any order and on any thread with the same rows for a
 * seed (bench/generator.worker.ts).
 */
export class PetitionGenerator {
  readonly #world: World;
  readonly #opts: GeneratorOptions;
  #random: Random;
  readonly #communes: Weighted<number>;
  readonly #kinds = new Weighted(kindMix);
  readonly #channels = new Weighted(channelMix);
  readonly #languages = new Weighted(languageMix);
  readonly #texts = new Map<string, Text[]>();
  /** What the previous batch wrote per table, to size the next one's buffers. */
  readonly #lastBytes: Record<keyof Out, number> = { petitions: 0, petitioners: 0, events: 0, ratings: 0, audit: 0 };
  #lastCount = 1;

  constructor(world: World, opts: GeneratorOptions) {
    this.#world = world;
    this.#opts = opts;
    this.#random = this.#stream(0);
    this.#communes = new Weighted(world.communes.map((c, i) => [i, c.weight] as const));
    for (const t of allTexts()) {
      const key = `${t.kind}:${t.language}`;
      if (!this.#texts.has(key)) this.#texts.set(key, []);
      this.#texts.get(key)!.push(t);
    }
  }

  #stream(offset: number): Random {
    return new Random(`${this.#opts.seed}:petitions${this.#opts.openOnly ? ':open' : ''}:${offset}`);
  }

  /** Petitions with ids from..to-1. */
  batch(from: number, to: number): Batch {
    this.#random = this.#stream(from - this.#opts.firstId);
    const room = (table: keyof Out) => Math.ceil((this.#lastBytes[table] / this.#lastCount) * (to - from) * 1.1);
    const out: Out = { petitions: new Lines(room('petitions')), petitioners: new Lines(room('petitioners')), events: new Lines(room('events')), ratings: new Lines(room('ratings')), audit: new Lines(room('audit')) };
    for (let id = from; id < to; id++) this.#one(id, out);
    this.#lastCount = to - from;
    for (const table of Object.keys(out) as Array<keyof Out>) this.#lastBytes[table] = out[table].bytes().byteLength;
    return {
      petitions: out.petitions.bytes(),
      petitioners: out.petitioners.bytes(),
      events: out.events.bytes(),
      ratings: out.ratings.bytes(),
      audit: out.audit.bytes(),
      count: to - from,
      lines: {
        petitions: out.petitions.count,
        petitioners: out.petitioners.count,
        events: out.events.count,
        ratings: out.ratings.count,
        audit: out.audit.count,
      },
    };
  }

  #one(id: number, out: Out): void {
    const r = this.#random;
    const { now, spanDays } = this.#opts;
    const world = this.#world;

    // Where it was sent: mostly a commune, often one of its villages, sometimes the province.
    const commune = world.communes[this.#communes.pick(r)];
    const province = world.provinces[commune.province];
    const where = r.next();
    const origin: UnitRef = where < 0.35 && commune.villages.length ? r.pick(commune.villages) : where < 0.96 ? commune : province;
    const originOfficials = origin === province ? province.officials : commune.officials;

    const kind = this.#kinds.pick(r);
    let channel = this.#channels.pick(r);
    const language = this.#languages.pick(r);
    const text = r.pick(this.#texts.get(`${kind}:${language}`)!);
    const urgent = kind === 'help_request' && r.chance(0.05);
    const protectedKind = kind === 'complaint' || kind === 'denunciation';
    const anonymous = !protectedKind && r.chance(0.18);
    if (kind === 'conduct_report' && channel === 'hotline') channel = 'web';

    // When: spread evenly over the span in id order (a server numbers petitions as they come);
    // 5% are open past their due time, the rest either still within their time (recent) or finished.
    const overdue = !this.#opts.openOnly && r.chance(overdueShare);
    const place = (id - this.#opts.firstId + r.next()) / this.#opts.count;
    let submitted = now - Math.floor((1 - place) * spanDays * day);
    const res = resolution[kind];
    const dueFrom = (s: number) =>
      urgent ? addWorkingDays(s, 1) : res.working ? addWorkingDays(s, res.days) : addCalendarDays(s, res.days);
    let due = dueFrom(submitted);
    if (this.#opts.openOnly) {
      // Open and not yet due: submitted within the last part of its time.
      submitted = now - Math.floor(r.next() * 0.8 * (due - submitted));
      due = dueFrom(submitted);
      if (due <= now) due = now + day;
    } else if (overdue && due >= now) {
      submitted -= due - submitted + Math.floor(r.next() * 60 * day);
      due = dueFrom(submitted);
    }
    const ackDue = urgent ? submitted + 2 * hour : addWorkingDays(submitted, ackWorkingDays);

    // How far it has come.
    const onTheSpot = kind === 'question' && channel === 'hotline' && !overdue && !this.#opts.openOnly && r.chance(0.3);
    let status: PetitionStatus;
    if (onTheSpot) status = r.chance(0.6) ? 'closed' : 'answered';
    else if (overdue) status = statusWhenOverdue.pick(r);
    else if (this.#opts.openOnly || due >= now) {
      const frac = (now - submitted) / Math.max(due - submitted, 1);
      if (!this.#opts.openOnly && r.chance(0.25 * frac + 0.05)) status = 'answered';
      else if (frac < 0.1) status = !this.#opts.openOnly && r.chance(0.05) ? 'transferred' : 'received';
      else if (frac < 0.2) status = 'accepted';
      else if (frac < 0.4) status = 'assigned';
      else status = 'in_progress';
    } else {
      const x = r.next();
      status = x < 0.03 ? 'rejected' : x < 0.7 ? 'closed' : 'answered';
    }

    // The facts of its history, in order.
    const events: Event[] = [];
    const official = (o: number) => ({ actorId: o, actorLabel: 'official' });
    const submitter =
      channel === 'web' || channel === 'mobile'
        ? { actorId: null, actorLabel: anonymous ? 'anonymous' : 'resident' }
        : official(originOfficials.dispatcher);
    const recordedBy = channel === 'web' || channel === 'mobile' ? null : originOfficials.dispatcher;
    let unit: UnitRef = origin;
    let officials = originOfficials;
    const ev = (e: Omit<Event, 'unitId' | 'reason' | 'text' | 'data' | 'visibility'> & Partial<Event>) =>
      events.push({ unitId: unit.id, reason: null, text: null, data: {}, visibility: 'public', ...e });

    ev({
      at: submitted,
      type: 'submitted',
      ...submitter,
      from: null,
      to: 'received',
      data: { channel, kind },
      audit: { action: 'petition.submit', changes: { kind, channel, unitId: origin.id, status: 'received', anonymous, urgent } },
    });

    let acceptedAt: number | null = null;
    let rejectedAt: number | null = null;
    let transferredAt: number | null = null;
    let escalatedAt: number | null = null;
    let escalatedToPath: string | null = null;
    let answeredAt: number | null = null;
    let lastAnsweredAt: number | null = null;
    let closedAt: number | null = null;
    let reopenedAt: number | null = null;
    let handler: number | null = null;
    let leader: number | null = null;
    let answeredBy: number | null = null;
    let answerCount = 0;
    let extensionCount = 0;
    let currentDue = due;
    let finalStatus = status;
    const end = overdue ? now - Math.floor(r.next() * Math.max(now - due, hour)) : now;
    // A time between a and b (never after the workload's now).
    const between = (a: number, b: number) => Math.min(a + Math.floor(r.next() * Math.max(b - a, 60_000)), now - 1000);

    if (onTheSpot) {
      acceptedAt = submitted;
      answeredAt = lastAnsweredAt = submitted;
      answeredBy = originOfficials.dispatcher;
      answerCount = 1;
      ev({ at: submitted, type: 'answered', ...official(answeredBy), from: 'received', to: 'answered', data: { onTheSpot: true }, audit: { action: 'petition.answer', changes: { status: 'answered', onTheSpot: true } } });
      if (status === 'closed') {
        closedAt = between(submitted, submitted + 2 * day);
        ev({ at: closedAt, type: 'closed', ...official(answeredBy), from: 'answered', to: 'closed', audit: { action: 'petition.close', changes: { status: 'closed' } } });
      }
    } else if (status === 'rejected') {
      rejectedAt = between(submitted, ackDue);
      ev({ at: rejectedAt, type: 'rejected', ...official(officials.dispatcher), from: 'received', to: 'rejected', reason: 'Không thuộc thẩm quyền', audit: { action: 'petition.reject', changes: { status: 'rejected' } } });
    } else if (status !== 'received') {
      const horizon = Math.min(end, now);
      // Some go to the competent commune first, a few are escalated to the province.
      if (!this.#opts.openOnly && origin !== province && (status === 'transferred' || r.chance(0.02))) {
        transferredAt = between(submitted, Math.min(ackDue, horizon));
        const others = province.communes.filter((c) => world.communes[c] !== commune);
        if (others.length) {
          const to = world.communes[r.pick(others)];
          ev({ at: transferredAt, type: 'transferred', ...official(officials.dispatcher), from: 'received', to: 'transferred', unitId: to.id, reason: 'Thẩm quyền của xã khác', audit: { action: 'petition.transfer', changes: { status: 'transferred', toUnitId: to.id } } });
          unit = to;
          officials = to.officials;
        } else transferredAt = null;
      }
      const acceptFrom = transferredAt ?? submitted;
      if (status === 'transferred' && transferredAt === null) status = finalStatus = 'received';
      if (status !== 'transferred' && status !== 'received') {
        acceptedAt = between(acceptFrom, Math.min(Math.max(ackDue, acceptFrom + hour), horizon));
        ev({ at: acceptedAt, type: 'accepted', ...official(officials.dispatcher), from: transferredAt ? 'transferred' : 'received', to: 'accepted', audit: { action: 'petition.accept', changes: { status: 'accepted' } } });
        if (status !== 'accepted') {
          handler = officials.handler;
          leader = officials.leader;
          const assignedAt = between(acceptedAt, acceptedAt + day);
          ev({ at: assignedAt, type: 'assigned', ...official(officials.dispatcher), from: 'accepted', to: 'assigned', data: { handler, leader }, audit: { action: 'petition.assign', changes: { status: 'assigned', handlerId: handler, leaderId: leader } } });
          if (kind === 'complaint' && r.chance(0.1)) {
            extensionCount = 1;
            currentDue = addCalendarDays(due, 15);
            ev({ at: between(assignedAt, due), type: 'extended', ...official(leader), from: null, to: null, visibility: 'internal', reason: 'Vụ việc phức tạp', audit: { action: 'petition.extend', changes: { dueAt: new Date(currentDue).toISOString() } } });
          }
          if (status !== 'assigned') {
            const startedAt = between(assignedAt, assignedAt + day);
            ev({ at: startedAt, type: 'started', ...official(handler), from: 'assigned', to: 'in_progress', audit: { action: 'petition.start', changes: { status: 'in_progress' } } });
            if (!this.#opts.openOnly && unit !== province && r.chance(0.015)) {
              escalatedAt = between(startedAt, startedAt + 3 * day);
              escalatedToPath = province.path;
              ev({ at: escalatedAt, type: 'escalated', ...official(leader), from: 'in_progress', to: 'accepted', unitId: province.id, reason: 'Vượt thẩm quyền', data: { cause: 'beyond_competence' }, audit: { action: 'petition.escalate', changes: { status: 'accepted', toUnitId: province.id } } });
              unit = province;
              officials = province.officials;
              handler = officials.handler;
              leader = officials.leader;
            }
            if (status === 'answered' || status === 'closed' || status === 'reopened') {
              // Most answers come in time; about one in ten is late.
              const late = r.chance(0.1);
              answeredAt = lastAnsweredAt = late ? between(currentDue, currentDue + 10 * day) : between(startedAt, currentDue);
              if (answeredAt > end) answeredAt = lastAnsweredAt = between(startedAt, end);
              answeredBy = handler;
              answerCount = 1;
              ev({ at: answeredAt, type: 'answered', ...official(handler), from: 'in_progress', to: 'answered', text: answers[language][answerCount % 2], audit: { action: 'petition.answer', changes: { status: 'answered' } } });
              const reopen = status === 'reopened' || (status !== 'answered' || r.chance(0.5) ? false : r.chance(0.04));
              if (reopen) {
                reopenedAt = between(answeredAt, answeredAt + 5 * day);
                ev({ at: reopenedAt, type: 'reopened', actorId: null, actorLabel: 'resident', from: 'answered', to: 'reopened', reason: 'Chưa giải quyết dứt điểm', audit: { action: 'petition.reopen', changes: { status: 'reopened' } } });
                if (status === 'answered') {
                  lastAnsweredAt = between(reopenedAt, reopenedAt + 5 * day);
                  answerCount = 2;
                  ev({ at: lastAnsweredAt, type: 'answered', ...official(handler), from: 'reopened', to: 'answered', text: answers[language][0], audit: { action: 'petition.answer', changes: { status: 'answered' } } });
                }
              }
              if (status === 'closed') {
                closedAt = between(lastAnsweredAt!, lastAnsweredAt! + 7 * day);
                ev({ at: closedAt, type: 'closed', ...official(officials.dispatcher), from: 'answered', to: 'closed', audit: { action: 'petition.close', changes: { status: 'closed' } } });
              }
            }
          }
        }
      }
      // An escalated case not yet answered waits for the province's dispatchers to assign it.
      if (escalatedAt !== null && answeredAt === null) {
        finalStatus = 'accepted';
        handler = leader = null;
      }
    }

    // A resolved case: answered or closed and not reopened since (a reopened one answered
    // again is resolved by its second answer).
    const resolvedAt =
      finalStatus === 'answered' || finalStatus === 'closed' ? (answerCount === 2 ? lastAnsweredAt : answeredAt) : null;
    const resolved = resolvedAt !== null;
    const resolvedOnTime = resolved ? resolvedAt! <= currentDue : null;

    // The person behind it.
    const pr = r.next();
    const family = familyNames[language];
    const name = anonymous ? null : `${r.pick(family)} ${r.pick(givenNames[language])}`;
    const phone = anonymous || pr < 0.15 ? null : `+84${r.pick(mobilePrefixes).slice(1)}${String(r.int(10_000_000)).padStart(7, '0')}`;
    const email = anonymous || pr > 0.35 ? null : `resident${id}@example.vn`;

    // A rating from a quarter of those who got an answer and can be reached.
    let rating: RatingScore | null = null;
    let ratedAt: number | null = null;
    if (answeredAt !== null && !anonymous && finalStatus !== 'reopened' && r.chance(0.4)) {
      rating = scores.pick(r);
      ratedAt = between(lastAnsweredAt!, lastAnsweredAt! + 3 * day);
      ev({ at: ratedAt, type: 'rated', actorId: null, actorLabel: 'resident', from: null, to: null, data: { score: rating, answerNumber: answerCount }, audit: { action: 'petition.rate', changes: { score: rating, answerNumber: answerCount } } });
      out.ratings.push(
        `${id}\t${id}\t${id}\t${answerCount}\t${rating}\t[]\t${N}\tf\t${ts(ratedAt)}\n`,
      );
    }

    const updatedAt = Math.max(...events.map((e) => e.at));
    const location = r.chance(0.3);
    out.petitions.push(
      [
        id,
        trackingCodeFor(id),
        kind,
        text.category,
        channel,
        str(text.title),
        str(text.body),
        language,
        finalStatus,
        bool(urgent),
        bool(anonymous),
        bool(r.chance(0.5)),
        location ? (20 + r.next() * 3).toFixed(6) : N,
        location ? (105 + r.next() * 2).toFixed(6) : N,
        N,
        unit.id,
        unit.path,
        N,
        origin.id,
        origin.path,
        kind === 'conduct_report' ? num(commune.officials.handler) : N,
        num(recordedBy),
        handler !== null ? str(text.title) : N,
        num(handler),
        num(leader),
        handler !== null ? 'Trả lời bằng văn bản cho công dân' : N,
        ts(ackDue),
        ts(currentDue),
        ts(due),
        answerCount ? str(answers[language][answerCount % 2]) : N,
        bool(false),
        num(answeredBy),
        answerCount,
        bool(onTheSpot),
        N,
        N,
        ts(submitted),
        ts(acceptedAt),
        ts(rejectedAt),
        ts(answeredAt),
        ts(lastAnsweredAt),
        ts(closedAt),
        bool(resolved),
        ts(resolvedAt),
        bool(resolvedOnTime),
        reopenedAt !== null ? 1 : 0,
        ts(reopenedAt),
        escalatedAt !== null ? 1 : 0,
        ts(escalatedAt),
        str(escalatedToPath),
        transferredAt !== null ? 1 : 0,
        ts(transferredAt),
        extensionCount,
        rating ?? N,
        ts(ratedAt),
        this.#opts.searchVectors[text.id],
        events.length,
        ts(submitted),
        ts(updatedAt),
      ].join('\t') + '\n',
    );

    const accessKeyHash = crypto.createHash('sha256').update(`${this.#opts.seed}:${id}`).digest('hex');
    out.petitioners.push(
      `${id}\t${id}\t${N}\t${str(name)}\t${str(phone)}\t${str(phone)}\t${str(email)}\t${N}\t${language}\t${accessKeyHash}\t${ts(submitted)}\n`,
    );

    // Timeline and audit chain, event by event.
    let prevHash = genesisHash;
    let seq = 0;
    for (const e of events) {
      out.events.push(
        `${id}\t${ts(e.at)}\t${e.type}\t${num(e.actorId)}\t${e.actorLabel}\t${str(e.from)}\t${str(e.to)}\t${e.unitId}\t${str(e.reason)}\t${str(e.text)}\t${esc(JSON.stringify(e.data))}\t${e.visibility}\n`,
      );
      seq++;
      const fields = {
        occurredAt: new Date(e.at),
        actorId: e.actorId,
        actorLabel: e.actorId !== null ? `official:bench-${e.actorId}` : e.actorLabel === 'resident' ? 'anonymous' : e.actorLabel,
        action: e.audit.action,
        subjectType: 'petition',
        subjectId: String(id),
        unitId: e.unitId,
        changes: e.audit.changes,
        seq,
        prevHash,
      };
      const hash = auditHash(fields);
      out.audit.push(
        `${ts(e.at)}\t${num(fields.actorId)}\t${fields.actorLabel}\t${fields.action}\tpetition\t${id}\t${e.unitId}\t${esc(canonicalJson(fields.changes))}\t${seq}\t${prevHash}\t${hash}\n`,
      );
      prevHash = hash;
    }
  }
}
