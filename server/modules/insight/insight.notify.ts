/** The notice a unit's leaders receive when a category rises unusually in their unit. */
import { defineTemplates } from '../../platform/notify/templates.ts';

export const insightTemplates = defineTemplates({
  hotspot_flagged: {
    subject: {
      en: 'Unusual rise at {unit}: {count} petitions about {category} in a week',
      vi: 'Tăng bất thường tại {unit}: {count} phản ánh về {category} trong một tuần',
      zh: '{unit}异常增多：一周内{count}件{category}类诉求',
    },
    text: {
      en: '{unit} received {count} petitions about {category} in the seven days to {weekEnd}, against {baseline} a week on average over the eight weeks before. The petitions behind it are on the Hotspots page.',
      vi: '{unit} nhận {count} phản ánh về {category} trong bảy ngày đến {weekEnd}, trong khi trung bình tám tuần trước là {baseline} mỗi tuần. Danh sách phản ánh ở trang Điểm nóng.',
      zh: '截至{weekEnd}的七天内，{unit}收到{count}件{category}类诉求，而此前八周平均每周{baseline}件。相关诉求见"热点"页面。',
    },
  },
});
