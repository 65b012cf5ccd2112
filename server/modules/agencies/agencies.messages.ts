import { defineMessages } from '../../platform/i18n.ts';

export const agencyMessages = defineMessages({
  agency_unknown_kind: {
    en: 'There is no agency kind "{kind}".',
    vi: 'Không có loại cơ quan "{kind}".',
    zh: '没有“{kind}”这种部门类型。',
  },
});
