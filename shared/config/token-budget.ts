// The LLM analyst's token budget per run: one default, the workspace's value, and the environment's override.
import { ConfigError } from './errors.js';
import type { Workspace } from '../model/workspace.js';

/**
 * Prompt + completion tokens the LLM analyst may spend in one run (a cycle on a laptop, one analyze
 * message of up to 100 items on AWS) when neither the environment nor the workspace says otherwise:
 * about 230 stories at ~850 tokens each, roughly $0.04 on gpt-4o-mini. Past it, the run's remaining
 * stories go to the embedded analyst (counted as fallbacks, never dropped).
 */
export const DEFAULT_TOKEN_BUDGET = 200_000;
export const TOKEN_BUDGET_BOUNDS = { min: 1_000, max: 100_000_000 } as const;

/** Parses MARQUEE_TOKEN_BUDGET (undefined when unset); anything but a whole number within bounds is one clear line. */
export function parseTokenBudget(raw: string | undefined, where = 'MARQUEE_TOKEN_BUDGET'): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < TOKEN_BUDGET_BOUNDS.min || n > TOKEN_BUDGET_BOUNDS.max) {
    throw new ConfigError(`${where}: expected a whole number of tokens from ${TOKEN_BUDGET_BOUNDS.min} to ${TOKEN_BUDGET_BOUNDS.max}, not "${raw}"`);
  }
  return n;
}

/** The run's budget: the environment (an operator's override) over the workspace (the team's setting) over the default. */
export function runTokenBudget(fromEnv: number | undefined, workspace: Pick<Workspace, 'analyst'>): number {
  return fromEnv ?? workspace.analyst?.tokenBudget ?? DEFAULT_TOKEN_BUDGET;
}
