// The demo's audience-interest model: studio YouTube channels, their videos (first-24-hour views and a growth curve),
// and each tracked title's Wikipedia page-view level. Fictional, written to sit beside the demo's box office: the
// figures loosely follow each title's opening (boxoffice-data.mjs), with deliberate misses — Kingdom of Salt's big
// trailer before its flop, Spirit Blade's anime fan base, family films that out-open their trailer views — and the
// news (Static Girl's "social metrics running well ahead of comparable horror", Lantern Keeper's trailer 2 about
// double the first, Skyward Sprocket's record final trailer, Iron Meridian's trailer on Nov 23).

/** The demo clock (workspace.yaml) and the recorded live snapshots after it: one a day, as if a day passed between runs. */
export const CLOCK = '2026-11-26T20:00:00Z';
export const LIVE_SNAPSHOTS = ['2026-11-26T20:00:00Z', '2026-11-27T20:00:00Z', '2026-11-28T20:00:00Z', '2026-11-29T20:00:00Z'];
/** The archive (what a deployment crawling every 6 hours since mid-August would have kept) starts here. */
export const ARCHIVE_FROM = '2026-08-15T00:00:00Z';
/** Page views asked for on each crawl (workspace: days: 60). */
export const PAGEVIEW_DAYS = 60;

export const CHANNELS = [
  { id: 'yt-harbor-light', name: 'Harbor Light Pictures', studio: 'Harbor Light Pictures', tags: ['studio'] },
  { id: 'yt-universal', name: 'Universal Pictures', studio: 'Universal Pictures', tags: ['competitor'] },
  { id: 'yt-lionsgate', name: 'Lionsgate Movies', studio: 'Lionsgate', tags: ['competitor'] },
  { id: 'yt-disney', name: 'Walt Disney Studios', studio: 'Walt Disney Studios', tags: ['competitor'] },
  { id: 'yt-sony', name: 'Sony Pictures Entertainment', studio: 'Sony Pictures', tags: ['competitor'] },
  { id: 'yt-neon', name: 'NEON', studio: 'Neon', tags: ['competitor'] },
  { id: 'yt-paramount', name: 'Paramount Pictures', studio: 'Paramount Pictures', tags: ['competitor'] },
  { id: 'yt-amazon-mgm', name: 'Amazon MGM Studios', studio: 'Amazon MGM Studios', tags: ['competitor'] },
  { id: 'yt-warner', name: 'Warner Bros. Pictures', studio: 'Warner Bros.', tags: ['competitor'] },
  { id: 'yt-a24', name: 'A24', studio: 'A24', tags: ['competitor'] },
];

/**
 * Titles: `release` (ISO date), `pv` = average daily page views about ten days before release (null: no article
 * tracked), videos `[channel, title as posted, published UTC, views in the first 24 hours, like rate]`.
 */
export const TITLES = [
  // ---- opened in the demo's charts (the comparables and the backtest) ----
  { title: 'Grave Tidings', article: 'Grave_Tidings', release: '2026-10-30', pv: 9500, genres: ['Horror'], videos: [
    ['yt-lionsgate', 'Grave Tidings (2026) Official Teaser', '2026-08-20T16:00:00Z', 900_000, 0.031],
    ['yt-lionsgate', 'Grave Tidings (2026) Official Trailer – Lionsgate Horror', '2026-09-03T16:00:00Z', 2_200_000, 0.034],
    ['yt-lionsgate', "Grave Tidings (2026) TV Spot 'Wake'", '2026-10-20T15:00:00Z', 310_000, 0.018],
  ] },
  { title: 'Midnight Parade', article: 'Midnight_Parade_(film)', release: '2026-10-30', pv: 4300, genres: ['Horror', 'Comedy'], videos: [
    ['yt-sony', 'MIDNIGHT PARADE – Official Trailer (HD)', '2026-09-10T17:00:00Z', 1_100_000, 0.022],
  ] },
  { title: 'Starbreaker', article: 'Starbreaker_(film)', release: '2026-11-06', pv: 58000, genres: ['Superhero', 'Action', 'Sci-Fi'], videos: [
    ['yt-disney', 'Starbreaker | Official Teaser', '2026-08-20T17:00:00Z', 8_400_000, 0.041],
    ['yt-disney', 'Starbreaker | Official Trailer', '2026-09-17T16:00:00Z', 11_800_000, 0.043],
    ['yt-disney', 'Starbreaker | Final Trailer', '2026-10-13T16:00:00Z', 9_600_000, 0.040],
  ] },
  { title: 'Spirit Blade: The Crimson Gate', article: 'Spirit_Blade:_The_Crimson_Gate', release: '2026-11-06', pv: 8000, genres: ['Animation', 'Action', 'Fantasy'], videos: [
    ['yt-sony', 'Spirit Blade: The Crimson Gate | OFFICIAL TRAILER | In Theaters November 6', '2026-09-24T15:00:00Z', 3_000_000, 0.058],
  ] },
  { title: 'Dil Ki Raah', article: 'Dil_Ki_Raah', release: '2026-11-06', pv: 2600, genres: ['Romance', 'Drama'], width: 'limited', videos: [] },
  { title: 'Static Girl', article: 'Static_Girl', release: '2026-11-13', pv: 19000, genres: ['Horror'], videos: [
    ['yt-neon', 'STATIC GIRL | Official Teaser | NEON', '2026-09-08T16:00:00Z', 1_600_000, 0.045],
    ['yt-neon', 'STATIC GIRL | Official Trailer | NEON', '2026-10-01T16:00:00Z', 4_100_000, 0.052],
    ['yt-neon', 'STATIC GIRL | Red Band Trailer | NEON', '2026-10-29T19:00:00Z', 3_300_000, 0.049],
  ] },
  { title: 'Overtime', article: 'Overtime_(2026_film)', release: '2026-11-13', pv: 6100, genres: ['Drama', 'Sports'], videos: [
    ['yt-paramount', 'Overtime (2026) - Official Trailer - Paramount Pictures', '2026-09-30T16:00:00Z', 1_500_000, 0.027],
  ] },
  { title: 'Kingdom of Salt', article: 'Kingdom_of_Salt', release: '2026-11-13', pv: 11000, genres: ['Action', 'Adventure'], videos: [
    ['yt-amazon-mgm', 'Kingdom of Salt - Official Trailer | Amazon MGM Studios', '2026-08-28T16:00:00Z', 3_400_000, 0.021],
    ['yt-amazon-mgm', 'Kingdom of Salt - Final Trailer | Amazon MGM Studios', '2026-10-22T16:00:00Z', 2_100_000, 0.017],
  ] },
  { title: 'Glimmerglass', article: 'Glimmerglass_(film)', release: '2026-11-20', pv: 41000, genres: ['Family', 'Musical', 'Fantasy'], videos: [
    ['yt-universal', 'Glimmerglass - Official Teaser Trailer [HD]', '2026-08-26T16:00:00Z', 4_400_000, 0.038],
    ['yt-universal', 'Glimmerglass - Official Trailer [HD]', '2026-09-15T16:00:00Z', 6_900_000, 0.041],
    ['yt-universal', 'Glimmerglass - Final Trailer [HD]', '2026-10-28T16:00:00Z', 5_800_000, 0.044],
    ['yt-universal', 'Glimmerglass - Behind the Music Featurette [HD]', '2026-11-02T17:00:00Z', 640_000, 0.030],
  ] },
  { title: 'A Very Fletcher Christmas', article: 'A_Very_Fletcher_Christmas', release: '2026-11-20', pv: 6500, genres: ['Family', 'Comedy', 'Holiday'], videos: [
    ['yt-lionsgate', 'A Very Fletcher Christmas (2026) Official Trailer', '2026-10-06T16:00:00Z', 900_000, 0.019],
  ] },

  // ---- dated ahead: ours and our competitors' ----
  { title: 'The Lantern Keeper', article: 'The_Lantern_Keeper_(film)', release: '2026-12-11', pv: 10500, videos: [
    ['yt-harbor-light', 'THE LANTERN KEEPER | Official Teaser | Harbor Light Pictures', '2026-08-25T16:00:00Z', 1_400_000, 0.036],
    ['yt-harbor-light', 'THE LANTERN KEEPER | Official Trailer | Harbor Light Pictures', '2026-10-06T16:00:00Z', 3_000_000, 0.039],
    ['yt-harbor-light', 'THE LANTERN KEEPER | Trailer 2 | Harbor Light Pictures', '2026-11-10T17:00:00Z', 5_900_000, 0.042],
  ] },
  { title: 'Skyward Sprocket', article: 'Skyward_Sprocket', release: '2026-12-11', pv: 30000, genres: ['Family', 'Animation', 'Adventure'], videos: [
    ['yt-universal', 'Skyward Sprocket - Official Teaser Trailer [HD]', '2026-08-19T16:00:00Z', 3_900_000, 0.035],
    ['yt-universal', 'Skyward Sprocket - Official Trailer [HD]', '2026-10-14T16:00:00Z', 6_200_000, 0.037],
    ['yt-universal', 'Skyward Sprocket - Final Trailer [HD]', '2026-11-23T16:30:00Z', 8_000_000, 0.040],
  ] },
  { title: 'Saltwater Saints', article: 'Saltwater_Saints', release: '2026-12-25', pv: 3500, videos: [
    ['yt-harbor-light', 'SALTWATER SAINTS | Official Trailer | Harbor Light Pictures', '2026-11-05T17:30:00Z', 700_000, 0.047],
  ] },
  { title: 'The Quiet Coast', article: 'The_Quiet_Coast', release: '2026-12-25', pv: 2800, genres: ['Drama'], width: 'limited', videos: [
    ['yt-neon', 'THE QUIET COAST | US Trailer | NEON', '2026-11-20T18:00:00Z', 520_000, 0.051],
  ] },
  { title: 'Deadfall Protocol', article: 'Deadfall_Protocol', release: '2027-01-22', pv: 12000, videos: [
    ['yt-harbor-light', 'DEADFALL PROTOCOL | Official Teaser | Harbor Light Pictures', '2026-11-12T17:00:00Z', 1_900_000, 0.033],
  ] },
  { title: 'Iron Meridian', article: 'Iron_Meridian', release: '2027-01-22', pv: 16000, genres: ['Action', 'Thriller'], videos: [
    ['yt-lionsgate', 'Iron Meridian (2027) Official Trailer – Dax Holloway, Odessa Lark', '2026-11-23T17:00:00Z', 7_000_000, 0.044],
  ] },
  { title: 'Paper Moons', article: 'Paper_Moons_(film)', release: '2027-02-12', pv: 7000, videos: [
    ['yt-harbor-light', 'PAPER MOONS | Official Trailer | Harbor Light Pictures', '2026-11-19T18:30:00Z', 1_300_000, 0.038],
  ] },
  { title: 'Meet Me in Marseille', article: 'Meet_Me_in_Marseille', release: '2027-02-12', pv: 6000, genres: ['Romance', 'Comedy'], videos: [
    ['yt-sony', 'MEET ME IN MARSEILLE – First Look', '2026-11-24T17:15:00Z', 600_000, 0.035],
  ] },
  // Tracked on YouTube only (no article in the workspace).
  { title: 'The Hollow Season', article: null, release: '2027-03-19', pv: null, videos: [
    ['yt-harbor-light', 'THE HOLLOW SEASON | Official Teaser | Harbor Light Pictures', '2026-10-30T16:00:00Z', 1_200_000, 0.040],
  ] },
  { title: 'The Drowning Hour', article: null, release: '2027-03-12', pv: null, videos: [
    ['yt-a24', 'The Drowning Hour | Official Teaser HD | A24', '2026-10-27T15:00:00Z', 1_500_000, 0.048],
  ] },
  { title: 'Tidepool', article: null, release: '2026-11-25', pv: null, videos: [
    ['yt-disney', 'Tidepool | Official Trailer', '2026-09-09T16:00:00Z', 4_800_000, 0.039],
    ['yt-disney', 'Tidepool | Final Trailer', '2026-10-21T15:00:00Z', 4_200_000, 0.041],
  ] },
  { title: 'The Brass Key Murders', article: null, release: '2026-11-25', pv: null, videos: [
    ['yt-sony', 'THE BRASS KEY MURDERS – Official Trailer (HD)', '2026-10-14T16:00:00Z', 800_000, 0.024],
  ] },
  { title: 'Pip & the Paper Dragon', article: null, release: '2027-03-05', pv: null, videos: [
    ['yt-paramount', 'Pip & the Paper Dragon | Teaser Trailer | Paramount Animation', '2026-11-03T16:00:00Z', 1_000_000, 0.030],
  ] },
  { title: 'The Last Cartographer', article: null, release: '2026-10-09', pv: null, videos: [
    ['yt-warner', 'THE LAST CARTOGRAPHER – Official Trailer 2', '2026-08-12T16:00:00Z', 2_800_000, 0.032],
  ] },
  { title: 'Velvet Hours', article: null, release: '2026-10-09', pv: null, videos: [
    ['yt-a24', 'Velvet Hours | Official Trailer HD | A24', '2026-08-27T15:00:00Z', 420_000, 0.061],
  ] },
  // ---- uploads about no title (sizzles, guides): stored, never compared ----
  { title: null, article: null, release: null, pv: null, videos: [
    ['yt-harbor-light', 'Harbor Light Pictures | 2027 Slate Preview', '2026-11-18T18:00:00Z', 240_000, 0.020],
    ['yt-universal', 'Universal Pictures Holiday Movie Guide 2026', '2026-11-16T17:00:00Z', 410_000, 0.015],
    ['yt-warner', 'Warner Bros. Pictures | Coming Soon to Theaters', '2026-11-11T17:00:00Z', 380_000, 0.014],
  ] },
];
