// Box-office charts: a chart period and its entries, as the chart parsers produce them.
import { z } from 'zod';

export const ChartPeriodType = z.enum(['daily', 'weekend', 'weekly', 'other']);

export const ChartInfo = z.object({
  site: z.string().describe('Which chart layout, e.g. "boxofficemojo" or "the-numbers"'),
  period: z.object({
    type: ChartPeriodType,
    start: z.string().nullable().describe('ISO date (YYYY-MM-DD) of the first day of the period'),
    end: z.string().nullable().describe('ISO date of the last day of the period'),
  }),
});
export type ChartInfo = z.infer<typeof ChartInfo>;

/** One title on one chart period. Money in dollars; null where the cell was empty or "-". */
export const BoxOfficeEntry = z.object({
  rank: z.number().int().nullable(),
  lastRank: z.number().int().nullable().optional(),
  title: z.string(),
  distributor: z.string().nullable(),
  gross: z.number().nullable(),
  theaters: z.number().int().nullable(),
  perTheater: z.number().nullable(),
  totalGross: z.number().nullable(),
  weeks: z.number().nullable().describe('Weeks in release, when the chart gives weeks'),
  days: z.number().int().nullable().optional().describe('Days in release, when the chart gives days'),
  change: z.number().nullable().describe('Percent change of gross against the previous period, e.g. -42.5'),
  isNew: z.boolean().optional(),
  estimated: z.boolean().optional(),
});
export type BoxOfficeEntry = z.infer<typeof BoxOfficeEntry>;
