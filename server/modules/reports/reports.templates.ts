import { defineTemplates } from '../../platform/notify/templates.ts';

export const reportTemplates = defineTemplates({
  report_ready: {
    subject: { vi: 'Báo cáo {period} của {unit}', zh: '{unit} {period} 工作报告', en: 'Report {period} of {unit}' },
    text: {
      vi: 'Báo cáo kỳ {period} của {unit} đã được lập và lưu trữ; bản PDF đính kèm thư này.',
      zh: '{unit} {period} 的工作报告已生成并归档，PDF 见附件。',
      en: 'The report of {unit} for {period} has been produced and archived; the PDF is attached.',
    },
  },
  steering_decision_overdue: {
    subject: { vi: 'Quá hạn: kết luận của Ban chỉ đạo {unit}', zh: '超期：{unit} 领导小组决定事项', en: 'Overdue: a decision of the steering committee of {unit}' },
    text: {
      vi: 'Việc "{text}" giao cho {owner} đã quá hạn ({due}).',
      zh: '交由 {owner} 办理的事项“{text}”已超期（时限 {due}）。',
      en: 'The follow-up "{text}" given to {owner} is past its due time ({due}).',
    },
  },
  steering_decision_escalated: {
    subject: { vi: 'Chuyển cấp trên: việc quá hạn của Ban chỉ đạo {unit}', zh: '上报：{unit} 领导小组超期事项', en: 'Escalated: an overdue follow-up of the steering committee of {unit}' },
    text: {
      vi: 'Việc "{text}" giao cho {owner} quá hạn từ {due} và chưa xong; được chuyển lên {parent} để đôn đốc.',
      zh: '交由 {owner} 办理的事项“{text}”自 {due} 起超期未办结，已上报 {parent} 督办。',
      en: 'The follow-up "{text}" given to {owner} has been overdue since {due} and is not done; it was sent up to {parent} to follow.',
    },
  },
});
