// DynamoDB adapters of counter-programming briefs and feedback flags (single table; listing via gsi1 partitions).
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CounterBrief } from '../model/counter-brief.js';
import { Flag } from '../model/flag.js';
import type { BriefStore } from '../ports/brief-store.js';
import type { FlagStore } from '../ports/flag-store.js';
import type { AnswerRecord, AnswerStore } from '../ports/answer-store.js';
import type { Page, TimeRange } from '../ports/store.js';
import { DynamoTable, stripKeys, type Row } from './dynamo-table.js';
import { StoreError, isConditionalCheckFailed } from './errors.js';
import { assertFits } from './item-size.js';
import { capAnswer, capCounterBrief } from './record-limits.js';

export class DynamoBriefStore implements BriefStore {
  constructor(private readonly t: DynamoTable) {}

  async putBriefIfNew(input: CounterBrief): Promise<boolean> {
    const brief = capCounterBrief(input);
    const Item = { pk: `BRIEF#${brief.id}`, sk: 'A', entity: 'brief', gsi1pk: 'BRIEFS', gsi1sk: `${brief.createdAt}#${brief.id}`, ...brief };
    assertFits(Item);
    try {
      await this.t.doc.send(
        new PutCommand({
          TableName: this.t.name,
          Item,
          // A brief already drafted keeps its content and, above all, a human's decision on it.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw new StoreError(`could not write brief ${brief.id}`, { cause: err });
    }
  }

  async getBrief(id: string): Promise<CounterBrief | null> {
    const row = await this.t.get(`BRIEF#${id}`, 'A');
    return row ? CounterBrief.parse(stripKeys(row)) : null;
  }

  async existingIds(ids: string[]): Promise<Set<string>> {
    const rows = await this.t.batchGet([...new Set(ids)].map((id) => ({ pk: `BRIEF#${id}`, sk: 'A' })), ['pk']);
    return new Set(rows.map((r) => String(r.pk).slice('BRIEF#'.length)));
  }

  async listBriefs(range: Pick<TimeRange, 'limit' | 'cursor'> & { status?: CounterBrief['status'] } = {}): Promise<Page<CounterBrief>> {
    const page = await this.t.queryPage(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': 'BRIEFS', ...(range.status ? { ':s': range.status } : {}) },
        ...(range.status ? { FilterExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' } } : {}),
        ScanIndexForward: false,
      },
      range,
    );
    return { items: page.rows.map((r) => CounterBrief.parse(stripKeys(r))), cursor: page.cursor };
  }

  async reviewBrief(id: string, review: { status: 'approved' | 'dismissed' | 'draft'; by: string; at: string; note: string | null }): Promise<CounterBrief | null> {
    try {
      const out = await this.t.doc.send(
        new UpdateCommand({
          TableName: this.t.name,
          Key: { pk: `BRIEF#${id}`, sk: 'A' },
          UpdateExpression: 'SET #s = :s, review = :r',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': review.status, ':r': review.status === 'draft' ? null : { by: review.by, at: review.at, note: review.note } },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return CounterBrief.parse(stripKeys(out.Attributes as Row));
    } catch (err) {
      if (isConditionalCheckFailed(err)) return null;
      throw new StoreError(`could not review brief ${id}`, { cause: err });
    }
  }
}

export class DynamoFlagStore implements FlagStore {
  constructor(private readonly t: DynamoTable) {}

  async putFlag(flag: Flag): Promise<void> {
    await this.t.put({ pk: `FLAG#${flag.id}`, sk: 'A', entity: 'flag', gsi1pk: 'FLAGS', gsi1sk: `${flag.createdAt}#${flag.id}`, ...flag });
  }

  async putFlagIfNew(flag: Flag): Promise<boolean> {
    try {
      await this.t.doc.send(
        new PutCommand({
          TableName: this.t.name,
          Item: { pk: `FLAG#${flag.id}`, sk: 'A', entity: 'flag', gsi1pk: 'FLAGS', gsi1sk: `${flag.createdAt}#${flag.id}`, ...flag },
          // A flag id made from a link: the same link and person record one flag, however often it is posted.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw new StoreError(`could not write flag ${flag.id}`, { cause: err });
    }
  }

  async listFlags(): Promise<Flag[]> {
    const rows = await this.t.queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': 'FLAGS' }, ScanIndexForward: false });
    return rows.map((r) => Flag.parse(stripKeys(r)));
  }

  async markReviewed(id: string, at: string): Promise<Flag | null> {
    try {
      const out = await this.t.doc.send(
        new UpdateCommand({
          TableName: this.t.name,
          Key: { pk: `FLAG#${id}`, sk: 'A' },
          UpdateExpression: 'SET #s = :s, reviewedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': 'reviewed', ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Flag.parse(stripKeys(out.Attributes as Row));
    } catch (err) {
      if (isConditionalCheckFailed(err)) return null;
      throw new StoreError(`could not review flag ${id}`, { cause: err });
    }
  }
}

/** Answers expire with the workspace's retention (DynamoDB TTL; enforced on read too, dynalite has no TTL). */
export class DynamoAnswerStore implements AnswerStore {
  constructor(
    private readonly t: DynamoTable,
    private readonly retentionDays = 180,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private readonly waiting: Array<{ row: Row; resolve: () => void; reject: (err: unknown) => void }> = [];
  private flushing = false;

  /**
   * Archives an answer. Answers given at the same time share one batch write (group commit, up to 25 a request): each
   * call still returns only once its own row is stored, and one request's worth of SDK work serves many answers. An
   * answer given alone (on Lambda, always) is one PutItem.
   */
  putAnswer(input: AnswerRecord): Promise<void> {
    const record = capAnswer(input);
    const expiresAt = Math.floor(Date.parse(record.createdAt) / 1000) + this.retentionDays * 86_400;
    // Citations and event ids are kept as their JSON, one binary value each: one attribute value to marshal, encode
    // (base64, no string escaping) and store instead of a map per citation (an answer citing 50 stories was ~400
    // attribute values), on every ask.
    const { citations, eventIds, ...rest } = record;
    const row: Row = { pk: `ANSWER#${record.id}`, sk: 'A', entity: 'answer', expiresAt, ...rest, citationsJson: Buffer.from(JSON.stringify(citations)), eventIdsJson: Buffer.from(JSON.stringify(eventIds)) };
    try {
      assertFits(row); // here, so that one oversize answer fails alone rather than its whole batch
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        void this.flush();
      }
    });
  }

  /** Writes what is waiting, 25 rows a request, until nothing is; answers that arrive meanwhile go in the next request. */
  private async flush(): Promise<void> {
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, 25);
        try {
          // One alone is a PutItem (a Lambda container answers one request at a time: always this, and its role grants PutItem).
          if (batch.length === 1) await this.t.put(batch[0]!.row);
          else await this.t.batchWrite(batch.map((w) => ({ PutRequest: { Item: w.row } })));
          for (const w of batch) w.resolve();
        } catch (err) {
          const error = new StoreError('could not archive the answer', { cause: err });
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  async getAnswer(id: string): Promise<AnswerRecord | null> {
    const row = await this.t.get(`ANSWER#${id}`, 'A');
    if (!row || (typeof row.expiresAt === 'number' && row.expiresAt * 1000 < this.now().getTime())) return null;
    const { citationsJson, eventIdsJson, ...rest } = stripKeys<Row>(row);
    // Rows written before the JSON attributes hold the lists themselves.
    const json = (v: unknown, old: unknown) => (v instanceof Uint8Array ? JSON.parse(Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('utf8')) : typeof v === 'string' ? JSON.parse(v) : old);
    return { ...rest, citations: json(citationsJson, rest.citations), eventIds: json(eventIdsJson, rest.eventIds) } as AnswerRecord;
  }
}
