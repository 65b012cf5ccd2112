import { defineMessages } from '../../platform/i18n.ts';

export const servicePointMessages = defineMessages({
  service_point_kind_not_for_level: {
    en: '"{kind}" is not on the service point checklist of this unit (level {level}).',
    vi: '"{kind}" không thuộc danh mục điểm phục vụ của đơn vị này (cấp {level}).',
    zh: '“{kind}”不在该单位（{level}级）的服务点清单中。',
  },
});
