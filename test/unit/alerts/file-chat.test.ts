// The local chat adapter: one JSON line per alert in alerts.jsonl, a printed summary line each, a clear error when it cannot write.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileChat, type AlertLine } from '../../../shared/delivery/chat/file.chat.js';
import { ChatError } from '../../../shared/delivery/chat/errors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-filechat-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const message = {
  text: 'two alerts',
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'hi' } }],
  alerts: [
    { key: 'alert:w:s_1', kind: 'collision', title: 'Skyward Sprocket', summary: 'Collision with the slate: Skyward Sprocket vs The Lantern Keeper' },
    { key: 'alert:w:s_2', kind: 'trailer', title: 'Iron Meridian', summary: 'Competitor trailer:\n Iron Meridian' },
  ],
};

describe('FileChat', () => {
  it('appends one line per alert, with the message payload, and prints one summary line each', async () => {
    const printed: string[] = [];
    const chat = new FileChat(join(dir, 'out'), (l) => printed.push(l), () => new Date('2026-11-26T20:00:00Z'));
    const first = await chat.post(message);
    await chat.post({ ...message, alerts: [message.alerts[0]!] });
    const lines = (await readFile(chat.path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as AlertLine);
    expect(chat.path).toBe(join(dir, 'out', 'alerts.jsonl'));
    expect(first.files).toEqual([chat.path]);
    expect(lines.map((l) => [l.key, l.part, l.parts])).toEqual([
      ['alert:w:s_1', 1, 2],
      ['alert:w:s_2', 2, 2],
      ['alert:w:s_1', 1, 1],
    ]);
    expect(lines[0]).toMatchObject({ messageId: first.id, postedAt: '2026-11-26T20:00:00.000Z', kind: 'collision', payload: { text: 'two alerts', blocks: message.blocks } });
    expect(printed).toEqual([
      'alert  [collision] Collision with the slate: Skyward Sprocket vs The Lantern Keeper',
      'alert  [trailer] Competitor trailer: Iron Meridian',
      'alert  [collision] Collision with the slate: Skyward Sprocket vs The Lantern Keeper',
    ]);
  });

  it('a folder it cannot write becomes a ChatError that keeps the cause', async () => {
    const blocker = join(dir, 'not-a-dir');
    await writeFile(blocker, 'x');
    const err = await new FileChat(blocker).post(message).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChatError);
    expect(err).toMatchObject({ code: 'write_failed' });
    expect((err as Error).message).toContain(join(blocker, 'alerts.jsonl'));
    expect((err as Error).cause).toBeDefined();
  });
});
