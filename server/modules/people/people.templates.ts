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
  official_setup_code: {
    subject: {
      vi: 'Zero Distance: mã thiết lập mật khẩu cho {username}',
      zh: 'Zero Distance：{username} 的密码设置码',
      en: 'Zero Distance: password setup code for {username}',
    },
    text: {
      vi: 'Mã thiết lập mật khẩu của tài khoản {username} là {code}, có hiệu lực trong {hours} giờ. Trên trang đăng nhập, chọn "Tôi có mã thiết lập", nhập tên đăng nhập, mã này và mật khẩu mới của bạn. Không ai, kể cả quản trị viên, được hỏi bạn mã này. Nếu bạn không yêu cầu, hãy báo cho quản trị viên.',
      zh: '账号 {username} 的密码设置码是 {code}，{hours} 小时内有效。在登录页选择“我有设置码”，输入用户名、此设置码和您的新密码。任何人（包括管理员）都不应向您索要此设置码。如非本人申请，请告知管理员。',
      en: 'The password setup code of the account {username} is {code}, valid for {hours} hours. On the sign-in page choose "I have a setup code" and enter the username, this code and your new password. Nobody, administrators included, may ask you for this code. If you did not expect it, tell your administrator.',
    },
    secret: ['code'],
  },
});
