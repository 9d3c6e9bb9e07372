// Mailer port: sends one composed email (HTML, text, inline attachments); file, SMTP and SES adapters live in shared/delivery/mail.

export interface InlineAttachment {
  filename: string;
  contentType: string;
  /** Content-ID the HTML refers to as `cid:<cid>`. */
  cid: string;
  content: Buffer;
}

export interface MailMessage {
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  inline: InlineAttachment[];
  /** A stable name for local copies ("digest-2026-W48"). */
  name: string;
}

export interface SentMail {
  messageId: string;
  /** Files written by a local mailer. */
  files?: string[];
}

export interface Mailer {
  /** Sends; throws a MailError (shared/delivery/mail/errors.ts) that says whether the mail certainly did not go out. */
  send(message: MailMessage): Promise<SentMail>;
  /**
   * Whether the mail named `name` was delivered, for adapters that can tell (the local file mailer
   * keeps a log); absent when the adapter cannot know (SMTP, SES): then an unknown outcome is
   * settled by sending again (at least once).
   */
  delivered?(name: string): Promise<SentMail | null>;
}
