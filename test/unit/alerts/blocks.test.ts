// Block Kit builder: hostile web text escaped (scripts, mentions, links), huge titles truncated, every payload within limits.
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/delivery/alerts/alert-rules.js';
import {
  LIMITS,
  buildAlertMessage,
  escapeMrkdwn,
  mrkdwnLink,
  truncateMrkdwn,
  validateBlocks,
} from '../../../shared/delivery/alerts/blocks.js';
import type { ChatBlock } from '../../../shared/ports/chat.js';

function alert(over: Partial<Alert> = {}): Alert {
  return {
    id: 's_1',
    kind: 'collision',
    priority: 0,
    title: 'Skyward Sprocket',
    studio: 'Universal Pictures',
    headline: "Universal Moves Illumination's 'Skyward Sprocket' Up Two Weeks To Dec. 11",
    summary: "Universal moves 'Skyward Sprocket' up two weeks to Dec. 11.",
    eventType: 'release_moved',
    eventId: 'e_1',
    storyId: 's_1',
    at: '2026-11-17T18:12:19.000Z',
    change: { from: '2026-12-25', to: '2026-12-11' },
    collisions: [{ slateTitle: 'The Lantern Keeper', slateDate: '2026-12-11', competitorDate: '2026-12-11', weekendsApart: 0, genreOverlap: ['family', 'fantasy'] }],
    surprise: null,
    link: { source: 'Deadline Wire', title: 'Skyward', url: 'https://deadline.example/skyward/?a=1&b=2' },
    alsoIn: [
      { source: 'Variety Insider', title: 'x', url: 'https://variety.example/skyward' },
      { source: 'The Hollywood Ledger', title: 'y', url: 'https://ledger.example/skyward' },
    ],
    ...over,
  };
}

const texts = (blocks: ChatBlock[]) =>
  blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : b.type === 'header' ? [b.text.text] : []));

describe('escapeMrkdwn', () => {
  it('turns &, < and > into entities so mentions and links from the web stay text', () => {
    expect(escapeMrkdwn(`<!channel> <@U123ABC> <#C999> <https://evil.example|click> A&B`)).toBe(
      '&lt;!channel&gt; &lt;@U123ABC&gt; &lt;#C999&gt; &lt;https://evil.example|click&gt; A&amp;B',
    );
  });
});

describe('mrkdwnLink', () => {
  it('keeps the URL inside the link syntax and escapes the label', () => {
    expect(mrkdwnLink('https://x.example/a?b=1&c=<2>|3', 'Tom & <Jerry>')).toBe('<https://x.example/a?b=1&amp;c=%3C2%3E%7C3|Tom &amp; &lt;Jerry&gt;>');
  });
  it('never links a javascript: or unparsable URL', () => {
    expect(mrkdwnLink('javascript:alert(1)', 'x')).toBe('x');
    expect(mrkdwnLink('not a url', '<b>')).toBe('&lt;b&gt;');
  });
});

describe('truncateMrkdwn', () => {
  it('never cuts inside an entity or a link', () => {
    const s = `${'a'.repeat(10)}<https://x.example/long|label>`;
    expect(truncateMrkdwn(s, 20)).toBe(`${'a'.repeat(10)}…`);
    expect(truncateMrkdwn('abc&amp;def', 6)).toBe('abc…');
  });
});

describe('buildAlertMessage', () => {
  it('a single collision: header, what changed, old → new date, the slate title, also-in links', () => {
    const m = buildAlertMessage([alert()], { timeZone: 'America/Los_Angeles' });
    expect(validateBlocks(m)).toEqual([]);
    expect(m.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    const [header, section, context] = texts(m.blocks);
    expect(header).toBe('🚨 Skyward Sprocket (Universal Pictures) vs The Lantern Keeper');
    expect(section).toContain('<https://deadline.example/skyward/?a=1&amp;b=2|Universal Moves Illumination\'s \'Skyward Sprocket\' Up Two Weeks To Dec. 11>');
    expect(section).toContain('*Date:* Dec 25, 2026 → Dec 11, 2026');
    expect(section).toContain('*Collides with:* _The Lantern Keeper_ (Dec 11, 2026): same weekend, both family/fantasy');
    expect(context).toBe('Also in: <https://variety.example/skyward|Variety Insider> · <https://ledger.example/skyward|The Hollywood Ledger>');
    expect(m.text).toContain('Skyward Sprocket');
    expect(m.alerts).toEqual([{ key: 's_1', kind: 'collision', title: 'Skyward Sprocket', summary: expect.stringContaining('Collision with the slate') }]);
  });

  it('hostile titles: <script>, <!channel>, <@U…> and fake links are shown as text everywhere', () => {
    const hostile = `<script>alert(1)</script> <!channel> <!here> <@U0123ABCD> <https://evil.example|Click me> & more`;
    const m = buildAlertMessage([alert({ title: hostile, headline: hostile, summary: hostile, studio: '<!everyone>', link: { source: '<!channel>', title: hostile, url: 'https://ok.example/"><!channel>' }, alsoIn: [{ source: '<@U999>', title: 't', url: 'javascript:alert(1)' }] })]);
    expect(validateBlocks(m)).toEqual([]);
    const body = JSON.stringify(m.blocks.filter((b) => b.type !== 'header')) + m.text;
    expect(body).not.toContain('<script');
    expect(body).not.toMatch(/<[!@#]/);
    expect(body).not.toContain('<https://evil.example');
    expect(body).not.toContain('javascript:');
    expect(body).toContain('&lt;!channel&gt;');
    expect(body).toContain('&lt;@U0123ABCD&gt;');
    // The URL's own quote and brackets cannot close the link.
    expect(body).toContain('<https://ok.example/%22%3E%3C!channel%3E|');
  });

  it('a 5000-character title and summary stay within every limit, cut with an ellipsis', () => {
    const long = `${'Extremely Long Title '.repeat(240)}&<>`;
    const m = buildAlertMessage([alert({ title: long, headline: long, summary: long, alsoIn: Array.from({ length: 40 }, (_, i) => ({ source: `Outlet ${i} ${'x'.repeat(150)}`, title: 't', url: `https://o${i}.example/${'p'.repeat(400)}` })) })]);
    expect(validateBlocks(m)).toEqual([]);
    const header = m.blocks[0]!;
    expect(header.type === 'header' && header.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    expect(header.type === 'header' && header.text.text.endsWith('…')).toBe(true);
    for (const t of texts(m.blocks)) expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
  });

  it('a burst: one header counting the alerts, a section and context per alert, dividers between', () => {
    const m = buildAlertMessage([alert(), alert({ id: 's_2', kind: 'trailer', priority: 4, title: 'Iron Meridian', studio: 'Lionsgate', change: null, collisions: [] })]);
    expect(validateBlocks(m)).toEqual([]);
    expect(m.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'divider', 'section', 'context']);
    expect(texts(m.blocks)[0]).toBe('🚨 2 competitive alerts, 1 collision with the slate');
    expect(m.text.split('\n')).toHaveLength(2);
  });

  it('even 200 hostile 5000-char alerts in one call give a valid payload (capped at 50 blocks)', () => {
    const huge = `<!channel> ${'<script>'.repeat(700)}`;
    const many = Array.from({ length: 200 }, (_, i) => alert({ id: `s_${i}`, title: huge, headline: huge, summary: huge }));
    const m = buildAlertMessage(many);
    expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expect(validateBlocks(m)).toEqual([]);
    expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    expect(JSON.stringify(m.blocks.at(-1))).toContain('more');
  });

  it('a box-office surprise shows the opening against comparable openings', () => {
    const m = buildAlertMessage([
      alert({
        id: 'surprise:glimmerglass:2026-11-20',
        kind: 'boxoffice_surprise',
        title: 'Glimmerglass',
        change: null,
        collisions: [],
        link: null,
        alsoIn: [],
        surprise: { title: 'Glimmerglass', distributor: 'Universal Pictures', start: '2026-11-20', gross: 71_800_000, theaters: 3900, perTheater: 18_410, comparableMedian: 3_259, comparables: 7, ratio: 5.65, direction: 'above' },
      }),
    ]);
    expect(validateBlocks(m)).toEqual([]);
    expect(texts(m.blocks)[1]).toContain('*Opening:* $71.8M at 3,900 theaters ($18,410 per theater), *5.65×* the median of 7 comparable openings ($3,259)');
  });
});

describe('validateBlocks', () => {
  it('catches what Slack would reject', () => {
    expect(validateBlocks({ text: '', blocks: [] })).toEqual(expect.arrayContaining(['text: empty fallback text', 'blocks: none']));
    const bad = validateBlocks({
      text: 'hi <!channel>',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } },
        { type: 'section', text: { type: 'mrkdwn', text: 'a & b' } },
        { type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'c' })) },
        ...Array.from({ length: 48 }, () => ({ type: 'divider' as const })),
      ],
    });
    expect(bad).toEqual([
      'text: unescaped < or > (a mention or link from the web?)',
      'blocks: 51 (max 50)',
      'blocks[0] header: 151 chars (max 150)',
      'blocks[1] section: unescaped &',
      'blocks[2] context: 11 elements (1 to 10)',
    ]);
  });
});

describe('links to the brief and "flag as wrong"', () => {
  it('adds the collision brief and a signed flag link for the alert event, within limits', async () => {
    const { verifyFlag } = await import('../../../shared/feedback/flag-links.js');
    const { briefId } = await import('../../../shared/assist/counter-briefs.js');
    const secret = 'unit-test-secret-0123456789';
    const now = new Date('2026-11-28T12:00:00Z');
    const msg = buildAlertMessage([alert()], { links: { publicUrl: 'http://127.0.0.1:4820/', linkSecret: secret, now } });
    expect(validateBlocks(msg)).toEqual([]);
    const context = JSON.stringify(msg.blocks);
    const brief = briefId({ slateTitle: 'The Lantern Keeper', competitorTitle: 'Skyward Sprocket', competitorDate: '2026-12-11' });
    expect(context).toContain(`<http://127.0.0.1:4820/#brief=${brief}|Brief: The Lantern Keeper>`);
    const token = /\/flag\?t=([\w.-]+)\|Flag as wrong>/.exec(context)![1]!;
    expect(verifyFlag(secret, token, now)).toMatchObject({ ok: true, claim: { kind: 'alert', id: 'e_1', who: 'slack' } });
    expect(JSON.stringify(buildAlertMessage([alert()]).blocks)).not.toContain('Flag as wrong');
  });
});
