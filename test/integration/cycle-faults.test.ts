// The whole cycle (marquee run --once over the bundled demo) under delivery faults: the run summary survives, nothing is lost or repeated.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../functions/cli/main.js';
import { captureIo } from '../support/capture-io.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

let dir: string;
let sink: SmtpSink;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-cycle-faults-'));
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('cycle under delivery faults', () => {
  it('a transient SMTP 451 keeps the run summary, says what failed, and the next run sends the digest once', async () => {
    const env = { SMTP_URL: sink.url };
    const args = ['run', '--once', '--data-dir', join(dir, 'smtp-data'), '--out', join(dir, 'smtp-out')];
    sink.rejectNext(1, 451, '4.3.0 Mailbox temporarily unavailable, try again later');
    const io = captureIo();
    const code = await main(args, io, env);
    expect(io.stderr).not.toMatch(/internal error/);
    expect(io.stdout).toMatch(/Summary \(\d+ ms\)/);
    expect(io.stdout).toMatch(/alerts\s+\d+ considered/);
    expect(io.stdout).toMatch(/digest\s+2026-W48: not sent: SMTP send failed: .*451.*\(nothing went out; the next run retries\)/);
    expect(code).toBe(1);
    expect(sink.messages).toHaveLength(0);

    const again = captureIo();
    expect(await main([...args, '--json'], again, env)).toBe(0);
    expect(again.json().digest).toMatchObject({ week: '2026-W48', status: 'sent' });
    expect(sink.messages).toHaveLength(1);
    const third = captureIo();
    expect(await main([...args, '--json'], third, env)).toBe(0);
    expect(third.json().digest.status).toBe('already_sent');
    expect(sink.messages).toHaveLength(1);
  }, 120_000);
});
