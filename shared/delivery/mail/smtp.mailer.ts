// SMTP mailer: sends the composed raw message through a nodemailer SMTP transport (SMTP_URL).
import { createTransport } from 'nodemailer';
import type { MailMessage, Mailer, SentMail } from '../../ports/mailer.js';
import { composeMime } from './compose.js';
import { MailError } from './errors.js';

/**
 * Whether a failed SMTP send may have delivered: a server's answer (4xx, 5xx) or a failed
 * connection means not; a connection lost after the session started (timeout, reset) may have
 * been after the server took the message.
 */
export function smtpOutcome(err: unknown): 'not_sent' | 'unknown' {
  const e = err as { responseCode?: unknown; code?: unknown; syscall?: unknown } | null;
  if (typeof e?.responseCode === 'number') return 'not_sent';
  if (e?.syscall === 'connect' || ['ECONNECTION', 'EDNS', 'EAUTH', 'EENVELOPE', 'ETLS', 'ECONNREFUSED'].includes(String(e?.code))) return 'not_sent';
  return 'unknown';
}

export class SmtpMailer implements Mailer {
  private readonly transport: ReturnType<typeof createTransport>;
  constructor(smtpUrl: string) {
    this.transport = createTransport(smtpUrl);
  }

  /** Sends the raw MIME message with an explicit envelope (the recipients). */
  async send(message: MailMessage): Promise<SentMail> {
    if (!message.to.length) throw new MailError('no recipients: set "recipients" in the workspace');
    const { raw, messageId } = await composeMime(message);
    try {
      await this.transport.sendMail({ envelope: { from: message.from, to: message.to }, raw });
      return { messageId };
    } catch (err) {
      throw new MailError(`SMTP send failed: ${(err as Error).message}`, { cause: err, outcome: smtpOutcome(err) });
    }
  }

  close(): void {
    this.transport.close();
  }
}
