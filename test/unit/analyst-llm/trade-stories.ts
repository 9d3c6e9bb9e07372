// Test fixture: eight realistic trade stories (full-length bodies) and a workspace context for the LLM analyst tests.
import { createHash } from 'node:crypto';
import type { AnalystContext, StoryInput } from '../../../shared/ports/analyst.js';

/** A StoryInput with a content hash, as analyze-items builds them. */
export function story(storyId: string, title: string, text: string, publishedAt: string | null = '2026-11-17T18:00:00Z'): StoryInput {
  const hash = createHash('sha256').update(`${title}\n${text}`).digest('hex').slice(0, 32);
  return { storyId, hash, title, text, publishedAt, url: `https://trade.example/${storyId}` };
}

export const CONTEXT: AnalystContext = {
  competitors: [
    { name: 'Universal Pictures', aliases: ['Universal', 'Illumination', 'Focus Features'] },
    { name: 'Lionsgate', aliases: ['Lions Gate'] },
    { name: 'A24', aliases: [] },
    { name: 'Warner Bros. Pictures', aliases: ['Warner Bros.', 'WB', 'New Line'] },
  ],
  slate: [
    { title: 'The Lantern Keeper', releaseDate: '2026-12-11', genres: ['family', 'fantasy'], width: 'wide' },
    { title: 'Deadfall Protocol', releaseDate: '2027-01-22', genres: ['action'], width: 'wide' },
    { title: 'The Hollow Season', releaseDate: '2027-03-19', genres: ['horror'], width: 'wide' },
  ],
  knownTitles: ['Skyward Sprocket', 'Iron Meridian'],
};

export const TRADE_STORIES: StoryInput[] = [
  story(
    's1',
    `Universal Moves Illumination's 'Skyward Sprocket' Up Two Weeks To Dec. 11`,
    `Universal Pictures is moving Illumination's animated adventure Skyward Sprocket up two weeks, from Christmas Day to Friday, December 11, 2026. The studio made the change Tuesday morning, positioning the film as the first wide family title of the holiday corridor.

The pic, directed by Benoît Lavalle and featuring the voices of Mo Adeyemi and Lucía Ferrand, follows a clockwork robot who stows away on a migrating sky whale. The new date puts it head-to-head with Harbor Light Pictures' PG fantasy The Lantern Keeper, which has held December 11 since last spring.

The move also clears Christmas for Universal's live-action slate. Sources say exhibitors pushed for an earlier family option after Glimmerglass tracking came in strong. Illumination's last three original films opened between $55M and $72M domestically, and rival distribution executives expect the studio to book most premium large-format screens for the frame. "Two PG event movies on the same Friday is one too many," said one distribution executive at a competing studio. Harbor Light has not indicated whether it will move; a spokesperson declined to comment.`,
  ),
  story(
    's2',
    `Lionsgate Dates Dax Holloway Actioner 'Iron Meridian' For January 22`,
    `Lionsgate has set Iron Meridian, its Dax Holloway-Odessa Lark action thriller, for wide release on January 22, 2027. Grant Ostrowski directed from a screenplay by Kit Amberley.

The date puts the pic opposite Harbor Light Pictures' Deadfall Protocol, the Malik Oduya-directed action thriller that has been dated for January 22 since the summer. 20th Century Studios vacated that weekend last month when it pulled Black Ice from the calendar.

"January has become a proven launchpad for original action, and Iron Meridian is a crowd-pleaser built for the biggest screens," said Carla Benedetti, President, Worldwide Theatrical Distribution, Lionsgate. Both films are R-rated, male-skewing originals with mid-range budgets; when two similar films share a date, the studio with the smaller marketing commitment usually moves within six weeks. Lionsgate's Red Canyon Run has grossed $41.2M domestically since opening October 23.`,
    '2026-11-19T18:40:00Z',
  ),
  story(
    's3',
    `A24 Shifts Siobhan Muir's 'The Drowning Hour' to March, a Week Ahead of 'The Hollow Season'`,
    `A24 has moved The Drowning Hour, Siobhan Muir's waterlogged folk-horror feature, from January 29 to March 12, 2027. The film premiered to strong notices at Fantastic Fest in September.

Imogen Sato stars as a lifeguard in a flooded seaside town who starts hearing the drowned church bells ring again; Lucas Quint co-stars. The new date lands one weekend before Harbor Light's The Hollow Season (March 19), giving March two back-to-back elevated horror releases aimed at the same under-35 audience.

A24 did not give a reason for the move, though the distributor has done well with spring horror before. Exhibitors said the shift gives the film room to build word of mouth through a longer festival and genre-press campaign, and the company is expected to cut a new trailer around the Super Bowl.`,
    '2026-11-18T17:30:00Z',
  ),
  story(
    's4',
    `Box Office: 'Glimmerglass' Shatters November Record With $112 Million Opening`,
    `Warner Bros.' Glimmerglass opened to a record $112 million domestically over the weekend, the biggest November launch ever for a non-sequel, according to studio estimates on Sunday. The fantasy epic added $148 million from 62 international markets for a $260 million global start.

Directed by Priya Raman and starring Teodora Vance and Idris Kalu, the film earned an A CinemaScore and played 48% female. Premium large formats contributed 41% of the domestic gross, with IMAX alone delivering $24.5 million.

Holdovers were soft. Lionsgate's Red Canyon Run slipped 46% to $6.1 million in its fourth weekend, while Universal's Paws of Thunder added $4.8 million for a $188.3 million domestic cume. Overall weekend business reached $168 million, up 22% from the same frame last year. Glimmerglass cost a reported $190 million before marketing.`,
    '2026-11-15T19:10:00Z',
  ),
  story(
    's5',
    `Odessa Lark Joins Jordan Pike's 'Saltwater Kings' at Focus Features`,
    `Odessa Lark (Iron Meridian) is set to star opposite Theo Marsh in Saltwater Kings, the coastal crime drama Jordan Pike is directing for Focus Features, sources confirm.

The film, written by Ama Kessie, follows two brothers who run a struggling oyster farm and get drawn into a smuggling ring after a hurricane wipes out their harvest. Production begins in February in North Carolina, with a release planned for fall 2027.

Focus acquired the script in a competitive situation last spring. Pike and Marsh last teamed on The Long Tide, which earned two Independent Spirit nominations. Lark is repped by CAA and Grandview. The project is produced by Lena Ortiz through her Tidewater banner, with Focus co-president Ben Adair overseeing for the specialty label.`,
    '2026-11-16T20:05:00Z',
  ),
  story(
    's6',
    `Netflix Buys Sundance-Bound Documentary 'The Last Projectionist' in $12 Million Deal`,
    `Netflix has acquired worldwide rights to The Last Projectionist, the documentary about the final 35mm projectionists working in American multiplexes, in a deal worth about $12 million, sources said. The film will premiere in the U.S. Documentary Competition at Sundance in January.

Directed by Mara Quinlan and produced by Stellan Reyes, the film follows three projectionists in Ohio, Texas and Oregon over the year their theaters convert to laser. The deal, negotiated by Cinetic, beat offers from Apple and Neon, according to people familiar with the talks.

Netflix plans a limited theatrical run before the documentary streams in the spring. The streamer has stepped up its nonfiction acquisitions this year after a string of festival titles drew large audiences on the service.`,
    '2026-11-20T16:00:00Z',
  ),
  story(
    's7',
    `Warner Bros. Names Dana Whitfield President of Worldwide Marketing`,
    `Warner Bros. Pictures has named Dana Whitfield president of worldwide marketing, effective January 5, the studio said Monday. She succeeds Rob Carrillo, who is leaving after eight years to launch a creative agency.

Whitfield joins from Paramount Pictures, where as executive vice president of global campaigns she oversaw marketing for the studio's biggest franchise releases, including the launch of the Horizon Line trilogy. She will report to Warner Bros. Pictures co-chairs and oversee creative advertising, media, digital, research and international marketing.

"Dana understands how to turn a release date into an event," the co-chairs said in a statement. The hire comes as the studio prepares a 2027 slate that includes three tentpoles and the Glimmerglass sequel, which is in development with Priya Raman returning.`,
    '2026-11-16T17:00:00Z',
  ),
  story(
    's8',
    `'The Lantern Keeper' Trailer: Harbor Light Unveils First Look at Sunniva Lindqvist's Fantasy`,
    `Harbor Light Pictures on Wednesday released the first full trailer for The Lantern Keeper, Sunniva Lindqvist's PG fantasy about a girl who tends a lighthouse whose light can guide lost souls home. The film opens in theaters December 11.

The trailer, which debuted during a prime-time broadcast and online at the same time, racked up 38 million views in its first 24 hours, according to the studio, the company's best launch for an original film. Newcomer Elin Sandvik stars alongside Hugo Marchetti and Gwen Adebayo.

The campaign will include a partnership with a national bookstore chain and lighthouse-themed activations at holiday markets in twelve cities. The release comes as Universal's Skyward Sprocket moved to the same date, setting up a family-film collision that rival distributors expect to force one studio to blink.`,
    '2026-11-18T21:00:00Z',
  ),
];
