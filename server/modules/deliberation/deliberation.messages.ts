import { defineMessages } from '../../platform/i18n.ts';

export const deliberationMessages = defineMessages({
  matter_stage: {
    en: 'This matter is in the {stage} stage: "{action}" is not possible now.',
    vi: 'Việc này đang ở bước {stage}: không thể thực hiện "{action}" lúc này.',
    zh: '该事项处于“{stage}”阶段，现在不能执行“{action}”。',
  },
  matter_action_field: {
    en: '"{action}" needs the field "{field}".',
    vi: 'Thao tác "{action}" cần trường "{field}".',
    zh: '操作“{action}”需要字段“{field}”。',
  },
  too_few_cosigners: {
    en: 'A residents\' proposal to this council needs {required} co-signers; {given} were given.',
    vi: 'Đề xuất của người dân gửi hội đồng này cần {required} người cùng ký; mới có {given}.',
    zh: '向该议事会提出的群众提议需要 {required} 人联名，目前只有 {given} 人。',
  },
  not_a_council_member: {
    en: 'Member {member} does not serve on this council.',
    vi: 'Thành viên {member} không thuộc hội đồng này.',
    zh: '成员 {member} 不是该议事会的成员。',
  },
  member_term_order: {
    en: 'A term ends on or after the day the member was elected ({name}).',
    vi: 'Nhiệm kỳ phải kết thúc sau ngày được bầu ({name}).',
    zh: '任期结束日期不能早于当选日期（{name}）。',
  },
  council_office_taken: {
    en: 'The council already has a serving {role}.',
    vi: 'Hội đồng đã có {role} đương nhiệm.',
    zh: '该议事会已有在任的{role}。',
  },
  unknown_account: {
    en: 'There is no account {account}.',
    vi: 'Không có tài khoản {account}.',
    zh: '没有账户 {account}。',
  },
  comment_period_closed: {
    en: 'The comment period of this matter ended at {closedAt}.',
    vi: 'Thời gian góp ý cho việc này đã kết thúc lúc {closedAt}.',
    zh: '该事项的意见征集期已于 {closedAt} 结束。',
  },
  review_reason_required: {
    en: 'Say why the matter is returned or rejected.',
    vi: 'Hãy nêu lý do trả lại hoặc không chấp thuận.',
    zh: '请说明退回或否决的理由。',
  },
  quorum_not_met: {
    en: 'No quorum: {present} of {members} members were present; the council needs {rule}.',
    vi: 'Không đủ số lượng: có mặt {present}/{members} thành viên; hội đồng cần {rule}.',
    zh: '未达到法定人数：到会 {present}/{members} 人，该议事会要求 {rule}。',
  },
  votes_do_not_add_up: {
    en: 'For, against and abstaining ({sum}) must add up to the members present ({present}).',
    vi: 'Tổng số tán thành, không tán thành và không biểu quyết ({sum}) phải bằng số thành viên có mặt ({present}).',
    zh: '赞成、反对、弃权之和（{sum}）必须等于到会人数（{present}）。',
  },
  present_not_serving: {
    en: 'Member {member} was not serving on this council on {day}.',
    vi: 'Thành viên {member} không đương nhiệm trong hội đồng vào ngày {day}.',
    zh: '成员 {member} 在 {day} 不是该议事会的在任成员。',
  },
  task_not_in_matter: {
    en: 'Task {task} is not a task of this matter.',
    vi: 'Nhiệm vụ {task} không thuộc việc này.',
    zh: '任务 {task} 不属于该事项。',
  },
  task_closed: {
    en: 'Task {task} is {status}: no more progress can be reported.',
    vi: 'Nhiệm vụ {task} đã {status}: không thể báo cáo thêm tiến độ.',
    zh: '任务 {task} 已{status}，不能再报告进度。',
  },
  tasks_not_done: {
    en: 'Every task must be done before the residents inspect the work ({open} still open).',
    vi: 'Mọi nhiệm vụ phải hoàn thành trước khi người dân giám sát, nghiệm thu (còn {open} chưa xong).',
    zh: '所有任务完成后才能交群众验收（还有 {open} 项未完成）。',
  },
  inspection_incomplete: {
    en: 'An inspection gives a verdict on every task of the matter.',
    vi: 'Việc giám sát, nghiệm thu phải đánh giá tất cả nhiệm vụ của việc này.',
    zh: '验收须对该事项的每项任务给出结论。',
  },
  consultation_not_draft: {
    en: 'The consultation has opened: its options and electorate can no longer change.',
    vi: 'Cuộc lấy ý kiến đã mở: không thể thay đổi phương án và danh sách cử tri.',
    zh: '征求意见已开始，选项和投票人名单不能再修改。',
  },
  consultation_not_open: {
    en: 'The consultation is not open for votes.',
    vi: 'Cuộc lấy ý kiến chưa mở hoặc đã kết thúc.',
    zh: '该征求意见不在投票期内。',
  },
  consultation_empty_electorate: {
    en: 'Import the electorate before opening the consultation.',
    vi: 'Hãy nhập danh sách cử tri trước khi mở lấy ý kiến.',
    zh: '开始征求意见前请先导入投票人名单。',
  },
  results_after_close: {
    en: 'The results are published when the consultation closes.',
    vi: 'Kết quả được công bố khi cuộc lấy ý kiến kết thúc.',
    zh: '征求意见结束后公布结果。',
  },
  not_in_electorate: {
    en: 'This phone number or voter is not on the consultation\'s electorate.',
    vi: 'Số điện thoại hoặc cử tri này không có trong danh sách lấy ý kiến.',
    zh: '该手机号或投票人不在本次征求意见的名单中。',
  },
  already_voted: {
    en: 'This voter has already voted.',
    vi: 'Cử tri này đã bỏ phiếu.',
    zh: '该投票人已经投过票。',
  },
  receipt_required: {
    en: 'To change your vote, give the receipt of your first vote.',
    vi: 'Để thay đổi lựa chọn, hãy nhập mã biên nhận của lần bỏ phiếu trước.',
    zh: '如需更改投票，请提供首次投票的回执码。',
  },
  unknown_option: {
    en: 'Option {option} is not an option of this consultation.',
    vi: 'Phương án {option} không thuộc cuộc lấy ý kiến này.',
    zh: '选项 {option} 不属于本次征求意见。',
  },
  vote_code_invalid: {
    en: 'The code is wrong or has expired. Ask for a new one.',
    vi: 'Mã không đúng hoặc đã hết hạn. Hãy yêu cầu mã mới.',
    zh: '验证码错误或已过期，请重新获取。',
  },
  vote_codes_too_many: {
    en: 'Too many codes were asked for this voter. Try again in {minutes} minutes.',
    vi: 'Đã yêu cầu quá nhiều mã cho cử tri này. Hãy thử lại sau {minutes} phút.',
    zh: '该投票人获取验证码过于频繁，请 {minutes} 分钟后再试。',
  },
  electorate_csv: {
    en: 'The electorate file has a problem on line {line}: {reason}',
    vi: 'Tệp danh sách cử tri có lỗi ở dòng {line}: {reason}',
    zh: '投票人名单文件第 {line} 行有误：{reason}',
  },
  proposed_at_out_of_range: {
    en: 'A proposal\'s date ({at}) lies between 1900 and now.',
    vi: 'Ngày đề xuất ({at}) phải nằm trong khoảng từ năm 1900 đến nay.',
    zh: '提议日期（{at}）须在 1900 年至今之间。',
  },
  consultation_closes_in_past: {
    en: 'The closing time must lie in the future.',
    vi: 'Thời điểm kết thúc phải ở tương lai.',
    zh: '截止时间必须晚于现在。',
  },
});
