// People named in a story: capitalized two- or three-word names, confirmed by reuse of the surname or a role word.
import { overlapsSpans, type Span } from './text.js';

// Capitalized words that are not parts of names in trade copy (headline verbs and nouns, places, genres, orgs).
const STOP = new Set(
  (
    'a an the and or of in on at for to with from by as after ahead despite amid over up into off out is are was will be ' +
    'says said sets set moves move dates dated joins join star stars starring review reviews trailer teaser first look ' +
    'box office weekend film films movie movies series season studio studios pictures entertainment features classics ' +
    'animation festival awards award prize golden globe globes oscar oscars emmy emmys lineup nominations nomination ' +
    'best picture director directors president presidents co-presidents chief head officer executive exec chairman chair ' +
    'marketing distribution domestic worldwide global north south east west american u.s. new york los angeles las vegas ' +
    'times square street day week month year january february march april may june july august september october ' +
    'november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday christmas thanksgiving memorial labor ' +
    'presidents summer fall winter spring opening release theaters theatrical imax premiere world red carpet deal rights ' +
    'exclusive watch update breaking live-action sci-fi thriller drama comedy horror western doc documentary musical ' +
    'animated fantasy action epic indie sequel prequel spinoff remake pilot veteran character actor actress newcomer ' +
    'villain lead role cast voice talks his her their its this that super bowl tv network motors palace parade football ' +
    'group company corp inc center centre theatre theatres university college hotel burger guild members fans critics ' +
    'global international specialty record previews thursday tracking cume debut hit hits tops passes crosses grabs ' +
    'wins won takes adds taps names hires exits signs boards lands buys acquires nabs picks orders renews greenlights ' +
    'developing produce producing sequel trilogy franchise universe cinematic netflix disney pixar marvel hulu apple amazon ' +
    'prime video max hbo sony universal paramount warner bros lionsgate neon focus searchlight legendary blumhouse ' +
    'skydance angel mubi a24 ifc magnolia fathom shudder venice cannes berlin sundance toronto telluride sxsw tribeca ' +
    'hollywood broadway london paris tokyo china u.k. europe latin british columbia atlanta halifax maine oregon australia ' +
    'orlando butte boston colorado gulf coast caesars cinemacon sag-aftra wga caa wme uta dga amc cinemark regal ' +
    'academy bafta telluride panorama special presentations competition silver lion bear palme people choice grand jury ' +
    'saturday global top holiday frame five-day box-office final first-look images poster footage clip stills ' +
    'early late part new old rising returning returns return untitled next last one two three four five six seven eight ' +
    'nine ten dc walt twentieth century fox star wars celebration happy meal macy mcdonald coca-cola samsung formula'
  ).split(/\s+/),
);
// Last words that make a capitalized pair a thing or a place rather than a person ("Fan Nights", "Voltera Motors").
const ENTITY_END = new Set(
  (
    'nights night days day week weekend fest festival event events screening screenings tour club market markets motors ' +
    'foods burger burgers network channel studios games records music media group house hall center centre park square ' +
    'street avenue river island islands lake beach bay city county state theater theatre cinema cinemas awards prize ' +
    'series season show films pictures entertainment productions partners capital fund labs store stores airlines ' +
    'football league cup bowl games parade palace hotel resort mall arena stadium university college school institute ' +
    'foundation society association academy guild union council office agency'
  ).split(' '),
);
const ROLE_CUE = /\b(?:director|directors|star|stars|starring|actor|actress|producer|producers|writer|writers|showrunner|newcomer|president|chief|chairman|chair|exec|executive|helmer|filmmaker|composer|creator|co-star|opposite|co-stars|voices?|directed by|written by|produced by|led by|jury was led by|said|says|told|joins|to star|in talks|officer|head|veteran|host)\W*$/i;
const NAME = /\p{Lu}[\p{Ll}'’-]*\p{Ll}[\p{L}'’-]*|\p{Lu}\./u;

/** Up to `limit` person names in `text` (headline, line break, body), skipping `mask` spans (titles, studios). */
export function extractPeople(text: string, mask: readonly Span[] = [], limit = 8): string[] {
  const out: string[] = [];
  const headEnd = text.indexOf('\n') < 0 ? 0 : text.indexOf('\n');
  const seen = new Set<string>();
  const tokens = [...text.matchAll(/[\p{L}'’.-]+/gu)];
  let run: RegExpMatchArray[] = [];
  const flush = (): void => {
    if (run.length >= 2) consider(run);
    run = [];
  };
  const consider = (seq: RegExpMatchArray[]): void => {
    for (let len = Math.min(3, seq.length); len >= 2; len--) {
      for (let i = 0; i + len <= seq.length; i++) {
        const part = seq.slice(i, i + len);
        const start = part[0]!.index!;
        const last = part[len - 1]!;
        const end = last.index! + last[0].length;
        if (overlapsSpans(start, end, mask)) continue;
        const words = part.map((t) => t[0].replace(/['’]s$/, '').replace(/\.$/, ''));
        const name = words.join(' ');
        if (seen.has(name) || ENTITY_END.has(words[len - 1]!.toLowerCase())) continue;
        // Title-case headlines glue verbs to names ("Showcases Wren Ashby"): a headline name must recur in the body.
        if (start < headEnd && !occursOutside(text, name, headEnd)) continue;
        if (!confirmed(text, start, end, words[len - 1]!)) continue;
        if (out.some((o) => o.includes(name))) return;
        seen.add(name);
        out.push(name);
        return;
      }
    }
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const word = t[0].replace(/['’]s$/, '').replace(/[.]$/, '');
    const gap = k > 0 ? text.slice(tokens[k - 1]!.index! + tokens[k - 1]![0].length, t.index) : ' ';
    const isName = NAME.test(word) && !STOP.has(word.toLowerCase()) && word.length > 1;
    if (isName && (run.length === 0 || /^ $/.test(gap))) run.push(t);
    else {
      flush();
      if (isName) run.push(t);
    }
    // A possessive ends a name ("Ostrova's").
    if (/['’]s$/.test(t[0])) flush();
    if (out.length >= limit) return out;
  }
  flush();
  return out.slice(0, limit);
}

function occursOutside(text: string, name: string, from: number): boolean {
  for (let i = text.indexOf(name, from); i >= 0; i = text.indexOf(name, i + 1)) {
    if (!isLetter(text[i - 1]) && !isLetter(text[i + name.length])) return true;
  }
  return false;
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /\p{L}/u.test(c);
}

function confirmed(text: string, start: number, end: number, surname: string): boolean {
  // The surname used alone elsewhere ("Ashcombe would play…") is the strongest sign of a person.
  for (let i = text.indexOf(surname); i >= 0; i = text.indexOf(surname, i + 1)) {
    if (i >= start && i < end) continue;
    if (!isLetter(text[i - 1]) && !isLetter(text[i + surname.length])) return true;
  }
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 20);
  if (ROLE_CUE.test(before)) return true;
  if (/^\s*(?:,\s*\d{2}\b|will\s+(?:play|star|direct|voice|lead)|directs|stars|joins|is\s+in\s+talks|has\s+(?:closed|signed|boarded))/i.test(after)) return true;
  // "X and Y", "X, Y and Z" lists of names right after a cue.
  if (/(?:and|,)\s*$/.test(before) && /\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+\s*(?:,|and)\s*$/u.test(before)) return true;
  return false;
}

// Words a person's name is followed by when the person is a headline's subject ("Ike Brandt Boards …", "X to Star In …").
const SUBJECT_VERBS = new Set(
  (
    'boards joins rejoins exits leaves departs quits signs inks re-ups lands nabs wins set sets to in will is was has ' +
    'gets cast says talks named tapped returns reprises replaces steps eyes circles stars directs produces writes ' +
    'launches teases reveals confirms recalls dies dead promoted upped hired exiting leaving joining boarding starring ' +
    'directing producing renews extends expands extend'
  ).split(' '),
);

/**
 * The person a headline opens with and the word after the name ({ name: 'Ike Brandt', verb: 'boards' }), or null. The
 * name is two or three capitalized words, none of them a trade-copy word or a masked title or studio, followed by a
 * word people do things with in headlines: in Title Case, that word tells a name from a title ("Wicked Little Letters").
 */
export function headlineSubject(maskedHeadline: string): { name: string; verb: string } | null {
  const words = maskedHeadline.replace(/^[\s'"‘’“”]+/, '').split(/\s+/, 4);
  for (const len of [2, 3]) {
    if (words.length <= len) break;
    const name = words.slice(0, len);
    if (name.some((w) => STOP.has(w.toLowerCase()) || /^(?:TITLE|STUDIO|JOBTITLE)$/.test(w) || !/^\p{Lu}/u.test(w) || !NAME.test(w))) continue;
    const verb = words[len]!.toLowerCase().replace(/[^\p{L}-]+$/u, '');
    if (SUBJECT_VERBS.has(verb)) return { name: name.join(' '), verb };
  }
  return null;
}
