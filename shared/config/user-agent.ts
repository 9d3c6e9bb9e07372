// The crawler's User-Agent: who we are and, when the workspace gives one, how to reach us (Wikimedia's API policy asks).
import type { Workspace } from '../model/workspace.js';

export const CRAWLER_NAME = 'MarqueeBot/0.1';

/** "MarqueeBot/0.1 (+market intelligence crawler; ops@example.com)", or without the contact when none is set. */
export function crawlerUserAgent(network: Pick<Workspace['network'], 'contact'>): string {
  return `${CRAWLER_NAME} (+market intelligence crawler${network.contact ? `; ${network.contact}` : ''})`;
}
