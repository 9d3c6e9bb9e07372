// /openapi.json, generated from the same zod schemas the routes validate with.
import { z } from 'zod';
import { SurprisesResult, TitleRun, TitleRunQuery } from '../../shared/model/boxoffice-view.js';
import { InterestDetail, InterestOverview, InterestQuery } from '../../shared/model/interest.js';
import { AskRequest, AskResponse, BoxOfficeQuery, BoxOfficeResult, DigestView, ErrorBody, EventsPage, EventsQuery, ReleasesQuery, ReleasesResult, SourcesResult } from '../../shared/query/schemas.js';

type Json = Record<string, unknown>;

const schema = (s: z.ZodType, io: 'input' | 'output' = 'output'): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
  return rest;
};

function queryParameters(s: z.ZodObject): Json[] {
  const json = schema(s, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, p]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    description: p.description,
    schema: p,
  }));
}

const errors = {
  '400': { description: 'Invalid input: the message says what is wrong', content: { 'application/json': { schema: schema(ErrorBody) } } },
  '401': { description: 'Missing or wrong API key', content: { 'application/json': { schema: schema(ErrorBody) } } },
  '429': { description: 'Rate limit: wait Retry-After seconds', content: { 'application/json': { schema: schema(ErrorBody) } } },
  '500': { description: 'Internal error (generic message and a request id)', content: { 'application/json': { schema: schema(ErrorBody) } } },
};

const ok = (s: z.ZodType, description: string) => ({ '200': { description, content: { 'application/json': { schema: schema(s) } } }, ...errors });

/** The OpenAPI 3.1 document of the `/v1` API. */
export function openApiDocument(version: string): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Marquee query API', version, description: 'Competitive intelligence for film and TV marketing: events, release calendar, box office, digests, and questions answered with citations.' },
    components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from `npx marquee keys create <name>`' } } },
    security: [{ apiKey: [] }],
    paths: {
      '/v1/ask': {
        post: {
          summary: 'Ask a question; the answer cites the stored items it rests on',
          requestBody: { required: true, content: { 'application/json': { schema: schema(AskRequest, 'input') } } },
          responses: ok(AskResponse, 'The answer with citations and the events behind it'),
        },
      },
      '/v1/events': { get: { summary: 'Events, newest first, with opaque-cursor pagination', parameters: queryParameters(EventsQuery), responses: ok(EventsPage, 'One page of events') } },
      '/v1/releases': { get: { summary: 'Dated releases in a window and collisions with the slate', parameters: queryParameters(ReleasesQuery), responses: ok(ReleasesResult, 'Releases and collisions') } },
      '/v1/boxoffice': { get: { summary: "A weekend chart, one title's run, or a genre's weekends", parameters: queryParameters(BoxOfficeQuery), responses: ok(BoxOfficeResult, 'Box office') } },
      '/v1/boxoffice/run': {
        get: {
          summary: "One title's weekend run (grosses, week over week, running total) beside comparable openings, with its surprise ratio",
          parameters: queryParameters(TitleRunQuery),
          responses: { ...ok(TitleRun, 'The run'), '404': { description: 'No stored weekend chart has the title', content: { 'application/json': { schema: schema(ErrorBody) } } } },
        },
      },
      '/v1/boxoffice/surprises': { get: { summary: 'Openings on the latest weekend chart far above or below comparable openings', responses: ok(SurprisesResult, 'The surprises') } },
      '/v1/interest': {
        get: {
          summary: 'Audience interest: every tracked title’s trailer views and page views against its comps, forecasts and scored forecasts; with `title`, one title in detail',
          parameters: queryParameters(InterestQuery),
          responses: {
            '200': { description: 'The overview, or one title in detail when `title` is given', content: { 'application/json': { schema: { oneOf: [schema(InterestOverview), schema(InterestDetail)] } } } },
            '404': { description: 'No trailer views or page views of the title are stored', content: { 'application/json': { schema: schema(ErrorBody) } } },
            ...errors,
          },
        },
      },
      '/v1/digests/latest': { get: { summary: 'The most recent weekly digest (its brief)', responses: { ...ok(DigestView, 'The digest'), '404': { description: 'No digest sent yet', content: { 'application/json': { schema: schema(ErrorBody) } } } } } },
      '/v1/sources': { get: { summary: 'Every source with its crawl health', responses: ok(SourcesResult, 'Source health') } },
    },
  };
}
