// Answer archive port: every answer the query API gave, with who asked, which analyst answered, from which items, at what cost.

export interface AnswerRecord {
  id: string;
  question: string;
  answer: string;
  citations: Array<{ n: number; itemId: string | null; title: string; url: string | null; source: string; publishedAt: string | null }>;
  eventIds: string[];
  analyst: string;
  tokens: number;
  /** The API key's name (never the key). */
  askedBy: string;
  createdAt: string;
  /** What the reader understood the question to ask. */
  understood?: string;
  /** Why the model's answer was not used and the embedded reader answered instead. */
  fallback?: string;
}

export interface AnswerStore {
  putAnswer(record: AnswerRecord): Promise<void>;
  getAnswer(id: string): Promise<AnswerRecord | null>;
}
