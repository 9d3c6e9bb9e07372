// The structured-output contract of one batch call: `{ events: [{ id, ...EventExtraction }] }`, as sent to the model.
import { z } from 'zod';
import { EventExtraction, ReleaseKind } from '../../../shared/model/event.js';

const dateText = (what: string) =>
  z.string().nullable().describe(`${what}, as YYYY-MM-DD, YYYY-MM or YYYY; null if the story gives none`);

/**
 * One event as the model writes it. The fields and descriptions are EventExtraction's; the model-facing shape is a
 * little looser (dates are checked, sentiment clamped after the call) so that one out-of-range number does not cost
 * a retry of the whole batch. The final value is always validated against EventExtraction.
 */
export const WireEvent = z.object({
  id: z.string().describe('The id attribute of the story this event is for'),
  ...EventExtraction.shape,
  releaseDate: dateText(EventExtraction.shape.releaseDate.description ?? 'The (new) release date'),
  previousDate: dateText(EventExtraction.shape.previousDate.description ?? 'The previous release date'),
  releaseKind: ReleaseKind.nullable().describe('What releaseDate dates: theatrical, streaming, tv or digital; null when releaseDate is null'),
  sentiment: z.number().describe(EventExtraction.shape.sentiment.description ?? 'Tone from -1 to 1'),
});
export type WireEvent = z.infer<typeof WireEvent>;

/** The whole answer of one batch call. */
export const ExtractionBatch = z.object({
  events: z.array(WireEvent).describe('Exactly one event per story, each with its story id'),
});
export type ExtractionBatch = z.infer<typeof ExtractionBatch>;

/** Name of the structured output (json_schema name or forced function name). */
export const BATCH_OUTPUT_NAME = 'extract_events';
