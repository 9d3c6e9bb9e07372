// Test helper: an Io that captures what a CLI command prints.
import type { Io } from '../../functions/cli/output.js';

export function captureIo(): Io & { stdout: string; stderr: string; json<T = any>(): T } {
  const io = {
    stdout: '',
    stderr: '',
    out(t: string) {
      io.stdout += t.endsWith('\n') ? t : `${t}\n`;
    },
    err(t: string) {
      io.stderr += t.endsWith('\n') ? t : `${t}\n`;
    },
    json() {
      return JSON.parse(io.stdout);
    },
  };
  return io;
}
