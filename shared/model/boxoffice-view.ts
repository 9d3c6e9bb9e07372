// The box-office view: one title's weekend run beside comparable openings, and the latest chart's surprises (API + web page).
import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const RunPoint = z.object({
  start: IsoDate.describe('First day of the weekend (a Friday)'),
  end: IsoDate.nullable(),
  week: z.number().int().describe('Week in release (1 = opening weekend)'),
  rank: z.number().int().nullable(),
  gross: z.number().nullable().describe('Weekend gross, dollars'),
  change: z.number().nullable().describe('Week-over-week change of the weekend gross, percent'),
  theaters: z.number().int().nullable(),
  perTheater: z.number().nullable(),
  totalGross: z.number().nullable().describe('Running total, dollars'),
});
export type RunPoint = z.infer<typeof RunPoint>;

export const ChartSurpriseView = z.object({
  title: z.string(),
  distributor: z.string().nullable(),
  start: z.string().describe('The opening weekend'),
  gross: z.number(),
  theaters: z.number().nullable(),
  perTheater: z.number(),
  comparableMedian: z.number().describe('Median per-theater average of comparable openings (theater count within ±40%)'),
  comparables: z.number().int(),
  ratio: z.number().describe('perTheater / comparableMedian: ≥ 2 a breakout, ≤ 0.6 a disappointment'),
  direction: z.enum(['above', 'below']),
});

export const Comparable = z.object({
  title: z.string(),
  distributor: z.string().nullable(),
  opened: IsoDate,
  theaters: z.number().int().nullable(),
  openingGross: z.number(),
  perTheater: z.number().nullable(),
  points: z.array(z.object({ week: z.number().int(), start: IsoDate, gross: z.number().nullable() })).describe('Its weekends by week in release'),
});
export type Comparable = z.infer<typeof Comparable>;

export const TitleRun = z.object({
  title: z.string(),
  distributor: z.string().nullable(),
  points: z.array(RunPoint).describe('One point per weekend, oldest first'),
  opening: RunPoint.nullable().describe('The opening weekend, when the stored charts have it'),
  /** How the opening compares with openings of a similar width (null without enough of them). */
  openingVsComparables: z
    .object({ ratio: z.number(), comparableMedian: z.number(), comparables: z.number().int() })
    .nullable()
    .describe('Opening per-theater average against the median of comparable openings'),
  comparables: z.array(Comparable).describe('Up to 3 openings of a similar theater count (±40%), closest width first'),
  surprise: ChartSurpriseView.nullable().describe('Set when the opening was far above or below comparable openings'),
});
export type TitleRun = z.infer<typeof TitleRun>;

export const TitleRunQuery = z.object({ title: z.string().trim().min(1).max(200).describe('A title on the stored weekend charts') }).strict();

export const SurprisesResult = z.object({
  period: z.object({ start: z.string().nullable(), end: z.string().nullable() }).nullable().describe('The latest weekend chart'),
  surprises: z.array(ChartSurpriseView),
});
export type SurprisesResult = z.infer<typeof SurprisesResult>;
