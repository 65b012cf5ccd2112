/**
 * Whom a petition's changes reach, written in the command's transaction: residents by e-mail
 * (or SMS when they gave only a phone number), officials as in-app notices. Notices to
 * officials carry the tracking code, kind and unit, never the content or the petitioner.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { defineTemplates } from '../../platform/notify/templates.ts';
import { enqueueNotification, type NotificationInput } from '../../platform/notify/outbox.ts';
import type { Locale } from '../../platform/i18n.ts';
import { notifyOfficials } from '../../platform/notify/notices.ts';
import { petitionersOfCase } from './petitions.queries.ts';

export const petitionTemplates = defineTemplates({
  petition_received: {
    subject: {
      en: 'Your petition {trackingCode} has been received',
      vi: 'Phản ánh {trackingCode} của bạn đã được tiếp nhận',
      zh: '您的诉求 {trackingCode} 已收到',
    },
    text: {
      en: 'Your petition to {unit} has been received. Tracking code: {trackingCode}. Access key (keep it to rate the answer): {accessKey}. An answer is due by {dueAt}.',
      vi: 'Phản ánh của bạn gửi {unit} đã được tiếp nhận. Mã tra cứu: {trackingCode}. Mã truy cập (giữ lại để đánh giá câu trả lời): {accessKey}. Hạn trả lời: {dueAt}.',
      zh: '您向{unit}提交的诉求已收到。查询码：{trackingCode}。访问码（请保存，用于评价答复）：{accessKey}。答复期限：{dueAt}。',
    },
    secret: ['accessKey'],
  },
  petition_accepted: {
    subject: {
      en: 'Petition {trackingCode} accepted',
      vi: 'Phản ánh {trackingCode} đã được thụ lý',
      zh: '诉求 {trackingCode} 已受理',
    },
    text: {
      en: '{unit} has accepted your petition {trackingCode}. The answer is due by {dueAt}.',
      vi: '{unit} đã thụ lý phản ánh {trackingCode} của bạn. Hạn trả lời: {dueAt}.',
      zh: '{unit}已受理您的诉求 {trackingCode}。答复期限：{dueAt}。',
    },
  },
  petition_rejected: {
    subject: {
      en: 'Petition {trackingCode} not accepted',
      vi: 'Phản ánh {trackingCode} không được thụ lý',
      zh: '诉求 {trackingCode} 未予受理',
    },
    text: {
      en: '{unit} did not accept your petition {trackingCode}. Reason: {reason}',
      vi: '{unit} không thụ lý phản ánh {trackingCode} của bạn. Lý do: {reason}',
      zh: '{unit}未受理您的诉求 {trackingCode}。理由：{reason}',
    },
  },
  petition_assigned: {
    subject: {
      en: 'Petition {trackingCode} is being handled',
      vi: 'Phản ánh {trackingCode} đang được xử lý',
      zh: '诉求 {trackingCode} 正在办理',
    },
    text: {
      en: 'Your petition {trackingCode} has been given to a handler at {unit}, with a responsible leader. The answer is due by {dueAt}.',
      vi: 'Phản ánh {trackingCode} của bạn đã được giao cho người xử lý tại {unit}, có lãnh đạo phụ trách. Hạn trả lời: {dueAt}.',
      zh: '您的诉求 {trackingCode} 已交{unit}承办人办理，并明确了责任领导。答复期限：{dueAt}。',
    },
  },
  petition_answered: {
    subject: {
      en: 'Answer to your petition {trackingCode}',
      vi: 'Trả lời phản ánh {trackingCode}',
      zh: '诉求 {trackingCode} 的答复',
    },
    text: {
      en: '{unit} answers your petition {trackingCode}: {answer} — You can rate the answer on the tracking page with your access key.',
      vi: '{unit} trả lời phản ánh {trackingCode} của bạn: {answer} — Bạn có thể đánh giá câu trả lời trên trang tra cứu bằng mã truy cập.',
      zh: '{unit}答复您的诉求 {trackingCode}：{answer} —— 您可以凭访问密钥在查询页面评价答复。',
    },
  },
  petition_escalated: {
    subject: {
      en: 'Petition {trackingCode} sent to {unit}',
      vi: 'Phản ánh {trackingCode} được chuyển lên {unit}',
      zh: '诉求 {trackingCode} 已上报{unit}',
    },
    text: {
      en: 'Your petition {trackingCode} is now handled by {unit}. Reason: {reason}. The answer is due by {dueAt}.',
      vi: 'Phản ánh {trackingCode} của bạn được chuyển lên {unit} xử lý. Lý do: {reason}. Hạn trả lời: {dueAt}.',
      zh: '您的诉求 {trackingCode} 已转由{unit}办理。理由：{reason}。答复期限：{dueAt}。',
    },
  },
  petition_transferred: {
    subject: {
      en: 'Petition {trackingCode} transferred to {unit}',
      vi: 'Phản ánh {trackingCode} được chuyển đến {unit}',
      zh: '诉求 {trackingCode} 已转至{unit}',
    },
    text: {
      en: 'Your petition {trackingCode} has been transferred to {unit}, which is competent for it. Reason: {reason}',
      vi: 'Phản ánh {trackingCode} của bạn được chuyển đến {unit} là nơi có thẩm quyền giải quyết. Lý do: {reason}',
      zh: '您的诉求 {trackingCode} 已转至有权处理的{unit}。理由：{reason}',
    },
  },
  petition_assigned_handler: {
    subject: {
      en: 'Assigned to you: petition {trackingCode} ({kind})',
      vi: 'Giao bạn xử lý: phản ánh {trackingCode} ({kind})',
      zh: '交您承办：诉求 {trackingCode}（{kind}）',
    },
    text: {
      en: 'You are the handler of petition {trackingCode} ({kind}) at {unit}. Due by {dueAt}.',
      vi: 'Bạn là người xử lý phản ánh {trackingCode} ({kind}) tại {unit}. Hạn: {dueAt}.',
      zh: '您是{unit}诉求 {trackingCode}（{kind}）的承办人。期限：{dueAt}。',
    },
  },
  petition_assigned_leader: {
    subject: {
      en: 'You answer for petition {trackingCode} ({kind})',
      vi: 'Bạn phụ trách phản ánh {trackingCode} ({kind})',
      zh: '您负责诉求 {trackingCode}（{kind}）',
    },
    text: {
      en: 'You are the responsible leader of petition {trackingCode} ({kind}) at {unit}. Due by {dueAt}.',
      vi: 'Bạn là lãnh đạo phụ trách phản ánh {trackingCode} ({kind}) tại {unit}. Hạn: {dueAt}.',
      zh: '您是{unit}诉求 {trackingCode}（{kind}）的责任领导。期限：{dueAt}。',
    },
  },
  petition_answer_to_approve: {
    subject: {
      en: 'An answer to approve: petition {trackingCode} ({kind})',
      vi: 'Câu trả lời chờ phê duyệt: phản ánh {trackingCode} ({kind})',
      zh: '待审批答复：诉求 {trackingCode}（{kind}）',
    },
    text: {
      en: 'The handler of petition {trackingCode} ({kind}) at {unit} has written an answer. The resident is told once you approve it; you may return it with a reason.',
      vi: 'Người xử lý phản ánh {trackingCode} ({kind}) tại {unit} đã soạn câu trả lời. Người dân chỉ nhận được khi bạn phê duyệt; bạn có thể trả lại kèm lý do.',
      zh: '{unit}诉求 {trackingCode}（{kind}）的承办人已拟好答复。经您审批后才告知群众；您也可以说明理由退回。',
    },
  },
  petition_answer_returned: {
    subject: {
      en: 'Answer returned: petition {trackingCode} ({kind})',
      vi: 'Câu trả lời bị trả lại: phản ánh {trackingCode} ({kind})',
      zh: '答复被退回：诉求 {trackingCode}（{kind}）',
    },
    text: {
      en: 'The leader returned your answer to petition {trackingCode} ({kind}) at {unit}. Reason: {reason}',
      vi: 'Lãnh đạo đã trả lại câu trả lời của bạn cho phản ánh {trackingCode} ({kind}) tại {unit}. Lý do: {reason}',
      zh: '领导退回了您对{unit}诉求 {trackingCode}（{kind}）的答复。理由：{reason}',
    },
  },
  petition_escalated_official: {
    subject: {
      en: 'Escalated to your unit: petition {trackingCode} ({kind})',
      vi: 'Chuyển lên đơn vị bạn: phản ánh {trackingCode} ({kind})',
      zh: '上报至本单位：诉求 {trackingCode}（{kind}）',
    },
    text: {
      en: '{fromUnit} has escalated petition {trackingCode} ({kind}) to {unit}. Reason: {reason}. Due by {dueAt}.',
      vi: '{fromUnit} đã chuyển phản ánh {trackingCode} ({kind}) lên {unit}. Lý do: {reason}. Hạn: {dueAt}.',
      zh: '{fromUnit}已将诉求 {trackingCode}（{kind}）上报{unit}。理由：{reason}。期限：{dueAt}。',
    },
  },
  petition_transferred_official: {
    subject: {
      en: 'Transferred to your unit: petition {trackingCode} ({kind})',
      vi: 'Chuyển đến đơn vị bạn: phản ánh {trackingCode} ({kind})',
      zh: '转至本单位：诉求 {trackingCode}（{kind}）',
    },
    text: {
      en: '{fromUnit} has transferred petition {trackingCode} ({kind}) to {unit}. Reason: {reason}. Acceptance is due by {ackDueAt}.',
      vi: '{fromUnit} đã chuyển phản ánh {trackingCode} ({kind}) đến {unit}. Lý do: {reason}. Hạn tiếp nhận: {ackDueAt}.',
      zh: '{fromUnit}已将诉求 {trackingCode}（{kind}）转至{unit}。理由：{reason}。受理期限：{ackDueAt}。',
    },
  },
  petition_reopened_official: {
    subject: {
      en: 'Reopened: petition {trackingCode} ({kind})',
      vi: 'Mở lại: phản ánh {trackingCode} ({kind})',
      zh: '重办：诉求 {trackingCode}（{kind}）',
    },
    text: {
      en: 'Petition {trackingCode} ({kind}) at {unit} was sent back: {reason}. The new due time is {dueAt}.',
      vi: 'Phản ánh {trackingCode} ({kind}) tại {unit} bị yêu cầu xử lý lại: {reason}. Hạn mới: {dueAt}.',
      zh: '{unit}的诉求 {trackingCode}（{kind}）被要求重办：{reason}。新期限：{dueAt}。',
    },
  },
  petition_conduct_report_official: {
    subject: {
      en: 'A conduct report about an official of {unit}: {trackingCode}',
      vi: 'Phản ánh về cán bộ thuộc {unit}: {trackingCode}',
      zh: '关于{unit}干部作风的举报：{trackingCode}',
    },
    text: {
      en: 'A resident has reported the conduct of an official; as a leader of {unit} you receive it. Acceptance is due by {ackDueAt}.',
      vi: 'Người dân phản ánh về thái độ, hành vi của cán bộ; với tư cách lãnh đạo {unit}, bạn tiếp nhận phản ánh này. Hạn tiếp nhận: {ackDueAt}.',
      zh: '有群众举报干部作风问题；您作为{unit}的领导接收此举报。受理期限：{ackDueAt}。',
    },
  },
});

type ResidentTemplate =
  | 'petition_received'
  | 'petition_accepted'
  | 'petition_rejected'
  | 'petition_assigned'
  | 'petition_answered'
  | 'petition_escalated'
  | 'petition_transferred';

type OfficialTemplate =
  | 'petition_assigned_handler'
  | 'petition_assigned_leader'
  | 'petition_answer_to_approve'
  | 'petition_answer_returned'
  | 'petition_escalated_official'
  | 'petition_transferred_official'
  | 'petition_reopened_official'
  | 'petition_conduct_report_official';

/**
 * Tells every petitioner of a case (its own and those of petitions merged into it), each with
 * their own tracking code. `occasion` makes it exactly-once per change (e.g. the new version).
 */
export async function tellResidents(
  trx: Kysely<DB>,
  caseId: number,
  template: ResidentTemplate,
  params: Record<string, unknown>,
  occasion: string,
  at: Date,
): Promise<void> {
  for (const pe of await petitionersOfCase(trx, caseId)) {
    const notice = residentNotice(pe, template, params, occasion, at);
    if (notice) await enqueueNotification(trx, notice);
  }
}

/** What one petitioner is sent, by e-mail or else SMS; nothing for a petitioner without either. */
export function residentNotice(
  pe: { id: number; petition_id: number; tracking_code: string; email: string | null; phone: string | null; locale: Locale },
  template: ResidentTemplate,
  params: Record<string, unknown>,
  occasion: string,
  at: Date,
): NotificationInput | undefined {
  const channel = pe.email ? 'email' : pe.phone ? 'sms' : null;
  if (!channel) return undefined;
  return {
    channel,
    recipient: (pe.email ?? pe.phone)!,
    template,
    locale: pe.locale,
    params: { ...params, trackingCode: pe.tracking_code },
    dedupeKey: `petition:${pe.petition_id}:${occasion}:${template}:${pe.id}`,
    at,
  };
}

export async function tellOfficials(
  trx: Kysely<DB>,
  accountIds: number[],
  template: OfficialTemplate,
  petitionId: number,
  params: Record<string, unknown>,
  occasion: string,
  at: Date,
): Promise<void> {
  if (!accountIds.length) return;
  await notifyOfficials(trx, accountIds, {
    template,
    params,
    subject: { type: 'petition', id: petitionId },
    dedupeKey: `petition:${petitionId}:${occasion}:${template}`,
    at,
  });
}
