// Event type of a story: weighted verb/keyword patterns per type (headline weighs most) plus structural signals
// (dates found, money contexts, job titles), with a fixed priority order to break ties.
import { EVENT_TYPES, type EventType } from '../../../shared/model/event.js';
import type { MoneyAmount } from './money.js';
import { triggersOf } from './rule-triggers.js';
import { splitSentences } from './text.js';
import { predictType, stem, typeFeatures, type TypeEvidence, type TypeModelData } from './type-model.js';

/** What the other extractors found, used as evidence. Text passed to `classify` has titles/studios masked. */
export interface ClassifySignals {
  releaseIn: 'headline' | 'body' | null;
  previousIn: 'headline' | 'body' | null;
  undated: boolean;
  headlineMoney: readonly MoneyAmount[];
  bodyMoney: readonly MoneyAmount[];
  /** How many titles and studios the story names (0 when not known). */
  titles?: number;
  studios?: number;
  /** Section cues of the article's address ("review", "feature", "awards"…; see url-section.ts). */
  urlSections?: readonly string[];
  /** When the headline opens with a person's name ("Ike Brandt Boards …"): the word after it ("boards"), lowercased. */
  subjectVerb?: string;
  /** Whether the headline quotes speech (a quote that is not a title). */
  speech?: boolean;
}

export interface Classification {
  type: EventType;
  /** The keyword rules' scores (the model's probabilities when a model decided, in `probs`). */
  scores: Record<EventType, number>;
  probs?: Record<EventType, number>;
  /** What the classifier read: the model's input. */
  evidence: TypeEvidence;
}

type Rule = readonly [EventType, number, RegExp];

// Placeholders the analyst puts in place of masked spans.
export const TITLE_MASK = 'TITLE';
export const STUDIO_MASK = 'STUDIO';
export const JOB_MASK = 'JOBTITLE';

const FESTIVALS = String.raw`cannes|venice|berlin(?:ale)?|sundance|toronto|tiff|telluride|sxsw|south by southwest|tribeca|locarno|karlovy vary|san sebastian|rotterdam|new york film festival|nyff|afi fest|annecy|fantastic fest|palm springs|busan|sitges|london film festival|deauville|the croisette|croisette|lido`;
const AWARDS = String.raw`oscars?|academy awards?|golden globes?|emmys?|baftas?|sag awards?|critics choice|spirit awards?|gotham awards?|annie awards?|palme d'or|golden lion|silver lion|golden bear|silver bear|grand jury prize|people's choice|audience award|camera d'or|jury prize|best picture|best director|best actress|best actor|best film(?! (?:in|of|since|ever))|top prize|guild awards?|platform prize|top narrative award|outstanding (?:drama|comedy|limited) series`;
const DEPARTURE = String.raw`exits?|exited|exiting|to exit|to leave|will leave|departures?|drops? out|dropped out|leaves|leaving|departs?|departed|departing|quits?|walks? away|steps? down|stepping down|to step down|resigns?|resigned|ousted|out at`;

// Job titles are replaced by JOBTITLE before matching, so "Head of Acquisitions" is not an acquisition and
// "Marketing President" is not a campaign.
const JOB_AREA = String.raw`(?:\s+(?:of|in|for)\s+(?:(?:worldwide|global|domestic|international|theatrical|film|digital|motion picture)\s+)*(?:marketing|distribution|production|acquisitions|publicity|business affairs|programming|development|operations|strategy|film|films|television|streaming|content|creative|animation|the studio|theatrical strategy)(?:\s+and\s+(?:marketing|distribution|production|acquisitions|publicity|development|operations))?)?`;
const JOB_TITLE = new RegExp(
  [
    String.raw`\b(?:(?:worldwide|global|domestic|international|theatrical|digital|film|motion picture group|motion picture|marketing|distribution|production|acquisitions|programming|publicity|streaming|creative|animation|television|tv)\s+)+(?:co-)?(?:president|chief|chair(?:man|woman)?|head|boss|topper|executive|exec|czar|chief executive)s?\b${JOB_AREA}`,
    String.raw`\b(?:co-)?(?:president|chairman|chairwoman|chair|co-chair|chief executive(?: officer)?|chief [a-z]+ officer|ceo|coo|cfo|cmo|cco|evp|svp|executive vice president|senior vice president|vice president|head|managing director|artistic director|creative director|festival director|programming director|general manager)s?\b${JOB_AREA}`,
    String.raw`\b(?:executive|exec)s?\b(?!\s+produc)`,
  ].join('|'),
  'gi',
);

/** Replaces job-title phrases with JOBTITLE. */
export function maskJobTitles(s: string): string {
  return s
    .replace(JOB_TITLE, (m) => {
      // "head" alone is too common ("head-to-head", "heads to Hulu"): only "head of X" is a job here; a company's
      // head is COMPANY_TITLE's.
      if (/^heads?$/i.test(m.trim())) return m;
      return ` ${JOB_MASK} `;
    })
    .replace(COMPANY_TITLE, (_m, lead: string) => `${lead}${JOB_MASK} `);
}

// A company's boss named by a bare title ("Amazon Studios Head Jennifer Salke", "STUDIO Chief David Nevins", "STUDIO
// Content Chief Casey Bloys", "STUDIO Boss John Landgraf"): after a studio, at most one word between, and a
// capitalized name after.
const COMPANY_TITLE = /(\bSTUDIO(?:'s)?\s+(?:[A-Z][\w-]*\s+)?)(?:[Hh]eads?|Chief|Boss|Topper|Chair|Chairman|Chairwoman|President|CEO)\s+(?=[A-Z][a-z])/g;

const RULES: readonly Rule[] = [
  // release_moved
  ['release_moved', 4, /\b(?:moves?|moved|moving)\s+(?:up|back)\b/i],
  ['release_moved', 2.5, /\b(?:moves?|moved|moving)\b(?!\s+(?:forward|ahead|on\b|in on|into (?:production|development|talks)|to (?:acquire|buy|develop|direct|star|produce)))/i],
  ['release_moved', 3, /(?<!(?:holiday|marketing|awards|promo|promotional|final|big|oscar|for|a|the|its|their)\s)\bpush(?:es|ed|ing)?\b(?!\s+for\b)/i],
  ['release_moved', 3, /\bdelay(?:s|ed|ing)?\b|\bpostpone[sd]?\b|\bpostponing\b|\baccelerates?\b/i],
  ['release_moved', 3, /\bshift(?:s|ed|ing)?\b(?!\s+(?:focus|gears))/i],
  ['release_moved', 3, /\bbump(?:s|ed|ing)?\b/i],
  ['release_moved', 1.5, /\bpulls?\b|\bpulled\b|\bremoves?\b|\bremoved\b/i],
  ['release_moved', 5, /\boff (?:the |its )?(?:\w+ )?(?:calendar|schedule|slate)\b/i],
  ['release_moved', 4, /\bre-?dates?\b|\bre-?dated\b|\bskips? theaters\b|\bvanish\w*\b|\bdisappears? from\b|\bfrom (?:STUDIO(?:'s)? |the |its )?(?:release )?(?:schedule|calendar)\b|\b(?:release )?calendar changes?\b|\bdate changes?\b/i],
  ['release_moved', 2, /\bjumps? (?:to|up|ahead)\b|\bleaps?\b|\bhops?\b|\bretreats?\b|\bswitches?\b|\bswaps?\b|\bslides? (?:to|into|back)\b/i],
  ['release_moved', 4, /\bundated\b|\bindefinitely\b/i],
  ['release_moved', 2, /\bnew (?:release )?date\b|\bvacat(?:es|ed|ing)\b|\brelease (?:date )?change\b|\bswaps? dates\b|\binstead of\b/i],
  ['release_moved', 0.5, /\bearlier\b|\blater\b/i],
  // Moves worded without "move"/"delay": a reschedule, a changed date or schedule, "now set for", an early arrival,
  // a calendar shuffle, a title leaving its slot.
  ['release_moved', 4, /\breschedul(?:e|es|ed|ing)\b|\b(?:changes?|changing|changed)\s+(?:its\s+|their\s+|the\s+)?(?:release\s+|premiere\s+|streaming\s+|digital\s+|theatrical\s+)?(?:dates?|schedule|window|slot)\b/i],
  ['release_moved', 3, /\bnow\s+(?:set|dated|slated|scheduled|due|opens?|opening|arrives?|arriving|premieres?|premiering|bows?|bowing|debuts?|debuting|lands?|releases?|releasing|hits?|hitting|coming|comes|expected)\b/i],
  ['release_moved', 4, /\b(?:release|date|dating|calendar|schedule|slate)\s+(?:re)?shuffl\w*\b|\b(?:re)?shuffl\w*\s+(?:(?:its|the|their)\s+)?(?:\w+\s+)?(?:release|dates?|calendar|schedule)\b/i],
  ['release_moved', 3, /\b(?:arriv\w*|opens?|opening|hits?|hitting|lands?|landing|comes?|coming|streams?|streaming|premieres?|premiering|debuts?|debuting|releas\w*)\s+(?:(?:a|one|two|three)\s+(?:week|month|day|year)s?\s+|a\s+few\s+(?:days|weeks)\s+)?(?:early|earlier|sooner|later)\b|\bearly release\b/i],
  ['release_moved', 3, /\bno longer\s+(?:opening|releasing|coming|arriving|premiering|set|dated|slated|scheduled)\b|\b(?:exits?|leaves?|abandons?|gives up)\s+(?:its\s+|the\s+|their\s+)?(?:\w+\s+)?(?:release\s+)?(?:date|slot|window)\b/i],
  ['release_moved', 1, /\bheads? to (?:hulu|netflix|streaming|disney\+|STUDIO|peacock|paramount\+|max|prime video)\b/i],
  // A date that changes, said without a move verb: "Gets Updated Release Date", "Release Date Pushed to 2027", "Won't Hit
  // Theaters Until 2026", "Will No Longer Release in 2025", "Swaps Theatrical Release for Netflix Debut".
  ['release_moved', 4, /\bupdated (?:release |premiere |streaming |opening )?dates?\b|\b(?:release|premiere|opening|debut) dates? (?:has been |is |was )?(?:changed|pushed|delayed|moved|shifted|bumped)\b|\bno longer (?:be )?(?:release|releasing|released|hitting|coming|opening|arriving|premiering)\b|\bwon['’]?t (?:hit|open|arrive|release|premiere|debut|be released|bow|stream)\b[^.]{0,30}\buntil\b|\bearlier (?:release|premiere|debut|opening) date\b|\bswaps? (?:its |a )?theatrical (?:release|run|debut) for\b|\bpushed (?:to|into|until|back to)\b/i],
  // release_dated
  ['release_dated', 3, /(?<!re-)\bdates\b(?!\s+(?:set|announced|revealed|for (?:the|its|annual)))|(?<!re-)\bdated\b/i],
  ['release_dated', 3, /\bcomes? home\b|\bheads? to (?:digital|home|pvod|vod)\b|\bhits (?:digital|vod|pvod|home)\b|\bstreaming date\b|\bdigital release\b|\bself-distribut\w*\b|\bexpands? (?:nationwide|wide)\b|\bgoes wide\b/i],
  ['release_dated', 1.5, /\bsets?\b(?!\s+up\b)(?:\s+\S+){0,6}?\s+(?:for|on)\b/i],
  ['release_dated', 3, /\b(?:sets?|gets?|lands?|nabs?|books?|claims?|announces?|reveals?|confirms?|plans?)\s+(?:\S+\s+){0,3}?(?:release|premiere|debut|opening|theatrical run|bow)(?:\s+date)?\b/i],
  ['release_dated', 2, /\brelease date\b/i],
  ['release_dated', 3, /\bfinds? (?:a )?(?:new )?(?:home|date|release date|slot)\b/i],
  ['release_dated', 3, /\bslates\b|\bslated\b/i],
  ['release_dated', 2.5, /\bplants?\b|\bplanted\b/i],
  ['release_dated', 2, /\bwill (?:open|release|hit theaters|debut|bow|premiere|arrive|launch|stream)\b|\bto (?:open|release|bow|debut) (?!TITLE)/i],
  ['release_dated', 1.5, /\b(?:opens|hits?) theaters\b|\btheatrical (?:release|run|date|bow)\b/i],
  ['release_dated', 0.5, /\breleases?\b|\bin theaters\b/i],
  ['release_dated', 2.5, /\bpremiere dates?\b|\breturn date\b|\bstreet date\b|\bdebut date\b|\bstreaming date\b|\bsets? (?:\w+ )?(?:premiere|return|debut)\b|\bgets? (?:a )?(?:premiere|release|return) date\b|\bhas a (?:premiere|release) date\b|\b(?:premieres?|premiering|premiers|debuts?|returns?|arrives?|airs?|streams?|drops?|launch(?:es)?|hits?|lands?|bows?|opens?|comes?|coming)\s+(?:on\s+|in\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i],
  ['release_dated', 3, /\b(?:blu-?ray|dvd|4k(?: ultra hd)?|uhd|digital(?:ly)?|premium vod|pvod|home entertainment|home release)\b[^.]{0,40}\b(?:on|arrives?|release|edition|editions|date|debut|hits?)\b|\b(?:hits?|arrives? on|comes? to|heads? to|coming to) (?:premium )?(?:digital|blu-?ray|dvd|4k|vod|pvod|home)\b/i],
  ['release_moved', 4, /\bnew (?:release |premiere |opening )?dates?\b|\bnew (?:[\w+'’-]+\s+){1,3}?(?:release|premiere|streaming|digital|theatrical|opening) dates?\b|\b(?:release|premiere) date setback\b|\b(?:earlier|later|sooner) than (?:planned|expected|scheduled|originally)\b|\b(?:ditch(?:es|ed)?|skips?|skipped|bypass(?:es|ed|ing)?|abandons?) (?:its )?(?:theaters|theatrical|broadway|cinemas|a theatrical)\b|\bstraight to (?:streaming|digital|vod|netflix|disney\+|hbo max|max|peacock|paramount\+)\b|\bpushed back\b|\bpulled from (?:release|the schedule|theaters)\b|\b(?:release|premiere) (?:delayed|postponed|pushed|moved)\b/i],
  // trailer
  ['trailer', 5, /\btrailers?\b|\bteasers?\b/i],
  ['trailer', 4, /\bfirst[- ]look\b|\bposters?\b|\bone-sheet\b|\bkey art\b|\bfeaturette\b/i],
  ['trailer', 3, /\bsneak peek\b|\bfirst glimpse\b|\bfootage\b/i],
  ['trailer', 2, /\bclip\b|\bimages\b|\bstills\b|\bphotos\b/i],
  ['trailer', 1.5, /^watch\b|\bwatch:/i],
  ['trailer', 0.5, /\bteases?\b/i],
  // casting
  ['casting', 3, /\bjoins?\b(?!\s+forces)|\bjoined\b/i],
  ['casting', 4, /\bto star\b|\bwill star\b|\bset to (?:direct|star|helm|lead|write|produce|co-star|topline|front|voice|play)\b/i],
  ['casting', 3.5, /(?<!contract )\bin (?:early |final |advanced )?(?:talks|negotiations)\b|\bnegotiating\b|\bcircling\b/i],
  ['casting', 3.5, /\bboards\b(?! of)|\bboarded\b|\brounds? out (?:the )?cast\b|\bvoice cast\b|\bcast (?:in|as)\b|\blead cast\b|\bcameo\b/i],
  ['casting', 2.5, /\bcasting\b|\bcasts?\b/i],
  ['casting', 3, /\b[Ss]ets\s+\p{Lu}[\p{L}'-]+\s+\p{Lu}[\p{L}'-]+(?:,|\s+and\b|\s+for\b|\s+as\b)/u],
  ['casting', 3, /\b(?:lead|to lead|will lead)\s+(?:the\s+)?(?:cast|STUDIO|TITLE|\p{Lu}[\p{L}'-]+\s+\p{Lu}[\p{L}'-]+'s)/u],
  ['casting', 2.5, /\bvoice of\b|\bvoices\b/i],
  ['casting', 3.5, /\bto (?:direct|helm|topline|front|voice|co-star)\b|\bhas signed on\b|\bsigns? on\b|\bsigned on\b|\battached\b/i],
  ['casting', 2.5, /\b(?:will|to) (?:play|portray)\b|\blead role\b|\btitle role\b|\bleading role\b|\bthe role of\b|\bas (?:the )?villain\b|\bopposite\b/i],
  ['casting', 3, /\breturning (?:for|to)\b|\bto return\b|\breprise\b|\breprising\b|\breturns? for\b/i],
  ['casting', 3, /\b(?:adds?|Adds?)\s+(?:(?:veteran|character|newcomer|star|rising|Veteran|Character|Newcomer|Star|Rising)\s+){0,3}(?:actor|actress|star|newcomer|comedian|rapper|singer|Actor|Actress|Star|Newcomer|Comedian|Rapper|Singer|\p{Lu}[\p{L}'-]+\s+\p{Lu}[\p{L}'-]+)/u],
  ['casting', 3, /\beyes?\s+\p{Lu}[\p{L}'-]+\s+\p{Lu}[\p{L}'-]+\s+(?:for|to|as)\b/u],
  ['casting', 2, /\bnewcomer\b|\bhelm(?:s|ing)?\b|\bdirecting\b|\bstarring\b/i],
  ['casting', 3, /\btaps\b[^.]{0,60}\b(?:to (?:direct|star|helm|lead|write|play|voice|topline)|for [^.]{0,30}TITLE)\b/i],
  ['casting', 4, /\bfinds (?:its|her|his|their) (?:star|lead|queen|king|hero|villain|heroine)\b|\bfor (?:the )?(?:leads?|lead roles?|starring roles?|title role)\b/i],
  ['casting', 1, /\breplace(?:s|d|ment)?\b|\bensemble\b|\bactor\b|\bactress\b/i],
  // Talent let go from or leaving a project ("Fired From 'Scream 7'", "'Blade' Loses Its Director", "Pulls Out of A24 Film").
  ['casting', 3, /\b(?:fired|sacked|axed|dropped|ousted)\s+(?:from|as)\b|\bfires\b(?!\s+(?:up\b|(?:its\s+|their\s+)?JOBTITLE))[^.]{0,40}\b(?:from|as|after)\b|\b(?:loses|lost|has lost)\s+(?:its|their|his|her)\s+(?:director|star|lead|showrunner|writer|villain)\b|\bpull(?:s|ed)? out of\b|\brecast(?:s|ing)?\b/i],
  ['casting', 3, /\bto (?:lead|headline|host|co-host|guest[- ]star|recur|appear|adapt|write|pen|script|co-write)\b|\badapting\b|\brecast\b|\bguest[- ]stars?\b|\bno longer (?:on|in)\b|\breplaces?\b[^.]{0,40}\b(?:on|in|as)\b/i],
  // acquisition
  ['acquisition', 3.5, /(?<!(?:super bowl|big game|ad|media)\s)\bbuys?\b(?!\s+(?:a\s+)?(?:super bowl|\d+-second|ad|ads|airtime|billboards?|spots?|time|tickets?)\b)|\bbought\b(?!\s+(?:a\s+|the\s+)?(?:\d+-second\s+)?(?:slot|spot|ad|tickets?)\b)/i],
  ['acquisition', 4, /\bacquires?\b|\bacquired\b|\bacquisitions?\b|\bsnaps? up\b|\bsnapped up\b|\bpreempt(?:s|ed|ive)?\b|\bbidding war\b|\bauction\b/i],
  ['acquisition', 3, /\blands?\b(?!\s+(?:on|in|at|a\s+(?:date|slot)|its|the\s+(?:top|no\.))\b)/i],
  ['acquisition', 3, /\bpicks? up\b|\bpicked up\b|\bnabs?\b|\bnabbed\b|\brights\b/i],
  ['acquisition', 3, /\bdistribution (?:deal|pact|rights|agreement|partner)\b|(?<!self-)\bdistribute\b|\bstreaming (?:deal|rights|pact)\b|\b(?:pay-?one|pay-1|output|licensing) (?:deal|pact)\b|\bpacts? (?:for|with)\b|\binks? (?:a )?deal\b|\bcloses? (?:a )?deal\b/i],
  ['acquisition', 4, /\btakes? (?:u\.s\.|us|worldwide|global|north american|international|domestic) rights\b|\btakes?\b[^.]{0,40}\bout of (?:sundance|sxsw|cannes|venice|toronto|tiff|berlin|telluride|tribeca)\b|\bwins? (?:the )?(?:auction|bidding)\b|\btakes? (?:north america|the u\.s\.|u\.s\.|worldwide|the world|international|the uk|uk)\b/i],
  ['acquisition', 4, /\bfinds? (?:a )?(?:new )?home\b|\blands? (?:at|on) STUDIO\b|\bmoves? to STUDIO\b(?![^.]{0,30}\bdate\b)|\bcoming to STUDIO\b|\bheads? to STUDIO\b(?![^.]{0,30}\b(?:on|date)\b)|\bmerg(?:er|es|ing|ed) with\b|\bto (?:buy|acquire)\b|\b(?:north american|u\.s\.|domestic|worldwide|international|global|streaming|distribution|remake) rights\b/i],
  ['acquisition', 4, /\b(?:finds?|lands?|secures?|gets?|has|have|gains?|scores?|nabs?) (?:a )?(?:new )?(?:streaming |tv |free streaming |digital )?home\b|\bnew (?:streaming|tv|digital) home\b|\b(?:lands?|coming|comes|goes|going|heads?|moves?) (?:on|at|to) free streaming\b|\badded to (?:the )?STUDIO\b|\bresurrected\b|\brevived (?:at|by)\b|\bsecures? (?:[\w-]+ )?distribut\w+\b|\bsells?\b|\bsold\b|\bsales?\b(?! (?:agent|team|chief|head|exec))/i],
  // A studio as the headline's subject taking a title ("Netflix Boards 'X'", "Hulu Adds 'X' to Its Library"): a deal.
  ['acquisition', 3, /^\s*STUDIO(?:\s+and\s+STUDIO)?\s+(?:boards?|boarded|nabs?|grabs?|takes?|adds?|scoops? up|lands?|secures?|wins?|inks?)\b[^.]{0,40}\bTITLE\b(?![^.]{0,40}\b(?:season|date|premiere|trailer)\b)/i],
  // Company mergers are acquisitions (the labeling guide; dev split: 9 of 13 headlines with "merger" are); a title
  // boarded "for distribution" is a distribution deal, not a casting.
  ['acquisition', 3, /\bmergers?\b|\bfor (?:(?:u\.s\.|us|north american|worldwide|international|global|domestic|uk|theatrical)\s+)?distribution\b/i],
  ['acquisition', 2, /\bpact\b|\bsale\b|\bsells? (?:\w+ )?rights\b|\bsold (?:to|rights)\b|\bspec\b/i],
  ['acquisition', 1.5, /\bdeal\b/i],
  ['acquisition', 1, /\bpaid\b|\bpackage\b/i],
  // greenlight
  ['greenlight', 5, /\bgreen[- ]?lights?\b|\bgreen[- ]?lit\b|\bgreenlighted\b|\bgo-ahead\b/i],
  ['greenlight', 3.5, /\borders\b|\bordered\b|\bseries order\b|\bepisode order\b|\b(?:an?|\w+-episode) order\b/i],
  ['greenlight', 4, /\brenew(?:s|ed|al)?\b|\bin the works\b|\b(?:is|are) (?:officially )?happening\b/i],
  ['greenlight', 3.5, /\bin development\b|\bdeveloping\b|\bdevelops\b|\bmoves? forward with\b|\bfast-track(?:s|ed|ing)?\b|\bto series\b/i],
  ['greenlight', 3, /\bsets? up\b|\bset up at\b/i],
  // "Officially Moving Forward", "Being Developed", "Revives Canceled Series", "to be turned into TV drama", "Eyed for Animation".
  ['greenlight', 3, /\b(?:officially |finally |now )?moving forward\b|\bbeing (?:re)?developed\b|\brevives?\b|\breviving\b|\b(?:to be|being|will be) (?:turned|made|adapted) into\b|\beyed for (?:a |an )?(?:series|film|movie|feature|animation|tv|adaptation)\b|\bwins? (?:a )?commission\b|\bcommissions?\b|\bcommissioned\b|\bmaking a comeback\b|\bbringing back\b/i],
  ['greenlight', 3.5, /\b(?:set|lands|in the works|in development) at STUDIO\b|\bis getting a (?:sequel|prequel|series|spinoff|reboot|remake)\b/i],
  ['greenlight', 2.5, /\bto produce\b|\bwill produce\b|\bto finance\b|\bwill finance\b/i],
  ['greenlight', 2, /\b(?:second|third|fourth|fifth|final|new) season\b|\bseason [2-9]\b/i],
  ['greenlight', 1.5, /\bspin-?offs?\b|\bprequel\b|\bsequel\b|\bfollow-up\b|\b(?:second|third|fourth) (?:installment|film|movie)\b|\bdevelopment\b/i],
  ['greenlight', 1, /\bpilot\b|\breboot\b|\bremake\b|\badaptation\b|\bbased on\b/i],
  // Production starting or wrapping belongs to the greenlight family (the labeling guide).
  ['greenlight', 4, /\bwraps? (?:production|filming|shooting|principal photography)\b|\bwrapped\b|\bthat's a wrap\b|\b(?:begins?|began|starts?|started|kicks? off|kicked off|commences?|underway|resumes?|resumed) (?:production|filming|shooting|principal photography)\b|\b(?:production|filming|shooting|principal photography) (?:begins?|began|starts?|started|is underway|underway|kicks? off|wraps?|wrapped|resumes?)\b|\bcameras (?:are )?roll(?:ing)?\b|\bheads? into production\b|\bgo(?:es)? into production\b|\bin production\b/i],
  ['greenlight', 3, /\b(?:to return|returning|will return|coming back) for (?:a )?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|new|another) season\b|\bfor (?:a )?season (?:[2-9]|1\d)\b|\bpicked up for\b|\bpicks? up (?:a )?(?:second|third|fourth|fifth|new) season\b|\bgets? (?:a )?(?:second|third|fourth|fifth|final) season\b|\breboot\b|\brevival\b|\bin the works\b|\bcoming back\b|\b(?:pilot|series|network) pick-?ups\b|\b(?:is|are) getting (?:a |an )?(?:[\w-]+ )?(?:sequel|prequel|series|spinoff|spin-off|reboot|remake|movie|film|season|show)\b/i],
  // Audience measures are box office (the labeling guide): ratings, viewership, charts of the most watched.
  ['box_office', 4.5, /\bviewership\b|\bviewers\b|\bnielsen\b|\bmost[- ](?:watched|streamed|viewed|popular)\b|\bhours viewed\b|\btop[- ]?(?:10|ten)\b|\bstreaming (?:rankings?|charts?|top|ratings)\b|\b(?:tv|television|overnight|premiere|finale|series|live\+\d) ratings\b|\bratings (?:high|low|record|winner|king|win|slide|dip|drop|surge|jump)\b|\bseries (?:high|low)\b|\brecord[- ]low\b|\bmillion (?:households|views|viewers|accounts)\b|\bsamba\b|\bluminate\b|\bcomscore\b|\bp2\+|\bmp35\b|\b18-49\b|\bdemo\b(?=[^.]{0,30}\b(?:rating|ratings|viewers)\b)/i],
  ['box_office', 2.5, /\baudiences?\b(?=[^.]{0,40}\b(?:falls?|fell|drops?|dropped|dips?|grows?|grew|rises?|rose|climbs?|slips?|record|high|low|million|best|biggest|largest)\b)|\bdraws?\b[^.]{0,40}\b(?:audience|viewers|million)\b|\bhits? (?:no\.|number|#) ?1 on\b|\b(?:no\.|number|#) ?1 on (?:netflix|hulu|disney\+|max|prime video|the charts?)\b|\btops? (?:the )?(?:netflix|streaming|nielsen|weekly|global)\b|\bchart\b/i],
  // box_office
  ['box_office', 4, /\bbox[- ]office\b|\bopens? to\b|\bopened to\b|\bgross(?:es|ed|ing)?\b/i],
  ['box_office', 3, /\bcume\b|\bper[- ]theater\b|\btracking\b|\bcinemascore\b|\bpostrak\b/i],
  ['box_office', 2.5, /\bpreviews\b/i],
  ['box_office', 2, /\bweekend\b|\bno\.\s?1\b|\bnumber one\b|\bfive-day\b|\bthree-day\b|\bfour-day\b|\bframe\b|\bholds? off\b|\bholdovers?\b|\bscares? up\b|\bgrabs\b|\brakes? in\b|\btakes? in\b|\btook in\b|\bhauls?\b/i],
  ['box_office', 2, /\bbecomes?\b[^.]{0,40}\bbiggest\b/i],
  ['box_office', 1.5, /\bcrosses\b|\bpasses\b|\bsurpasses\b|\bcrossed\b|\bpassed\b|\bsurpassed\b|\bticket sales\b|\bbiggest (?:\w+ )?(?:opening|debut|hit)\b/i],
  ['box_office', 1, /\bworldwide\b|\boverseas\b|\bdomestic(?:ally)?\b|\binternational\b|\bmisfire\b|\b(?:bombs?|bombed|flops?|flopped|stumbles?|stalls?|soars?|disappoints?|sputters?|sizzles?|surges?|slumps?|plunges?|dips?|blooms?)\b|\bre-release\b/i],
  ['box_office', 0.5, /\btops\b|\btop\b|\bdebut\b|\bopening\b|\bexpands?\b|\brecord\b/i],
  // festival_awards
  ['festival_awards', 2, new RegExp(String.raw`\b(?:${FESTIVALS})\b|\bfilm festival\b|\bfestival\b|\bfest\b`, 'i')],
  ['festival_awards', 3.5, new RegExp(String.raw`\b(?:${AWARDS})\b`, 'i')],
  ['festival_awards', 3, /\bnominations?\b|\bnominated\b|\bnods?\b|\bnominee\b|\blineup\b|\bline-up\b|\bshortlist(?:ed)?\b|\bred carpet\b/i],
  ['festival_awards', 3.5, /\bworld premiere\b|\bto (?:open|close) (?:the )?(?:\w+ )?(?:film )?festival\b|\bopening night\b|\bclosing night\b/i],
  ['festival_awards', 2, /\bin competition\b|\bcompetition (?:slate|lineup)\b|\bjury\b|\bunveils (?:\w+ )?(?:lineup|titles|program)\b/i],
  ['festival_awards', 1.5, /\bpremieres?\b|\bpremiering\b|\bpremiered\b|\bprize\b|\bawards?\b|\bhonou?r(?:s|ed|ee)?\b|\btribute\b|\bcontenders?\b|\bawards season\b|\bselection\b/i],
  ['festival_awards', 1, /\bwins?\b|\bwon\b|\bwinners?\b/i],
  ['festival_awards', 2.5, /\b(?:[Tt]akes|[Ww]ins|[Ww]on|[Nn]abs|[Ee]arns|[Ss]coops)\s+(?:the\s+)?(?:top\s+)?(?:\p{Lu}[\p{L}']+\s+){0,3}(?:[Pp]rize|[Aa]ward|[Ll]ion|[Bb]ear|[Ff]rog|[Pp]alm|[Gg]lobe|[Ll]eopard|[Ss]hell|[Cc]rystal|[Ss]tatuette|[Hh]onors?)\b|\b[Gg]olden\s+\p{Lu}\p{Ll}+/u],
  // "Venice Title", "Cannes Winner", "Sundance Drama": the festival describes the film; the news is elsewhere.
  ['festival_awards', -1.5, new RegExp(String.raw`\b(?:${FESTIVALS})(?:'s)?\s+(?:competition\s+|market\s+)?(?:title|thriller|drama|doc|documentary|comedy|hit|winner|breakout|darling|entry|favorite|pic|hopeful|sensation|standout|selection|sale)\b`, 'i')],
  // An awards show that moves is awards news, not a release's ("Oscars Delayed", "Grammys Postponed", "Oscars 2021
  // ceremony pushed back"): the show opens the headline and the move verb follows it.
  ['festival_awards', 5, /^(?:the\s+)?(?:\d{4}\s+)?(?:oscars|academy awards|golden globes?|globes|emmys|emmy awards|grammys|grammy awards|baftas?|bafta (?:film |tv )?awards|sag awards|tony awards|tonys|c[eé]sars|critics choice awards|spirit awards|met gala)(?:\s+\d{4})?(?:\s+(?:ceremony|telecast|show|nominations|broadcast))?\s+(?:(?:are|is|has been|have been|will be|to be|gets?|officially|now)\s+){0,2}(?:delay\w*|postpon\w*|push(?:es|ed)?\s+back|pushed|moves?\b|moved|moving|reschedul\w*|cancel\w*|scrap\w*|called off|shift\w*)/i],
  ['festival_awards', 3, /\bto be honou?red\b|\bhonou?red (?:at|by|with)\b|\bhost (?:the )?(?:[\w'-]+ ){0,4}awards\b|\bstanding ovations?\b|\bshortlist\w*\b/i],
  ['review', 3, /\breviews? (?:praise|pan|are in|call|say|hail)\b|\bcritics (?:praise|pan|call|say|hail|rave)\b/i],
  // executive
  ['executive', 1.5, new RegExp(JOB_MASK)],
  ['executive', 3.5, /\bhires?\b|\bhired\b|\bhiring\b|\bpromotes\b|\bpromoted\b|\bpromotions\b|\bups\b|\belevates?\b|\belevated\b|\bpoach(?:es|ed)?\b|\bappoint(?:s|ed|ment)?\b/i],
  ['executive', 3, new RegExp(String.raw`\bnames\b[^.]{0,60}${JOB_MASK}|\bas\s+(?:its\s+|new\s+|the\s+|a\s+)?${JOB_MASK}|\bjoins\b[^.]{0,40}\bas\b`)],
  ['executive', 4, /\bsteps? down\b|\bstepping down\b|\bto step down\b|\b(?:contract|deal) extension\b|\bextends? (?:his |her |their )?contract\b|\bmultiyear (?:deal|contract|pact|extension)\b|\bre-?ups\b/i],
  ['executive', 4, new RegExp(String.raw`\b(?:ex-|former\s+)(?:STUDIO\s+)?${JOB_MASK}`, 'i')],
  // An executive's title before a departure ("Amazon Studios Head Jennifer Salke Exits") is an executive leaving, not an
  // actor leaving a project; a bigger job is a promotion ("Gets Expanded Role").
  ['executive', 4.5, new RegExp(String.raw`${JOB_MASK}[^.;:]{0,50}\b(?:${DEPARTURE})\b`)],
  ['executive', 3, /\b(?:expanded|expands?|bigger|larger|broader|widened) (?:role|remit|portfolio|duties)\b|\bgets? promoted\b/i],
  ['executive', 3, /\bnew leaders?\b|\bleadership (?:role|change|changes|shake-?up|team|transition|shuffle)\b|\bnew (?:boss|chief)\b|\bmanagement (?:change|changes|shake-?up|shuffle)\b|\btop jobs?\b/i],
  ['executive', 2.5, /\bretir(?:es|ing|ement|ed)\b|\bsucceeds?\b|\bsuccessor\b|\bsuccession\b/i],
  ['executive', 3, /\btaps\b[^.]{0,60}\bto (?:run|lead|oversee|head)\b|\bto run\b|\bto oversee\b/i],
  ['executive', 2, /\breshuffles? (?:its |the )?(?:\w+ )?(?:team|leadership|executives?|ranks|division|JOBTITLE)\b|\breorg\w*\b|\bshake-?up\b|\bshak(?:es|ing) up\b|\brestructur\w*\b/i],
  ['executive', 4, /\brenews? (?:his |her |their |its )?(?:overall |first-look )?(?:deal|contract|pact)\b/i],
  // Creators' and stars' overall and first-look deals are business of people: executive (the labeling guide).
  ['executive', 3, /\blaunch(?:es|ed|ing)? (?:(?:a|her|his|their|new|own) )*(?:production )?(?:banner|company|shingle|studio|label|outfit)\b|\b(?:talent|production|creative|mega|development|producing|writing) (?:deal|pact|partnership)\b|\bmega-deal\b|\bstrikes?\b[^.]{0,40}\b(?:deal|pact|partnership)\b|\bnames? new\b|\bsuccessor\b|\bdirector[- ]general\b|\bdeparts?\b|\bexits? (?:the )?(?:company|post|role|network|studio)\b|\b(?:joins?|joining) (?:the |its )?board\b|\bboard of directors\b/i],
  ['executive', 5, /\b(?:overall|first[- ]look|multi-?year(?: overall)?|exclusive (?:overall|tv|television|film)) (?:deal|pact|agreement|contract)\b|\bsigns? (?:a )?(?:new )?(?:overall|first[- ]look)\b|\bextends? (?:overall|first[- ]look)\b/i],
  // campaign
  ['campaign', 4, /\bcampaigns?\b|\bsuper bowl (?:spot|ad|commercial)\b|\bbig game (?:spot|ad)\b|\bfan (?:event|screening|screenings|preview|previews|experience|activation|convention|fest)\b|\bactivations?\b/i],
  ['campaign', 3.5, /\bmarketing\b|\bstunts?\b|\bpop-?ups?\b|\b(?:arg|alternate-reality game|scavenger hunt|escape[- ]room|immersive)\b/i],
  ['campaign', 3, /\bpartner(?:s|ship|ships|ed|ing)?\b|\bteams? (?:up )?with\b|\btie-?ins?\b|\bpromotions?\b|\bpromo\b|\bpromotional\b|\bhappy meal\b|\bblitz\b|\bbillboards?\b|\btakeover\b|\btimes square\b|\bempire state building\b|\bsweepstakes\b|\bgiveaway\b|\boutreach\b|\bguerrilla\b/i],
  ['campaign', 2, /(?<!top |no\. 1 )\bspots?\b|\bbrand(?:s|ed|ing)?\b|\bcommercials?\b|\bad buy\b|\bmerch(?:andise)?\b|\btour\b|\binfluencers?\b|\bsocial media\b|\bballoon\b|\blights? up\b|\bspend\b/i],
  ['campaign', 3, /\bto promote\b|\bhands? out\b|\bgiveaways?\b/i],
  ['campaign', 1, /\bpush\b|\bfans\b|\bpromote\b/i],
  ['campaign', 3, /\bsuper bowl\b|\bbig game\b|\btoy line\b|\btoys\b|\bhits shelves\b|\bconsumer products\b|\bsoundtrack\b|\bvinyl\b|\bcollectibles?\b|\bin-game\b|\bbattle royale\b|\bfortnite\b|\broblox\b/i],
  ['campaign', 3, /\bad spend(?:ing)?\b|\bspending on\b[^.]{0,30}\bads\b|\bbundles?\b|\bgift cards?\b|\bticket (?:deals?|offers?|discounts?)\b|\blaunch(?:es|ed)?\b[^.]{0,50}\bfor TITLE\b/i],
  ['campaign', 0.5, /\bads?\b/i],
  // Fan conventions and showcases (a studio's panel is marketing), toy sets, adverts and sponsorships.
  ['campaign', 2.5, /\bcomic-?con\b|\bsdcc\b|\bnycc\b|\bd23\b|\bccxp\w*\b|\bmegacon\b|\bfandome\b|\bstar wars celebration\b|\bpanels?\b|\bshowcase\b|\blego\b|\b(?:collector|playset|building) sets?\b|\badverts?\b|\badvertis(?:ing|ement|ements)\b|\bsponsor(?:s|ed|ship)?\b|\bcoffee table book\b|\bmusic video\b/i],
  ['campaign', 3, /\btied to\b|\bdrone shows?\b|\bairbnb\b|\b(?:makeup|cosmetics|beauty|fragrance|sneaker|shoe|fashion|product) (?:line|range|drop)s?\b|\bfree trials?\b|\bmenu items?\b|\bthemed (?:menu|meal|room|suite|hotel|bar|cafe)s?\b/i],
  ['campaign', 3, /\bpopcorn buckets?\b|\bfunko\b|\bpop!|\bcollab(?:oration)?s?\b|\b(?:merch|apparel|clothing|capsule) collections?\b|\bscreenings?\b|\bfor your consideration\b|\bfyc\b|\bpush for\b|\bpartnering\b|\bsneak previews?\b|\blimited[- ]edition\b|\bmixtape\b|\binvade[sd]?\b/i],
  // review
  ['review', 4, /\breviews?\b|\breviewers?\b|\brotten tomatoes\b|\bmetacritic\b|\bcertified fresh\b|\btomatometer\b/i],
  ['review', 3.5, /\bcritics?\b|\bfirst reactions?\b|\breactions\b/i],
  ['review', 2.5, /\braves?\b|\braved\b|\bpanned\b|\bpans\b|\bthe year's (?:best|worst|most)\b|\bmost disappointing\b|\bdeserves better\b|\bverdict\b/i],
  ['review', 2.5, /\bis (?:a|an) (?:[\w-]+,? ){0,3}(?:triumph|masterpiece|mess|disaster|delight|misfire|dud|nightmare|puzzle|gem|slog|treat|fantasy|spectacle|triumph)\b/i],
  ['review', 3, /\bis (?:STUDIO(?:'s)? |the year's |[\w-]+'s )?(?:best|worst) (?:film|movie|sequel|thriller|comedy|drama|animated film)\b|\bcan't save\b/i],
  ['review', 2, /\bscores? \d+%|\b\d+% (?:on|score|fresh|rotten)\b|\bhits 100%/i],
  ['review', 1, /\bdivided\b|\bperformance\b|\bmasterpiece\b|\btriumph\b|\bdazzling\b|\bstunning\b|\bmuddled\b|\bdull\b|\bforgettable\b|\boverlong\b|\bsquanders\b|\bhandsomely\b|\bslow-burning\b|\btearjerker\b|\bretread\b|\bglacial\b|\bplotting\b|\bwit\b|\breturn to form\b|\bthud\b|\bnever lets up\b|\banchors\b|\bspectacle\b|\bintimate\b|\bpraised\b/i],
  ['review', 2.5, /\bworthy of\b|\bnot that (?:great|good)\b|\bone of the (?:best|worst)\b|\byear's (?:best|worst)\b|\bbest (?:series|show|film|movie|tv)s? (?:of|so far)\b|\bis (?:shameless|damning|brilliant|charming|exhausting|tedious|delightful|gorgeous|hilarious|riveting|gripping|stunning|flawed|uneven|dull)\b/i],
  ['box_office', 4, /\bopens? (?:softly|solidly|strong(?:ly)?|big|soft|quietly|modestly|well|poorly|huge|to record)\b|\bestimates\b|\bratings report\b|\bratings\b(?=[^.]{0,20}$)|\bmakes? (?:a )?(?:strong|big|soft|record|solid) debut\b|#1 (?:at|on)\b|\bmilestone\b/i],
  // other: evidence for business, labor, obituaries, features
  // Endings are not greenlights (the labeling guide): cancellations, axed shows, a show ending or leaving a service.
  ['other', 5, /\bcancel(?:s|ed|led|ing|lation|ations)?\b|\baxe[sd]?\b|\baxing\b|\bscrap(?:s|ped|ping)\b|\bshelve[sd]\b|\bending with (?:season|its|a)\b|\bto end with\b|\bremoved from (?:streaming|netflix|hulu|max|disney\+|prime video)\b|\bleaving (?:netflix|hulu|max|hbo max|disney\+|prime video|peacock)\b/i],
  ['other', 5, /\bdies\b|\bdied\b|\bdead at\b|\bobituary\b|\bpasses away\b|\bpassed away\b/i],
  ['other', 3, /\badds? ads\b|\bads to\b|\bad tier\b|\bad-supported\b|\badvertising tier\b/i],
  ['other', 3, /\bquarter(?:ly)?\b|\bearnings\b|\brevenue\b|\bprofit\b|\bstock\b|\bshares\b|\bshareholders?\b|\binvestors?\b|\bwall street\b|\bfiscal\b|\bsubscribers?\b|\bsubscription\b|\bprices?\b|\bad tier\b|\bad-supported\b/i],
  ['other', 3, /\blayoffs?\b|\bjob cuts\b|\bjobs\b|\brestructur\w*\b|\bmerger\b|\bsplit into\b|\bcompanies\b/i],
  ['other', 3.5, /\bunion\b|\bsag-aftra\b|\bwga\b(?! awards?)|\bdga\b(?! awards?)|\bteamsters\b|\biatse\b|\bamptp\b|\bstrike\b|\bcontract talks\b|\bnegotiators\b|\bratif(?:y|ies|ied)\b|\btentative agreement\b/i],
  ['other', 3, /\btheme park\b|\bparks\b|\bresorts?\b|\bcinemacon\b|\bconvention\b|\bconference\b|\bsummit\b|\blawsuit\b|\bsues\b|\bsued\b|\bcourt\b|\bsettlement\b|\bantitrust\b|\bregulators?\b/i],
  ['other', 2.5, /\bcaa\b|\bwme\b|\buta\b|\bgersh\b|\btalent agency\b|\bsigns with\b/i],
  ['other', 2, /^why\b|^how\b|^what\b|\?$|\bof all time\b|\branked\b|^the \d+ best|^\d+ (?:best|movies|films|things)|\bessay\b|\bopinion\b|\banalysis:|\bexplained\b|\bpodcast\b|\binterview\b|\bq&a\b|\bama\b|\breddit\b/i],
  ['other', 3, /^new (?:on|to) (?:streaming|netflix|digital|vod|blu-ray)\b|\band more\b|\bwhat to watch\b|\btheater owners\b|\bwindows?\b|^\p{Lu}[\p{L}'-]+ \p{Lu}[\p{L}'-]+ on TITLE\b|:\s*"/u],
  ['other', 2, /\breport says\b|\bstudy\b|\bsurvey\b|\banalysts?\b|\battendance\b|\bscreens\b|\bexhibitors?\b|\btheater chains?\b|\bimax\b|\bamc theatres\b|\bcinemark\b|\bregal\b/i],
];

// Headline words that open a subordinate clause: what follows is context, not the event
// ("'Glimmerglass' Sequel in the Works After $160M Opening").
// "…, Then Shifts Sequel": a second event after the first clause is context too (the guide reads the first clause).
// "Pixar Announces 'Inside Out 2' at D23", "Adds Jamie Lee Curtis At D23 Expo": the fan event where news broke is its
// setting; what was announced is the event (a campaign is the event's own news: "Marvel Plans Hall H Panel").
const SUBORDINATE = /\s(?:after|following|ahead of|despite|amid|before|post-|in wake of|on heels of)\s|[,;]\s*(?:and\s+)?then\s|:\s+(?:what|why|how|here's|inside|everything|can)\b|\s(?:at|during)\s+(?:the\s+|this\s+year's\s+|[\w'’]+['’]s\s+)?(?:D23|Comic-?Con|SDCC|NYCC|CCXP|CinemaCon|CineEurope|Annecy|Tudum|Star Wars Celebration|Anime Expo|Brazil Game Show|Licensing Expo)\b/i;
// What an executive's job was: running a department or a business, not playing a role.
const JOB_DUTY = /\b(?:ran|runs|oversaw|oversees|headed|heads|led|leads|managed|manages|supervised|supervises|was in charge of)\b[^.]{0,40}\b(?:campaigns?|marketing|distribution|publicity|division|department|operations|business|strategy|programming|development slate|partnerships?|sales|acquisitions)\b/i;
const BODY_CAP = 7;
const DEPARTURE_RE = new RegExp(String.raw`\b(?:${DEPARTURE})\b`, 'i');
const DEPARTURE_TITLE = new RegExp(String.raw`\b(?:${DEPARTURE})\s+(?:(?:STUDIO|the)(?:'s?)?\s+)?(?:[\w-]+\s+){0,2}TITLE`, 'i');
const DEPARTURE_COMPANY = new RegExp(String.raw`\b(?:${DEPARTURE})\s+(?:STUDIO|the streamer|the studio)\b`, 'i');
const PRIORITY: readonly EventType[] = [
  'release_moved', 'release_dated', 'review', 'trailer', 'acquisition', 'greenlight', 'casting', 'executive',
  'festival_awards', 'box_office', 'campaign', 'other',
];
const GROSS_CONTEXTS = new Set([
  'previews gross', 'projected opening', 'per-theater average', 'cumulative gross', 'worldwide gross',
  'international gross', 'opening weekend gross', 'weekend gross', 'box office gross',
]);

function emptyScores(): Record<EventType, number> {
  return Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as Record<EventType, number>;
}


// Most rules start every alternative with \b and a literal word ("\bdelay(?:s|ed)?\b|\bpostpone…"). For those, the
// first two or three letters of each such word are collected once; a rule is only run when one of them begins some
// word of the text. Rules that cannot be read that way (anchors, names, lookarounds first) always run.
const TRIGGERS = new Map<Rule, readonly string[] | null>(RULES.map((r) => [r, triggersOf(r[2].source)]));
/** Trigger prefix -> the positions in RULES of the rules it can start. */
const RULES_BY_TRIGGER = new Map<string, number[]>();
RULES.forEach((rule, i) => {
  for (const p of TRIGGERS.get(rule) ?? []) {
    const list = RULES_BY_TRIGGER.get(p);
    if (list) list.push(i);
    else RULES_BY_TRIGGER.set(p, [i]);
  }
});
/**
 * Each triggered rule as a sticky regex: a match of such a rule can only start where one of its words starts, so it is
 * tried at those words (one attempt each) instead of being searched for along the whole text.
 */
const STICKY: readonly (RegExp | null)[] = RULES.map((rule) => (TRIGGERS.get(rule) ? new RegExp(rule[2].source, `${rule[2].flags.replace(/[gy]/g, '')}y`) : null));

/** Per rule (by position in RULES), where in `text` the words that can start one of its matches start. */
function ruleStarts(text: string): Map<number, number[]> {
  const starts = new Map<number, number[]>();
  for (const m of text.matchAll(/[a-z]+/gi)) {
    const w = m[0].toLowerCase();
    for (const p of w.length >= 3 ? [w.slice(0, 2), w.slice(0, 3)] : [w]) {
      for (const i of RULES_BY_TRIGGER.get(p) ?? []) {
        const at = starts.get(i);
        if (!at) starts.set(i, [m.index]);
        else if (at.at(-1) !== m.index) at.push(m.index);
      }
    }
  }
  return starts;
}

/** The positions in RULES of the rules matching `text`: tried at their words' starts as scoring does, or (`search`) each searched for along the whole text. */
export function rulesMatching(text: string, search = false): number[] {
  const starts = ruleStarts(text);
  return RULES.flatMap((rule, i) => ((search ? rule[2].test(text) : ruleMatches(i, text, starts)) ? [i] : []));
}

/** Whether rule `i` matches `text`: a triggered rule tried at its words' starts, any other searched for. */
function ruleMatches(i: number, text: string, starts: Map<number, number[]>): boolean {
  const sticky = STICKY[i];
  if (!sticky) return RULES[i]![2].test(text);
  for (const at of starts.get(i) ?? []) {
    sticky.lastIndex = at;
    if (sticky.test(text)) return true;
  }
  return false;
}

// A stable short id per rule (from its pattern), so the trained model can weigh each rule on its own.
const RULE_IDS = new Map<Rule, string>(RULES.map((r) => [r, `${r[0]}:${hashString(r[2].source)}`]));

function hashString(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

function scoreSegments(
  scores: Record<EventType, number>,
  segments: readonly (readonly [string, number, string?])[],
  fired?: string[],
): void {
  const parts = segments
    .filter(([text, weight]) => text && weight > 0)
    .map(([text, weight, tag]) => ({ text, weight, tag, starts: ruleStarts(text) }));
  for (const [i, rule] of RULES.entries()) {
    const [type, w] = rule;
    for (const { text, weight, tag, starts } of parts) {
      if (ruleMatches(i, text, starts)) {
        scores[type] += w * weight;
        if (fired && tag) fired.push(`${tag}${RULE_IDS.get(rule)}`);
      }
    }
  }
}

/**
 * Classifies a story. `headline` and `body` should have titles and studios masked (TITLE, STUDIO) so that words in
 * names ("'Hush Money'", "Focus Features") do not count. The headline's main clause counts three times, its
 * subordinate clause and the first three body sentences once, the next five less. With a trained `model`, the rules'
 * scores become features beside the words, and the model decides.
 */
export function classify(
  headline: string,
  body: string | readonly string[],
  signals: ClassifySignals,
  model?: TypeModelData | null,
): Classification {
  const scores = emptyScores();
  const head = maskJobTitles(headline);
  const cut = head.search(SUBORDINATE);
  const main = cut > 0 ? head.slice(0, cut) : head;
  const sub = cut > 0 ? head.slice(cut) : '';
  const fired: string[] = [];
  scoreSegments(scores, [[main, 3, 'rh:'], [sub, 1, 'rs:']], fired);
  // Review headlines have a fixed shape: "'X' Review: …", "Cannes Review: 'X'", "TV Review: 'X'".
  if (/\breview:|^(?:[\w'-]+\s){0,2}review\b|\breviews:/i.test(main)) scores.review += 8;
  if (/^(?:box office|weekend box office|global box office|specialty box office|[\w-]+ box office):/i.test(main)) scores.box_office += 6;

  // The body supports the headline; capped per type so that a long, keyword-rich body (a marketing chief's
  // exit full of campaign talk) cannot outvote what the headline says happened.
  // The lead (first three sentences) counts fully, the next five at 0.4; each rule counts once per part.
  const sentences = (typeof body === 'string' ? splitSentences(body) : body).slice(0, 8);
  const bodyScores = emptyScores();
  const lead = maskJobTitles(sentences.slice(0, 3).join(' '));
  scoreSegments(bodyScores, [[lead, 1, 'rb:'], [maskJobTitles(sentences.slice(3).join(' ')), 0.4]], fired);
  for (const t of EVENT_TYPES) scores[t] += Math.min(BODY_CAP, bodyScores[t]);

  applyStructure(scores, main, lead, signals);

  let best: EventType = 'other';
  let bestScore = -Infinity;
  for (const t of PRIORITY) {
    if (scores[t] > bestScore + 1e-9) {
      best = t;
      bestScore = scores[t];
    }
  }
  if (bestScore < 2.5) best = 'other';
  const evidence: TypeEvidence = { main, sub, lead: sentences.slice(0, 3).join(' '), ruleScores: scores, ruleType: best, signals: [...signalNames(signals), ...promoDateOrder(main), ...fired] };
  if (!model) return { type: best, scores, evidence };
  const { type, probs } = predictType(model, typeFeatures(evidence));
  return { type, scores, probs, evidence };
}

// "Gets Season 2 Trailer, Release Date" is a trailer story, "Gets Premiere Date, Teaser Trailer" a dating: of a trailer
// and a date named together, the one named first is what the headline reports (a feature; the model weighs it).
const PROMO_WORD = /\b(?:trailers?|teasers?|first[- ]looks?|footage|posters?|clips?|featurettes?|images|promo)\b/i;
const DATE_WORD = /\b(?:release|premiere|return|debut|streaming|launch)\s+(?:date|window)|\bdates?\b|\bwindow\b|\b(?:19|20)\d\d\b|\b(?:this|next)\s+(?:fall|summer|spring|winter|week|month|year)\b/i;
// "May" the month, not the modal ("Teaser May Hint at …"): after a preposition or before a day.
const MONTH_WORD = /\b(?:January|February|March|April|(?<=\b(?:[Ii]n|[Oo]n|[Ff]or|[Tt]his|[Nn]ext|[Uu]ntil|[Bb]y|[Tt]o)\s)May|May(?=\s+\d)|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)/;
function promoDateOrder(main: string): string[] {
  const promo = main.search(PROMO_WORD);
  const found = [main.search(DATE_WORD), main.search(MONTH_WORD)].filter((x) => x >= 0);
  if (promo < 0 || !found.length) return [];
  return [promo < Math.min(...found) ? 'order:promo-first' : 'order:date-first'];
}

// Structure signals as feature names: where dates were found, what the money is, how many names.
function signalNames(sig: ClassifySignals): string[] {
  const out: string[] = [];
  if (sig.releaseIn) out.push(`release-in-${sig.releaseIn}`);
  if (sig.previousIn) out.push(`previous-in-${sig.previousIn}`);
  if (sig.undated) out.push('undated');
  for (const m of sig.headlineMoney) out.push(`money-head:${m.context}`);
  for (const m of sig.bodyMoney) out.push(`money-body:${m.context}`);
  out.push(`titles:${Math.min(sig.titles ?? 0, 3)}`);
  out.push(`studios:${Math.min(sig.studios ?? 0, 3)}`);
  for (const u of sig.urlSections ?? []) out.push(`url:${u}`);
  if (sig.subjectVerb) out.push('subject:person', `subject-verb:${stem(sig.subjectVerb)}`);
  if (sig.speech) out.push('speech');
  return out;
}

function applyStructure(scores: Record<EventType, number>, main: string, lead: string, sig: ClassifySignals): void {
  // Dates found in a role are strong evidence for the two release types.
  if (sig.previousIn === 'headline') scores.release_moved += 4;
  else if (sig.previousIn === 'body') scores.release_moved += 2.5;
  // A new date and the date it replaces: a move, however the headline words the new date.
  if (sig.previousIn && sig.releaseIn) scores.release_moved += 3;
  if (sig.undated && !sig.releaseIn) scores.release_moved += 3;
  // With a previous date found too, the new date is evidence of a move, not of a first dating.
  if (sig.releaseIn === 'headline') scores.release_dated += sig.previousIn ? 0 : 3;
  else if (sig.releaseIn === 'body') scores.release_dated += sig.previousIn ? 0 : 1.5;

  // A departure is an executive story when a job title is involved, a casting story when a project is named.
  if (DEPARTURE_RE.test(main)) {
    if (main.includes(JOB_MASK) || /\bsteps? down\b|\bto step down\b|\bresigns?\b/i.test(main)) scores.executive += 7;
    else if (DEPARTURE_TITLE.test(main)) scores.casting += 7;
    else if (DEPARTURE_COMPANY.test(main)) scores.executive += 9;
    else {
      scores.executive += 3;
      scores.casting += 3;
    }
    // "Gregory Hale Leaves Universal. He ran campaigns, fan screenings …": the lead says the job was running something.
    if (JOB_DUTY.test(lead)) scores.executive += 6;
  }
  // "Picks Up 'X' to Series", "Orders 'X' to Series": a series order, not a purchase.
  if (/\b(?:picks? up|picked up|orders?|ordered)\b[^.]{0,40}\bto series\b/i.test(main)) {
    scores.greenlight += 4;
    scores.acquisition -= 3;
  }
  // "Taps X" is a job when followed by a job title or "to run"; a role when followed by a project.
  if (/\btaps\b/i.test(main) && !main.includes(JOB_MASK) && !/\bto (?:run|lead|oversee|head)\b/i.test(main)) scores.casting += 1.5;
  // "Hires Writer for 'X' Sequel": a creative hire on a project, not an executive job.
  if (/\bhires?\s+(?:\w+\s+){0,2}(?:writer|writers|director|screenwriter|scribe|composer|showrunner|helmer)\b/i.test(main)) {
    scores.executive -= 5;
    if (/\bsequel|prequel|spinoff|adaptation|remake|reboot\b/i.test(main)) scores.greenlight += 3;
    else scores.casting += 3;
  }
  // "Joins Harbor Light Pictures to run…" is a job; "Joins 'X'" or "Joins Neon's 'X'" is a role.
  if (/\bjoins?\s+STUDIO\b(?!'s?\s)/.test(main)) {
    scores.executive += 3;
    scores.casting -= 2;
  }
  // "Adds X as Chief Operating Officer".
  if (/\badds?\b[^.]{0,50}\bas\s+(?:its\s+|new\s+)?JOBTITLE/.test(main)) scores.executive += 3;

  // Money: what the amounts are tells the story type.
  const moneyBoost = (amounts: readonly MoneyAmount[], w: number): void => {
    let gross = false;
    let deal = false;
    let marketing = false;
    let finance = false;
    for (const a of amounts) {
      if (GROSS_CONTEXTS.has(a.context)) gross = true;
      else if (a.context === 'deal price') deal = true;
      else if (a.context === 'marketing spend') marketing = true;
      else if (a.context === 'revenue or earnings' || a.context === 'price') finance = true;
    }
    if (gross) scores.box_office += 3.5 * w;
    if (deal) scores.acquisition += 2.5 * w;
    if (marketing) scores.campaign += 3 * w;
    if (finance) scores.other += 2 * w;
  };
  moneyBoost(sig.headlineMoney, 1);
  moneyBoost(sig.bodyMoney, 0.5);

  // A body that only restates a trailer/poster launch after a title card headline.
  if (/\bTITLE\b\s*:\s*\S/.test(main) && scores.trailer > 0 && /\btrailer|teaser|poster|first look\b/i.test(main)) scores.trailer += 2;
  // Reviews: the body of a review reads like criticism; strong evaluative language plus a bare title headline.
  if (/^\s*TITLE\s*$/.test(main) && /\bcritic|review/i.test(lead)) scores.review += 3;
}
