import { defineTemplates } from '../../platform/notify/templates.ts';

/** What followers of a matter are told when it moves, and the voter's one-time code. */
export const deliberationTemplates = defineTemplates({
  matter_stage_changed: {
    subject: { en: 'Matter "{title}": {stage}', vi: 'Việc "{title}": {stage}', zh: '议事事项“{title}”：{stage}' },
    text: {
      en: 'The matter "{title}" of {council} is now in the {stage} stage.',
      vi: 'Việc "{title}" của {council} đã chuyển sang bước {stage}.',
      zh: '{council}的议事事项“{title}”已进入“{stage}”阶段。',
    },
  },
  consultation_vote_code: {
    subject: { en: 'Your voting code', vi: 'Mã bỏ phiếu của bạn', zh: '您的投票验证码' },
    text: {
      en: 'Your code to vote in "{title}" is {code}. It is valid for {minutes} minutes.',
      vi: 'Mã để bỏ phiếu trong "{title}" là {code}, có hiệu lực trong {minutes} phút.',
      zh: '您参与“{title}”投票的验证码是 {code}，{minutes} 分钟内有效。',
    },
    secret: ['code'],
  },
});
