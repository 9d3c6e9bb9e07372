// Test helper: reads recorded inputs from test/fixtures/parse and fixes "now" for date checks.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/parse');

/** Raw bytes of a fixture. */
export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(join(dir, name));
}

/** A UTF-8 fixture as text. */
export function fixtureText(name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

/** The "current time" every parse test runs at, so date-range checks do not drift. */
export const NOW = new Date('2026-11-28T12:00:00Z');
