import { defineMessages } from '../../platform/i18n.ts';

export const directoryMessages = defineMessages({
  photo_type: {
    en: 'A photo in the staff directory must be a JPEG, PNG or WebP image; this file is {type}.',
    vi: 'Ảnh trong danh bạ cán bộ phải là ảnh JPEG, PNG hoặc WebP; tệp này là {type}.',
    zh: '干部名录中的照片必须是 JPEG、PNG 或 WebP 图片；此文件为 {type}。',
  },
  photo_too_large: {
    en: 'A photo in the staff directory may be at most {megabytes} MB.',
    vi: 'Ảnh trong danh bạ cán bộ tối đa {megabytes} MB.',
    zh: '干部名录中的照片不得超过 {megabytes} MB。',
  },
});
