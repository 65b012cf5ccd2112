/** Notices of the deadline sweep (officials' workspace, and e-mail when they have an address). */
import { defineTemplates } from '../../platform/notify/templates.ts';
import type { Locale } from '../../platform/i18n.ts';

export const deadlineTemplates = defineTemplates({
  petition_due_reminder: {
    subject: {
      en: 'Reminder: petition {trackingCode} is due on {dueAt}',
      vi: 'Nhắc hạn: phản ánh {trackingCode} đến hạn lúc {dueAt}',
      zh: '提醒：诉求 {trackingCode} 将于 {dueAt} 到期',
    },
    text: {
      en: 'Petition {trackingCode} ({kind}) at {unit} is due on {dueAt}, in about {hoursLeft} hours, and has no answer yet.',
      vi: 'Phản ánh {trackingCode} ({kind}) tại {unit} đến hạn lúc {dueAt}, còn khoảng {hoursLeft} giờ, và chưa được trả lời.',
      zh: '{unit}的诉求 {trackingCode}（{kind}）将于 {dueAt} 到期（约剩 {hoursLeft} 小时），尚未答复。',
    },
  },
  petition_overdue_official: {
    subject: {
      en: 'Overdue: petition {trackingCode} ({kind}) at {unit}',
      vi: 'Quá hạn: phản ánh {trackingCode} ({kind}) tại {unit}',
      zh: '已超期：{unit}的诉求 {trackingCode}（{kind}）',
    },
    text: {
      en: 'Petition {trackingCode} ({kind}) at {unit} passed its due time {dueAt} without an answer.',
      vi: 'Phản ánh {trackingCode} ({kind}) tại {unit} đã quá hạn {dueAt} mà chưa được trả lời.',
      zh: '{unit}的诉求 {trackingCode}（{kind}）已超过办理期限 {dueAt}，仍未答复。',
    },
  },
});

/** The reason an automatic escalation gives (residents read it on the tracking page). */
const escalationReasons: Record<Locale, string> = {
  en: 'The due time passed without an answer: escalated automatically, as the deadline policy requires.',
  vi: 'Quá hạn xử lý mà chưa có trả lời: tự động chuyển lên cấp trên theo quy định về thời hạn.',
  zh: '超过办理时限仍未答复，按时限规定自动上报。',
};

export function escalationReason(country: string): string {
  if (country === 'VN') return escalationReasons.vi;
  if (['CN', 'TW', 'HK', 'MO'].includes(country)) return escalationReasons.zh;
  return escalationReasons.en;
}
