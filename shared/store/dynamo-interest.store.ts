// DynamoDB adapter of the interest ports (same single table): videos and their count snapshots, links to titles,
// daily page views per article, opening forecasts and their scores. Every read is a keyed query or a batch get.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ForecastScore, OpeningForecast, PageviewPoint, TitleInterest, VideoLink, VideoRecord, ViewObservation } from '../model/interest.js';
import type { InterestStore } from '../ports/interest-store.js';
import { DynamoTable, stripKeys, type Row } from './dynamo-table.js';
import { StoreError, isConditionalCheckFailed } from './errors.js';
import { titleKey } from '../util/text.js';
import { dataVersionOf } from './dynamo-data-version.js';

/** Videos older than this keep one snapshot a day (the day's last); younger ones keep every snapshot (milestones). */
const DENSE_HOURS = 8 * 24 + 12;

const videoPk = (id: string) => `VIDEO#${id}`;
const articlePk = (project: string, article: string) => `ARTICLE#${project}#${article}`;
const titleIndex = (titleKey: string | null) => `ITITLE#${titleKey ?? '-'}`;

/** The interest ports over the table the other adapters use. */
export class DynamoInterestStore implements InterestStore {
  constructor(private readonly t: DynamoTable) {}

  /** Bumped after every write here (the query side reads interest through its read model). */
  get dataVersion() {
    return dataVersionOf(this.t);
  }

  // ---- crawl -----------------------------------------------------------------------------------

  async recordVideos(input: Parameters<InterestStore['recordVideos']>[0]): Promise<{ videos: number; observations: number }> {
    const rows: Row[] = [];
    let observations = 0;
    for (const v of input.videos) {
      const record: VideoRecord = {
        videoId: v.videoId,
        channelId: v.channelId,
        channelTitle: input.channel.title,
        sourceId: input.sourceId,
        studio: input.studio,
        title: v.title,
        description: v.description.slice(0, 2000),
        url: v.url,
        publishedAt: v.publishedAt,
        seenAt: input.observedAt,
      };
      rows.push({ pk: videoPk(v.videoId), sk: 'A', entity: 'video', gsi2pk: 'VIDEOS', gsi2sk: `${v.publishedAt ?? input.observedAt}#${v.videoId}`, ...record });
      if (v.views === null) continue;
      const ageHours = v.publishedAt ? (Date.parse(input.observedAt) - Date.parse(v.publishedAt)) / 3_600_000 : 0;
      // Keyed by instant while milestones are being reached, then by day: a video followed for months stays a few rows.
      const slot = ageHours > DENSE_HOURS ? input.observedAt.slice(0, 10) : input.observedAt;
      const obs: ViewObservation = { videoId: v.videoId, at: input.observedAt, views: v.views, likes: v.likes };
      rows.push({ pk: videoPk(v.videoId), sk: `OBS#${slot}`, entity: 'video-observation', ...obs });
      observations++;
    }
    await this.t.batchWrite(rows.map((Item) => ({ PutRequest: { Item } })));
    await this.dataVersion.bump();
    return { videos: input.videos.length, observations };
  }

  async recordPageviews(input: Parameters<InterestStore['recordPageviews']>[0]): Promise<{ days: number }> {
    const pk = articlePk(input.project, input.article);
    const key = titleKey(input.title);
    const header: Row = {
      pk,
      sk: 'A',
      entity: 'article',
      gsi1pk: titleIndex(key),
      gsi1sk: `A#${input.project}#${input.article}`,
      project: input.project,
      article: input.article,
      title: input.title,
      titleKey: key,
      sourceId: input.sourceId,
      url: input.url,
    };
    const days = input.points.map((p) => ({ pk, sk: `D#${p.date}`, entity: 'pageviews', date: p.date, views: p.views }));
    await this.t.batchWrite([header, ...days].map((Item) => ({ PutRequest: { Item } })));
    await this.dataVersion.bump();
    return { days: days.length };
  }

  // ---- analysis --------------------------------------------------------------------------------

  async recentVideos(since: string): Promise<VideoRecord[]> {
    const rows = await this.t.queryAll({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk >= :from',
      ExpressionAttributeValues: { ':pk': 'VIDEOS', ':from': since },
      ScanIndexForward: false,
    });
    return rows.map((r) => stripKeys<VideoRecord>(r));
  }

  async videoLinks(videoIds: string[]): Promise<Map<string, VideoLink>> {
    const rows = await this.t.batchGet([...new Set(videoIds)].map((id) => ({ pk: videoPk(id), sk: 'LINK' })));
    return new Map(rows.map((r) => [String(r.videoId), stripKeys<VideoLink>(r)]));
  }

  async putVideoLinks(links: VideoLink[]): Promise<void> {
    await this.t.batchWrite(
      links.map((l) => ({
        PutRequest: { Item: { pk: videoPk(l.videoId), sk: 'LINK', entity: 'video-link', gsi1pk: titleIndex(l.titleKey), gsi1sk: `V#${l.publishedAt ?? ''}#${l.videoId}`, ...l } },
      })),
    );
    if (links.length) await this.dataVersion.bump();
  }

  async titleVideos(titleKey: string): Promise<VideoLink[]> {
    const rows = await this.byTitle(titleKey, 'V#');
    return rows.map((r) => stripKeys<VideoLink>(r));
  }

  async videoHistory(videoId: string): Promise<{ record: VideoRecord | null; observations: ViewObservation[] }> {
    const rows = await this.t.queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': videoPk(videoId) } });
    const record = rows.find((r) => r.sk === 'A');
    const observations = rows
      .filter((r) => String(r.sk).startsWith('OBS#'))
      .map((r) => stripKeys<ViewObservation>(r))
      .sort((a, b) => a.at.localeCompare(b.at));
    return { record: record ? stripKeys<VideoRecord>(record) : null, observations };
  }

  async titleArticles(titleKey: string) {
    const rows = await this.byTitle(titleKey, 'A#');
    return rows.map((r) => ({ project: String(r.project), article: String(r.article), title: String(r.title), titleKey: String(r.titleKey), sourceId: String(r.sourceId), url: String(r.url) }));
  }

  async pageviews(project: string, article: string): Promise<PageviewPoint[]> {
    const rows = await this.t.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :d)',
      ExpressionAttributeValues: { ':pk': articlePk(project, article), ':d': 'D#' },
    });
    return rows.map((r) => ({ date: String(r.date), views: Number(r.views) })).sort((a, b) => a.date.localeCompare(b.date));
  }

  private byTitle(titleKey: string, prefix: string): Promise<Row[]> {
    return this.t.queryAll({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :p)',
      ExpressionAttributeValues: { ':pk': titleIndex(titleKey), ':p': prefix },
    });
  }

  // ---- forecasts -------------------------------------------------------------------------------

  async putForecast(f: OpeningForecast): Promise<void> {
    const pk = `FORECAST#${f.titleKey}`;
    const day = f.madeAt.slice(0, 10);
    await this.t.batchWrite([
      { PutRequest: { Item: { pk, sk: `F#${day}`, entity: 'forecast', ...f } } },
      // The latest forecast of each title, listed by release date (what the digest, the page and the alerts read).
      { PutRequest: { Item: { pk, sk: 'LATEST', entity: 'forecast-latest', gsi2pk: 'FORECASTS', gsi2sk: `${f.releaseDate}#${f.titleKey}`, ...f } } },
    ]);
    await this.dataVersion.bump();
  }

  async forecastsFor(titleKey: string): Promise<OpeningForecast[]> {
    const rows = await this.t.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :f)',
      ExpressionAttributeValues: { ':pk': `FORECAST#${titleKey}`, ':f': 'F#' },
    });
    return rows.map((r) => stripKeys<OpeningForecast>(r)).sort((a, b) => a.madeAt.localeCompare(b.madeAt));
  }

  async currentForecasts(fromDate: string): Promise<OpeningForecast[]> {
    const rows = await this.t.queryAll({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk >= :from',
      ExpressionAttributeValues: { ':pk': 'FORECASTS', ':from': fromDate },
    });
    return rows.map((r) => stripKeys<OpeningForecast>(r));
  }

  async putScoreIfNew(score: ForecastScore): Promise<boolean> {
    try {
      await this.t.doc.send(
        new PutCommand({
          TableName: this.t.name,
          Item: { pk: `FORECAST#${score.titleKey}`, sk: 'SCORE', entity: 'forecast-score', gsi1pk: 'FORECAST-SCORES', gsi1sk: `${score.actual.start}#${score.titleKey}`, ...score },
          // The first score stands: a restated chart later does not rewrite what the audit recorded.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      await this.dataVersion.bump();
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw new StoreError(`could not store the forecast score of ${score.titleKey}`, { cause: err });
    }
  }

  async getScore(titleKey: string): Promise<ForecastScore | null> {
    const row = await this.t.get(`FORECAST#${titleKey}`, 'SCORE');
    return row ? stripKeys<ForecastScore>(row) : null;
  }

  async scores(): Promise<ForecastScore[]> {
    const rows = await this.t.queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': 'FORECAST-SCORES' }, ScanIndexForward: false });
    return rows.map((r) => stripKeys<ForecastScore>(r));
  }

  // ---- summaries -------------------------------------------------------------------------------

  async putTitleInterests(list: TitleInterest[]): Promise<void> {
    await this.t.batchWrite(
      list.map((x) => ({ PutRequest: { Item: { pk: `INTEREST#${x.titleKey}`, sk: 'SUMMARY', entity: 'title-interest', gsi2pk: 'INTEREST-TITLES', gsi2sk: x.titleKey, ...x } } })),
    );
    if (list.length) await this.dataVersion.bump();
  }

  async titleInterests(): Promise<TitleInterest[]> {
    const rows = await this.t.queryAll({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': 'INTEREST-TITLES' } });
    return rows.map((r) => stripKeys<TitleInterest>(r));
  }

  async getTitleInterest(titleKey: string): Promise<TitleInterest | null> {
    const row = await this.t.get(`INTEREST#${titleKey}`, 'SUMMARY');
    return row ? stripKeys<TitleInterest>(row) : null;
  }
}
