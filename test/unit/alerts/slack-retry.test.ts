// The Slack adapter's retry arithmetic without a network: Retry-After parsing and bounded, jittered backoff.
import { describe, expect, it } from 'vitest';
import { SlackWebhookChat, retryAfterSeconds } from '../../../shared/delivery/chat/slack-webhook.chat.js';

describe('retryAfterSeconds', () => {
  it('reads delta-seconds and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.parse('2026-11-26T20:00:00Z');
    expect(retryAfterSeconds('30', now)).toBe(30);
    expect(retryAfterSeconds(' 0 ', now)).toBe(0);
    expect(retryAfterSeconds('Thu, 26 Nov 2026 20:00:45 GMT', now)).toBe(45);
    expect(retryAfterSeconds('Thu, 26 Nov 2026 19:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
  });
});

describe('SlackWebhookChat.backoffMs', () => {
  it('doubles from the base, stays within [step/2, step], and is capped', () => {
    const low = new SlackWebhookChat('http://127.0.0.1:9/hook', { baseDelayMs: 1000, maxDelayMs: 5000, random: () => 0 });
    const high = new SlackWebhookChat('http://127.0.0.1:9/hook', { baseDelayMs: 1000, maxDelayMs: 5000, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5].map((n) => low.backoffMs(n))).toEqual([500, 1000, 2000, 2500, 2500]);
    expect([1, 2, 3, 4, 5].map((n) => high.backoffMs(n))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
