import { describe, expect, it } from 'vitest';
import { createEmbeddedAnalyst, newsroomTime } from '../../../agents/analyst/embedded/embedded-analyst.js';

describe('newsroomTime', () => {
  const at = Date.parse('2022-11-12T00:32:26Z');

  it('takes the day the address names when it is the day before or after the UTC day', () => {
    expect(newsroomTime(at, 'https://www.theverge.com/2022/11/11/23453230/studio-ghibli-star-wars').toISOString()).toBe('2022-11-11T00:32:26.000Z');
    expect(newsroomTime(Date.parse('2023-05-01T22:10:00Z'), 'https://example.jp/news/2023-05-02-anime-film').toISOString()).toBe('2023-05-02T22:10:00.000Z');
  });

  it('keeps the UTC time when the address names no day, the same day, or a day further off', () => {
    expect(newsroomTime(at, 'https://www.theverge.com/23453230/studio-ghibli-star-wars').toISOString()).toBe('2022-11-12T00:32:26.000Z');
    expect(newsroomTime(at, 'https://www.theverge.com/2022/11/12/x').toISOString()).toBe('2022-11-12T00:32:26.000Z');
    expect(newsroomTime(at, 'https://www.theverge.com/2022/11/02/x').toISOString()).toBe('2022-11-12T00:32:26.000Z');
    expect(newsroomTime(at, null).toISOString()).toBe('2022-11-12T00:32:26.000Z');
  });

  it('dates "tomorrow" from the newsroom’s day', () => {
    const analyst = createEmbeddedAnalyst({ competitors: [], slate: [] });
    const story = { title: 'Studio Ghibli’s hand-drawn Star Wars animation hits Disney Plus tomorrow', text: '', publishedAt: '2022-11-12T00:32:26Z' };
    expect(analyst.extract({ ...story, url: 'https://www.theverge.com/2022/11/11/23453230/studio-ghibli-star-wars-lucasfilm' }).releaseDate).toBe('2022-11-12');
    expect(analyst.extract({ ...story, url: null }).releaseDate).toBe('2022-11-13');
  });
});
