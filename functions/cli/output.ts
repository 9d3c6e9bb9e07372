// CLI output helpers: JSON on stdout, one plain error line on stderr, stable exit codes.
import { ConfigError } from '../../shared/config/errors.js';

/** A user's mistake or unusable input: exit code 2 and one line, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 'usage',
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** Maps any error to an exit code and one line on stderr (plus a JSON error object when asked). */
export function reportError(io: Io, command: string, err: unknown, json: boolean): number {
  if (err instanceof CliError || err instanceof ConfigError) {
    io.err(`marquee ${command}: ${err.message}`);
    if (json) printJson(io, { error: { code: err instanceof CliError ? err.code : 'config', message: err.message } });
    return err instanceof CliError ? err.exitCode : 2;
  }
  const message = (err as Error)?.message ?? String(err);
  io.err(`marquee ${command}: internal error: ${message}`);
  if (process.env.MARQUEE_LOG_LEVEL === 'debug') io.err(String((err as Error)?.stack ?? ''));
  if (json) printJson(io, { error: { code: 'internal', message } });
  return 1;
}
