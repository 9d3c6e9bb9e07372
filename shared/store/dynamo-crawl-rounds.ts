// DynamoDB adapter of the crawl rounds: one row per round in the ROUNDS partition (sort key: the round id, sortable
// by opening time), the sources done as a string set, the trigger taken by a conditional update. Rows expire after a week.
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CrawlRound, CrawlRoundStore, RoundProgress } from '../ports/crawl-rounds.js';
import type { DynamoTable, Row } from './dynamo-table.js';
import { StoreError, isConditionalCheckFailed } from './errors.js';

const PK = 'ROUNDS';
const KEEP_DAYS = 7;
const DAY_MS = 86_400_000;

export class DynamoCrawlRoundStore implements CrawlRoundStore {
  constructor(
    private readonly t: DynamoTable,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async open(round: CrawlRound): Promise<void> {
    try {
      await this.t.doc.send(
        new PutCommand({
          TableName: this.t.name,
          Item: {
            pk: PK,
            sk: round.id,
            entity: 'round',
            sources: round.sources,
            expected: round.sources.length,
            openedAt: round.openedAt,
            expiresAt: Math.floor(Date.parse(round.openedAt) / 1000) + KEEP_DAYS * 86_400,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      throw new StoreError(`could not open crawl round ${round.id}`, { cause: err });
    }
  }

  async finish(roundId: string, sourceId: string, owner: string): Promise<RoundProgress> {
    let row: Row;
    try {
      const out = await this.t.doc.send(
        new UpdateCommand({
          TableName: this.t.name,
          Key: { pk: PK, sk: roundId },
          UpdateExpression: 'ADD done :source',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':source': new Set([sourceId]) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      row = (out.Attributes ?? {}) as Row;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return 'unknown';
      throw new StoreError(`could not record source ${sourceId} done in crawl round ${roundId}`, { cause: err });
    }
    if (typeof row.triggeredBy === 'string' && row.triggeredBy !== owner) return 'triggered';
    const done = row.done instanceof Set ? (row.done as Set<string>) : new Set<string>();
    const sources = Array.isArray(row.sources) ? (row.sources as string[]) : [];
    if (!sources.every((s) => done.has(s))) return 'waiting';
    return (await this.trigger(roundId, owner)) ? 'complete' : 'triggered';
  }

  async claimStuck(before: string, owner: string): Promise<string[]> {
    const from = new Date(Date.parse(before) - DAY_MS).toISOString();
    let rows: Row[];
    try {
      const out = await this.t.doc.send(
        new QueryCommand({
          TableName: this.t.name,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          FilterExpression: 'attribute_not_exists(triggeredBy)',
          ProjectionExpression: 'sk',
          ExpressionAttributeValues: { ':pk': PK, ':from': from, ':to': before },
        }),
      );
      rows = (out.Items ?? []) as Row[];
    } catch (err) {
      throw new StoreError('could not read the open crawl rounds', { cause: err });
    }
    const claimed: string[] = [];
    for (const row of rows) if (await this.trigger(String(row.sk), owner)) claimed.push(String(row.sk));
    return claimed;
  }

  /** Takes the round's trigger for `owner` (or finds it already theirs): true when the caller starts the analysis. */
  private async trigger(roundId: string, owner: string): Promise<boolean> {
    try {
      await this.t.doc.send(
        new UpdateCommand({
          TableName: this.t.name,
          Key: { pk: PK, sk: roundId },
          UpdateExpression: 'SET triggeredBy = :owner, triggeredAt = if_not_exists(triggeredAt, :at)',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(triggeredBy) OR triggeredBy = :owner)',
          ExpressionAttributeValues: { ':owner': owner, ':at': this.now().toISOString() },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw new StoreError(`could not trigger crawl round ${roundId}`, { cause: err });
    }
  }
}
