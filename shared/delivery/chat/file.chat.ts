// Local chat adapter: appends one JSON line per alert to <outDir>/alerts.jsonl and prints a one-line summary of each.
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatMessage, ChatPosted, ChatPoster } from '../../ports/chat.js';
import { ChatError } from './errors.js';

export const ALERTS_FILE = 'alerts.jsonl';

/** One line of alerts.jsonl: the alert, and the whole Block Kit payload of the message that carried it. */
export interface AlertLine {
  messageId: string;
  postedAt: string;
  key: string;
  kind: string;
  title: string;
  summary: string;
  /** Position of the alert in its message, and how many the message carried (burst grouping). */
  part: number;
  parts: number;
  payload: { text: string; blocks: ChatMessage['blocks'] };
}

export class FileChat implements ChatPoster {
  readonly path: string;
  /** The folder, made once (a run that drains a backlog posts dozens of messages). */
  private folder: Promise<unknown> | null = null;

  constructor(
    outDir: string,
    private readonly print: (line: string) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.path = join(outDir, ALERTS_FILE);
  }

  async post(message: ChatMessage): Promise<ChatPosted> {
    const id = `file-${randomUUID()}`;
    const postedAt = this.now().toISOString();
    const alerts = message.alerts?.length ? message.alerts : [{ key: id, kind: 'message', title: message.text.slice(0, 150), summary: message.text.slice(0, 300) }];
    const lines = alerts.map((a, i) =>
      JSON.stringify({
        messageId: id,
        postedAt,
        key: a.key,
        kind: a.kind,
        title: a.title,
        summary: a.summary,
        part: i + 1,
        parts: alerts.length,
        payload: { text: message.text, blocks: message.blocks },
      } satisfies AlertLine),
    );
    try {
      this.folder ??= mkdir(join(this.path, '..'), { recursive: true }).catch((err: unknown) => {
        this.folder = null;
        throw err;
      });
      await this.folder;
      // One write per message: the lines of a grouped message land together.
      await appendFile(this.path, `${lines.join('\n')}\n`);
    } catch (err) {
      throw new ChatError(`could not append to ${this.path}: ${(err as Error).message}`, 'write_failed', { cause: err });
    }
    for (const a of alerts) this.print(`alert  [${a.kind}] ${oneLine(a.summary)}`);
    return { id, attempts: 1, files: [this.path] };
  }

  /** The keys already in alerts.jsonl (a run that died after writing them had not recorded them in the ledger). */
  async delivered(keys: string[]): Promise<Map<string, string>> {
    const wanted = new Set(keys);
    const found = new Map<string, string>();
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return found;
      throw new ChatError(`could not read ${this.path}: ${(err as Error).message}`, 'write_failed', { cause: err });
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const l = JSON.parse(line) as Partial<AlertLine>;
        if (typeof l.key === 'string' && wanted.has(l.key) && typeof l.messageId === 'string') found.set(l.key, l.messageId);
      } catch {
        // A line cut short by a crash mid-write is not a delivery.
      }
    }
    return found;
  }
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
