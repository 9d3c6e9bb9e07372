// Local mailer: writes the raw .eml and a browser-viewable .html (chart as a sibling .png) into a folder, and logs each send in mail.jsonl.
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailMessage, Mailer, SentMail } from '../../ports/mailer.js';
import { composeMime } from './compose.js';
import { MailError } from './errors.js';

export const MAIL_LOG = 'mail.jsonl';

/** One line of mail.jsonl: a message the file mailer delivered (the line is written last: no line, not delivered). */
export interface MailLogLine {
  name: string;
  messageId: string;
  sentAt: string;
  to: string[];
  subject: string;
  files: string[];
}

export class FileMailer implements Mailer {
  readonly logPath: string;

  constructor(
    private readonly outDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.logPath = join(outDir, MAIL_LOG);
  }

  /**
   * Writes `<name>.eml`, `<name>.html` and, for the first inline image, `<name>.png` that the .html
   * points at, then appends the delivery to mail.jsonl (the mailbox's record of what went out).
   */
  async send(message: MailMessage): Promise<SentMail> {
    const { raw, messageId } = await composeMime(message);
    try {
      await mkdir(this.outDir, { recursive: true });
      const eml = join(this.outDir, `${message.name}.eml`);
      const html = join(this.outDir, `${message.name}.html`);
      const files = [eml, html];
      let page = message.html;
      for (const [i, a] of message.inline.entries()) {
        const file = `${message.name}${i === 0 ? '' : `-${i}`}.png`;
        await writeFile(join(this.outDir, file), a.content);
        files.push(join(this.outDir, file));
        page = page.split(`cid:${a.cid}`).join(file);
      }
      await writeFile(eml, raw);
      await writeFile(html, page);
      const line: MailLogLine = { name: message.name, messageId, sentAt: this.now().toISOString(), to: message.to, subject: message.subject, files };
      await appendFile(this.logPath, `${JSON.stringify(line)}\n`);
      return { messageId, files };
    } catch (err) {
      throw new MailError(`could not write the digest to ${this.outDir}: ${(err as Error).message}`, { cause: err });
    }
  }

  /** The last delivery of `name` in mail.jsonl, or null (a run that died before the line was written did not deliver). */
  async delivered(name: string): Promise<SentMail | null> {
    let text: string;
    try {
      text = await readFile(this.logPath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new MailError(`could not read ${this.logPath}: ${(err as Error).message}`, { cause: err });
    }
    let found: SentMail | null = null;
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      try {
        const l = JSON.parse(raw) as Partial<MailLogLine>;
        if (l.name === name && typeof l.messageId === 'string') found = { messageId: l.messageId, files: Array.isArray(l.files) ? l.files : [] };
      } catch {
        // A line cut short by a crash mid-write is not a delivery.
      }
    }
    return found;
  }
}
