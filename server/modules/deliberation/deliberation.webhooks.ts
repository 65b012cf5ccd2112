/**
 * The `matter.resolved` webhook event (docs/INTEROP.md): the council's resolution meeting on a
 * matter — the matter's public facts (title, content, council, unit) and the meeting's outcome
 * and counts — never the text of the proposal, who proposed or co-signed it, who was present or
 * the minutes.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import type { WebhookEventSource } from '../webhooks/index.ts';
import { getMatter, matterMeeting, type MatterRow, type MeetingRow } from './deliberation.queries.ts';

function presentResolvedMatter(m: MatterRow, meeting: MeetingRow) {
  return {
    matter: {
      id: Number(m.id),
      title: m.title,
      content: m.content,
      council: m.council_name,
      unit: m.unit_code,
      passed: meeting.passed,
      heldOn: meeting.held_on,
      votes: {
        members: meeting.members_total,
        present: meeting.present.length,
        for: meeting.votes_for,
        against: meeting.votes_against,
        abstain: meeting.abstentions,
      },
    },
  };
}

async function describeResolved(db: Kysely<DB>, subjectIds: string[]) {
  const out = new Map<string, Record<string, unknown> | null>();
  for (const id of subjectIds) {
    const m = /^\d{1,15}$/.test(id) ? await getMatter(db, Number(id)) : undefined;
    const meeting = m && (await matterMeeting(db, Number(m.id)));
    out.set(id, m && meeting ? presentResolvedMatter(m, meeting) : null);
  }
  return out;
}

export const deliberationWebhookEvents: WebhookEventSource[] = [{ name: 'matter.resolved', auditAction: 'matter.resolve', describe: describeResolved }];
