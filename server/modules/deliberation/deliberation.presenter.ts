/** Which fields of councils and matters leave the server. Council and matter records are public; account ids and co-signers' names are not. */
import type { Actor } from '../../platform/access.ts';
import { presentNames } from '../../platform/i18n.ts';
import type { CouncilView, MatterView } from './deliberation.schema.ts';
import type { CouncilRow, MatterRow, MeetingRow, MemberRow, TaskRow } from './deliberation.queries.ts';

export function presentCouncil(row: CouncilRow, members: MemberRow[], today: string, manage: boolean): CouncilView {
  return {
    id: Number(row.id),
    unit: { code: row.unit_code, name: row.unit_name },
    unitNames: presentNames(row.unit_names),
    kind: row.kind,
    name: row.name,
    quorum: { num: row.quorum_num, den: row.quorum_den, strict: row.quorum_strict },
    majority: { num: row.majority_num, den: row.majority_den, strict: row.majority_strict, base: row.majority_base },
    cosignersRequired: row.cosigners_required,
    commentDays: row.comment_days,
    members: members.map((m) => ({
      id: Number(m.id),
      name: m.name,
      role: m.role,
      partyMember: m.party_member,
      electedOn: m.elected_on,
      termUntil: m.term_until,
      serving: m.elected_on <= today && m.term_until >= today,
    })),
    abilities: { manage },
  };
}

export function presentMatterSummary(m: MatterRow) {
  return {
    id: Number(m.id),
    council: Number(m.council_id),
    councilName: m.council_name,
    unit: { code: m.unit_code, name: m.unit_name },
    content: m.content,
    title: m.title,
    stage: m.stage,
    proposedAt: m.proposed_at.toISOString(),
    stageChangedAt: m.stage_changed_at.toISOString(),
  };
}

interface MatterParts {
  documents: Array<{ id: number; title: string; url: string }>;
  comments: Array<{ id: number; member_id: number | null; author_name: string; body: string; created_at: Date }>;
  meeting: MeetingRow | undefined;
  tasks: TaskRow[];
  reports: Array<{ id: number; task_id: number; note: string; progress: number; spent: string; photos: string[]; reported_on: string }>;
  inspections: Array<{ task_id: number; verdict: string; note: string; created_at: Date }>;
  following: boolean;
  abilities: MatterView['abilities'];
}

export function presentMatter(m: MatterRow, p: MatterParts, actor: Actor): MatterView {
  // A resident's comment shows their name only to officials; residents and the public see "a resident".
  const showNames = actor.kind === 'official';
  return {
    ...presentMatterSummary(m),
    body: m.body,
    proposer: m.proposer_kind,
    proposerName: m.proposer_name,
    cosigners: Number(m.cosigner_count),
    revision: m.revision,
    commentsCloseAt: m.comments_close_at ? m.comments_close_at.toISOString() : null,
    review: m.review_outcome ? { outcome: m.review_outcome, reason: m.review_reason } : null,
    documents: p.documents.map((d) => ({ id: Number(d.id), title: d.title, url: d.url })),
    comments: p.comments.map((c) => ({
      id: Number(c.id),
      kind: c.member_id ? 'evaluation' : 'comment',
      author: c.member_id || showNames ? c.author_name : '',
      body: c.body,
      at: c.created_at.toISOString(),
    })),
    meeting: p.meeting
      ? {
          heldOn: p.meeting.held_on,
          membersTotal: p.meeting.members_total,
          present: p.meeting.present,
          for: p.meeting.votes_for,
          against: p.meeting.votes_against,
          abstain: p.meeting.abstentions,
          passed: p.meeting.passed,
          minutes: p.meeting.minutes,
        }
      : null,
    tasks: p.tasks.map((t) => ({
      id: Number(t.id),
      title: t.title,
      owner: t.owner,
      dueOn: t.due_on,
      status: t.status as MatterView['tasks'][number]['status'],
      progress: t.progress,
      spent: t.spent,
      doneOn: t.done_on,
      reports: p.reports
        .filter((r) => Number(r.task_id) === Number(t.id))
        .map((r) => ({ id: Number(r.id), note: r.note, progress: r.progress, spent: r.spent, photos: r.photos, reportedOn: r.reported_on })),
      inspections: p.inspections
        .filter((i) => Number(i.task_id) === Number(t.id))
        .map((i) => ({ verdict: i.verdict, note: i.note, at: i.created_at.toISOString() })),
    })),
    following: p.following,
    abilities: p.abilities,
  };
}
