import { defineMessages } from '../../platform/i18n.ts';

export const petitionMessages = defineMessages({
  answer_awaiting_approval: {
    en: 'An answer to this petition is waiting for the leader\'s approval; it can be answered again once the leader returns it.',
    vi: 'Câu trả lời cho phản ánh này đang chờ lãnh đạo phê duyệt; chỉ trả lời lại được khi lãnh đạo trả về.',
    zh: '该诉求的答复正在等待领导审批；领导退回后才能重新答复。',
  },
  no_answer_awaiting_approval: {
    en: 'No answer to this petition is waiting for approval.',
    vi: 'Không có câu trả lời nào của phản ánh này đang chờ phê duyệt.',
    zh: '该诉求没有待审批的答复。',
  },
  petition_handed_over: {
    en: 'The petition is now in the hands of a unit outside yours and no longer visible to you.',
    vi: 'Phản ánh nay do một đơn vị ngoài phạm vi của bạn xử lý, bạn không còn xem được.',
    zh: '该诉求现由您管辖范围以外的单位办理，您已无法查看。',
  },
  routing_needs_choice: {
    en: 'Give a category, an agency or both.',
    vi: 'Hãy chọn lĩnh vực, cơ quan hoặc cả hai.',
    zh: '请选择类别、部门或两者。',
  },
  routing_closed_case: {
    en: 'The case is {status}: only an open case is routed.',
    vi: 'Vụ việc đang ở trạng thái {status}: chỉ vụ việc chưa giải quyết mới được phân loại, chuyển cơ quan.',
    zh: '该案件状态为 {status}：只有未办结的案件才能分类分派。',
  },
  unknown_agency: {
    en: 'There is no agency {id} in this unit or the units around it.',
    vi: 'Không có cơ quan {id} thuộc đơn vị này hoặc các đơn vị liên quan.',
    zh: '本行政区划及其上下级中没有编号为 {id} 的部门。',
  },
  channel_officials_only: {
    en: 'Only an official may record a petition from the channel "{channel}"; residents write through the web.',
    vi: 'Chỉ cán bộ mới được ghi nhận phản ánh từ kênh "{channel}"; người dân gửi qua trang web.',
    zh: '只有干部才能登记来自"{channel}"渠道的诉求；群众请通过网站提交。',
  },
  identity_required: {
    en: 'A petition of the kind "{kind}" needs the name of the person and a phone number, e-mail or address; it cannot be anonymous.',
    vi: 'Phản ánh loại "{kind}" cần có họ tên người gửi và số điện thoại, e-mail hoặc địa chỉ; không được gửi ẩn danh.',
    zh: '"{kind}"类诉求须提供本人姓名及电话、电子邮件或地址，不能匿名提交。',
  },
  anonymous_with_identity: {
    en: 'An anonymous petition keeps no personal data: leave out "resident", or set "anonymous" to false.',
    vi: 'Phản ánh ẩn danh không lưu thông tin cá nhân: hãy bỏ phần "resident" hoặc đặt "anonymous" là false.',
    zh: '匿名诉求不保存个人信息：请去掉"resident"，或将"anonymous"设为 false。',
  },
  reported_official_only_conduct: {
    en: '"reportedOfficial" belongs only to a conduct report.',
    vi: '"reportedOfficial" chỉ dùng cho phản ánh về thái độ, hành vi của cán bộ.',
    zh: '"reportedOfficial"只用于干部作风举报。',
  },
  answer_now_officials_only: {
    en: 'Only an official receiving the petition at the unit may answer it on the spot.',
    vi: 'Chỉ cán bộ tiếp nhận tại đơn vị mới được trả lời ngay tại chỗ.',
    zh: '只有在本单位受理的干部才能当场答复。',
  },
  not_answerable_on_the_spot: {
    en: 'A petition of the kind "{kind}" cannot be answered on the spot: accept it and assign it with the five clear items first.',
    vi: 'Phản ánh loại "{kind}" không thể trả lời ngay tại chỗ: cần tiếp nhận và giao xử lý với đủ "5 rõ" trước.',
    zh: '"{kind}"类诉求不能当场答复：请先受理，并按"五个明确"交办。',
  },
  invalid_phone: {
    en: '"{phone}" is not a valid phone number.',
    vi: '"{phone}" không phải số điện thoại hợp lệ.',
    zh: '"{phone}"不是有效的电话号码。',
  },
  invalid_location: {
    en: 'A location needs both "lat" and "lng" (or only an address).',
    vi: 'Vị trí cần có cả "lat" và "lng" (hoặc chỉ địa chỉ).',
    zh: '位置须同时提供"lat"和"lng"（或只提供地址）。',
  },
  transition_not_allowed: {
    en: 'A petition that is "{status}" cannot take the action "{action}"; it can from: {allowed}.',
    vi: 'Phản ánh đang ở trạng thái "{status}" nên không thể thực hiện "{action}"; chỉ thực hiện được khi ở: {allowed}.',
    zh: '诉求当前状态为"{status}"，不能执行"{action}"；仅在以下状态可执行：{allowed}。',
  },
  field_required: {
    en: 'The action "{action}" needs "{field}".',
    vi: 'Thao tác "{action}" cần có "{field}".',
    zh: '操作"{action}"需要提供"{field}"。',
  },
  field_not_allowed: {
    en: 'The action "{action}" does not take "{field}".',
    vi: 'Thao tác "{action}" không nhận trường "{field}".',
    zh: '操作"{action}"不接受"{field}"字段。',
  },
  missing_clear_items: {
    en: 'Assigning needs the five clear items (content, handler, responsible leader, due time, expected result); missing: {missing}.',
    vi: 'Giao việc cần đủ "5 rõ" (rõ nội dung, rõ người xử lý, rõ lãnh đạo phụ trách, rõ thời hạn, rõ kết quả); còn thiếu: {missing}.',
    zh: '交办须"五个明确"（内容、承办人、责任领导、完成时限、工作成果）；缺少：{missing}。',
  },
  handler_not_eligible: {
    en: 'Official {id} does not work in this unit and cannot handle the petition.',
    vi: 'Cán bộ {id} không công tác tại đơn vị này nên không thể xử lý phản ánh.',
    zh: '干部 {id} 不在本单位任职，不能承办此诉求。',
  },
  leader_not_eligible: {
    en: 'Official {id} is not a leader of this unit or a unit above it.',
    vi: 'Cán bộ {id} không phải lãnh đạo của đơn vị này hoặc đơn vị cấp trên.',
    zh: '干部 {id} 不是本单位或上级单位的领导。',
  },
  conduct_report_within_reach: {
    en: 'This conduct report is about an official who can change your account (your roles, your access). You may not act on it: it is for their supervisors.',
    vi: 'Phản ánh này nói về một cán bộ có quyền thay đổi tài khoản của bạn (vai trò, quyền truy cập). Bạn không được xử lý phản ánh này: việc đó thuộc cấp trên của cán bộ đó.',
    zh: '此举报涉及的干部可以更改您的账号（角色、访问权限）。您不能处理此举报，应由其上级处理。',
  },
  chosen_within_reported_reach: {
    en: '{name} works under the official this conduct report is about (that official can change their account). Choose someone outside their reach.',
    vi: '{name} làm việc dưới quyền cán bộ bị phản ánh (cán bộ đó có quyền thay đổi tài khoản của người này). Hãy chọn người ngoài phạm vi quyền của cán bộ đó.',
    zh: '{name} 在被举报干部的管理之下（该干部可以更改其账号）。请选择不受其管理的人员。',
  },
  transfer_within_reported_reach: {
    en: 'A conduct report cannot be transferred to a unit whose officials the reported official manages.',
    vi: 'Không được chuyển phản ánh về cán bộ đến đơn vị mà cán bộ bị phản ánh đang quản lý.',
    zh: '不能将举报转交给被举报干部所管理的单位。',
  },
  reported_official_cannot_handle: {
    en: 'The official a conduct report is about cannot handle it or be responsible for it.',
    vi: 'Cán bộ bị phản ánh không được xử lý hoặc phụ trách chính phản ánh đó.',
    zh: '被举报的干部不能承办或负责该举报。',
  },
  due_in_past: {
    en: 'The due time must be in the future.',
    vi: 'Thời hạn phải ở thời điểm trong tương lai.',
    zh: '期限必须晚于当前时间。',
  },
  due_beyond_policy: {
    en: 'The due time {dueAt} is later than the current due time {current}; only a leader may extend it.',
    vi: 'Thời hạn {dueAt} muộn hơn thời hạn hiện tại {current}; chỉ lãnh đạo mới được gia hạn.',
    zh: '期限 {dueAt} 晚于当前期限 {current}；只有领导才能延期。',
  },
  extension_not_later: {
    en: 'An extension must move the due time later than {current}.',
    vi: 'Gia hạn phải lùi thời hạn sau {current}.',
    zh: '延期后的期限必须晚于 {current}。',
  },
  extension_limit: {
    en: 'A petition of the kind "{kind}" may be extended at most {max} times; it has been extended {count} times.',
    vi: 'Phản ánh loại "{kind}" chỉ được gia hạn tối đa {max} lần; đã gia hạn {count} lần.',
    zh: '"{kind}"类诉求最多可延期 {max} 次；已延期 {count} 次。',
  },
  extension_too_long: {
    en: 'One extension of a petition of the kind "{kind}" may add at most {days} days: the latest allowed due time is {latest}.',
    vi: 'Mỗi lần gia hạn phản ánh loại "{kind}" không quá {days} ngày: thời hạn muộn nhất là {latest}.',
    zh: '"{kind}"类诉求每次延期不得超过 {days} 天：最晚期限为 {latest}。',
  },
  no_parent_unit: {
    en: 'This unit has no unit above it to escalate to.',
    vi: 'Đơn vị này không có cấp trên để chuyển lên.',
    zh: '本单位没有可上报的上级单位。',
  },
  transfer_target_required: {
    en: 'A transfer needs "toUnit" or "toAgency" (one of them).',
    vi: 'Chuyển xử lý cần "toUnit" hoặc "toAgency" (một trong hai).',
    zh: '转办须提供"toUnit"或"toAgency"（二者选一）。',
  },
  transfer_to_same_place: {
    en: 'The petition is already there.',
    vi: 'Phản ánh đang ở chính nơi này.',
    zh: '诉求已在该处。',
  },
  merge_into_self: {
    en: 'A petition cannot be merged into itself.',
    vi: 'Không thể gộp phản ánh vào chính nó.',
    zh: '诉求不能合并到自身。',
  },
  merge_target_closed: {
    en: 'Petition {id} is {status} and cannot take in other petitions.',
    vi: 'Phản ánh {id} đang ở trạng thái "{status}" nên không thể gộp thêm phản ánh khác.',
    zh: '诉求 {id} 当前状态为"{status}"，不能并入其他诉求。',
  },
  merge_target_unit: {
    en: 'Petitions can be merged only within one unit; petition {id} is at another unit.',
    vi: 'Chỉ gộp được các phản ánh trong cùng một đơn vị; phản ánh {id} thuộc đơn vị khác.',
    zh: '只能合并同一单位的诉求；诉求 {id} 属于其他单位。',
  },
  merge_protected_kind: {
    en: 'A denunciation or a conduct report can be merged only with a petition of the same kind (a conduct report: about the same official); petition {id} is not one.',
    vi: 'Đơn tố cáo hoặc phản ánh về cán bộ chỉ gộp được với phản ánh cùng loại (phản ánh về cán bộ: về cùng một cán bộ); phản ánh {id} không phải vậy.',
    zh: '检举或干部作风举报只能与同类诉求合并（作风举报：须针对同一干部）；诉求 {id} 不符合。',
  },
  invalid_access_key: {
    en: 'The access key does not match this tracking code.',
    vi: 'Mã truy cập không khớp với mã tra cứu này.',
    zh: '访问码与此查询码不匹配。',
  },
  access_key_attempts: {
    en: 'This petition has had {count} wrong access keys in {hours} hours: try again tomorrow, or ask the office that handles it.',
    vi: 'Phản ánh này đã bị nhập sai mã truy cập {count} lần trong {hours} giờ: hãy thử lại vào ngày mai, hoặc liên hệ cơ quan đang xử lý.',
    zh: '此诉求在 {hours} 小时内已有 {count} 次访问码错误：请明天再试，或联系承办单位。',
  },
  not_answered_yet: {
    en: 'There is no answer to rate yet.',
    vi: 'Chưa có câu trả lời để đánh giá.',
    zh: '尚无可评价的答复。',
  },
  consent_not_for_kind: {
    en: 'A petition of this kind ({kind}) is never published.',
    vi: 'Loại phản ánh này ({kind}) không bao giờ được công khai.',
    zh: '此类诉求（{kind}）不予公开。',
  },
  already_rated: {
    en: 'You have already rated this answer.',
    vi: 'Bạn đã đánh giá câu trả lời này.',
    zh: '您已评价过此答复。',
  },
  reopen_needs_unsatisfied: {
    en: 'Only an unsatisfied rating can send the case back.',
    vi: 'Chỉ khi không hài lòng mới được yêu cầu xử lý lại.',
    zh: '只有"不满意"的评价才能要求重办。',
  },
  reopen_used: {
    en: 'This case has already been reopened once; it cannot be reopened again by a rating.',
    vi: 'Vụ việc đã được mở lại một lần; không thể mở lại thêm bằng đánh giá.',
    zh: '此事项已重办过一次，不能再通过评价要求重办。',
  },
  reopen_window_closed: {
    en: 'The answer can be sent back within {days} days of it; that time ended at {until}.',
    vi: 'Chỉ được yêu cầu xử lý lại trong {days} ngày kể từ khi trả lời; thời hạn đó đã hết lúc {until}.',
    zh: '答复后 {days} 天内可要求重办；该期限已于 {until} 结束。',
  },
  invalid_filter: {
    en: '"{value}" is not a valid {field}; use one of: {allowed}.',
    vi: '"{value}" không phải giá trị hợp lệ của {field}; hãy dùng một trong: {allowed}.',
    zh: '"{value}"不是有效的{field}；可用值：{allowed}。',
  },
  invalid_date: {
    en: '"{field}" must be a date (YYYY-MM-DD) or a date and time (ISO 8601).',
    vi: '"{field}" phải là ngày (YYYY-MM-DD) hoặc ngày giờ (ISO 8601).',
    zh: '"{field}"必须是日期（YYYY-MM-DD）或日期时间（ISO 8601）。',
  },
  attachment_limit: {
    en: 'A petition may have at most {max} attachments.',
    vi: 'Mỗi phản ánh có tối đa {max} tệp đính kèm.',
    zh: '每件诉求最多 {max} 个附件。',
  },
  attachment_quota_petition: {
    en: 'The files of a petition may take at most {megabytes} MB together.',
    vi: 'Tổng dung lượng tệp đính kèm của một phản ánh tối đa {megabytes} MB.',
    zh: '每件诉求的附件总大小不得超过 {megabytes} MB。',
  },
  attachment_quota_resident: {
    en: 'The files you have attached take up your {megabytes} MB of storage.',
    vi: 'Các tệp bạn đã đính kèm đã dùng hết {megabytes} MB dung lượng của bạn.',
    zh: '您已附加的文件已用完您的 {megabytes} MB 存储空间。',
  },
  attachment_closed: {
    en: 'Files can no longer be attached: the resident may attach them until the petition is accepted or rejected.',
    vi: 'Không thể đính kèm thêm: người dân chỉ đính kèm được trước khi phản ánh được tiếp nhận hoặc từ chối.',
    zh: '已不能再添加附件：群众只能在诉求受理或不予受理前添加附件。',
  },
  policy_scope: {
    en: 'Only an administrator of the whole deployment may change the default policy.',
    vi: 'Chỉ quản trị viên toàn hệ thống mới được thay đổi quy định mặc định.',
    zh: '只有全系统管理员才能修改默认规则。',
  },
  policy_unit_or_country: {
    en: 'A policy belongs to a unit or is a country\'s default: give "unit" or "country", not both.',
    vi: 'Một quy định thuộc về một đơn vị hoặc là mặc định của một quốc gia: chỉ ghi "unit" hoặc "country", không ghi cả hai.',
    zh: '规则属于某一行政区划，或是某国的默认规则："unit"与"country"只能填写其一。',
  },
  policy_re_review_needs_review: {
    en: 'A re-review follows a review: set "reviewDays" too, or leave out "reReviewDays".',
    vi: 'Phúc tra chỉ có sau khi đã xem xét lại: hãy đặt cả "reviewDays", hoặc bỏ "reReviewDays".',
    zh: '复核须在复查之后：请同时设置"reviewDays"，或去掉"reReviewDays"。',
  },
  review_not_provided: {
    en: 'The rules in force at this unit provide no {stage} for a petition of the kind "{kind}".',
    vi: 'Quy định đang áp dụng tại đơn vị này không có bước {stage} cho phản ánh loại "{kind}".',
    zh: '本行政区划现行规则对"{kind}"类诉求没有{stage}程序。',
  },
  review_out_of_order: {
    en: 'A {stage} is asked for after {needed}: this petition is at the step "{current}".',
    vi: 'Chỉ được yêu cầu {stage} sau {needed}: phản ánh này đang ở bước "{current}".',
    zh: '{stage}须在{needed}之后提出：本诉求目前处于"{current}"阶段。',
  },
  review_too_late: {
    en: 'A {stage} must be asked for within {days} days of the answer (by {latest}).',
    vi: 'Phải yêu cầu {stage} trong vòng {days} ngày kể từ khi nhận trả lời (trước {latest}).',
    zh: '{stage}须在收到答复之日起 {days} 日内提出（截至 {latest}）。',
  },
  policy_default_required: {
    en: 'The deployment default of a kind cannot be removed, only changed.',
    vi: 'Không thể xóa quy định mặc định của một loại, chỉ có thể sửa.',
    zh: '某类诉求的默认规则不能删除，只能修改。',
  },
});
