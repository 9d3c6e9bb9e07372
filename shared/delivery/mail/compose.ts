// MIME composition: one raw RFC 5322 message (html + text + inline images by Content-ID) built by nodemailer's MailComposer.
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailMessage } from '../../ports/mailer.js';

/** Builds the raw MIME message and its Message-ID; every mailer sends these same bytes. */
export async function composeMime(message: MailMessage): Promise<{ raw: Buffer; messageId: string }> {
  const mail = new MailComposer({
    from: message.from,
    to: message.to.length ? message.to : undefined,
    subject: message.subject,
    html: message.html,
    text: message.text,
    attachments: message.inline.map((a) => ({ filename: a.filename, contentType: a.contentType, cid: a.cid, content: a.content, contentDisposition: 'inline' as const })),
  }).compile();
  const raw = await mail.build();
  return { raw, messageId: mail.messageId() };
}
