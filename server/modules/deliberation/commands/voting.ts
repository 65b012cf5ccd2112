/**
 * Voting. The voter's "has voted" mark (consultation_voters.voted_at, kept to the day) and the
 * ballot (consultation_ballots, under a random id) share no key: the ballot's audit events are in
 * a chain of their own ('consultation_ballots') and name no voter. A voter who may change their
 * vote holds a receipt; only its hash is stored, on the ballot.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.ts';
import { appendAudit, sha256Hex, type AuditInput } from '../../../platform/audit.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { enqueueNotification } from '../../../platform/notify/outbox.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { parseDestination } from '../../people/index.ts';
import {
  ballotByReceipt,
  changeBallot,
  consultationOptions,
  consumeCode,
  countAttempt,
  findVoter,
  getConsultation,
  insertBallot,
  insertCode,
  latestCode,
  markVoted,
  recentCodes,
  type ConsultationRow,
} from '../consultations.queries.ts';

const voteCodeMinutes = 10;
const maxCodesPerHour = 5;
const maxAttempts = 5;
const ballotBox = { kind: 'system', label: 'ballot_box' } as const;

const codeHash = (voterId: number, code: string) => sha256Hex(`vote:${voterId}:${code}`);
const receiptHash = (consultationId: number, receipt: string) => sha256Hex(`receipt:${consultationId}:${receipt}`);
const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

export function isVotingOpen(k: ConsultationRow, now: Date): boolean {
  return k.status === 'open' && now < k.closes_at;
}

async function openConsultation(trx: Kysely<DB>, id: number, now: Date): Promise<ConsultationRow> {
  const k = await getConsultation(trx, id);
  if (!k) throw notFound();
  if (!isVotingOpen(k, now)) throw conflict('consultation_not_open');
  return k;
}

function smsNumber(phone: string): string {
  const d = parseDestination(phone);
  if (d.channel !== 'sms') throw badRequest('invalid_destination');
  return d.address;
}

/** Sends a voter on the electorate a one-time code through the notification outbox. */
export async function requestVoteCode(db: Kysely<DB>, consultationId: number, input: { phone: string; locale: Locale }, now: Date): Promise<Date> {
  const phone = smsNumber(input.phone);
  const expiresAt = new Date(now.getTime() + voteCodeMinutes * 60_000);
  await db.transaction().execute(async (trx) => {
    const k = await openConsultation(trx, consultationId, now);
    const voter = await findVoter(trx, consultationId, { phone }, true);
    if (!voter) throw forbidden('not_in_electorate');
    if (voter.voted_at && !k.changeable) throw conflict('already_voted');
    if ((await recentCodes(trx, voter.id, new Date(now.getTime() - 3600_000))) >= maxCodesPerHour) {
      throw new AppError(429, 'vote_codes_too_many', { minutes: 60 });
    }
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    await insertCode(trx, voter.id, codeHash(voter.id, code), now, expiresAt);
    await enqueueNotification(trx, {
      channel: 'sms',
      recipient: phone,
      template: 'consultation_vote_code',
      locale: input.locale,
      params: { title: k.title, code, minutes: voteCodeMinutes },
      at: now,
    });
  });
  return expiresAt;
}

/**
 * A vote with a one-time code: the code is checked (a wrong one counts against it and changes
 * nothing else), then the voter is marked and the ballot stored in one transaction. A voter who has
 * voted may change the ballot with its receipt, if the consultation allows it.
 */
export async function castVote(
  db: Kysely<DB>,
  consultationId: number,
  input: { phone: string; code: string; option: number; receipt?: string },
  now: Date,
): Promise<{ receipt: string | null; changed: boolean }> {
  const phone = smsNumber(input.phone);
  // The code first, in a statement of its own, so that a wrong guess is counted.
  const k0 = await getConsultation(db, consultationId);
  if (!k0) throw notFound();
  if (!isVotingOpen(k0, now)) throw conflict('consultation_not_open');
  const voter0 = await findVoter(db, consultationId, { phone });
  if (!voter0) throw forbidden('not_in_electorate');
  const stored = await latestCode(db, voter0.id, now);
  if (!stored || stored.attempts >= maxAttempts || stored.code_hash !== codeHash(voter0.id, input.code)) {
    if (stored) await countAttempt(db, stored.id);
    throw badRequest('vote_code_invalid');
  }
  return db.transaction().execute(async (trx) => {
    const k = await openConsultation(trx, consultationId, now);
    const voter = (await findVoter(trx, consultationId, { phone }, true))!;
    const options = await consultationOptions(trx, [consultationId]);
    if (!options.some((o) => Number(o.id) === input.option)) throw badRequest('unknown_option', { option: input.option });
    const code = await latestCode(trx, voter.id, now);
    if (!code || code.id !== stored.id) throw badRequest('vote_code_invalid');
    if (voter.voted_at) {
      if (!k.changeable) throw conflict('already_voted');
      const ballot = input.receipt ? await ballotByReceipt(trx, consultationId, receiptHash(consultationId, input.receipt)) : undefined;
      if (!ballot) throw badRequest('receipt_required');
      await consumeCode(trx, code.id, startOfDay(now));
      await changeBallot(trx, ballot.id, input.option);
      await appendAudit(trx, { actor: ballotBox, action: 'consultation.ballot_changed', subjectType: 'consultation_ballots', subjectId: consultationId, unitId: k.unit_id, changes: { ballot: ballot.id, option: input.option }, at: now });
      return { receipt: input.receipt!, changed: true };
    }
    const receipt = k.changeable ? crypto.randomBytes(18).toString('base64url') : null;
    const ballotId = crypto.randomUUID();
    await consumeCode(trx, code.id, startOfDay(now));
    await markVoted(trx, voter.id, 'code', startOfDay(now));
    await insertBallot(trx, { id: ballotId, consultationId, optionId: input.option, receiptHash: receipt ? receiptHash(consultationId, receipt) : null });
    await appendAudit(trx, { actor: ballotBox, action: 'consultation.ballot_cast', subjectType: 'consultation_ballots', subjectId: consultationId, unitId: k.unit_id, changes: { ballot: ballotId, option: input.option }, at: now });
    return { receipt, changed: false };
  });
}

/** Staff record a paper ballot for a voter on the electorate who has not voted. */
export async function recordPaperBallot(db: Kysely<DB>, actor: AuditInput['actor'], consultationId: number, input: { voter: string; option: number }, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const k = await openConsultation(trx, consultationId, now);
    const voter = await findVoter(trx, consultationId, { ref: input.voter }, true);
    if (!voter) throw forbidden('not_in_electorate');
    if (voter.voted_at) throw conflict('already_voted');
    const options = await consultationOptions(trx, [consultationId]);
    if (!options.some((o) => Number(o.id) === input.option)) throw badRequest('unknown_option', { option: input.option });
    const ballotId = crypto.randomUUID();
    await markVoted(trx, voter.id, 'paper', startOfDay(now));
    await appendAudit(trx, { actor, action: 'consultation.paper_ballot_recorded', subjectType: 'consultation', subjectId: consultationId, unitId: k.unit_id, changes: { voter: voter.ref }, at: now });
    await insertBallot(trx, { id: ballotId, consultationId, optionId: input.option, receiptHash: null });
    await appendAudit(trx, { actor: ballotBox, action: 'consultation.ballot_cast', subjectType: 'consultation_ballots', subjectId: consultationId, unitId: k.unit_id, changes: { ballot: ballotId, option: input.option }, at: now });
  });
}
