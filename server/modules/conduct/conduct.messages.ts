import { defineMessages } from '../../platform/i18n.ts';

export const conductMessages = defineMessages({
  norm_set_exists: {
    en: 'This unit already has a norm set "{key}"; edit it to make a new version.',
    vi: 'Đơn vị đã có bộ quy tắc "{key}"; hãy sửa bộ đó để tạo phiên bản mới.',
    zh: '该单位已有规范集“{key}”；请编辑它以生成新版本。',
  },
  norm_code_repeated: {
    en: 'Each norm of a set needs its own code; "{code}" is given twice.',
    vi: 'Mỗi quy tắc trong bộ cần một mã riêng; mã "{code}" bị lặp.',
    zh: '同一规范集中每条规范的代码须唯一；“{code}”重复。',
  },
  norm_not_in_force: {
    en: 'Norm {id} is not part of a code of conduct in force at this unit.',
    vi: 'Quy tắc {id} không thuộc bộ quy tắc ứng xử đang áp dụng tại đơn vị này.',
    zh: '规范 {id} 不属于该单位现行的行为规范。',
  },
  norms_only_conduct: {
    en: '"norms" belongs only to a conduct report.',
    vi: '"norms" chỉ dùng cho phản ánh về thái độ, hành vi của cán bộ.',
    zh: '"norms"只用于干部作风举报。',
  },
  enrolment_code_invalid: {
    en: 'This enrolment code is not valid or has expired. Ask an administrator for a new one.',
    vi: 'Mã đăng ký thiết bị không đúng hoặc đã hết hạn. Hãy đề nghị quản trị viên cấp mã mới.',
    zh: '设备登记码无效或已过期。请向管理员索取新码。',
  },
  device_not_enrolled: {
    en: 'This device is not enrolled as a rating kiosk.',
    vi: 'Thiết bị này chưa được đăng ký làm máy đánh giá.',
    zh: '此设备尚未登记为评价终端。',
  },
  rating_flood: {
    en: 'Thank you: this device has just given a rating. Please wait {seconds} seconds before the next one.',
    vi: 'Xin cảm ơn: thiết bị vừa ghi nhận một đánh giá. Vui lòng đợi {seconds} giây trước khi đánh giá tiếp.',
    zh: '谢谢：本设备刚刚提交过评价。请等待 {seconds} 秒后再评价。',
  },
  rating_link_invalid: {
    en: 'This rating link is not valid. Scan the code at the counter again.',
    vi: 'Đường dẫn đánh giá không hợp lệ. Hãy quét lại mã tại quầy.',
    zh: '评价链接无效。请重新扫描柜台上的二维码。',
  },
  official_not_at_service_point: {
    en: 'That official is not in the staff directory of this service point’s unit.',
    vi: 'Cán bộ này không có trong danh bạ cán bộ của đơn vị có điểm phục vụ này.',
    zh: '该干部不在此服务点所属单位的干部名录中。',
  },
  not_a_conduct_report: {
    en: 'Petition {id} is not a conduct report about an official.',
    vi: 'Phản ánh {id} không phải là phản ánh về thái độ, hành vi của cán bộ.',
    zh: '诉求 {id} 不是针对干部作风的举报。',
  },
  finding_exists: {
    en: 'The finding on this conduct report is already recorded.',
    vi: 'Kết luận về phản ánh này đã được ghi nhận.',
    zh: '该举报的结论已经记录。',
  },
  finding_not_leader: {
    en: 'Only the responsible leader of this case records its finding.',
    vi: 'Chỉ lãnh đạo phụ trách vụ việc mới được ghi kết luận.',
    zh: '只有该案件的责任领导才能记录结论。',
  },
  rating_booking_unknown: {
    en: 'We found no booking with this code. Check the code on your booking slip.',
    vi: 'Không tìm thấy đăng ký nào với mã này. Vui lòng kiểm tra mã trên phiếu đăng ký.',
    zh: '未找到使用此确认码的预约。请核对预约单上的确认码。',
  },
  gathering_already_rated: {
    en: 'This booking has already rated the gathering. Thank you for your rating.',
    vi: 'Đăng ký này đã được dùng để đánh giá buổi làm việc. Cảm ơn bạn đã đánh giá.',
    zh: '此预约已评价过本次活动。感谢您的评价。',
  },
  gathering_not_held: {
    en: 'You can rate this gathering once it has been held.',
    vi: 'Bạn có thể đánh giá sau khi buổi này đã diễn ra.',
    zh: '活动举行之后才能评价。',
  },
  gathering_not_rated: {
    en: 'Residents do not rate gatherings of this kind.',
    vi: 'Loại buổi làm việc này không nhận đánh giá của người dân.',
    zh: '此类活动不接受居民评价。',
  },
});
