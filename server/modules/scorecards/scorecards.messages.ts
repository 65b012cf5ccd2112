import { defineMessages } from '../../platform/i18n.ts';

export const scorecardMessages = defineMessages({
  period_invalid: {
    en: 'The period must be a month (2026-03), a quarter (2026-Q1) or a year (2026).',
    vi: 'Kỳ đánh giá phải là một tháng (2026-03), một quý (2026-Q1) hoặc một năm (2026).',
    zh: '考评期须为月（2026-03）、季度（2026-Q1）或年度（2026）。',
  },
  period_not_ended: {
    en: 'Rankings are published for periods that have ended; {period} has not ended yet.',
    vi: 'Bảng xếp hạng chỉ công bố cho kỳ đã kết thúc; kỳ {period} chưa kết thúc.',
    zh: '排名仅在考评期结束后公布；{period} 尚未结束。',
  },
  thresholds_order: {
    en: 'The grades need excellent ≥ good ≥ completed.',
    vi: 'Ngưỡng xếp loại phải theo thứ tự: xuất sắc ≥ tốt ≥ hoàn thành.',
    zh: '等次分数线须满足：优秀 ≥ 称职 ≥ 基本称职。',
  },
  criterion_repeated: {
    en: 'Each measure may be a criterion once; "{measure}" is given twice.',
    vi: 'Mỗi chỉ số chỉ được dùng làm một tiêu chí; "{measure}" bị lặp.',
    zh: '每项指标只能作为一条标准；“{measure}”重复。',
  },
  criterion_scale: {
    en: 'The scale of "{measure}" needs different worst and best values.',
    vi: 'Thang điểm của "{measure}" cần giá trị kém nhất và tốt nhất khác nhau.',
    zh: '“{measure}”的评分区间须有不同的最差值和最佳值。',
  },
  not_an_official: {
    en: 'There is no official {id}.',
    vi: 'Không có cán bộ mã {id}.',
    zh: '不存在编号为 {id} 的干部。',
  },
  found_on_future: {
    en: 'An inspection finding cannot be dated in the future.',
    vi: 'Kết quả kiểm tra không thể ghi ngày trong tương lai.',
    zh: '检查发现的日期不能晚于今天。',
  },
  not_superior: {
    en: 'Only a leader of the official’s unit, not the official, may do this.',
    vi: 'Chỉ lãnh đạo đơn vị của cán bộ (không phải chính cán bộ đó) được làm việc này.',
    zh: '只有该干部所在单位的领导（而非本人）可以执行此操作。',
  },
  grade_reasons_required: {
    en: 'The grade differs from the computed one ({computed}): give the reasons.',
    vi: 'Xếp loại khác với kết quả tính toán ({computed}): cần nêu lý do.',
    zh: '所定等次与计算结果（{computed}）不同，须说明理由。',
  },
  review_graded: {
    en: 'The leader has already graded this year; the self-assessment can no longer change.',
    vi: 'Lãnh đạo đã xếp loại năm này; không thể sửa bản tự đánh giá nữa.',
    zh: '领导已评定本年度等次，个人总结不能再修改。',
  },
});
