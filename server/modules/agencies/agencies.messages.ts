import { defineMessages } from '../../platform/i18n.ts';

export const agencyMessages = defineMessages({
  agency_unknown_unit: {
    en: 'There is no unit with the code {code}.',
    vi: 'Không có đơn vị hành chính nào có mã {code}.',
    zh: '没有代码为 {code} 的行政区划。',
  },
  agency_unknown_kind: {
    en: 'There is no agency kind "{kind}".',
    vi: 'Không có loại cơ quan "{kind}".',
    zh: '没有“{kind}”这种部门类型。',
  },
});
