import { defineMessages } from '../../platform/i18n.ts';

export const webhookMessages = defineMessages({
  webhook_unknown_event: {
    en: 'There is no event {event}. The events are: {events}.',
    vi: 'Không có sự kiện {event}. Các sự kiện là: {events}.',
    zh: '没有事件 {event}。可用事件：{events}。',
  },
  webhook_invalid_url: {
    en: 'The address must be an http or https URL without a user name or password.',
    vi: 'Địa chỉ phải là URL http hoặc https, không chứa tên đăng nhập hay mật khẩu.',
    zh: '地址必须是不含用户名或密码的 http 或 https URL。',
  },
  webhook_already_disabled: {
    en: 'This subscription was already stopped.',
    vi: 'Đăng ký này đã bị dừng trước đó.',
    zh: '该订阅已停止。',
  },
});
