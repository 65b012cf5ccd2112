import { defineMessages } from '../../platform/i18n.ts';

export const backupMessages = defineMessages({
  backups_not_configured: {
    en: 'Backups have no folder on this server: set ZD_BACKUP_DIR and restart it.',
    vi: 'Máy chủ này chưa có thư mục sao lưu: hãy đặt ZD_BACKUP_DIR rồi khởi động lại.',
    zh: '此服务器未设置备份目录：请设置 ZD_BACKUP_DIR 后重新启动。',
  },
  backup_exists: {
    en: 'A backup was taken this very second. Please try again in a moment.',
    vi: 'Vừa có một bản sao lưu được tạo trong giây này. Vui lòng thử lại sau giây lát.',
    zh: '此刻刚刚完成了一次备份。请稍后再试。',
  },
});
