import { registerMessages } from './i18n.ts';
import { errorStatus, type CodeWithStatus, type ErrorCode } from '../contract/errorCodes.ts';

export type { ErrorCode } from '../contract/errorCodes.ts';

/**
 * An error the caller can act on: an HTTP status, a stable code, and parameters for the
 * message, which is written in the caller's language when the answer is sent.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** The error of a code, with the status the one table (errorCodes.ts) gives it. */
export const fail = (code: ErrorCode, params?: Record<string, unknown>, details?: unknown) =>
  new AppError(errorStatus[code], code, params, details);

// The shorthands take only the codes the table answers with their status, so a code keeps one
// status wherever it is thrown (the compiler checks it).
export const badRequest = (code: CodeWithStatus<400>, params?: Record<string, unknown>, details?: unknown) => fail(code, params, details);
/** "Not found or no access" is one answer, so that nobody learns what exists. */
export const notFound = (params: Record<string, unknown> = {}) => fail('not_found', params);
export const forbidden = (code: CodeWithStatus<403> = 'forbidden', params?: Record<string, unknown>) => fail(code, params);
export const conflict = (code: CodeWithStatus<409>, params?: Record<string, unknown>) => fail(code, params);
export const unauthorized = (code: CodeWithStatus<401> = 'sign_in_required') => fail(code);

// The platform's own messages: every app has them.
registerMessages({
  not_found: {
    en: 'Not found, or you may not see it.',
    vi: 'Không tìm thấy, hoặc bạn không có quyền xem.',
    zh: '未找到，或您无权查看。',
  },
  route_not_found: {
    en: 'There is no such address: {method} {url}.',
    vi: 'Không có địa chỉ này: {method} {url}.',
    zh: '没有这个地址：{method} {url}。',
  },
  forbidden: {
    en: 'You may not do this.',
    vi: 'Bạn không có quyền thực hiện việc này.',
    zh: '您无权执行此操作。',
  },
  sign_in_required: {
    en: 'Please sign in first.',
    vi: 'Vui lòng đăng nhập trước.',
    zh: '请先登录。',
  },
  csrf_failed: {
    en: 'The form is out of date or did not come from this site. Reload the page and try again.',
    vi: 'Biểu mẫu đã cũ hoặc không đến từ trang này. Hãy tải lại trang và thử lại.',
    zh: '表单已过期或并非来自本站。请刷新页面后重试。',
  },
  invalid_input: {
    en: 'Some of what you sent is not valid: {summary}',
    vi: 'Một số thông tin gửi lên không hợp lệ: {summary}',
    zh: '提交的部分内容无效：{summary}',
  },
  invalid_cursor: {
    en: 'The "cursor" is not one this server gave out.',
    vi: 'Giá trị "cursor" không hợp lệ.',
    zh: '"cursor"参数无效。',
  },
  invalid_text: {
    en: 'Text may not contain a NUL character or a broken Unicode character: {field}.',
    vi: 'Văn bản không được chứa ký tự NUL hoặc ký tự Unicode hỏng: {field}.',
    zh: '文本不能包含 NUL 字符或损坏的 Unicode 字符：{field}。',
  },
  invalid_url: {
    en: 'The address is not valid: it contains characters that cannot be decoded.',
    vi: 'Địa chỉ không hợp lệ: có ký tự không giải mã được.',
    zh: '地址无效：包含无法解码的字符。',
  },
  url_too_long: {
    en: 'The address is too long.',
    vi: 'Địa chỉ quá dài.',
    zh: '地址过长。',
  },
  malformed_json: {
    en: 'The request body is not valid JSON.',
    vi: 'Nội dung yêu cầu không phải JSON hợp lệ.',
    zh: '请求正文不是有效的 JSON。',
  },
  too_deep: {
    en: 'The request nests lists or objects too deeply (at most {max} levels).',
    vi: 'Nội dung yêu cầu lồng danh sách hoặc đối tượng quá sâu (tối đa {max} cấp).',
    zh: '请求中的列表或对象嵌套过深（最多 {max} 层）。',
  },
  body_too_large: {
    en: 'The request is too large.',
    vi: 'Yêu cầu quá lớn.',
    zh: '请求内容过大。',
  },
  unsupported_media_type: {
    en: 'This content type is not accepted here: {type}.',
    vi: 'Không chấp nhận kiểu nội dung này: {type}.',
    zh: '不接受此内容类型：{type}。',
  },
  too_many_requests: {
    en: 'Too many requests. Please wait {seconds} seconds and try again.',
    vi: 'Quá nhiều yêu cầu. Vui lòng đợi {seconds} giây rồi thử lại.',
    zh: '请求过于频繁。请等待 {seconds} 秒后重试。',
  },
  internal: {
    en: 'Something went wrong on our side. The problem has been logged; please try again later.',
    vi: 'Đã có lỗi phía máy chủ. Sự cố đã được ghi lại; vui lòng thử lại sau.',
    zh: '服务器出现问题，已记录。请稍后重试。',
  },
  unavailable: {
    en: 'The service is not available right now.',
    vi: 'Dịch vụ tạm thời không khả dụng.',
    zh: '服务暂时不可用。',
  },
  version_conflict: {
    en: 'Someone else changed this at the same time. Reload and try again.',
    vi: 'Người khác vừa thay đổi nội dung này. Hãy tải lại và thử lại.',
    zh: '其他人同时修改了此内容。请刷新后重试。',
  },
});
