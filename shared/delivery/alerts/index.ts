// Alerts: rules, Block Kit messages, burst grouping and exactly-once sending, plus the chat adapters they post through.
export * from './alert-rules.js';
export * from './blocks.js';
export * from './burst.js';
export * from './send-alerts.js';
export { SlackWebhookChat, retryAfterSeconds, type SlackWebhookOptions } from '../chat/slack-webhook.chat.js';
export { FileChat, ALERTS_FILE, type AlertLine } from '../chat/file.chat.js';
export { ChatError, ChatRejectedError, ChatUnavailableError } from '../chat/errors.js';
