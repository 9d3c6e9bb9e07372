// Burst grouping: alerts that happened within the workspace's burst window of each other go out as one message.
import type { Alert } from './alert-rules.js';
import { MAX_ALERTS_PER_MESSAGE } from './blocks.js';

/**
 * Groups alerts by time: sorted oldest first, an alert joins the current group while it is within
 * `windowMinutes` of the group's first alert and the group has room; otherwise it starts a new one.
 * A window of 0 groups only alerts with the same instant. Groups come back in the order of their
 * most urgent alert (priority, then newest), so the maxPerRun budget goes to what matters most.
 */
export function groupBursts(alerts: Alert[], windowMinutes: number, maxPerMessage = MAX_ALERTS_PER_MESSAGE): Alert[][] {
  const windowMs = windowMinutes * 60_000;
  const sorted = [...alerts].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.priority - b.priority || a.id.localeCompare(b.id));
  const groups: Alert[][] = [];
  let current: Alert[] = [];
  let start = 0;
  for (const a of sorted) {
    const t = Date.parse(a.at);
    if (current.length > 0 && t - start <= windowMs && current.length < maxPerMessage) {
      current.push(a);
      continue;
    }
    if (current.length) groups.push(current);
    current = [a];
    start = t;
  }
  if (current.length) groups.push(current);
  const urgency = (g: Alert[]) => g.reduce((best, a) => (a.priority < best.priority || (a.priority === best.priority && a.at > best.at) ? a : best));
  return groups.sort((x, y) => {
    const a = urgency(x);
    const b = urgency(y);
    return a.priority - b.priority || b.at.localeCompare(a.at);
  });
}
