// Links a channel's video to a title and a kind (teaser, trailer, final trailer, clip, spot) with the embedded
// analyst's title matching: known titles first (the slate, the calendar, the charts), then quoted or capitalized ones.
import type { VideoKind } from '../../../shared/model/interest.js';
import type { VideoLinker, VideoLinkResult, VideoToLink } from '../../../shared/ports/video-linker.js';
import { buildKnownTitles, extractTitles, findKnownTitles } from './titles.js';

export const VIDEO_LINKER_VERSION = 'video-rules-1';

const KINDS: Array<[RegExp, VideoKind]> = [
  [/\bfinal\s+trailer\b/i, 'final_trailer'],
  [/\bteaser\b/i, 'teaser'],
  [/\b(?:tv|big\s+game|super\s+bowl|game\s+day)\s+spot\b|\bspot\b|(?:^|\s):(?:15|30|60)\b/i, 'spot'],
  [/\btrailers?\b/i, 'trailer'],
  [/\b(?:clip|scene|sneak\s+peek|first\s+look|opening\s+minutes)\b/i, 'clip'],
];

/** The kind a video's own title says it is ("Official Teaser Trailer" is a teaser; featurettes and sizzles are "other"). */
export function videoKind(title: string): VideoKind {
  for (const [re, kind] of KINDS) if (re.test(title)) return kind;
  return 'other';
}

// Words of a posted title that are about the video, not the film: never a title on their own.
const NOT_A_TITLE = /^(?:official|trailer|teaser|final|clip|spot|tv|hd|4k|featurette|first look|in theaters.*|coming soon.*|watch now)$/i;
// Studios post "<Title> | Official Trailer | <Studio>", "<Title> - Final Trailer [HD]", "<Title> (2027) Official Trailer".
const LEADING_SEGMENT = /^(.+?)\s*(?:\s[|–—-]\s|\s\(\d{4}\)|\s\[|$)/;

/** The posted title's leading segment ("Tidepool | Final Trailer" → "Tidepool"), when it reads as a title. */
function leadingSegment(posted: string): string | null {
  const seg = LEADING_SEGMENT.exec(posted.trim())?.[1]?.trim();
  if (!seg || seg.length < 2 || seg.length > 80 || seg.split(/\s+/).length > 8) return null;
  if (NOT_A_TITLE.test(seg) || /\b(?:official|trailer|teaser|clip|spot|featurette|preview|sizzle|guide)\b/i.test(seg)) return null;
  return seg;
}

const keyOf = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();

/** The embedded video linker: one compile of the known titles per batch of videos. */
export function createVideoLinker(): VideoLinker {
  return {
    version: `embedded ${VIDEO_LINKER_VERSION}`,
    link(videos: VideoToLink[], knownTitles: string[]): VideoLinkResult[] {
      const known = buildKnownTitles(knownTitles);
      const byKey = new Map(knownTitles.map((t) => [keyOf(t), t]));
      return videos.map((v) => {
        const kind = videoKind(v.title);
        // Known titles in the video's own title win; its description only helps when the title names none.
        const own = findKnownTitles(v.title, known).sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
        if (own[0]) return { videoId: v.videoId, title: own[0].title, kind };
        const segment = leadingSegment(v.title);
        const knownSegment = segment ? byKey.get(keyOf(segment)) : undefined;
        if (knownSegment) return { videoId: v.videoId, title: knownSegment, kind };
        const extracted = extractTitles(v.title, known).titles.filter((t) => !NOT_A_TITLE.test(t));
        if (extracted[0] && kind !== 'other') return { videoId: v.videoId, title: extracted[0], kind };
        if (segment && kind !== 'other') return { videoId: v.videoId, title: segment, kind };
        const fromDescription = findKnownTitles(v.description.slice(0, 500), known)[0];
        if (fromDescription && kind !== 'other') return { videoId: v.videoId, title: fromDescription.title, kind };
        return { videoId: v.videoId, title: null, kind };
      });
    },
  };
}
