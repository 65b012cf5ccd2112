import { defineMessages } from '../../platform/i18n.ts';

export const insightMessages = defineMessages({
  hotspot_invalid_period: {
    en: 'Give both from and to (from on or before to, at most {years} years apart), or weeks, not both.',
    vi: 'Hãy cho cả ngày bắt đầu và ngày kết thúc (bắt đầu không sau kết thúc, cách nhau tối đa {years} năm), hoặc số tuần, không cả hai.',
    zh: '请同时给出起止日期（起始不晚于结束，相隔最多 {years} 年），或给出周数，二者不可同时给出。',
  },
});
