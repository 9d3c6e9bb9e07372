// A title's interest data as one read: its linked videos with their snapshots, and its page views (articles summed).
// Cached per computation, so a title used as a comparable for several others is read once.
import type { ArticleRecord, PageviewPoint, VideoKind, VideoLink, VideoRecord, ViewObservation } from '../model/interest.js';
import type { InterestReader } from '../ports/interest-store.js';
import { mapLimit } from '../util/concurrency.js';
import { mergePageviews } from './series.js';

export interface TitleVideo {
  link: VideoLink;
  record: VideoRecord | null;
  observations: ViewObservation[];
}

export interface TitleData {
  key: string;
  videos: TitleVideo[];
  articles: ArticleRecord[];
  pageviews: PageviewPoint[];
}

/** The comparable kinds of video, in the order a campaign releases them. */
export const TRAILER_KINDS: VideoKind[] = ['teaser', 'trailer', 'final_trailer'];

export class TitleDataLoader {
  private readonly cache = new Map<string, Promise<TitleData>>();

  constructor(private readonly reader: InterestReader) {}

  load(key: string): Promise<TitleData> {
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.read(key);
      this.cache.set(key, hit);
      hit.catch(() => this.cache.delete(key));
    }
    return hit;
  }

  private async read(key: string): Promise<TitleData> {
    const [links, articles] = await Promise.all([this.reader.titleVideos(key), this.reader.titleArticles(key)]);
    const videos = await mapLimit(links, 4, async (link) => ({ link, ...(await this.reader.videoHistory(link.videoId)) }));
    const series = await Promise.all(articles.map((a) => this.reader.pageviews(a.project, a.article)));
    videos.sort((a, b) => (a.record?.publishedAt ?? a.link.publishedAt ?? '').localeCompare(b.record?.publishedAt ?? b.link.publishedAt ?? ''));
    return { key, videos, articles, pageviews: mergePageviews(series) };
  }
}

/** A title's videos of one kind published by `cutoff`, oldest first. */
export function videosOfKind(data: TitleData, kind: VideoKind, cutoff?: string): TitleVideo[] {
  return data.videos.filter((v) => v.link.kind === kind && publishedOf(v) !== null && (!cutoff || publishedOf(v)! <= cutoff));
}

export function publishedOf(v: TitleVideo): string | null {
  return v.record?.publishedAt ?? v.link.publishedAt ?? null;
}
