import { defineMessages } from '../../platform/i18n.ts';

export const apiKeyMessages = defineMessages({
  api_key_required: {
    en: 'This needs an API key (api_key).',
    vi: 'Cần có khóa API (api_key).',
    zh: '需要 API 密钥（api_key）。',
  },
  api_key_invalid: {
    en: 'The API key is not valid or has been revoked.',
    vi: 'Khóa API không hợp lệ hoặc đã bị thu hồi.',
    zh: 'API 密钥无效或已被吊销。',
  },
  api_key_out_of_scope: {
    en: 'This API key does not reach unit {code}.',
    vi: 'Khóa API này không có phạm vi tại đơn vị {code}.',
    zh: '该 API 密钥的范围不包括单位 {code}。',
  },
  api_key_rate_limited: {
    en: 'This API key has made too many requests. Please wait {seconds} seconds.',
    vi: 'Khóa API này đã gửi quá nhiều yêu cầu. Vui lòng đợi {seconds} giây.',
    zh: '该 API 密钥请求过多。请等待 {seconds} 秒。',
  },
  api_key_already_revoked: {
    en: 'This API key was already revoked.',
    vi: 'Khóa API này đã bị thu hồi trước đó.',
    zh: '该 API 密钥已被吊销。',
  },
});
