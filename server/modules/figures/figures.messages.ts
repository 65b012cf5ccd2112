import { defineMessages } from '../../platform/i18n.ts';

export const figuresMessages = defineMessages({
  figures_invalid_period: {
    en: 'The period must start on or before the day it ends: from {from} to {to}.',
    vi: 'Ngày bắt đầu phải trước hoặc trùng ngày kết thúc: từ {from} đến {to}.',
    zh: '起始日期不能晚于结束日期：从 {from} 到 {to}。',
  },
  figures_day_out_of_range: {
    en: 'Figures cover the days between {first} and {last}: {day} is outside.',
    vi: 'Số liệu chỉ có cho các ngày từ {first} đến {last}: ngày {day} nằm ngoài khoảng này.',
    zh: '统计数据仅涵盖 {first} 至 {last} 之间的日期：{day} 不在此范围内。',
  },
  figures_period_too_long: {
    en: 'A period may cover at most {years} years.',
    vi: 'Khoảng thời gian tối đa là {years} năm.',
    zh: '统计期间最长为 {years} 年。',
  },
  figures_series_too_long: {
    en: 'A daily series may cover at most {days} days; ask for interval=month instead.',
    vi: 'Chuỗi số liệu theo ngày tối đa {days} ngày; hãy dùng interval=month.',
    zh: '按日序列最多 {days} 天；请改用 interval=month。',
  },
});
