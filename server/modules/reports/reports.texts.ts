/**
 * The words a report PDF prints, in the languages the server speaks (vi, zh, en). The web page
 * has its own in web/locales. Every key has every language (reports.texts.test.ts).
 */
import { gatheringKinds, hostRoles, matterContents, matterStages, petitionKinds } from '../../contract/domain.ts';
import type { Locale } from '../../platform/i18n.ts';

type Text = Record<Locale, string>;

export const reportTexts = {
  title: { vi: 'Báo cáo công tác dân vận', zh: '群众工作报告', en: 'Report on work with the people' },
  publicVersion: { vi: 'Bản công khai', zh: '公开版', en: 'Public version' },
  staffVersion: { vi: 'Bản nội bộ (có thông tin cá nhân)', zh: '内部版（含个人信息）', en: 'Staff version (contains personal data)' },
  period: { vi: 'Kỳ báo cáo', zh: '报告期', en: 'Period' },
  month: { vi: 'Tháng {m}/{y}', zh: '{y}年{m}月', en: '{y}-{m}' },
  quarter: { vi: 'Quý {q}/{y}', zh: '{y}年第{q}季度', en: 'Q{q} {y}' },
  year: { vi: 'Năm {y}', zh: '{y}年', en: 'Year {y}' },
  range: { vi: 'Từ {from} đến {to}', zh: '{from} 至 {to}', en: '{from} to {to}' },
  asOf: { vi: 'Số liệu tại thời điểm {at}', zh: '数据截至 {at}', en: 'Figures as of {at}' },
  petitions: { vi: 'Phản ánh, kiến nghị', zh: '群众诉求', en: 'Petitions' },
  figure: { vi: 'Chỉ tiêu', zh: '指标', en: 'Figure' },
  thisPeriod: { vi: 'Kỳ này', zh: '本期', en: 'This period' },
  lastYear: { vi: 'Cùng kỳ năm trước', zh: '去年同期', en: 'Same period last year' },
  target: { vi: 'Mục tiêu', zh: '目标', en: 'Target' },
  targetSetBy: { vi: 'Mục tiêu do đơn vị {unit} đặt', zh: '目标由 {unit} 设定', en: 'Targets set by {unit}' },
  met: { vi: 'Đạt', zh: '达标', en: 'Met' },
  notMet: { vi: 'Chưa đạt', zh: '未达标', en: 'Not met' },
  received: { vi: 'Tiếp nhận', zh: '受理总数', en: 'Received' },
  answered: { vi: 'Đã trả lời', zh: '已答复', en: 'Answered' },
  resolved: { vi: 'Đã giải quyết', zh: '已办结', en: 'Resolved' },
  resolvedOnTime: { vi: 'Giải quyết đúng hạn', zh: '按时办结', en: 'Resolved on time' },
  overdue: { vi: 'Quá hạn', zh: '超期', en: 'Overdue' },
  escalated: { vi: 'Chuyển cấp trên', zh: '上报上级', en: 'With higher levels' },
  transferred: { vi: 'Đã chuyển', zh: '已转办', en: 'Transferred' },
  rated: { vi: 'Được đánh giá', zh: '已评价', en: 'Rated' },
  resolutionRate: { vi: 'Tỷ lệ giải quyết', zh: '办结率', en: 'Resolution rate' },
  onTimeRate: { vi: 'Tỷ lệ đúng hạn', zh: '按时办结率', en: 'On-time rate' },
  satisfactionRate: { vi: 'Tỷ lệ hài lòng', zh: '满意率', en: 'Satisfaction rate' },
  responseRate: { vi: 'Tỷ lệ trả lời', zh: '答复率', en: 'Response rate' },
  medianHours: { vi: 'Thời gian trả lời (trung vị, giờ)', zh: '答复时长中位数（小时）', en: 'Median hours to answer' },
  byKind: { vi: 'Theo loại', zh: '按类型', en: 'By kind' },
  kind: { vi: 'Loại', zh: '类型', en: 'Kind' },
  topCategories: { vi: 'Lĩnh vực nhiều phản ánh nhất', zh: '诉求最多的领域', en: 'Top categories' },
  category: { vi: 'Lĩnh vực', zh: '领域', en: 'Category' },
  uncategorized: { vi: 'Chưa phân loại: {n}', zh: '未分类：{n}', en: 'Uncategorized: {n}' },
  hotspots: { vi: 'Điểm nóng', zh: '热点', en: 'Hotspots' },
  hotspotsNone: { vi: 'Không có điểm nóng trong kỳ.', zh: '本期无热点。', en: 'No hotspot in the period.' },
  weekEnd: { vi: 'Tuần kết thúc', zh: '周截止', en: 'Week to' },
  weekCount: { vi: 'Trong tuần', zh: '当周件数', en: 'That week' },
  baseline: { vi: 'Trung bình 8 tuần trước', zh: '前8周周均', en: 'A week before' },
  children: { vi: 'So sánh các đơn vị trực thuộc', zh: '下级单位对比', en: 'Units below compared' },
  unit: { vi: 'Đơn vị', zh: '单位', en: 'Unit' },
  none: { vi: 'Không có', zh: '无', en: 'None' },
  cases: { vi: 'Vụ việc quá hạn và tồn đọng kéo dài', zh: '超期和长期未结案件', en: 'Overdue and long-standing cases' },
  overdueCases: { vi: 'Quá hạn', zh: '超期案件', en: 'Overdue' },
  longStandingCases: { vi: 'Tồn đọng trên {days} ngày', zh: '超过 {days} 天未结', en: 'Open for more than {days} days' },
  code: { vi: 'Mã', zh: '编号', en: 'Code' },
  due: { vi: 'Hạn', zh: '时限', en: 'Due' },
  daysLate: { vi: 'Số ngày quá hạn', zh: '超期天数', en: 'Days late' },
  daysOpen: { vi: 'Số ngày', zh: '天数', en: 'Days open' },
  leader: { vi: 'Lãnh đạo phụ trách', zh: '责任领导', en: 'Responsible leader' },
  handler: { vi: 'Người xử lý', zh: '承办人', en: 'Handler' },
  moreCases: { vi: 'Còn nhiều vụ việc khác; xem hộp việc.', zh: '还有更多案件，请查看工作台。', en: 'More cases are open; see the inbox.' },
  gatherings: { vi: 'Tiếp công dân, đối thoại', zh: '接访与对话', en: 'Gatherings' },
  sessions: { vi: 'Số buổi', zh: '场次', en: 'Sessions' },
  residents: { vi: 'Lượt công dân', zh: '接待群众人次', en: 'Residents received' },
  cancelled: { vi: 'Buổi bị hủy', zh: '取消场次', en: 'Cancelled' },
  opinionsRaised: { vi: 'Ý kiến tại các buổi', zh: '现场收集意见', en: 'Opinions raised' },
  opinionsResolved: { vi: 'Ý kiến đã giải quyết', zh: '意见已办结', en: 'Opinions resolved' },
  opinionsHigher: { vi: 'Ý kiến cấp trên đang xử lý', zh: '上级正在办理', en: 'With higher levels' },
  minimum: { vi: 'Tiếp công dân định kỳ so với mức tối thiểu theo luật', zh: '定期接访与法定最低次数', en: 'Reception days held against the legal minimum' },
  role: { vi: 'Người chủ trì', zh: '主持人', en: 'Host' },
  monthsMet: { vi: 'Tháng đạt', zh: '达标月数', en: 'Months met' },
  daysHeldRequired: { vi: 'Ngày đã tiếp / tối thiểu', zh: '实际/最低接访日', en: 'Days held / required' },
  deliberation: { vi: 'Bàn bạc, quyết định ở cơ sở', zh: '协商议事', en: 'Deliberation' },
  councils: { vi: 'Hội đồng', zh: '议事会', en: 'Councils' },
  members: { vi: 'Thành viên', zh: '成员', en: 'Members' },
  matters: { vi: 'Việc đưa ra bàn bạc', zh: '议事事项', en: 'Matters' },
  byContent: { vi: 'Theo nội dung', zh: '按内容', en: 'By content' },
  byStage: { vi: 'Theo bước', zh: '按环节', en: 'By stage' },
  resolutionsPassed: { vi: 'Nghị quyết được thông qua', zh: '通过决议', en: 'Resolutions passed' },
  tasksDone: { vi: 'Việc thực hiện xong', zh: '完成落实任务', en: 'Tasks done' },
  servicePoints: { vi: 'Điểm phục vụ còn thiếu', zh: '缺少的服务点', en: 'Service points missing' },
  unitsLacking: { vi: 'Số đơn vị còn thiếu: {n}', zh: '缺少服务点的单位：{n} 个', en: 'Units lacking a required point: {n}' },
  servicePointKind: { vi: 'Loại điểm phục vụ', zh: '服务点类型', en: 'Kind of service point' },
  unitsCount: { vi: 'Số đơn vị thiếu', zh: '缺少单位数', en: 'Units lacking it' },
  scorecardGrades: { vi: 'Cán bộ theo mức xếp loại', zh: '干部考评等次分布', en: 'Officials by scorecard grade' },
  grade: { vi: 'Mức xếp loại', zh: '等次', en: 'Grade' },
  officials: { vi: 'Số cán bộ', zh: '干部人数', en: 'Officials' },
  ungraded: { vi: 'Chưa đủ số liệu để xếp loại', zh: '数据不足，未评等次', en: 'Not enough to grade' },
  page: { vi: 'Trang {n}/{total}', zh: '第 {n} 页，共 {total} 页', en: 'Page {n} of {total}' },
  archivedAt: { vi: 'Lưu trữ lúc {at}; bản lưu trữ không thay đổi.', zh: '归档于 {at}；归档报告不再更改。', en: 'Archived at {at}; an archived report never changes.' },
} satisfies Record<string, Text>;

export type ReportTextKey = keyof typeof reportTexts;

const kindTexts: Record<(typeof petitionKinds)[number], Text> = {
  question: { vi: 'Hỏi đáp', zh: '咨询', en: 'Question' },
  suggestion: { vi: 'Kiến nghị', zh: '建议', en: 'Suggestion' },
  complaint: { vi: 'Khiếu nại', zh: '投诉', en: 'Complaint' },
  denunciation: { vi: 'Tố cáo', zh: '举报', en: 'Denunciation' },
  help_request: { vi: 'Đề nghị giúp đỡ', zh: '求助', en: 'Help request' },
  conduct_report: { vi: 'Phản ánh tác phong cán bộ', zh: '干部作风反映', en: 'Conduct report' },
};

/** The topics of stats_categories (docs/FIGURES.md). */
const categoryTexts: Record<string, Text> = {
  land: { vi: 'Đất đai', zh: '土地', en: 'Land' },
  construction: { vi: 'Xây dựng', zh: '建设', en: 'Construction' },
  environment: { vi: 'Môi trường', zh: '环境', en: 'Environment' },
  roads: { vi: 'Giao thông', zh: '道路交通', en: 'Roads' },
  water_power: { vi: 'Điện, nước', zh: '水电', en: 'Water and power' },
  social_insurance: { vi: 'Bảo hiểm xã hội', zh: '社会保险', en: 'Social insurance' },
  health: { vi: 'Y tế', zh: '医疗卫生', en: 'Health' },
  education: { vi: 'Giáo dục', zh: '教育', en: 'Education' },
  security: { vi: 'An ninh trật tự', zh: '治安', en: 'Security' },
  procedures: { vi: 'Thủ tục hành chính', zh: '行政手续', en: 'Procedures' },
  other: { vi: 'Khác', zh: '其他', en: 'Other' },
};

const gatheringKindTexts: Record<(typeof gatheringKinds)[number], Text> = {
  reception_day: { vi: 'Ngày tiếp công dân', zh: '接待日', en: 'Reception day' },
  outreach_day: { vi: 'Ngày thứ Bảy vì dân', zh: '便民服务日', en: 'Outreach day' },
  forum: { vi: 'Diễn đàn "Dân hỏi, cán bộ trả lời"', zh: '“群众问、干部答”论坛', en: 'Forum' },
  dialogue: { vi: 'Đối thoại', zh: '对话会', en: 'Dialogue' },
  service_day: { vi: 'Ngày phục vụ', zh: '服务日', en: 'Service day' },
  working_session: { vi: 'Làm việc về vụ việc kéo dài', zh: '积案专题会', en: 'Working session' },
};

const hostRoleTexts: Record<(typeof hostRoles)[number], Text> = {
  chairman: { vi: 'Chủ tịch', zh: '主要负责人', en: 'Chairman' },
  vice_chairman: { vi: 'Phó Chủ tịch', zh: '副职负责人', en: 'Vice chairman' },
  reception_committee: { vi: 'Ban Tiếp công dân', zh: '信访接待机构', en: 'Reception committee' },
  other: { vi: 'Khác', zh: '其他', en: 'Other' },
};

const contentTexts: Record<(typeof matterContents)[number], Text> = {
  development: { vi: 'Phát triển', zh: '发展', en: 'Development' },
  law: { vi: 'Pháp luật', zh: '法治', en: 'Law' },
  morality: { vi: 'Đạo đức', zh: '德治', en: 'Morality' },
  customs: { vi: 'Phong tục', zh: '风俗', en: 'Customs' },
  harmony: { vi: 'Hòa thuận', zh: '和谐', en: 'Harmony' },
};

const stageTexts: Record<(typeof matterStages)[number], Text> = {
  proposal: { vi: 'Đề xuất', zh: '提议', en: 'Proposal' },
  evaluation: { vi: 'Thẩm định', zh: '评议', en: 'Evaluation' },
  review: { vi: 'Xem xét', zh: '审议', en: 'Review' },
  resolution: { vi: 'Quyết nghị', zh: '决议', en: 'Resolution' },
  implementation: { vi: 'Thực hiện', zh: '实施', en: 'Implementation' },
  inspection: { vi: 'Giám sát', zh: '监督', en: 'Inspection' },
  completed: { vi: 'Hoàn thành', zh: '已完成', en: 'Completed' },
  rejected: { vi: 'Không chấp nhận', zh: '未采纳', en: 'Rejected' },
  not_passed: { vi: 'Không thông qua', zh: '未通过', en: 'Not passed' },
};

export const valueTexts = { kind: kindTexts, category: categoryTexts, gatheringKind: gatheringKindTexts, hostRole: hostRoleTexts, content: contentTexts, stage: stageTexts };

export function textOf(locale: Locale, key: ReportTextKey, params: Record<string, string | number> = {}): string {
  return reportTexts[key][locale].replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole));
}

/** The name of a value (a kind, a category …) in a language; the value itself when it has none. */
export function valueText(locale: Locale, group: keyof typeof valueTexts, value: string): string {
  const texts = valueTexts[group] as Record<string, Text>;
  return texts[value]?.[locale] ?? value;
}
