import { defineMessages } from '../../platform/i18n.ts';

export const knowledgeMessages = defineMessages({
  subscription_needs_subject: {
    en: 'Choose a unit, a topic or both to follow.',
    vi: 'Hãy chọn đơn vị, lĩnh vực hoặc cả hai để theo dõi.',
    zh: '请选择要关注的地区、类别或两者。',
  },
  subscription_bad_phone: {
    en: 'This is not a mobile number messages can be sent to.',
    vi: 'Số điện thoại này không nhận được tin nhắn.',
    zh: '该号码无法接收短信。',
  },
  subscription_bad_email: {
    en: 'This is not an e-mail address.',
    vi: 'Địa chỉ e-mail không hợp lệ.',
    zh: '电子邮件地址无效。',
  },
  petition_not_publishable: {
    en: 'This petition cannot be published: its resident has not agreed, or its kind is never published.',
    vi: 'Không thể công khai phản ánh này: người dân chưa đồng ý, hoặc loại phản ánh này không được công khai.',
    zh: '该诉求不能公开：群众未同意，或此类诉求不予公开。',
  },
  article_needs_petition: {
    en: 'A published answer names the petition it comes from ("petition").',
    vi: 'Bài trả lời công khai phải ghi phản ánh gốc ("petition").',
    zh: '公开答复须注明来源诉求（"petition"）。',
  },
  article_needs_unit: {
    en: 'Say which unit the article is for ("unit").',
    vi: 'Hãy chọn đơn vị của bài viết ("unit").',
    zh: '请指定知识所属的单位（"unit"）。',
  },
  article_dates: {
    en: 'The article cannot stop being valid before it starts.',
    vi: 'Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực.',
    zh: '失效日期不能早于生效日期。',
  },
  article_language_twice: {
    en: 'The article has two texts in the same language ({language}).',
    vi: 'Bài viết có hai bản cùng ngôn ngữ ({language}).',
    zh: '同一语言（{language}）的文本出现了两次。',
  },
  unknown_service_point: {
    en: 'There is no service point {id}.',
    vi: 'Không có điểm phục vụ {id}.',
    zh: '没有编号为 {id} 的服务点。',
  },
  article_withdrawn: {
    en: 'This article has been withdrawn.',
    vi: 'Bài viết này đã bị gỡ.',
    zh: '该知识已撤下。',
  },
  article_not_draft: {
    en: 'Only a draft can be sent for review.',
    vi: 'Chỉ bản nháp mới gửi duyệt được.',
    zh: '只有草稿才能提交审核。',
  },
  article_not_in_review: {
    en: 'This article is not waiting for review.',
    vi: 'Bài viết này không ở trạng thái chờ duyệt.',
    zh: '该知识不在待审核状态。',
  },
  article_own_review: {
    en: 'Another official must review what you wrote.',
    vi: 'Bài bạn viết phải do cán bộ khác duyệt.',
    zh: '您撰写的内容须由其他干部审核。',
  },
  article_personal_data: {
    en: 'The article still contains personal data of the petition it comes from: remove it and send it for review again.',
    vi: 'Bài viết vẫn còn thông tin cá nhân của người gửi phản ánh: hãy xóa và gửi duyệt lại.',
    zh: '该知识仍含有来源诉求的个人信息：请删除后重新提交审核。',
  },
  article_needs_texts: {
    en: 'A revision gives the new texts ("texts").',
    vi: 'Bản sửa phải có nội dung mới ("texts").',
    zh: '修改须提供新的文本（"texts"）。',
  },
  article_needs_reason: {
    en: 'Say why ("reason").',
    vi: 'Hãy nêu lý do ("reason").',
    zh: '请说明理由（"reason"）。',
  },
});
