import { defineMessages } from '../../platform/i18n.ts';

export const peopleMessages = defineMessages({
  sso_no_claim: {
    en: 'The sign-in service did not say who you are. Ask your administrator to check the single sign-on settings.',
    vi: 'Dịch vụ đăng nhập không cho biết bạn là ai. Hãy đề nghị quản trị viên kiểm tra cấu hình đăng nhập một lần.',
    zh: '登录服务未提供您的身份信息。请管理员检查统一登录的设置。',
  },
  sso_email_unverified: {
    en: 'Your e-mail address is not verified at the sign-in service. Verify it there, then try again.',
    vi: 'Địa chỉ e-mail của bạn chưa được xác minh tại dịch vụ đăng nhập. Hãy xác minh rồi thử lại.',
    zh: '您的电子邮件地址尚未在登录服务中验证。请先验证后再试。',
  },
  sso_not_linked: {
    en: 'You signed in at the sign-in service, but no official of this system has that account. Ask your administrator to create your account here with the same e-mail address or username.',
    vi: 'Bạn đã đăng nhập tại dịch vụ đăng nhập, nhưng hệ thống này không có cán bộ nào ứng với tài khoản đó. Hãy đề nghị quản trị viên tạo tài khoản cho bạn với cùng địa chỉ e-mail hoặc tên đăng nhập.',
    zh: '您已在登录服务中登录，但本系统没有与该账号对应的干部。请管理员用相同的电子邮件地址或用户名为您创建账号。',
  },
  sso_ambiguous: {
    en: 'More than one official of this system has that e-mail address, so it cannot tell which one you are. Ask your administrator to make it unique, or sign in with your password.',
    vi: 'Có nhiều cán bộ trong hệ thống dùng cùng địa chỉ e-mail này nên không xác định được bạn. Hãy đề nghị quản trị viên sửa lại, hoặc đăng nhập bằng mật khẩu.',
    zh: '本系统有多名干部使用该电子邮件地址，无法确定您的身份。请管理员更正，或使用密码登录。',
  },
  invalid_credentials: {
    en: 'The username or password is wrong.',
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    zh: '用户名或密码错误。',
  },
  sign_in_throttled: {
    en: 'Too many failed sign-ins for this username or from this network. Try again in {minutes} minutes, or sign in from a device you have signed in with before.',
    vi: 'Đăng nhập sai quá nhiều lần với tên đăng nhập này hoặc từ mạng này. Hãy thử lại sau {minutes} phút, hoặc đăng nhập từ thiết bị bạn đã từng đăng nhập.',
    zh: '此用户名或此网络的登录失败次数过多。请在 {minutes} 分钟后重试，或使用您曾经登录过的设备登录。',
  },
  setup_code_invalid: {
    en: 'The username or setup code is wrong, or the code has expired. Check the latest message, or ask your administrator to send a new code.',
    vi: 'Tên đăng nhập hoặc mã thiết lập không đúng, hoặc mã đã hết hạn. Hãy kiểm tra tin nhắn mới nhất, hoặc đề nghị quản trị viên gửi mã mới.',
    zh: '用户名或设置码错误，或设置码已过期。请查看最新的消息，或请管理员重新发送设置码。',
  },
  official_without_contact: {
    en: 'This official has no phone number or e-mail address on file, so no setup code can reach them. Their password cannot be reset from here.',
    vi: 'Cán bộ này chưa có số điện thoại hoặc e-mail nên không thể gửi mã thiết lập. Không thể đặt lại mật khẩu từ đây.',
    zh: '该干部没有登记手机号码或电子邮件地址，设置码无法送达，因此无法在此重置密码。',
  },
  account_disabled: {
    en: 'This account has been disabled. Ask an administrator to enable it.',
    vi: 'Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ quản trị viên để mở lại.',
    zh: '此账号已停用。请联系管理员启用。',
  },
  invalid_destination: {
    en: 'Enter a valid phone number (for example 0912345678 or +8613800138000) or e-mail address.',
    vi: 'Hãy nhập số điện thoại (ví dụ 0912345678 hoặc +8613800138000) hoặc địa chỉ e-mail hợp lệ.',
    zh: '请输入有效的手机号码（例如 0912345678 或 +8613800138000）或电子邮件地址。',
  },
  too_many_codes: {
    en: 'Too many codes were sent to this address in the last hour. Try again in {minutes} minutes.',
    vi: 'Đã gửi quá nhiều mã đến địa chỉ này trong một giờ qua. Hãy thử lại sau {minutes} phút.',
    zh: '过去一小时内向该号码或地址发送的验证码过多。请在 {minutes} 分钟后重试。',
  },
  invalid_code: {
    en: 'The code is wrong. Check the latest message and try again.',
    vi: 'Mã không đúng. Hãy kiểm tra tin nhắn mới nhất và thử lại.',
    zh: '验证码错误。请查看最新的消息后重试。',
  },
  code_expired: {
    en: 'This code has expired or was already used. Ask for a new code.',
    vi: 'Mã đã hết hạn hoặc đã được dùng. Hãy yêu cầu mã mới.',
    zh: '验证码已过期或已使用。请重新获取验证码。',
  },
  code_attempts_exceeded: {
    en: 'Too many wrong codes. Ask for a new code.',
    vi: 'Nhập sai mã quá nhiều lần. Hãy yêu cầu mã mới.',
    zh: '验证码错误次数过多。请重新获取验证码。',
  },
  username_taken: {
    en: 'The username {username} is already taken.',
    vi: 'Tên đăng nhập {username} đã có người dùng.',
    zh: '用户名 {username} 已被占用。',
  },
  weak_password: {
    en: 'The password must have at least {min} visible characters.',
    vi: 'Mật khẩu phải có ít nhất {min} ký tự nhìn thấy được.',
    zh: '密码至少需要 {min} 个可见字符。',
  },
  password_blank: {
    en: 'The password is only spaces or invisible characters. Choose one you can see.',
    vi: 'Mật khẩu chỉ gồm dấu cách hoặc ký tự vô hình. Hãy chọn mật khẩu có ký tự nhìn thấy được.',
    zh: '密码只包含空格或不可见字符。请选择由可见字符组成的密码。',
  },
  password_control_characters: {
    en: 'The password contains control characters (such as a tab or a line break). Use letters, digits, spaces and punctuation.',
    vi: 'Mật khẩu chứa ký tự điều khiển (như tab hoặc xuống dòng). Hãy dùng chữ, số, dấu cách và dấu câu.',
    zh: '密码包含控制字符（如制表符或换行符）。请使用字母、数字、空格和标点。',
  },
  password_personal: {
    en: 'The password is too close to the username or the name. Choose one that does not contain them.',
    vi: 'Mật khẩu quá giống tên đăng nhập hoặc họ tên. Hãy chọn mật khẩu không chứa chúng.',
    zh: '密码与用户名或姓名过于相似。请选择不包含它们的密码。',
  },
  password_guessable: {
    en: 'The password is too easy to guess: it is a common password or a simple pattern (repeated letters, sequences, dates). A few unrelated words make a good password.',
    vi: 'Mật khẩu quá dễ đoán: đó là mật khẩu phổ biến hoặc một mẫu đơn giản (chữ lặp lại, dãy liên tiếp, ngày tháng). Vài từ không liên quan đến nhau là một mật khẩu tốt.',
    zh: '密码太容易被猜到：它是常见密码或简单模式（重复字母、连续序列、日期）。几个互不相关的词组成的密码更好。',
  },
  unknown_official_agency: {
    en: 'There is no agency {agency} that you may assign.',
    vi: 'Không có cơ quan {agency} mà bạn được phép chọn.',
    zh: '没有您可指定的部门 {agency}。',
  },
  grant_not_allowed: {
    en: 'You may not give the role {role} in {unit}: only administrators give the administrator role, and leaders give roles only in their own units.',
    vi: 'Bạn không được giao vai trò {role} tại {unit}: chỉ quản trị viên giao vai trò quản trị, lãnh đạo chỉ giao vai trò trong đơn vị của mình.',
    zh: '您不能在 {unit} 授予 {role} 角色：只有管理员可授予管理员角色，领导只能在本单位范围内授予角色。',
  },
  official_not_manageable: {
    en: 'This official holds roles outside your units; only someone responsible for all of them may change the account.',
    vi: 'Cán bộ này có vai trò ngoài đơn vị của bạn; chỉ người phụ trách tất cả các đơn vị đó mới được thay đổi tài khoản.',
    zh: '该干部在您管辖范围之外也有角色，只有对其全部单位负责的人员才能修改此账号。',
  },
  grant_exists: {
    en: 'This official already holds the role {role} in {unit}.',
    vi: 'Cán bộ này đã có vai trò {role} tại {unit}.',
    zh: '该干部已在 {unit} 担任 {role} 角色。',
  },
  grant_missing: {
    en: 'This official does not hold the role {role} in {unit}.',
    vi: 'Cán bộ này không có vai trò {role} tại {unit}.',
    zh: '该干部在 {unit} 没有 {role} 角色。',
  },
  cannot_disable_self: {
    en: 'You cannot disable your own account.',
    vi: 'Bạn không thể tự vô hiệu hóa tài khoản của mình.',
    zh: '您不能停用自己的账号。',
  },
  already_disabled: {
    en: 'This account is already disabled.',
    vi: 'Tài khoản này đã bị vô hiệu hóa.',
    zh: '此账号已停用。',
  },
  already_enabled: {
    en: 'This account is already enabled.',
    vi: 'Tài khoản này đang hoạt động.',
    zh: '此账号已处于启用状态。',
  },
});
