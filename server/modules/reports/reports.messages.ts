import { defineMessages } from '../../platform/i18n.ts';

export const reportMessages = defineMessages({
  report_invalid_period: {
    en: 'Name a month (2026-03), a quarter (2026-Q1) or a year (2026), or give from and to (from on or before to).',
    vi: 'Hãy chọn tháng (2026-03), quý (2026-Q1), năm (2026), hoặc ngày bắt đầu và ngày kết thúc (bắt đầu không sau kết thúc).',
    zh: '请指定月份（2026-03）、季度（2026-Q1）或年份（2026），或给出起止日期（起始不晚于结束）。',
  },
  report_period_too_long: {
    en: 'A report covers at most {years} years.',
    vi: 'Một báo cáo tối đa {years} năm.',
    zh: '一份报告最长覆盖 {years} 年。',
  },
  steering_committee_exists: {
    en: 'Unit {unit} already has a steering committee.',
    vi: 'Đơn vị {unit} đã có Ban chỉ đạo.',
    zh: '单位 {unit} 已有领导小组。',
  },
  steering_not_a_member: {
    en: 'Member {member} does not belong to this committee.',
    vi: 'Thành viên {member} không thuộc Ban chỉ đạo này.',
    zh: '成员 {member} 不属于该领导小组。',
  },
  steering_member_left: {
    en: '{name} left the committee on {day}.',
    vi: '{name} đã rời Ban chỉ đạo ngày {day}.',
    zh: '{name} 已于 {day} 退出领导小组。',
  },
  steering_decision_done: {
    en: 'This follow-up is already done.',
    vi: 'Việc này đã hoàn thành.',
    zh: '该事项已办结。',
  },
});
