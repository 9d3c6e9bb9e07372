// What a release date dates: theatrical, streaming, tv or digital, read from the words around the date and from the
// kind of company the story names (a streamer's premiere, a network's premiere, a studio's opening).
import type { ReleaseKind } from '../../../shared/model/event.js';
import { companyKind, type StudioMention } from './studios.js';

const DIGITAL = /\b(?:digital(?:ly)?|pvod|premium vod|vod|on demand|home entertainment|home release|blu-?ray|dvd|4k(?: ultra hd)?|uhd|to rent|to buy|for rent|for purchase|digital download|comes? home|heads? home|hits? home)\b/i;
const THEATRICAL = /\b(?:in theaters|in theatres|in cinemas|theatrical(?:ly)?|theaters?|theatres?|cinemas?|box office|imax|wide release|limited release|nationwide|opens? (?:wide|nationwide|in)|opening weekend|moviegoers)\b/i;
const STREAMING = /\b(?:stream(?:s|ing|er|ers)?|on (?:netflix|hulu|disney\+|max|hbo max|prime video|apple tv\+?|peacock|paramount\+|tubi|shudder|amc\+|starz|mgm\+|crunchyroll)|subscribers)\b/i;
const TV = /\b(?:airs?|aired|airing|broadcasts?|on (?:abc|cbs|nbc|fox|the cw|pbs|hbo|showtime|starz|fx|amc|bravo|syfy|usa network|tnt|tbs|bbc(?: one| two)?|itv|channel 4)|network|cable|primetime|prime time|time ?slot|timeslot|midseason|fall schedule|schedule for|episodes?\b|season (?:\d+|one|two|three|four|five|premiere|finale)|series premiere|premiere date)\b/i;
const SERIES = /\b(?:series|season|seasons|episode|episodes|docuseries|miniseries|limited series|show|sitcom|drama series|comedy series|anthology)\b/i;
const FILM = /\b(?:film|films|movie|movies|feature|features|sequel|prequel|blockbuster|tentpole|pic|pics|animated feature)\b/i;

/** The kind of the release the story dates; null when it gives no release date. */
export function releaseKindOf(releaseDate: string | null, dateSentence: string | null, doc: string, mentions: readonly StudioMention[]): ReleaseKind | null {
  if (!releaseDate) return null;
  const near = dateSentence ?? '';
  // Words in the sentence that gives the date say it best ("hits digital Nov. 3", "premieres on Hulu Oct. 5").
  if (DIGITAL.test(near)) return 'digital';
  if (THEATRICAL.test(near)) return 'theatrical';
  const kinds = mentions.map((m) => companyKind(m.entity));
  const streamer = kinds.includes('streamer');
  const network = kinds.includes('network');
  const series = SERIES.test(doc);
  const film = FILM.test(doc);
  if (STREAMING.test(near) && !TV.test(near)) return 'streaming';
  // The company the dating sentence names: a streamer alone there ("HBO Max … scheduled to debut on New Year's Day")
  // outweighs a network named elsewhere in the story.
  const from = near ? doc.indexOf(near) : -1;
  const nearKinds = from < 0 ? [] : mentions.filter((m) => m.start >= from && m.end <= from + near.length).map((m) => companyKind(m.entity));
  if (nearKinds.includes('streamer') && !nearKinds.includes('network') && !TV.test(near)) return 'streaming';
  if (TV.test(near) && network && !streamer) return 'tv';
  if (THEATRICAL.test(doc) && !series) return 'theatrical';
  if (DIGITAL.test(doc) && !THEATRICAL.test(doc)) return 'digital';
  if (streamer && !network) return 'streaming';
  if (network && (series || !film)) return 'tv';
  if (streamer) return 'streaming';
  // A series dated with no network or streamer named anywhere: most such premieres are a streamer's now (dev split:
  // 407 of 464 kinds right this way against 401 with 'tv').
  if (series && !film) return 'streaming';
  return 'theatrical';
}
