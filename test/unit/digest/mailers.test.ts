// Mail adapters without a network: the composed MIME keeps the inline chart, and SES gets it as Content.Raw.
import { describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { simpleParser } from 'mailparser';
import { composeMime } from '../../../shared/delivery/mail/compose.js';
import { SesMailer } from '../../../shared/delivery/mail/ses.mailer.js';
import { MailError } from '../../../shared/delivery/mail/errors.js';
import type { MailMessage } from '../../../shared/ports/mailer.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const message: MailMessage = {
  from: 'digest@marquee.invalid',
  to: ['a@example.com', 'b@example.com'],
  subject: 'Weekly digest 2026-W48',
  html: '<p>Hello <img src="cid:boxoffice-chart" width="560" height="280"></p>',
  text: 'Hello',
  inline: [{ filename: 'boxoffice-chart.png', contentType: 'image/png', cid: 'boxoffice-chart', content: PNG }],
  name: 'digest-2026-W48',
};

describe('composeMime', () => {
  it('builds html, text and an inline image with its Content-ID', async () => {
    const { raw, messageId } = await composeMime(message);
    const parsed = await simpleParser(raw, { keepCidLinks: true });
    expect(parsed.messageId).toBe(messageId);
    expect(parsed.html).toContain('cid:boxoffice-chart');
    expect(parsed.text?.trim()).toBe('Hello');
    const att = parsed.attachments[0]!;
    expect(att).toMatchObject({ cid: 'boxoffice-chart', contentType: 'image/png', contentDisposition: 'inline' });
    expect(att.content.equals(PNG)).toBe(true);
  });
});

describe('SesMailer', () => {
  it('sends the raw MIME message so the inline chart survives', async () => {
    const ses = mockClient(SESv2Client);
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-123' });
    const out = await new SesMailer(new SESv2Client({ region: 'us-east-1' })).send(message);
    expect(out.messageId).toBe('ses-123');
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input.Destination?.ToAddresses).toEqual(message.to);
    const parsed = await simpleParser(Buffer.from(input.Content!.Raw!.Data!));
    expect(parsed.attachments[0]?.cid).toBe('boxoffice-chart');
    ses.restore();
  });

  it('turns an SES failure into a MailError that keeps the cause', async () => {
    const ses = mockClient(SESv2Client);
    ses.on(SendEmailCommand).rejects(new Error('MessageRejected'));
    const err = await new SesMailer(new SESv2Client({ region: 'us-east-1' })).send(message).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect((err as MailError).cause).toBeInstanceOf(Error);
    ses.restore();
  });
});
