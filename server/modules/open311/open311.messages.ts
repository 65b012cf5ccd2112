import { defineMessages } from '../../platform/i18n.ts';

export const open311Messages = defineMessages({
  open311_jurisdiction_required: {
    en: 'jurisdiction_id (a unit code) is required.',
    vi: 'Cần có jurisdiction_id (mã đơn vị hành chính).',
    zh: '需要 jurisdiction_id（行政区划代码）。',
  },
  open311_unknown_jurisdiction: {
    en: 'There is no jurisdiction {code}.',
    vi: 'Không có đơn vị {code}.',
    zh: '没有单位 {code}。',
  },
  open311_unknown_service: {
    en: 'There is no service {code} in this jurisdiction.',
    vi: 'Đơn vị này không có dịch vụ {code}.',
    zh: '该单位没有服务 {code}。',
  },
  open311_service_code_required: {
    en: 'service_code is required.',
    vi: 'Cần có service_code.',
    zh: '需要 service_code。',
  },
  open311_invalid_field: {
    en: '{field} is {problem}.',
    vi: '{field}: {problem}.',
    zh: '{field}：{problem}。',
  },
  open311_request_not_found: {
    en: 'There is no request {id}, or it is not public.',
    vi: 'Không có yêu cầu {id}, hoặc yêu cầu không công khai.',
    zh: '没有请求 {id}，或该请求不公开。',
  },
  open311_token_not_found: {
    en: 'There is no token {token}.',
    vi: 'Không có mã tạm {token}.',
    zh: '没有令牌 {token}。',
  },
  open311_invalid_date: {
    en: '{field} is not a W3C date-time (e.g. 2026-03-01T00:00:00Z), or the period ends before it starts.',
    vi: '{field} không phải ngày giờ W3C (ví dụ 2026-03-01T00:00:00Z), hoặc khoảng thời gian kết thúc trước khi bắt đầu.',
    zh: '{field} 不是 W3C 日期时间（例如 2026-03-01T00:00:00Z），或时段的结束早于开始。',
  },
  open311_invalid_page: {
    en: '{field} must be a whole number from 1 to {max}.',
    vi: '{field} phải là số nguyên từ 1 đến {max}.',
    zh: '{field} 必须是 1 到 {max} 之间的整数。',
  },
  open311_invalid_status: {
    en: 'status must be open or closed.',
    vi: 'status phải là open hoặc closed.',
    zh: 'status 必须为 open 或 closed。',
  },
  open311_unknown_format: {
    en: 'The format must be .json or .xml.',
    vi: 'Định dạng phải là .json hoặc .xml.',
    zh: '格式必须是 .json 或 .xml。',
  },
  open311_update_happened: {
    en: 'The case moved on: {type}.',
    vi: 'Hồ sơ có tiến triển: {type}.',
    zh: '案件有进展：{type}。',
  },
  open311_invalid_update_status: {
    en: 'status must be one of OPEN, CLOSED, FIXED, IN_PROGRESS, ACTION_SCHEDULED, INVESTIGATING, DUPLICATE, NOT_COUNCILS_RESPONSIBILITY, NO_FURTHER_ACTION, INTERNAL_REFERRAL.',
    vi: 'status phải là một trong OPEN, CLOSED, FIXED, IN_PROGRESS, ACTION_SCHEDULED, INVESTIGATING, DUPLICATE, NOT_COUNCILS_RESPONSIBILITY, NO_FURTHER_ACTION, INTERNAL_REFERRAL.',
    zh: 'status 必须是 OPEN、CLOSED、FIXED、IN_PROGRESS、ACTION_SCHEDULED、INVESTIGATING、DUPLICATE、NOT_COUNCILS_RESPONSIBILITY、NO_FURTHER_ACTION、INTERNAL_REFERRAL 之一。',
  },
  open311_invalid_service: {
    en: 'The service is not valid: {summary}',
    vi: 'Dịch vụ không hợp lệ: {summary}',
    zh: '服务无效：{summary}',
  },
  open311_service_exists: {
    en: 'Unit {unit} already has a service {code}.',
    vi: 'Đơn vị {unit} đã có dịch vụ {code}.',
    zh: '单位 {unit} 已有服务 {code}。',
  },
});
