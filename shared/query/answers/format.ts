// How answers write dates, spans, money and counts: the way people read them ("Nov 20–22, 2026", "$71.8M").

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "2027-03-12" → "Mar 12, 2027"; partial dates stay readable ("2027-03" → "Mar 2027", "2027" → "2027"). */
export function humanDate(d: string | null | undefined): string {
  if (!d) return 'undated';
  const [y, m, day] = d.slice(0, 10).split('-');
  if (!m) return y!;
  if (!day) return `${MONTHS[Number(m) - 1]} ${y}`;
  return `${MONTHS[Number(m) - 1]} ${Number(day)}, ${y}`;
}

/** "2026-11-25" → "Wed, Nov 25, 2026". */
export function humanDay(d: string): string {
  const dow = DAYS[new Date(`${d.slice(0, 10)}T12:00:00Z`).getUTCDay()]!;
  return `${dow}, ${humanDate(d)}`;
}

/** A span of two dates, as short as stays unambiguous: "Nov 20–22, 2026", "Oct 30 – Nov 1, 2026", "Dec 28, 2026 – Jan 3, 2027". */
export function humanSpan(from: string, to: string | null | undefined): string {
  if (!to || to.slice(0, 10) === from.slice(0, 10)) return humanDate(from);
  const [fy, fm, fd] = from.slice(0, 10).split('-').map(Number);
  const [ty, tm, td] = to.slice(0, 10).split('-').map(Number);
  if (fd === undefined || td === undefined) return `${humanDate(from)} – ${humanDate(to)}`;
  if (fy !== ty) return `${humanDate(from)} – ${humanDate(to)}`;
  if (fm !== tm) return `${MONTHS[fm! - 1]} ${fd} – ${MONTHS[tm! - 1]} ${td}, ${ty}`;
  return `${MONTHS[fm! - 1]} ${fd}–${td}, ${ty}`;
}

/** Dollars the way the trades write them: $71.8M, $1.20B, $906K. */
export function money(n: number): string {
  if (n >= 1e9) return `$${(n / 1e9).toFixed(2)}B`;
  if (n >= 1e6) return `$${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `$${Math.round(n / 1e3)}K`;
  return `$${Math.round(n)}`;
}

/** A whole-dollar figure with separators: $17,862. */
export function dollars(n: number): string {
  return `$${Math.round(n).toLocaleString('en-US')}`;
}

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "+12.8%" / "-50.8%". */
export function percent(change: number): string {
  return `${change > 0 ? '+' : ''}${change}%`;
}

/** "a, b and c". */
export function listJoin(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** "2nd", "3rd". */
export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${s}`;
}

/** Upper-cases the first letter. */
export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
