// The section of a site an article's address files it under ("/film/reviews/…", "/features/…", "/obituaries/…"):
// what the newsroom itself says a story is, read from the folders of the path (never the slug, which repeats the headline).

/** Section folder words, as outlets spell them, to one cue each. */
const SECTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:(?:film|movie|tv|television|theater|music)-)?(?:reviews?|criticism|critics?|critics-picks|verdict)$/, 'review'],
  [/^(?:(?:film|movie|tv|television)-)?(?:features?|interviews?|q-and-a|qa|lists?|listicles?|opinions?|columns?|columnists?|essays?|explainers?|deep-dives?|longform|guides?|rankings?|podcasts?)$/, 'feature'],
  [/^(?:obituar(?:y|ies)|obits?|in-memoriam)$/, 'obituary'],
  [/^(?:awards?|awards-circuit|awards-season|oscars?|emmys?|golden-globes|festivals?|film-festivals?|cannes|sundance|tiff|venice)$/, 'awards'],
  [/^(?:box-office|boxoffice|box-office-news|ratings|tv-ratings)$/, 'box-office'],
  [/^(?:trailers?|videos?|clips?|first-look)$/, 'trailer'],
  [/^(?:business|business-news|industry|finance|media-business|legal|labor)$/, 'business'],
  [/^(?:casting|casting-news)$/, 'casting'],
];

/** Section cues of an article's address, or none (no address, no folder, or an unknown folder). */
export function urlSections(url: string | null | undefined): string[] {
  if (!url) return [];
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  const folders = path.toLowerCase().split('/').filter(Boolean).slice(0, -1);
  const out = new Set<string>();
  for (const f of folders) {
    for (const [re, cue] of SECTIONS) if (re.test(f)) out.add(cue);
  }
  return [...out];
}
