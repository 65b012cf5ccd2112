/**
 * The words a yearly review's PDF prints, in the languages the server speaks (vi, zh, en); the
 * web pages have their own in web/locales (the same words for measures and grades).
 */
import type { ScorecardGrade, ScorecardMeasure } from '../../contract/domain.ts';
import type { Locale } from '../../platform/i18n.ts';

type Text = Record<Locale, string>;

const reviewTexts = {
  title: { vi: 'Đánh giá, xếp loại năm {year}', zh: '{year} 年度考核', en: 'Yearly review {year}' },
  official: { vi: 'Cán bộ', zh: '干部', en: 'Official' },
  position: { vi: 'Vị trí việc làm', zh: '岗位', en: 'Job position' },
  unit: { vi: 'Đơn vị', zh: '单位', en: 'Unit' },
  period: { vi: 'Kỳ đánh giá', zh: '考评期', en: 'Period' },
  computed: { vi: 'Phiếu đánh giá tính từ dữ liệu', zh: '根据记录计算的考评', en: 'Computed scorecard' },
  frozen: { vi: 'Như tại thời điểm lãnh đạo xếp loại ({at}).', zh: '为领导评定等次时（{at}）的结果。', en: 'As it stood when the leader graded ({at}).' },
  frameworkOf: { vi: 'Bộ tiêu chí của {unit} cho {position}', zh: '{unit} 针对 {position} 的指标体系', en: 'Framework of {unit} for {position}' },
  everyPosition: { vi: 'mọi vị trí', zh: '所有岗位', en: 'every position' },
  thresholds: {
    vi: 'Xuất sắc từ {excellent}, tốt từ {good}, hoàn thành từ {completed}',
    zh: '优秀 ≥ {excellent}，称职 ≥ {good}，基本称职 ≥ {completed}',
    en: 'Excellent from {excellent}, good from {good}, completed from {completed}',
  },
  noFramework: { vi: 'Chưa có bộ tiêu chí áp dụng: các chỉ số không có tổng điểm.', zh: '尚无适用的指标体系：各项指标不计总分。', en: 'No framework applies: the measures have no total.' },
  criterion: { vi: 'Tiêu chí', zh: '指标', en: 'Criterion' },
  value: { vi: 'Giá trị', zh: '数值', en: 'Value' },
  scale: { vi: 'Thang (0 → 100)', zh: '区间（0 → 100）', en: 'Scale (0 → 100)' },
  weight: { vi: 'Trọng số', zh: '权重', en: 'Weight' },
  score: { vi: 'Điểm', zh: '得分', en: 'Score' },
  total: { vi: 'Tổng điểm', zh: '总分', en: 'Total' },
  computedGrade: { vi: 'Xếp loại theo kết quả tính', zh: '计算得出的等次', en: 'Computed grade' },
  noGrade: { vi: 'Chưa xếp loại', zh: '未定等次', en: 'No grade' },
  selfAssessment: { vi: 'Tự đánh giá', zh: '个人总结', en: 'Self-assessment' },
  noSelf: { vi: 'Chưa có bản tự đánh giá.', zh: '尚无个人总结。', en: 'No self-assessment yet.' },
  writtenOn: { vi: 'Ngày viết: {at}', zh: '填写日期：{at}', en: 'Written on {at}' },
  leaderGrade: { vi: 'Xếp loại của lãnh đạo', zh: '领导评定等次', en: 'Leader’s grade' },
  notGraded: { vi: 'Chưa xếp loại.', zh: '尚未评定。', en: 'Not graded yet.' },
  gradedBy: { vi: 'Người xếp loại: {name}, ngày {at}', zh: '评定人：{name}，日期：{at}', en: 'Graded by {name} on {at}' },
  reasons: { vi: 'Lý do', zh: '理由', en: 'Reasons' },
  page: { vi: 'Trang {n}/{total}', zh: '第 {n} 页，共 {total} 页', en: 'Page {n} of {total}' },
} satisfies Record<string, Text>;

export type ReviewTextKey = keyof typeof reviewTexts;

export const measureNames: Record<ScorecardMeasure, Text> = {
  on_time_rate: { vi: 'Trả lời đúng hạn', zh: '按时答复率', en: 'Answered on time' },
  satisfaction: { vi: 'Mức độ hài lòng của người dân', zh: '群众满意度', en: 'Residents’ satisfaction' },
  reopen_rate: { vi: 'Trả lời bị mở lại', zh: '答复被重办率', en: 'Answers reopened' },
  overdue_count: { vi: 'Hồ sơ quá hạn', zh: '超期件数', en: 'Overdue cases' },
  online_share: { vi: 'Xử lý hoàn toàn trực tuyến', zh: '全程网办比例', en: 'Handled fully online' },
  gatherings_held: { vi: 'Buổi tiếp dân so với mức tối thiểu luật định', zh: '接待日落实情况（对照法定最低次数）', en: 'Reception days held vs the legal minimum' },
  upheld_conduct: { vi: 'Phản ánh về tác phong được kết luận đúng', zh: '查实的作风举报', en: 'Upheld conduct reports' },
  inspection_findings: { vi: 'Kết quả kiểm tra công vụ', zh: '公务检查发现', en: 'Inspection findings' },
};

export const gradeNames: Record<ScorecardGrade, Text> = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', zh: '优秀', en: 'Excellent' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', zh: '称职', en: 'Good' },
  completed: { vi: 'Hoàn thành nhiệm vụ', zh: '基本称职', en: 'Completed' },
  not_completed: { vi: 'Không hoàn thành nhiệm vụ', zh: '不称职', en: 'Not completed' },
};

/** A text in a language with its {placeholders} filled. */
export function reviewText(locale: Locale, key: ReviewTextKey, params: Record<string, string | number> = {}): string {
  return reviewTexts[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
