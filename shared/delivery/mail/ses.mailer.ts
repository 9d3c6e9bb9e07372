// SES mailer: sends the composed raw message with SES v2 SendEmail (Content.Raw keeps the inline chart).
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { MailMessage, Mailer, SentMail } from '../../ports/mailer.js';
import { composeMime } from './compose.js';
import { MailError } from './errors.js';

export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly options: { configurationSet?: string } = {},
  ) {}

  /** Sends the raw MIME message; returns SES's message id. */
  async send(message: MailMessage): Promise<SentMail> {
    if (!message.to.length) throw new MailError('no recipients: set "recipients" in the workspace');
    const { raw } = await composeMime(message);
    try {
      const out = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: message.from,
          Destination: { ToAddresses: message.to },
          Content: { Raw: { Data: raw } },
          ConfigurationSetName: this.options.configurationSet,
        }),
      );
      return { messageId: out.MessageId ?? '' };
    } catch (err) {
      // An answer from SES (throttled, rejected) means not sent; no answer (timeout, reset) may mean sent.
      const answered = typeof (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 'number';
      throw new MailError(`SES send failed: ${(err as Error).message}`, { cause: err, outcome: answered ? 'not_sent' : 'unknown' });
    }
  }
}
