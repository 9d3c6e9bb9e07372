// "Now" for a workspace, decided in one place: its pinned clock (the demo pins one), else the clock.
import type { Workspace } from '../model/workspace.js';
import type { Clock } from '../ports/clock.js';
import { localDate } from './week.js';

export interface AsOf {
  /** The instant. */
  instant: Date;
  /** Its local date (YYYY-MM-DD) in the workspace's timezone. */
  date: string;
}

/** The workspace's pinned clock (so the demo's digest is full and reproducible), else `clock`: the one place that decides it. */
export function workspaceAsOf(workspace: Pick<Workspace, 'clock' | 'timezone'>, clock: Clock): AsOf {
  const instant = workspace.clock ? new Date(workspace.clock) : clock.now();
  return { instant, date: localDate(instant, workspace.timezone) };
}
