/** The messages followers of a unit or category receive (SMS or e-mail, through the outbox). */
import { defineTemplates } from '../../platform/notify/templates.ts';

export const subscriptionTemplates = defineTemplates({
  subscription_started: {
    subject: {
      en: 'You now follow the announcements of {followed}',
      vi: 'Bạn đã đăng ký nhận thông báo của {followed}',
      zh: '您已关注{followed}的公告',
    },
    text: {
      en: 'You will receive the announcements of {followed}. To stop: {unsubscribeUrl} (code {code}).',
      vi: 'Bạn sẽ nhận các thông báo của {followed}. Để ngừng nhận: {unsubscribeUrl} (mã {code}).',
      zh: '您将收到{followed}的公告。如需退订：{unsubscribeUrl}（退订码 {code}）。',
    },
    secret: ['unsubscribeUrl', 'code'],
  },
  announcement_published: {
    subject: {
      en: '{unit}: {title}',
      vi: '{unit}: {title}',
      zh: '{unit}：{title}',
    },
    text: {
      en: '{unit}: {title}. {summary} Read it: {link} — To stop these messages: {unsubscribeUrl} (code {code}).',
      vi: '{unit}: {title}. {summary} Xem: {link} — Ngừng nhận: {unsubscribeUrl} (mã {code}).',
      zh: '{unit}：{title}。{summary} 详见：{link} —— 退订：{unsubscribeUrl}（退订码 {code}）。',
    },
    secret: ['unsubscribeUrl', 'code'],
  },
});
