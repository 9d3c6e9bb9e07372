// Local mailer: writes the raw .eml and a browser-viewable .html (chart as a sibling .png) into a folder.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailMessage, Mailer, SentMail } from '../../ports/mailer.js';
import { composeMime } from './compose.js';
import { MailError } from './errors.js';

export class FileMailer implements Mailer {
  constructor(private readonly outDir: string) {}

  /** Writes `<name>.eml`, `<name>.html` and, for the first inline image, `<name>.png` that the .html points at. */
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
      return { messageId, files };
    } catch (err) {
      throw new MailError(`could not write the digest to ${this.outDir}: ${(err as Error).message}`, { cause: err });
    }
  }
}
