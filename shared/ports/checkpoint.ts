// Checkpoint port: named points between the steps of a run (after a source, before a post, after a send), for fault injection.

/**
 * Called at a named point of a run. Production wiring passes none; the local runtime can be told
 * (MARQUEE_KILL_AT) to kill its own process at the n-th pass of a point, which is how the crash
 * tests stop a cycle exactly between two steps.
 */
export type Checkpoint = (name: CheckpointName) => void;

/** Every point a run passes, in order of a cycle. */
export const CHECKPOINTS = [
  'crawl.source', // a source's result is stored
  'analysis.event', // one event and its release change are stored
  'analysis.done', // pending markers cleared
  'alerts.candidates', // candidates computed (pending surprise markers written)
  'alerts.claimed', // a message's alerts are claimed, nothing posted
  'alerts.posting', // marked "sending", the post not made yet
  'alerts.posted', // posted, the ledger not completed yet
  'alerts.completed', // the message's alerts are done in the ledger
  'digest.claimed', // the week is claimed, nothing sent
  'digest.sending', // marked "sending", the mail not sent yet
  'digest.sent', // the mail went out, the ledger not completed yet
  'digest.completed', // done in the ledger, not archived yet
  'digest.archived', // archived
] as const;
export type CheckpointName = (typeof CHECKPOINTS)[number];

export const noCheckpoint: Checkpoint = () => {};
