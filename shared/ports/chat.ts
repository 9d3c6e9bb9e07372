// Chat port: posts one Block Kit message (alerts); the Slack webhook and the local JSON-lines adapters live in shared/delivery/chat.

/** A Block Kit text object: mrkdwn text must be escaped by whoever builds it (see delivery/alerts/blocks.ts). */
export type ChatText = { type: 'mrkdwn'; text: string } | { type: 'plain_text'; text: string; emoji?: boolean };

/** The Block Kit blocks Marquee uses (a subset of Slack's layout blocks). */
export type ChatBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji?: boolean } }
  | { type: 'section'; text: ChatText; fields?: ChatText[] }
  | { type: 'context'; elements: ChatText[] }
  | { type: 'divider' };

/** What a message is about, for local copies and logs (one entry per alert in a grouped message). */
export interface ChatMessageAlert {
  key: string;
  kind: string;
  title: string;
  /** One line, plain text. */
  summary: string;
}

export interface ChatMessage {
  /** Fallback text (notifications, clients without Block Kit): escaped mrkdwn. */
  text: string;
  blocks: ChatBlock[];
  alerts?: ChatMessageAlert[];
}

export interface ChatPosted {
  /** An id for the ledger and the report (webhooks return none, so adapters make one). */
  id: string;
  /** HTTP attempts it took (1 = first try), for the report. */
  attempts: number;
  /** Files written by a local adapter. */
  files?: string[];
}

export interface ChatPoster {
  /**
   * Posts one message; throws a ChatError (shared/delivery/chat/errors.ts) when it was not
   * delivered, with code `timeout` when it may have been (no answer in time: an unknown outcome).
   */
  post(message: ChatMessage): Promise<ChatPosted>;
  /**
   * Which of these alert keys were delivered, with the message id that carried each: for adapters
   * that can tell (the local alerts.jsonl). Absent when the channel cannot be asked (a Slack
   * webhook): an unknown outcome is then settled by posting again (at least once).
   */
  delivered?(keys: string[]): Promise<Map<string, string>>;
}
