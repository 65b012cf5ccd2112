/** Notifications: outbox (e-mail, SMS), templates, in-app notices for officials, delivery. */
export { enqueueNotification, type NotificationInput, type NotificationChannel } from './outbox.ts';
export {
  defineTemplates,
  renderTemplate,
  hasTemplate,
  templateParams,
  TemplateError,
  type TemplateDefinition,
  type Templates,
  type RenderedMessage,
} from './templates.ts';
export { notifyOfficial, notifyOfficials, type NoticeInput, type NoticeSubject } from './notices.ts';
export { deliverDueNotifications, deliveryBackoffMs, maxDeliveryAttempts, type DeliveryResult } from './delivery.ts';
export { consoleTransportNotice, createTransports, PermanentDeliveryError, type Transport, type Transports, type OutgoingMessage } from './transports.ts';
export { registerAttachmentSource, attachmentParams, type Attachment, type AttachmentRef } from './attachments.ts';
