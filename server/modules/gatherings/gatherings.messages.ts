import { defineMessages } from '../../platform/i18n.ts';

export const gatheringMessages = defineMessages({
  gathering_invalid_time: {
    en: 'A gathering must end after it starts, on a real day and time.',
    vi: 'Buổi gặp phải kết thúc sau khi bắt đầu, vào ngày giờ có thật.',
    zh: '活动的结束时间必须晚于开始时间，且为有效的日期和时间。',
  },
  unknown_host: {
    en: 'The host must be an official: there is none with id {id}.',
    vi: 'Người chủ trì phải là cán bộ: không có cán bộ mã {id}.',
    zh: '主持人必须是干部：没有编号为 {id} 的干部。',
  },
  host_busy: {
    en: 'The host already has a gathering at that time (it starts {at}).',
    vi: 'Người chủ trì đã có buổi khác vào thời gian này (bắt đầu {at}).',
    zh: '主持人在该时间已有其他活动（开始于 {at}）。',
  },
  gathering_state: {
    en: 'The gathering is {state}: it cannot be {action} now.',
    vi: 'Buổi gặp đang ở trạng thái {state}: không thể thực hiện "{action}" lúc này.',
    zh: '该活动当前状态为 {state}，现在不能执行“{action}”。',
  },
  reason_required: {
    en: 'Say why the gathering is cancelled.',
    vi: 'Hãy nêu lý do hủy buổi gặp.',
    zh: '请说明取消活动的原因。',
  },
  summary_required: {
    en: 'A published gathering needs a public summary.',
    vi: 'Cần có bản tóm tắt công khai trước khi công bố.',
    zh: '公开活动前需要填写公开摘要。',
  },
  gathering_not_running: {
    en: 'The gathering is {state}: entries are taken while it is open or just closed.',
    vi: 'Buổi gặp đang ở trạng thái {state}: chỉ ghi nhận khi buổi gặp đang diễn ra hoặc vừa kết thúc.',
    zh: '该活动当前状态为 {state}：只有在进行中或刚结束时才能记录。',
  },
  entry_key_reused: {
    en: 'This idempotency key was already used for another entry.',
    vi: 'Khóa chống trùng này đã được dùng cho một mục khác.',
    zh: '此幂等键已被其他记录使用。',
  },
  gathering_full: {
    en: 'The gathering is fully booked ({capacity} places).',
    vi: 'Buổi gặp đã hết chỗ ({capacity} chỗ).',
    zh: '该活动名额已满（{capacity} 个）。',
  },
  gathering_past: {
    en: 'The gathering has already begun or taken place: it takes no bookings or questions.',
    vi: 'Buổi gặp đã bắt đầu hoặc đã diễn ra: không nhận đăng ký hay câu hỏi nữa.',
    zh: '该活动已开始或已结束，不再接受预约或提问。',
  },
  gathering_cancelled: {
    en: 'The gathering was cancelled: {reason}',
    vi: 'Buổi gặp đã bị hủy: {reason}',
    zh: '该活动已取消：{reason}',
  },
  already_booked: {
    en: 'This phone number already has a place at this gathering.',
    vi: 'Số điện thoại này đã đăng ký buổi gặp này.',
    zh: '该电话号码已预约本次活动。',
  },
  invalid_rrule: {
    en: 'The recurrence rule is not an RFC 5545 RRULE this server takes (daily, weekly, monthly or yearly; without DTSTART, UNTIL or COUNT).',
    vi: 'Quy tắc lặp lại không hợp lệ (RRULE theo RFC 5545: hằng ngày, tuần, tháng hoặc năm; không kèm DTSTART, UNTIL, COUNT).',
    zh: '重复规则无效（须为 RFC 5545 RRULE：每日、每周、每月或每年；不含 DTSTART、UNTIL、COUNT）。',
  },
  series_empty: {
    en: 'The series has no day between {from} and {to}.',
    vi: 'Chuỗi buổi gặp không có ngày nào từ {from} đến {to}.',
    zh: '该系列在 {from} 至 {to} 之间没有任何日期。',
  },
  series_too_long: {
    en: 'A series may have at most {max} gatherings; shorten it.',
    vi: 'Một chuỗi có tối đa {max} buổi; hãy rút ngắn.',
    zh: '一个系列最多 {max} 次活动，请缩短。',
  },
  record_petition_not_linked: {
    en: 'The petition of a record must be one raised at this gathering.',
    vi: 'Phản ánh gắn với biên bản phải là phản ánh nêu tại buổi gặp này.',
    zh: '记录所关联的诉求必须是在本次活动中提出的。',
  },
  record_not_for_kind: {
    en: 'The "three sides, one word" record is kept at reception and working sessions.',
    vi: 'Biên bản "ba bên một lời" chỉ dùng cho buổi tiếp công dân và buổi làm việc.',
    zh: '“三方一言”记录只用于接待日和工作会。',
  },
  record_done: {
    en: 'This follow-up is already done.',
    vi: 'Việc này đã hoàn thành.',
    zh: '该事项已完成。',
  },
  invalid_period: {
    en: 'The period must run forwards: {from} to {to}.',
    vi: 'Khoảng thời gian không hợp lệ: {from} đến {to}.',
    zh: '时间段无效：{from} 至 {to}。',
  },
  booking_not_found: {
    en: 'No booking with this code and phone number.',
    vi: 'Không có đăng ký nào với mã và số điện thoại này.',
    zh: '没有与该确认码和电话号码相符的预约。',
  },
  minutes_files_closed: {
    en: 'The gathering is {state}: files are attached to the minutes once it has closed.',
    vi: 'Buổi gặp đang ở trạng thái {state}: chỉ đính kèm tệp vào biên bản sau khi buổi gặp kết thúc.',
    zh: '该活动当前状态为 {state}：活动结束后才能为纪要附加文件。',
  },
  minutes_files_limit: {
    en: 'The minutes of a gathering may have at most {max} files.',
    vi: 'Biên bản một buổi gặp có tối đa {max} tệp đính kèm.',
    zh: '每次活动的纪要最多 {max} 个附件。',
  },
  minutes_files_quota: {
    en: 'The files of a gathering\'s minutes may take at most {megabytes} MB together.',
    vi: 'Tổng dung lượng tệp đính kèm biên bản của một buổi gặp tối đa {megabytes} MB.',
    zh: '每次活动纪要的附件总大小不得超过 {megabytes} MB。',
  },
  series_day_taken: {
    en: '{day} is already left out of this series.',
    vi: 'Ngày {day} đã được loại khỏi chuỗi này.',
    zh: '{day} 已从该系列中排除。',
  },
  series_day_not_planned: {
    en: 'The series has no planned gathering on {day} to move.',
    vi: 'Chuỗi không có buổi gặp nào đã lên lịch vào ngày {day} để dời.',
    zh: '该系列在 {day} 没有可改期的已安排活动。',
  },
  series_move_same_day: {
    en: 'Move the gathering to another day than {day}.',
    vi: 'Hãy dời buổi gặp sang một ngày khác ngày {day}.',
    zh: '请将活动改到 {day} 以外的日期。',
  },
});
