// Feedback: someone flagged an event, alert, answer, brief or digest line as wrong, and why.
import { z } from 'zod';

export const FLAG_TARGETS = ['event', 'alert', 'answer', 'brief', 'digest'] as const;

export const Flag = z.object({
  id: z.string(),
  target: z.object({ kind: z.enum(FLAG_TARGETS), id: z.string() }),
  /** The event(s) the flag is about, resolved when it is recorded (an alert or digest line points at events). */
  eventIds: z.array(z.string()),
  reason: z.string().max(1000),
  /** Who: the recipient address or channel the signed link was made for, or the API key's name. */
  by: z.string().max(200),
  sourceIds: z.array(z.string()).describe('Sources of the items behind the flagged thing (for per-source counts)'),
  analyst: z.string().nullable().describe('Which analyst produced it (rules version or model + prompt version)'),
  status: z.enum(['open', 'reviewed']),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type Flag = z.infer<typeof Flag>;
