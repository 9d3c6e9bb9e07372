// Test helper: an SMTP sink on 127.0.0.1 (smtp-server) that keeps every message it receives.
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface SinkMessage {
  from: string | null;
  to: string[];
  raw: Buffer;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:<port> for nodemailer. */
  url: string;
  messages: SinkMessage[];
  /** Answers the next `n` messages with this SMTP error (e.g. 451 "try again later") instead of accepting them. */
  rejectNext(n: number, responseCode: number, message: string): void;
  close(): Promise<void>;
}

/** Starts a sink that accepts any sender and recipient without auth or TLS. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  let rejections: { n: number; responseCode: number; message: string } = { n: 0, responseCode: 0, message: '' };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (rejections.n > 0) {
          rejections.n--;
          callback(Object.assign(new Error(rejections.message), { responseCode: rejections.responseCode }));
          return;
        }
        const from = session.envelope.mailFrom;
        messages.push({ from: from ? from.address : null, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    rejectNext: (n, responseCode, message) => {
      rejections = { n, responseCode, message };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
