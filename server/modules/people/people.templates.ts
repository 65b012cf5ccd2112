import { defineTemplates } from '../../platform/notify/templates.ts';

export const peopleTemplates = defineTemplates({
  sign_in_code: {
    subject: {
      vi: 'Mã đăng nhập Zero Distance: {code}',
      zh: 'Zero Distance 登录验证码：{code}',
      en: 'Your Zero Distance sign-in code: {code}',
    },
    text: {
      vi: 'Mã đăng nhập của bạn là {code}, có hiệu lực trong {minutes} phút. Không chia sẻ mã này với ai, kể cả cán bộ.',
      zh: '您的登录验证码是 {code}，{minutes} 分钟内有效。请勿将验证码告诉任何人，包括工作人员。',
      en: 'Your sign-in code is {code}, valid for {minutes} minutes. Do not share it with anyone, officials included.',
    },
    secret: ['code'],
  },
});
